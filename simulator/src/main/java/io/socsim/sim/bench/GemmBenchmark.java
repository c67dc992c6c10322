package io.socsim.sim.bench;

import io.socsim.config.ConfigException;
import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.workloads.gemm.GemmKernel;
import io.socsim.workloads.gemm.GemmSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The int8 GEMM kernel (4x2 register blocking, post-increment loads, hardware loops,
 * pv.sdotsp.b) generated for the configured cluster, run with full timing and checked against the
 * golden model. Reports MAC/cycle and simulation speed (simulated instructions per host second).
 */
public final class GemmBenchmark {

    private GemmBenchmark() {
    }

    /** One measured run. */
    public record Measurement(GemmSpec spec, ClusterResult result, double hostSeconds) {
        public double macsPerCycle() {
            return (double) spec.macs() / result.cycles();
        }

        public double mips() {
            return result.instructions() / hostSeconds / 1e6;
        }
    }

    /**
     * Runs the kernel once: generated, simulated, verified.
     *
     * @throws UserError for an unknown preset, a core count the preset cannot have, a problem that
     *                   does not fit, or an output that differs from the golden model
     */
    public static Measurement measure(String preset, int cores, int m, int n, int k, boolean l2) {
        SocConfig soc = system(preset, cores);
        GemmKernel kernel;
        GemmSpec spec;
        try {
            spec = GemmSpec.of(m, n, k).withCores(cores).withPlacement(l2 ? GemmSpec.Placement.L2_DMA : GemmSpec.Placement.L1);
            kernel = new GemmKernel(spec, soc);
        } catch (IllegalArgumentException e) {
            throw new UserError("gemm " + m + "x" + n + "x" + k + " on " + cores + " cores of " + preset + ": " + e.getMessage());
        }
        ElfFile elf = ElfFile.read(kernel.elf(), "gemm.elf");
        Cluster cluster = new Cluster(soc, elf, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        long start = System.nanoTime();
        ClusterResult result = cluster.run(Long.MAX_VALUE / 4);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!result.end().success()) {
            throw result.end().asError();
        }
        byte[] expected = kernel.expectedOutput();
        byte[] actual = cluster.readMemory(kernel.layout().cAddress(), expected.length);
        if (!Arrays.equals(expected, actual)) {
            throw new UserError("GEMM output differs from the golden model (" + preset + ", " + cores + " cores, "
                    + m + "x" + n + "x" + k + ")", UserError.PROGRAM_FAULT);
        }
        return new Measurement(spec, result, seconds);
    }

    /** The preset with {@code cores} cores; the core count is the bench's {@code --cores}, which messages name. */
    private static SocConfig system(String preset, int cores) {
        ConfigSource source;
        try {
            source = ConfigSource.preset(preset);
        } catch (ConfigException e) {
            throw new UserError("--preset: " + e.getMessage());
        }
        String override = "cores.count=" + cores;
        try {
            return ConfigLoader.load(source, List.of(override));
        } catch (ConfigException e) {
            // the override is the only change to a valid preset, so every problem is the core count's
            StringBuilder message = new StringBuilder();
            for (String problem : e.problems()) {
                message.append(message.length() == 0 ? "" : "\n").append("--cores ").append(cores).append(" on ").append(preset).append(": ")
                        .append(problem.replace("--set " + override + ": ", ""));
            }
            throw new UserError(message.toString());
        }
    }

    /**
     * Warm-up runs, then timed runs repeated for at least 1.5 s of host time; the speed is their
     * aggregate (simulated instructions over host seconds), which short single runs make noisy.
     */
    public static Measurement run(String preset, int cores, int size, boolean l2, PrintStream out) {
        measure(preset, cores, size, size, size, l2); // JIT warm-up on the same code paths
        measure(preset, cores, size, size, size, l2);
        Measurement last = null;
        double seconds = 0;
        long instructions = 0;
        int runs = 0;
        while (runs < 3 || seconds < 1.5) {
            last = measure(preset, cores, size, size, size, l2);
            seconds += last.hostSeconds();
            instructions += last.result().instructions();
            runs++;
        }
        Measurement best = new Measurement(last.spec(), last.result(), seconds * last.result().instructions() / instructions);
        ClusterResult r = best.result();
        out.printf(Locale.ROOT, "gemm %dx%dx%d int8 on %d cores (%s, operands %s), output verified against the golden model%n",
                size, size, size, cores, preset, l2 ? "in L2, double-buffered DMA" : "in L1");
        ClusterReport.print(r, out);
        out.printf(Locale.ROOT, "MACs %d, cycles %d, simulated instructions %d; %d timed runs, %.3f s host time per run%n",
                best.spec().macs(), r.cycles(), r.instructions(), runs, best.hostSeconds());
        out.printf(Locale.ROOT, "MAC/cycle %.2f MIPS %.1f%n", best.macsPerCycle(), best.mips());
        return best;
    }
}
