package io.socsim.sim.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --verbose} and {@code --log-level}, accepted before or after any command: the level of
 * socsim's diagnostics on standard error (default: warnings only; logback.xml).
 */
final class LoggingOptions {

    /** The levels, lower case as typed. */
    enum LogLevel { error, warn, info, debug, trace }

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log what socsim does (compiling, each sweep point, configuration) on standard error: --log-level debug.")
    void verbose(boolean on) {
        if (on) {
            level("debug");
        }
    }

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT, description = "Diagnostics on standard error: ${COMPLETION-CANDIDATES} (default: warn).")
    void logLevel(LogLevel level) {
        level(level.name());
    }

    /** Back to the default, warnings only (each command line starts from it, also in-process). */
    static void reset() {
        if (changed) { // only then: a command that logs nothing never starts logback
            level("warn");
            changed = false;
        }
    }

    private static volatile boolean changed;

    private static void level(String level) {
        changed = true;
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level, Level.WARN));
        }
    }
}
