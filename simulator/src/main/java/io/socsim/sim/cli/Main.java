package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code socsim} command line. */
@Command(name = "socsim", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "socsim 0.1.0",
        description = "Cycle-approximate simulator of an attention-accelerated RISC-V cluster.",
        subcommands = {RunCommand.class, CompileCommand.class, ReproduceCommand.class, AsmCommand.class, DisasmCommand.class, BenchCommand.class, ConformanceCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                commandLine.getErr().println("socsim: error: " + ex.getMessage());
                commandLine.getErr().flush();
                return ((UserError) ex).exitCode();
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
