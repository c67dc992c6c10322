package io.socsim.sim;

/**
 * Ctrl-C (SIGINT) as a request to stop a simulation early. The handler only sets a flag; the run
 * loops poll it every few thousand steps and end with reason {@code interrupted}, so the command
 * can still print and write the statistics so far and exit 130. A second Ctrl-C while the first is
 * being handled stops the process at once.
 */
public final class Interrupts {

    private static volatile boolean requested;

    private Interrupts() {
    }

    /** Routes SIGINT to {@link #request()} (the command line's entry point calls this once). */
    @SuppressWarnings("removal")
    public static void installSigintHandler() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (requested) {
                    Runtime.getRuntime().halt(RunEnd.INTERRUPTED_CODE);
                }
                requested = true;
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform (or it is reserved): Ctrl-C keeps its default effect
        }
    }

    /** True once a stop was requested. A volatile read: cheap enough for a run loop's poll. */
    public static boolean requested() {
        return requested;
    }

    /** Requests a stop, as SIGINT does. */
    public static void request() {
        requested = true;
    }

    /** Forgets a request (tests that interrupt in-process). */
    public static void clear() {
        requested = false;
    }
}
