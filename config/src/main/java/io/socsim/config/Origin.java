package io.socsim.config;

/**
 * Where a configuration value came from: a file position, or a command-line override.
 * Rendered as the prefix of every error message ({@code file.yaml:14:5} or {@code --set a.b=1}).
 */
record Origin(String source, int line, int column) {

    static Origin of(String source, int line, int column) {
        return new Origin(source, line, column);
    }

    /** An origin with no position, such as a {@code --set} argument. */
    static Origin whole(String source) {
        return new Origin(source, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return source;
        }
        return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }
}
