package io.socsim.config;

import java.util.List;

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

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each, in the order they were detected. */
    public List<String> problems() {
        return problems;
    }
}
