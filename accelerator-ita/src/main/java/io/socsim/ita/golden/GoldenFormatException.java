package io.socsim.ita.golden;

import java.io.IOException;

/** A golden file that does not follow {@code ita-golden-v1}; the message starts with file:line. */
public final class GoldenFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public GoldenFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }
}
