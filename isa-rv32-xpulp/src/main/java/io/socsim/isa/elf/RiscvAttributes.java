package io.socsim.isa.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Encodes and decodes the {@code .riscv.attributes} section (the ELF "build attributes" format
 * used by the RISC-V psABI): a version byte 'A', then vendor subsections, each holding tagged
 * sub-subsections. socsim only cares about {@code Tag_RISCV_arch}, which tells GNU objdump which
 * extensions to disassemble.
 */
final class RiscvAttributes {

    static final String VENDOR = "riscv";
    static final int TAG_FILE = 1;
    static final int TAG_RISCV_ARCH = 5;

    private RiscvAttributes() {
    }

    static byte[] encode(String arch) {
        byte[] archBytes = arch.getBytes(StandardCharsets.US_ASCII);
        byte[] vendor = VENDOR.getBytes(StandardCharsets.US_ASCII);
        // Tag_File sub-subsection: tag, 4-byte size (counting tag and size), then attributes.
        int fileSize = 1 + 4 + 1 + archBytes.length + 1;
        int subsectionSize = 4 + vendor.length + 1 + fileSize;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('A');
        writeU32(out, subsectionSize);
        out.writeBytes(vendor);
        out.write(0);
        out.write(TAG_FILE);
        writeU32(out, fileSize);
        out.write(TAG_RISCV_ARCH);
        out.writeBytes(archBytes);
        out.write(0);
        return out.toByteArray();
    }

    /**
     * Finds Tag_RISCV_arch in a Tag_File sub-subsection of the "riscv" vendor subsection.
     *
     * @return the arch string, or empty if the section has none
     * @throws IllegalArgumentException with a short reason if the encoding is malformed
     */
    static Optional<String> decodeArch(byte[] b) {
        if (b.length == 0) {
            return Optional.empty();
        }
        if (b[0] != 'A') {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "unknown format version 0x%02x (expected 'A')", b[0] & 0xff));
        }
        int pos = 1;
        while (pos < b.length) {
            long len = u32(b, pos);
            if (len < 5 || pos + len > b.length) {
                throw new IllegalArgumentException("subsection length " + len + " out of range");
            }
            int end = (int) (pos + len);
            int nameEnd = indexOfNul(b, pos + 4, end);
            String vendor = new String(b, pos + 4, nameEnd - pos - 4, StandardCharsets.US_ASCII);
            if (vendor.equals(VENDOR)) {
                Optional<String> arch = decodeSubsection(b, nameEnd + 1, end);
                if (arch.isPresent()) {
                    return arch;
                }
            }
            pos = end;
        }
        return Optional.empty();
    }

    private static Optional<String> decodeSubsection(byte[] b, int pos, int end) {
        while (pos < end) {
            int[] tag = uleb(b, pos, end);
            long size = u32(b, tag[1], end);
            if (size < 5 || pos + size > end) {
                throw new IllegalArgumentException("attribute block size " + size + " out of range");
            }
            int blockEnd = (int) (pos + size);
            if (tag[0] == TAG_FILE) {
                int p = tag[1] + 4;
                while (p < blockEnd) {
                    int[] attr = uleb(b, p, blockEnd);
                    p = attr[1];
                    // psABI rule: odd tags carry NUL-terminated strings, even tags ULEB128 numbers.
                    if ((attr[0] & 1) != 0) {
                        int nul = indexOfNul(b, p, blockEnd);
                        if (attr[0] == TAG_RISCV_ARCH) {
                            return Optional.of(new String(b, p, nul - p, StandardCharsets.US_ASCII));
                        }
                        p = nul + 1;
                    } else {
                        p = uleb(b, p, blockEnd)[1];
                    }
                }
            }
            pos = blockEnd;
        }
        return Optional.empty();
    }

    /** Returns {value, next position}. */
    private static int[] uleb(byte[] b, int pos, int end) {
        long value = 0;
        for (int shift = 0; pos < end && shift < 35; shift += 7) {
            int x = b[pos++] & 0xff;
            value |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                if (value > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("ULEB128 value too large");
                }
                return new int[] {(int) value, pos};
            }
        }
        throw new IllegalArgumentException("unterminated ULEB128 number");
    }

    private static long u32(byte[] b, int pos) {
        return u32(b, pos, b.length);
    }

    private static long u32(byte[] b, int pos, int end) {
        if (pos < 0 || pos + 4 > end) {
            throw new IllegalArgumentException("truncated length field");
        }
        return (b[pos] & 0xffL) | (b[pos + 1] & 0xffL) << 8 | (b[pos + 2] & 0xffL) << 16
                | (b[pos + 3] & 0xffL) << 24;
    }

    private static int indexOfNul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private static void writeU32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
