package io.socsim.sim;

/**
 * A problem with what the user gave us (file, option, configuration, program). The command line
 * prints its message alone, without a stack trace, and exits with {@link #exitCode()}.
 */
public class UserError extends RuntimeException {

    /** Exit code for bad input: options, files, configuration. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a program that faulted in simulation (illegal instruction, bus error, deadlock). */
    public static final int PROGRAM_FAULT = 3;
    /** Exit code for a program stopped at its cycle or instruction limit. */
    public static final int LIMIT_REACHED = 4;

    private final int exitCode;

    public UserError(String message) {
        this(message, BAD_INPUT);
    }

    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
