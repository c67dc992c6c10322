package io.socsim.sim.cli;

import io.socsim.config.ConfigException;
import io.socsim.sim.UserError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code socsim} command line. Every user error (bad option, file, configuration, program)
 * is reported as one {@code socsim: error: ...} line per problem, never with a stack trace; only
 * an unexpected exception, a bug in socsim, prints its frames.
 */
@Command(name = "socsim", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "socsim 0.1.0",
        description = "Cycle-approximate simulator of an attention-accelerated RISC-V cluster.",
        subcommands = {RunCommand.class, CompileCommand.class, ReproduceCommand.class, AsmCommand.class, DisasmCommand.class, BenchCommand.class, ConformanceCommand.class, SweepCommand.class, CheckCommand.class, BaselineCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of an unexpected exception (a bug): sysexits' EX_SOFTWARE, apart from every verdict code. */
    static final int INTERNAL_ERROR = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LoggingOptions logging;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        io.socsim.sim.Interrupts.installSigintHandler(); // Ctrl-C ends a run with its statistics so far, exit 130
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int execute(String... args) {
        LoggingOptions.reset();
        return commandLine().execute(args);
    }

    /** The configured command line: per-command help texts and the error handlers. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        SystemOptions.describeDefaults(cli);
        cli.registerConverter(Long.class, text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Long.TYPE, text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        cli.registerConverter(Integer.class, text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.registerConverter(Integer.TYPE, text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cli.setParameterExceptionHandler(Main::badOptions);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError u) {
                printError(err, u.getMessage());
                return u.exitCode();
            }
            if (ex instanceof ConfigException c) { // a configuration loaded outside SystemOptions
                printError(err, String.join("\n", c.problems()));
                return UserError.BAD_INPUT;
            }
            err.println("socsim: internal error (a bug in socsim; please report it with the command line): " + ex);
            ex.printStackTrace(err);
            err.flush();
            return INTERNAL_ERROR;
        });
        return cli;
    }

    /**
     * A command line picocli cannot parse (unknown option, bad number, missing argument): one
     * line naming the problem and the command's help, instead of picocli's usage text.
     */
    private static int badOptions(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = ex.getMessage().strip().replaceAll("\\s*\\n\\s*", "; ").replaceFirst("\\.$", "");
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && !u.isUnknownOption()
                && !command.getSubcommands().isEmpty()) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        printError(command.getErr(), message + "; see '" + command.getCommandSpec().qualifiedName() + " --help'");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Picocli's own message says "is not a long"; this one says what was expected, in the user's terms. */
    private static long wholeNumber(String text, long min, long max) {
        try {
            long v = Long.parseLong(text.strip());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is "
                    + (text.strip().matches("[+-]?[0-9]+") ? "out of range" : "not a whole number"));
        }
    }

    /** Each line of {@code message} as its own {@code socsim: error:} line. */
    private static void printError(PrintWriter err, String message) {
        for (String line : message.split("\n")) {
            err.println("socsim: error: " + line);
        }
        err.flush();
    }
}
