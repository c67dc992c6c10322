package io.socsim.isa.elf;

import java.util.Locale;

/**
 * An ELF file socsim cannot use. The message is a single line that names the file and the
 * problem, fit to be printed as-is by a command-line tool.
 *
 * <p>Unchecked on purpose: a bad program file is a user error that the top level reports and
 * exits on; the layers in between have nothing useful to do with it. For the same reason it
 * records no stack trace (each message is specific enough to locate its check), which also keeps
 * rejecting garbage cheap; an I/O cause keeps its own trace.
 */
public final class ElfFormatException extends RuntimeException {

    private final String file;
    private final String problem;

    public ElfFormatException(String file, String problem) {
        this(file, problem, null);
    }

    /** Control characters (from names inside a corrupt file, say) are escaped as {@code \xNN}. */
    public ElfFormatException(String file, String problem, Throwable cause) {
        super(printable(file) + ": " + printable(problem), cause, false, false);
        this.file = file;
        this.problem = printable(problem);
    }

    /** Keeps text on one line by escaping control characters. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The file name as given to the reader. */
    public String file() {
        return file;
    }

    /** The message without the file name. */
    public String problem() {
        return problem;
    }
}
