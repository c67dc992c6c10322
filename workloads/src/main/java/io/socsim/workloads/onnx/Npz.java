package io.socsim.workloads.onnx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} archives: a zip (stored or deflated) of {@code NAME.npy} members. Members
 * are returned in archive order, keyed by name without {@code .npy}, which is also the order in
 * which {@code numpy.savez} wrote its positional arrays.
 */
public final class Npz {

    /** A member larger than this is refused rather than read into memory. */
    private static final long MAX_MEMBER = 1L << 30;

    private Npz() {
    }

    public static Map<String, NpyArray> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NpyFormatException(file.toString(), "cannot read the file (" + e + ")");
        }
        return parse(bytes, file.toString());
    }

    public static Map<String, NpyArray> parse(byte[] bytes, String source) {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new NpyFormatException(source, "bad magic: not a zip archive (.npz)");
        }
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String member = e.getName();
                byte[] data = readMember(zin, source, member);
                String key = member.endsWith(".npy")
                        ? member.substring(0, member.length() - 4) : member;
                if (out.containsKey(key)) {
                    throw new NpyFormatException(source, "member '" + member
                            + "' appears twice");
                }
                out.put(key, Npy.parse(data, source + "[" + member + "]"));
            }
        } catch (NpyFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // java.util.zip reports broken archives as ZipException, EOFException or, for some
            // header damage, IllegalArgumentException
            throw new NpyFormatException(source, "broken zip archive (" + e.getMessage() + ")",
                    e);
        }
        if (out.isEmpty()) {
            throw new NpyFormatException(source, "the archive holds no arrays");
        }
        return Collections.unmodifiableMap(out);
    }

    private static byte[] readMember(ZipInputStream zin, String source, String member)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        int n;
        while ((n = zin.read(chunk)) > 0) {
            buf.write(chunk, 0, n);
            if (buf.size() > MAX_MEMBER) {
                throw new NpyFormatException(source, "member '" + member + "' exceeds "
                        + MAX_MEMBER + " bytes");
            }
        }
        return buf.toByteArray();
    }

    /** An uncompressed archive of the arrays in map order, as {@code numpy.savez} writes it. */
    public static byte[] toBytes(Map<String, NpyArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zout = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                byte[] data = Npy.toBytes(a.getValue());
                ZipEntry e = new ZipEntry(a.getKey() + ".npy");
                e.setMethod(ZipEntry.STORED);
                e.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                e.setCrc(crc.getValue());
                e.setTime(0); // reproducible archives
                zout.putNextEntry(e);
                zout.write(data);
                zout.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void write(Map<String, NpyArray> arrays, Path file) throws IOException {
        Files.write(file, toBytes(arrays));
    }
}
