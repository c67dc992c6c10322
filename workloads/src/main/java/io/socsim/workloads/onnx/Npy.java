package io.socsim.workloads.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numpy {@code .npy} format (versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY}, a
 * version, a little-endian header length, a Python dictionary literal with {@code descr},
 * {@code fortran_order} and {@code shape}, then the elements. Integer, unsigned, boolean and
 * float dtypes of either byte order are read; Fortran-ordered data is reordered to C order.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private Npy() {
    }

    public static NpyArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new NpyFormatException(file.toString(), "cannot read the file (" + e + ")");
        }
        return parse(bytes, file.toString());
    }

    /** Parses {@code .npy} bytes; {@code source} names them in messages. */
    public static NpyArray parse(byte[] b, String source) {
        if (b.length < 10) {
            throw new NpyFormatException(source, "truncated: " + b.length
                    + " bytes is shorter than the 10-byte npy preamble");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                throw new NpyFormatException(source, "bad magic: not a numpy .npy file");
            }
        }
        int major = b[6] & 0xFF;
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new NpyFormatException(source, "truncated: the version " + major
                        + " header length needs 12 bytes, the file has " + b.length);
            }
            long len = (b[8] & 0xFFL) | (b[9] & 0xFFL) << 8 | (b[10] & 0xFFL) << 16
                    | (b[11] & 0xFFL) << 24;
            if (len > Integer.MAX_VALUE) {
                throw new NpyFormatException(source, "header length " + len + " is implausible");
            }
            headerLen = (int) len;
            start = 12;
        } else {
            throw new NpyFormatException(source, "unsupported npy version " + major + "."
                    + (b[7] & 0xFF));
        }
        if ((long) start + headerLen > b.length) {
            throw new NpyFormatException(source, "truncated: the header needs " + headerLen
                    + " bytes, only " + (b.length - start) + " follow");
        }
        String header = new String(b, start, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = Header.parse(header, source);
        Dtype dt = Dtype.parse(h.descr, source);
        long n = OnnxTensor.elementCount(h.shape);
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException(source, "shape " + java.util.Arrays.toString(h.shape)
                    + " has too many elements");
        }
        int dataStart = start + headerLen;
        long need = n * dt.size;
        long have = b.length - dataStart;
        if (have < need) {
            throw new NpyFormatException(source, "truncated: shape "
                    + java.util.Arrays.toString(h.shape) + " of " + h.descr + " needs " + need
                    + " data bytes, the file has " + have);
        }
        if (have > need) {
            throw new NpyFormatException(source, have - need
                    + " bytes follow the data of shape " + java.util.Arrays.toString(h.shape)
                    + " (file size mismatch)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b, dataStart, (int) need).order(dt.order);
        int count = (int) n;
        long[] ints = null;
        double[] reals = null;
        if (dt.kind == 'f') {
            reals = new double[count];
            for (int i = 0; i < count; i++) {
                reals[i] = switch (dt.size) {
                    case 2 -> OnnxReader.halfToDouble(DataType.FLOAT16, buf.getShort() & 0xFFFF);
                    case 4 -> buf.getFloat();
                    default -> buf.getDouble();
                };
            }
        } else {
            ints = new long[count];
            for (int i = 0; i < count; i++) {
                ints[i] = dt.kind == 'i' ? switch (dt.size) {
                    case 1 -> buf.get();
                    case 2 -> buf.getShort();
                    case 4 -> buf.getInt();
                    default -> buf.getLong();
                } : switch (dt.size) {
                    case 1 -> buf.get() & 0xFF;
                    case 2 -> buf.getShort() & 0xFFFF;
                    case 4 -> buf.getInt() & 0xFFFF_FFFFL;
                    default -> buf.getLong();
                };
                if (dt.kind == 'b' && ints[i] > 1) {
                    throw new NpyFormatException(source, "boolean element " + i + " is "
                            + ints[i]);
                }
            }
        }
        if (h.fortran && h.shape.length > 1) {
            if (ints != null) {
                ints = fortranToC(ints, h.shape);
            } else {
                reals = fortranToC(reals, h.shape);
            }
        }
        return new NpyArray(dt.kind + String.valueOf(dt.size), h.shape, ints, reals);
    }

    private static long[] fortranToC(long[] f, long[] shape) {
        long[] c = new long[f.length];
        int[] idx = new int[shape.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = f[fortranOffset(idx, shape)];
            increment(idx, shape);
        }
        return c;
    }

    private static double[] fortranToC(double[] f, long[] shape) {
        double[] c = new double[f.length];
        int[] idx = new int[shape.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = f[fortranOffset(idx, shape)];
            increment(idx, shape);
        }
        return c;
    }

    private static int fortranOffset(int[] idx, long[] shape) {
        int off = 0;
        int stride = 1;
        for (int d = 0; d < shape.length; d++) {
            off += idx[d] * stride;
            stride *= (int) shape[d];
        }
        return off;
    }

    private static void increment(int[] idx, long[] shape) {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    /** Encodes an array as version 1.0 {@code .npy} (little endian, C order). */
    public static byte[] toBytes(NpyArray a) {
        Dtype dt = Dtype.parse("<" + a.dtype(), "array");
        StringBuilder shape = new StringBuilder("(");
        long[] s = a.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(s[i]);
        }
        shape.append(s.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + (dt.size == 1 ? "|" : "<") + a.dtype()
                + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + a.size() * dt.size)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < a.size(); i++) {
            if (dt.kind == 'f') {
                double v = a.reals()[i];
                if (dt.size == 4) {
                    out.putFloat((float) v);
                } else if (dt.size == 8) {
                    out.putDouble(v);
                } else {
                    throw new IllegalArgumentException("writing f2 is not supported");
                }
            } else {
                long v = a.ints()[i];
                switch (dt.size) {
                    case 1 -> out.put((byte) v);
                    case 2 -> out.putShort((short) v);
                    case 4 -> out.putInt((int) v);
                    default -> out.putLong(v);
                }
            }
        }
        return out.array();
    }

    /** A dtype string such as {@code <i8}: kind ({@code i u f b}), size in bytes, byte order. */
    private record Dtype(char kind, int size, ByteOrder order) {

        static Dtype parse(String descr, String source) {
            if (descr.length() < 3) {
                throw new NpyFormatException(source, "unknown dtype '" + descr + "'");
            }
            char bo = descr.charAt(0);
            ByteOrder order = switch (bo) {
                case '<', '=', '|' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                default -> null;
            };
            char kind = descr.charAt(1);
            String sz = descr.substring(2);
            int size = switch (sz) {
                case "1" -> 1;
                case "2" -> 2;
                case "4" -> 4;
                case "8" -> 8;
                default -> -1;
            };
            boolean ok = order != null && switch (kind) {
                case 'i', 'u' -> size > 0;
                case 'b' -> size == 1;
                case 'f' -> size >= 2;
                default -> false;
            };
            if (!ok) {
                throw new NpyFormatException(source, "unknown or unsupported dtype '" + descr
                        + "' (supported: signed/unsigned integers of 1, 2, 4, 8 bytes, bool, "
                        + "float16/32/64)");
            }
            return new Dtype(kind, size, order);
        }
    }

    /** The header dictionary: {@code {'descr': '<i8', 'fortran_order': False, 'shape': (2, 3), }}. */
    private record Header(String descr, boolean fortran, long[] shape) {

        static Header parse(String text, String source) {
            Lexer lx = new Lexer(text, source);
            Map<String, Object> d = new LinkedHashMap<>();
            lx.skip();
            lx.expect('{');
            while (true) {
                lx.skip();
                if (lx.peek() == '}') {
                    lx.next();
                    break;
                }
                String key = lx.string();
                lx.skip();
                lx.expect(':');
                lx.skip();
                Object value = lx.value();
                if (d.put(key, value) != null) {
                    throw lx.fail("key '" + key + "' appears twice");
                }
                lx.skip();
                if (lx.peek() == ',') {
                    lx.next();
                } else if (lx.peek() != '}') {
                    throw lx.fail("expected ',' or '}'");
                }
            }
            lx.skip();
            if (!lx.atEnd()) {
                throw lx.fail("text after the dictionary");
            }
            for (String k : d.keySet()) {
                if (!List.of("descr", "fortran_order", "shape").contains(k)) {
                    throw new NpyFormatException(source, "header has unexpected key '" + k + "'");
                }
            }
            if (!(d.get("descr") instanceof String descr)) {
                throw new NpyFormatException(source, d.containsKey("descr")
                        ? "header 'descr' is not a simple dtype string (structured dtypes are not"
                        + " supported)" : "header has no 'descr'");
            }
            if (!(d.get("fortran_order") instanceof Boolean fortran)) {
                throw new NpyFormatException(source, "header 'fortran_order' is missing or not"
                        + " True/False");
            }
            if (!(d.get("shape") instanceof long[] shape)) {
                throw new NpyFormatException(source, "header 'shape' is missing or not a tuple"
                        + " of integers");
            }
            return new Header(descr, fortran, shape);
        }
    }

    /** Just enough of Python's literal syntax for numpy's header dictionary. */
    private static final class Lexer {
        private final String s;
        private final String source;
        private int pos;

        Lexer(String s, String source) {
            this.s = s;
            this.source = source;
        }

        NpyFormatException fail(String what) {
            return new NpyFormatException(source, "malformed header at character " + pos + ": "
                    + what + " in " + quote());
        }

        private String quote() {
            String t = s.strip();
            return '"' + (t.length() > 80 ? t.substring(0, 80) + "..." : t) + '"';
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(pos);
        }

        char next() {
            return s.charAt(pos++);
        }

        void skip() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                pos++;
            }
        }

        void expect(char c) {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            pos++;
        }

        String string() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw fail("expected a quoted string");
            }
            pos++;
            int end = s.indexOf(q, pos);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                pos++;
                List<Long> dims = new ArrayList<>();
                while (true) {
                    skip();
                    if (peek() == ')') {
                        pos++;
                        break;
                    }
                    dims.add(integer());
                    skip();
                    if (peek() == ',') {
                        pos++;
                    } else if (peek() != ')') {
                        throw fail("expected ',' or ')' in the shape");
                    }
                }
                return dims.stream().mapToLong(Long::longValue).toArray();
            }
            if (c == '[') {
                throw new NpyFormatException(source, "structured dtypes are not supported");
            }
            throw fail("unexpected value");
        }

        private long integer() {
            int start = pos;
            while (!atEnd() && Character.isDigit(peek())) {
                pos++;
            }
            if (!atEnd() && (peek() == 'L' || peek() == 'l')) {
                pos++; // Python 2 long suffix, as old numpy wrote it
            }
            String digits = s.substring(start, pos).toUpperCase(Locale.ROOT).replace("L", "");
            if (digits.isEmpty() || digits.length() > 18) {
                throw fail("expected a non-negative dimension");
            }
            return Long.parseLong(digits);
        }
    }
}
