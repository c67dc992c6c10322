package io.socsim.ita.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reader for the {@code ita-golden-v1} text format (golden README section 1): {@code #} comments,
 * {@code meta key text}, {@code param NAME v...}, {@code tensor NAME rows cols} followed by
 * exactly {@code rows} lines of {@code cols} integers, and a final {@code end}. Tokens are
 * separated by single spaces. Any deviation is reported as file:line.
 */
public final class GoldenReader {

    /** The value of {@code meta format} this reader understands. */
    public static final String FORMAT = "ita-golden-v1";

    private GoldenReader() {
    }

    public static GoldenFile read(Path path) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            return read(in, path.toString());
        }
    }

    /** Reads from any reader; {@code source} names it in error messages. */
    public static GoldenFile read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, int[]> params = new LinkedHashMap<>();
        Map<String, GoldenTensor> tensors = new LinkedHashMap<>();
        int lineNo = 0;
        boolean ended = false;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            line = stripCr(line);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (ended) {
                throw new GoldenFormatException(source, lineNo, "content after 'end'");
            }
            if (line.startsWith("meta ")) {
                // The value is free text, so it is not split into tokens.
                String rest = line.substring("meta ".length());
                int sp = rest.indexOf(' ');
                if (sp <= 0 || sp == rest.length() - 1) {
                    throw new GoldenFormatException(source, lineNo,
                            "'meta' needs a key and a value");
                }
                String key = rest.substring(0, sp);
                String value = rest.substring(sp + 1);
                if (meta.putIfAbsent(key, value) != null) {
                    throw new GoldenFormatException(source, lineNo, "duplicate meta " + key);
                }
                if (key.equals("format") && !value.equals(FORMAT)) {
                    throw new GoldenFormatException(source, lineNo,
                            "unsupported format '" + value + "', expected " + FORMAT);
                }
                continue;
            }
            String[] tok = split(line, source, lineNo);
            switch (tok[0]) {
                case "meta" -> throw new GoldenFormatException(source, lineNo,
                        "'meta' needs a key and a value");
                case "param" -> {
                    if (tok.length < 3) {
                        throw new GoldenFormatException(source, lineNo,
                                "'param' needs a name and at least one value");
                    }
                    int[] values = new int[tok.length - 2];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = parseInt(tok[i + 2], source, lineNo);
                    }
                    if (params.putIfAbsent(tok[1], values) != null) {
                        throw new GoldenFormatException(source, lineNo,
                                "duplicate param " + tok[1]);
                    }
                }
                case "tensor" -> {
                    GoldenTensor t = readTensor(in, tok, source, lineNo);
                    if (tensors.putIfAbsent(t.name(), t) != null) {
                        throw new GoldenFormatException(source, lineNo,
                                "duplicate tensor " + t.name());
                    }
                    lineNo += t.rows();
                }
                case "end" -> {
                    if (tok.length != 1) {
                        throw new GoldenFormatException(source, lineNo,
                                "'end' takes no arguments");
                    }
                    ended = true;
                }
                default -> throw new GoldenFormatException(source, lineNo,
                        "unknown record '" + tok[0] + "' (expected meta, param, tensor or end)");
            }
        }
        if (!ended) {
            throw new GoldenFormatException(source, lineNo + 1,
                    "missing 'end' (file truncated?)");
        }
        if (!meta.containsKey("format")) {
            throw new GoldenFormatException(source, lineNo,
                    "no 'meta format " + FORMAT + "' record");
        }
        return new GoldenFile(source, meta, params, tensors);
    }

    private static GoldenTensor readTensor(BufferedReader in, String[] tok, String source,
            int headerLine) throws IOException {
        if (tok.length != 4) {
            throw new GoldenFormatException(source, headerLine,
                    "expected 'tensor <name> <rows> <cols>'");
        }
        String name = tok[1];
        int rows = parseInt(tok[2], source, headerLine);
        int cols = parseInt(tok[3], source, headerLine);
        if (rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
            throw new GoldenFormatException(source, headerLine,
                    "bad shape " + rows + "x" + cols + " for tensor " + name);
        }
        int[] data = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            int lineNo = headerLine + 1 + r;
            String row = in.readLine();
            if (row == null) {
                throw new GoldenFormatException(source, lineNo, "end of file in tensor " + name
                        + ": got " + r + " of " + rows + " rows");
            }
            String[] vals = split(stripCr(row), source, lineNo);
            if (vals.length != cols) {
                throw new GoldenFormatException(source, lineNo, "tensor " + name + " row " + r
                        + " has " + vals.length + " values, expected " + cols);
            }
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] = parseInt(vals[c], source, lineNo);
            }
        }
        return new GoldenTensor(source, headerLine, name, rows, cols, data);
    }

    private static String[] split(String line, String source, int lineNo)
            throws GoldenFormatException {
        String[] tok = line.split(" ", -1);
        for (String t : tok) {
            if (t.isEmpty()) {
                throw new GoldenFormatException(source, lineNo,
                        "empty token: tokens must be separated by single spaces");
            }
        }
        return tok;
    }

    private static int parseInt(String s, String source, int lineNo)
            throws GoldenFormatException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new GoldenFormatException(source, lineNo, "not an integer: '" + s + "'");
        }
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
