package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import io.socsim.sim.bench.GemmBenchmark;
import io.socsim.sim.bench.IssBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code socsim bench}: simulation-speed benchmarks (figures, not tests). */
@Command(name = "bench", description = "Measure simulation speed.", subcommands = {BenchCommand.Iss.class, BenchCommand.Gemm.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a benchmark is required: iss or gemm");
    }

    private static final String QUIET = "Print only the last line (the figure scripts read); errors still go to standard error.";

    @Command(name = "iss", description = "Functional instruction-set simulation speed on one hart; last line: MIPS <value>.")
    static final class Iss implements Runnable {
        @Option(names = "--instructions", paramLabel = "N", defaultValue = "300000000", description = "Instructions per timed run (default: ${DEFAULT-VALUE}).")
        long instructions;

        @Option(names = "--quiet", description = QUIET)
        boolean quiet;

        @Override
        public void run() {
            if (instructions <= 0) {
                throw new UserError("--instructions must be positive, not " + instructions);
            }
            report(quiet, out -> IssBenchmark.run(instructions, out));
        }
    }

    @Command(name = "gemm", description = "8-core int8 GEMM with full timing; last line: MAC/cycle <value> MIPS <value>.")
    static final class Gemm implements Runnable {
        @Option(names = "--cores", paramLabel = "N", defaultValue = "8", description = "Cores (the kernel is re-generated for them; default: ${DEFAULT-VALUE}).")
        int cores;

        @Option(names = "--size", paramLabel = "S", defaultValue = "128", description = "M = N = K (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--l2", description = "Operands in L2, brought to L1 by double-buffered DMA.")
        boolean l2;

        @Option(names = "--preset", paramLabel = "NAME", defaultValue = "pulp-cluster", description = "System preset (default: ${DEFAULT-VALUE}).")
        String preset;

        @Option(names = "--quiet", description = QUIET)
        boolean quiet;

        @Option(names = "--json", paramLabel = "FILE", description = "Write the last timed run's report (cycles, instructions, cores, energy; no host times) as JSON, e.g. for 'socsim check'.")
        java.nio.file.Path json;

        @Override
        public void run() {
            if (size <= 0) {
                throw new UserError("--size must be positive, not " + size);
            }
            io.socsim.sim.OutputFile file = json == null ? null : io.socsim.sim.OutputFile.check("--json", json);
            GemmBenchmark.Measurement[] last = new GemmBenchmark.Measurement[1];
            report(quiet, out -> last[0] = GemmBenchmark.run(preset, cores, size, l2, out));
            if (file != null) {
                String override = "cores.count=" + cores;
                io.socsim.config.SocConfig soc = io.socsim.config.ConfigLoader.load(io.socsim.config.ConfigSource.preset(preset), java.util.List.of(override));
                var result = last[0].result();
                var report = io.socsim.sim.cluster.ClusterReport.toMap(result,
                        "gemm " + size + "x" + size + "x" + size + (l2 ? " (L2)" : ""), new io.socsim.sim.SystemDescription(preset, null, java.util.List.of(override), soc));
                soc.power().ifPresent(p -> report.putAll(io.socsim.sim.power.EnergyModel.compute(p, soc.clock().voltageV(),
                        soc.clock().frequencyMhz(), result.events()).toMap()));
                io.socsim.sim.cluster.ClusterReport.writeJson(report, file);
            }
        }
    }

    /** Runs {@code bench} printing to standard output, or, when quiet, prints only its last line. */
    private static void report(boolean quiet, Consumer<PrintStream> bench) {
        if (!quiet) {
            bench.accept(System.out);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        bench.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String[] lines = buffer.toString(StandardCharsets.UTF_8).strip().split("\n");
        System.out.println(lines[lines.length - 1]);
    }
}
