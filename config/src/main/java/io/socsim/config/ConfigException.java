package io.socsim.config;

import java.util.List;
import java.util.Locale;

/**
 * A configuration the user must fix. Each problem is one self-contained line naming the source,
 * line, column and full key path ({@code ita-cluster.yaml:14:5: memory.l1.banks: 12 is not a power
 * of two}); the message is those lines joined, so printing it is enough, no stack trace needed.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem stays on its own line: line breaks and other control characters inside one are escaped. */
    public ConfigException(List<String> problems) {
        super(String.join("\n", escaped(problems)));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = escaped(problems);
    }

    private static List<String> escaped(List<String> problems) {
        return problems.stream().map(ConfigException::oneLine).toList();
    }

    /**
     * Escapes what would break a message line: a multi-line YAML string quoted in a message
     * ({@code got 'a\nb'}) stays one line.
     */
    static String oneLine(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                        ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Every problem found, one line each, in the order they were detected. */
    public List<String> problems() {
        return problems;
    }
}
