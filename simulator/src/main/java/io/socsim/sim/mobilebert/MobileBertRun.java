package io.socsim.sim.mobilebert;

import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MobileBERT compiled for the configured system, run on the timed cluster, checked against the
 * golden integer model, and reported: cycles, GOp (2 operations per MAC of the linear layers and
 * of the attention products), GOp/s and inferences/s at the configured clock, cycles per layer
 * and per operator type (from the runtime's mcycle marks), and the units' activity.
 */
public final class MobileBertRun {

    /**
     * A run, finished or cut short ({@code cluster.end()}: an interrupt, the cycle limit, a fault).
     * {@code marks} holds the mcycle of each mark the program reached, the first {@code marksReached}
     * of them; {@code mismatches} is -1 when the run did not finish and its output was not checked.
     */
    public record Result(MobileBertCompiler.Compiled compiled, ClusterResult cluster, long[] marks, int marksReached, int mismatches,
            double frequencyMhz, double compileSeconds, double simulateSeconds,
            io.socsim.config.PowerConfig power, io.socsim.sim.power.EnergyReport energy,
            java.util.List<io.socsim.sim.power.EventCounts> markEvents) {

        /** True when the program ran to its end and exited with 0. */
        public boolean finished() {
            return cluster.end().success();
        }

        /** Encoder layers whose every operation completed (from the mark table: a layer is done once a later mark is reached). */
        public int layersFinished() {
            if (finished()) {
                return compiled.config().layers();
            }
            return marksReached == 0 ? 0 : Math.max(0, compiled.marks().get(marksReached - 1).layer());
        }

        public double gop() {
            return 2.0 * compiled.macs() / 1e9;
        }

        public double inferencesPerSecond() {
            return frequencyMhz * 1e6 / cluster.cycles();
        }

        public double gopsPerSecond() {
            return gop() * inferencesPerSecond();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MobileBertRun.class);

    private MobileBertRun() {
    }

    public static MobileBertCompiler.Compiled compile(MobileBertConfig config, SocConfig soc) {
        return compile(config, soc, false);
    }

    /** {@code onCores}: map everything on the cluster cores (ITA unused). */
    public static MobileBertCompiler.Compiled compile(MobileBertConfig config, SocConfig soc, boolean onCores) {
        try {
            long t0 = System.nanoTime();
            MobileBertCompiler.Compiled compiled = MobileBertCompiler.compile(config, soc, onCores);
            LOG.debug("compiled MobileBERT ({} layers, S={}{}) for {} cores, {} B of L1: {} B of program, {} marks, in {} ms", config.layers(),
                    config.seq(), onCores ? ", on the cores" : "", soc.cores().count(), soc.memory().l1().map(l -> l.size()).orElse(0L),
                    compiled.elf().length, compiled.marks().size(), (System.nanoTime() - t0) / 1_000_000);
            return compiled;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    public static Result run(MobileBertConfig config, SocConfig soc, long maxCycles) {
        return run(config, soc, false, maxCycles);
    }

    public static Result run(MobileBertConfig config, SocConfig soc, boolean onCores, long maxCycles) {
        long t0 = System.nanoTime();
        MobileBertCompiler.Compiled compiled = compile(config, soc, onCores);
        return simulate(compiled, soc, maxCycles, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs a compiled inference on the timed cluster and checks it against the golden model. */
    public static Result simulate(MobileBertCompiler.Compiled compiled, SocConfig soc, long maxCycles, double compileSeconds) {
        long t1 = System.nanoTime();
        Cluster cluster = new Cluster(soc, ElfFile.read(compiled.elf(), "mobilebert.elf"), OutputStream.nullOutputStream(), System.err);
        cluster.watchMarks(compiled.marksAddress(), compiled.marks().size());
        ClusterResult result = cluster.run(maxCycles);
        long t2 = System.nanoTime();
        byte[] out = cluster.readMemory(compiled.outputAddress(), compiled.outputBytes());
        int mismatches = result.end().success() ? 0 : -1;
        for (int i = 0; i < out.length && mismatches >= 0; i++) {
            mismatches += out[i] != compiled.expectedOutput()[i] ? 1 : 0;
        }
        byte[] raw = cluster.readMemory(compiled.marksAddress(), 4 * compiled.marks().size());
        long[] marks = new long[compiled.marks().size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = Integer.toUnsignedLong((raw[4 * i] & 0xff) | (raw[4 * i + 1] & 0xff) << 8 | (raw[4 * i + 2] & 0xff) << 16 | (raw[4 * i + 3] & 0xff) << 24);
        }
        io.socsim.sim.power.EnergyReport energy = soc.power()
                .map(p -> io.socsim.sim.power.EnergyModel.compute(p, soc.clock().voltageV(), soc.clock().frequencyMhz(), result.events()))
                .orElse(null);
        java.util.List<io.socsim.sim.power.EventCounts> snaps = new ArrayList<>();
        int reached = 0; // core 0 writes the marks in order: those reached are a prefix
        for (int i = 0; i < marks.length; i++) {
            snaps.add(cluster.markSnapshots().get(i));
            reached += reached == i && snaps.get(i) != null ? 1 : 0;
        }
        return new Result(compiled, result, marks, reached, mismatches, soc.clock().frequencyMhz(), compileSeconds, (t2 - t1) / 1e9, soc.power().orElse(null), energy, snaps);
    }

    /** Energy between mark i and mark i + 1, priced from the counter snapshots taken at the marks (NaN if unknown). */
    private static double intervalEnergy(Result r, int i) {
        var snaps = r.markEvents();
        if (r.energy() == null || i + 1 >= snaps.size() || snaps.get(i) == null || snaps.get(i + 1) == null) {
            return Double.NaN;
        }
        var soc = r.energy();
        return io.socsim.sim.power.EnergyModel.compute(powerOf(r), soc.voltageV(), soc.frequencyMhz(),
                snaps.get(i + 1).minus(snaps.get(i))).totalJ();
    }

    private static io.socsim.config.PowerConfig powerOf(Result r) {
        return r.power();
    }

    /** Cycles between consecutive marks reached, attributed to the operation that starts at each (0 past the last). */
    private static long[] intervals(Result r) {
        long[] m = r.marks();
        long[] d = new long[m.length];
        for (int i = 0; i + 1 < r.marksReached(); i++) {
            d[i] = m[i + 1] - m[i];
        }
        return d;
    }

    /** The report as ordered maps (deterministic JSON, docs/report.md): what ran, how it ended, the figures, the cluster's counters. */
    public static Map<String, Object> report(Result r, SystemDescription system) {
        Map<String, Object> m = new LinkedHashMap<>();
        MobileBertConfig c = r.compiled().config();
        boolean done = r.finished();
        m.put("workload", "mobilebert");
        m.put("system", system.toMap());
        m.put("end", r.cluster().end().toMap());
        m.put("variant", c.variant().name().toLowerCase(Locale.ROOT));
        m.put("sequence_length", c.seq());
        m.put("seed", c.seed());
        m.put("layers_run", c.layers());
        m.put("layers_finished", r.layersFinished());
        m.put("output_matches_golden", r.mismatches() < 0 ? null : r.mismatches() == 0);
        m.put("cycles", r.cluster().cycles());
        m.put("frequency_mhz", r.frequencyMhz());
        m.put("time_ms", round(r.cluster().cycles() / r.frequencyMhz() / 1000.0));
        m.put("macs", r.compiled().macs());
        m.put("gop", round(r.gop()));
        // rates need the whole inference: a run cut short has none
        m.put("gops_per_s", done ? round(r.gopsPerSecond()) : null);
        m.put("inferences_per_s", done ? round(r.inferencesPerSecond()) : null);
        m.put("cycles_by_operator", cyclesByOperator(r));
        m.put("layers", layers(r));
        m.put("utilisation", utilisation(r));
        if (r.energy() != null) {
            Map<String, Object> energy = r.energy().toMap();
            m.put("energy_j", energy.remove("energy_j"));
            m.put("power_mw", energy.remove("power_mw"));
            m.put("gop_per_j", done ? round(r.energy().gopPerJoule(r.gop())) : null);
            m.put("energy_per_inference_mj", done ? round(r.energy().totalJ() * 1e3) : null);
            m.putAll(energy);
        }
        // host times stay on the terminal: the report must be byte-identical across runs and hosts
        m.put("cluster", ClusterReport.statistics(r.cluster()));
        return m;
    }

    /** Cycles before the first mark ("startup"), then per operator kind, over the intervals between the marks reached. */
    private static Map<String, Object> cyclesByOperator(Result r) {
        long[] d = intervals(r);
        List<MobileBertCompiler.MarkInfo> info = r.compiled().marks();
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (int i = 0; i + 1 < r.marksReached(); i++) {
            byKind.merge(info.get(i).kind(), d[i], Long::sum);
        }
        byKind.remove("end");
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("startup", r.marksReached() == 0 ? 0L : r.marks()[0]);
        ops.putAll(byKind);
        return ops;
    }

    /** The embedding and each encoder layer that completed: cycles, MACs, energy. */
    private static List<Object> layers(Result r) {
        long[] d = intervals(r);
        List<MobileBertCompiler.MarkInfo> info = r.compiled().marks();
        int current = r.marksReached() == 0 ? Integer.MIN_VALUE : info.get(r.marksReached() - 1).layer(); // the "end" mark: layers
        Map<Integer, Long> byLayer = new LinkedHashMap<>();
        Map<Integer, Long> macsByLayer = new LinkedHashMap<>();
        Map<Integer, Double> energyByLayer = new LinkedHashMap<>();
        for (int i = 0; i + 1 < r.marksReached(); i++) {
            int layer = info.get(i).layer();
            if (layer >= current) {
                break; // the layer in progress when the run was cut
            }
            byLayer.merge(layer, d[i], Long::sum);
            macsByLayer.merge(layer, info.get(i).macs(), Long::sum);
            double joules = intervalEnergy(r, i);
            if (!Double.isNaN(joules)) {
                energyByLayer.merge(layer, joules, Double::sum);
            }
        }
        List<Object> layers = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : byLayer.entrySet()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("layer", e.getKey() < 0 ? "embedding" : e.getKey());
            lm.put("cycles", e.getValue());
            lm.put("macs", macsByLayer.get(e.getKey()));
            if (energyByLayer.containsKey(e.getKey())) {
                lm.put("energy_j", energyByLayer.get(e.getKey()));
            }
            layers.add(lm);
        }
        return layers;
    }

    /** Fractions of the run's cycles each unit was busy. */
    private static Map<String, Object> utilisation(Result r) {
        Map<String, Object> units = new LinkedHashMap<>();
        long total = Math.max(1, r.cluster().cycles());
        long busy = r.cluster().cores().stream().mapToLong(ClusterResult.CoreStats::busy).sum();
        units.put("cores_busy_fraction", round((double) busy / (total * r.cluster().cores().size())));
        units.put("dma_busy_fraction", round((double) r.cluster().dmaBusyCycles() / total));
        if (r.cluster().ita() != null) {
            units.put("ita_busy_fraction", round((double) r.cluster().ita().busyCycles() / total));
            units.put("ita_utilisation", round(r.cluster().ita().utilisation()));
        }
        return units;
    }

    /** The terminal summary. */
    public static void print(Result r, PrintStream out) {
        MobileBertConfig c = r.compiled().config();
        String head = String.format(Locale.ROOT, "MobileBERT (%s variant, S=%d, %d of 24 layers)", c.variant().name().toLowerCase(Locale.ROOT),
                c.seq(), c.layers());
        if (!r.finished()) {
            out.printf(Locale.ROOT, "%s: %s at cycle %d with %d of %d layers finished; output not checked%n", head,
                    r.cluster().end().reason().json(), r.cluster().cycles(), r.layersFinished(), c.layers());
            out.println("cycles by operator so far: " + cyclesByOperator(r));
            out.println("utilisation so far: " + utilisation(r));
            return;
        }
        out.printf(Locale.ROOT, "%s: output %s%n", head,
                r.mismatches() == 0 ? "matches the golden model bit for bit" : r.mismatches() + " bytes differ from the golden model");
        out.printf(Locale.ROOT, "cycles %d = %.3f ms at %.0f MHz; %.3f GOp -> %.1f GOp/s, %.2f Inf/s%s%n", r.cluster().cycles(),
                r.cluster().cycles() / r.frequencyMhz() / 1000.0, r.frequencyMhz(), r.gop(), r.gopsPerSecond(), r.inferencesPerSecond(),
                c.layers() < 24 ? " (of the " + c.layers() + "-layer network run)" : "");
        out.println("cycles by operator: " + cyclesByOperator(r));
        out.println("utilisation: " + utilisation(r));
        if (r.energy() != null) {
            out.printf(Locale.ROOT, "energy %.3f mJ (%.3f mJ off-chip), average power %.1f mW, %.0f GOp/J at %.2f V%n",
                    r.energy().totalJ() * 1e3, r.energy().offChipJ() * 1e3, r.energy().powerMw(), r.energy().gopPerJoule(r.gop()),
                    r.energy().voltageV());
        }
        out.printf(Locale.ROOT, "host: compile %.1f s, simulate %.1f s%n", r.compileSeconds(), r.simulateSeconds());
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }
}
