package io.socsim.sim.cli;

import io.socsim.sim.bench.IssBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code socsim bench}: simulation-speed benchmarks (figures, not tests). */
@Command(name = "bench", description = "Measure simulation speed.", subcommands = {BenchCommand.Iss.class})
final class BenchCommand {

    @Command(name = "iss", description = "Functional instruction-set simulation speed on one hart; last line: MIPS <value>.")
    static final class Iss implements Runnable {
        @Option(names = "--instructions", defaultValue = "300000000", description = "Instructions per timed run (default: ${DEFAULT-VALUE}).")
        long instructions;

        @Override
        public void run() {
            IssBenchmark.run(instructions, System.out);
        }
    }
}
