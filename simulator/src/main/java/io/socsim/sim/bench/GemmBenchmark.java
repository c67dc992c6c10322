package io.socsim.sim.bench;

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

    /** Runs the kernel once: generated, simulated, verified. */
    public static Measurement measure(String preset, int cores, int m, int n, int k, boolean l2) {
        SocConfig soc = ConfigLoader.load(ConfigSource.preset(preset), List.of("cores.count=" + cores));
        GemmSpec spec = GemmSpec.of(m, n, k).withCores(cores).withPlacement(l2 ? GemmSpec.Placement.L2_DMA : GemmSpec.Placement.L1);
        GemmKernel kernel;
        try {
            kernel = new GemmKernel(spec, soc);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
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
            throw new IllegalStateException("GEMM output differs from the golden model");
        }
        return new Measurement(spec, result, seconds);
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
