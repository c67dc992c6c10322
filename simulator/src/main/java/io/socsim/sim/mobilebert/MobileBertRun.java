package io.socsim.sim.mobilebert;

import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
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

    /** A finished, verified run. */
    public record Result(MobileBertCompiler.Compiled compiled, ClusterResult cluster, long[] marks, int mismatches,
            double frequencyMhz, double compileSeconds, double simulateSeconds,
            io.socsim.config.PowerConfig power, io.socsim.sim.power.EnergyReport energy,
            java.util.List<io.socsim.sim.power.EventCounts> markEvents) {

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

    private MobileBertRun() {
    }

    public static MobileBertCompiler.Compiled compile(MobileBertConfig config, SocConfig soc) {
        return compile(config, soc, false);
    }

    /** {@code onCores}: map everything on the cluster cores (ITA unused). */
    public static MobileBertCompiler.Compiled compile(MobileBertConfig config, SocConfig soc, boolean onCores) {
        try {
            return MobileBertCompiler.compile(config, soc, onCores);
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
        long t1 = System.nanoTime();
        Cluster cluster = new Cluster(soc, ElfFile.read(compiled.elf(), "mobilebert.elf"), OutputStream.nullOutputStream(), System.err);
        cluster.watchMarks(compiled.marksAddress(), compiled.marks().size());
        ClusterResult result = cluster.run(maxCycles);
        long t2 = System.nanoTime();
        byte[] out = cluster.readMemory(compiled.outputAddress(), compiled.outputBytes());
        int mismatches = 0;
        for (int i = 0; i < out.length; i++) {
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
        for (int i = 0; i < marks.length; i++) {
            snaps.add(cluster.markSnapshots().get(i));
        }
        return new Result(compiled, result, marks, mismatches, soc.clock().frequencyMhz(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, soc.power().orElse(null), energy, snaps);
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

    /** Cycles between consecutive marks, attributed to the operation that starts at each. */
    private static long[] intervals(Result r) {
        long[] m = r.marks();
        long[] d = new long[m.length];
        for (int i = 0; i + 1 < m.length; i++) {
            d[i] = m[i + 1] - m[i];
        }
        return d;
    }

    /** The report as ordered maps (deterministic JSON); keys as the issue asks, plus the cluster's. */
    public static Map<String, Object> report(Result r, String system) {
        Map<String, Object> m = new LinkedHashMap<>();
        MobileBertConfig c = r.compiled().config();
        m.put("workload", "mobilebert");
        m.put("system", system);
        m.put("variant", c.variant().name().toLowerCase(Locale.ROOT));
        m.put("sequence_length", c.seq());
        m.put("layers_run", c.layers());
        m.put("output_matches_golden", r.mismatches() == 0);
        m.put("cycles", r.cluster().cycles());
        m.put("frequency_mhz", r.frequencyMhz());
        m.put("time_ms", round(r.cluster().cycles() / r.frequencyMhz() / 1000.0));
        m.put("macs", r.compiled().macs());
        m.put("gop", round(r.gop()));
        m.put("gops_per_s", round(r.gopsPerSecond()));
        m.put("inferences_per_s", round(r.inferencesPerSecond()));
        long[] d = intervals(r);
        List<MobileBertCompiler.MarkInfo> info = r.compiled().marks();
        long startup = r.marks().length == 0 ? 0 : r.marks()[0];
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<Integer, Long> byLayer = new LinkedHashMap<>();
        Map<Integer, Long> macsByLayer = new LinkedHashMap<>();
        Map<Integer, Double> energyByLayer = new LinkedHashMap<>();
        for (int i = 0; i < info.size(); i++) {
            byKind.merge(info.get(i).kind(), d[i], Long::sum);
            byLayer.merge(info.get(i).layer(), d[i], Long::sum);
            macsByLayer.merge(info.get(i).layer(), info.get(i).macs(), Long::sum);
            double joules = intervalEnergy(r, i);
            if (!Double.isNaN(joules)) {
                energyByLayer.merge(info.get(i).layer(), joules, Double::sum);
            }
        }
        byKind.remove("end");
        byLayer.remove(c.layers());
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("startup", startup);
        ops.putAll(byKind);
        m.put("cycles_by_operator", ops);
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
        m.put("layers", layers);
        Map<String, Object> units = new LinkedHashMap<>();
        long total = r.cluster().cycles();
        long busy = r.cluster().cores().stream().mapToLong(x -> x.busy()).sum();
        units.put("cores_busy_fraction", round((double) busy / (total * r.cluster().cores().size())));
        units.put("dma_busy_fraction", round((double) r.cluster().dmaBusyCycles() / total));
        if (r.cluster().ita() != null) {
            units.put("ita_busy_fraction", round((double) r.cluster().ita().busyCycles() / total));
            units.put("ita_utilisation", round(r.cluster().ita().utilisation()));
        }
        m.put("utilisation", units);
        if (r.energy() != null) {
            Map<String, Object> energy = r.energy().toMap();
            m.put("energy_j", energy.remove("energy_j"));
            m.put("power_mw", energy.remove("power_mw"));
            m.put("gop_per_j", round(r.energy().gopPerJoule(r.gop())));
            m.put("energy_per_inference_mj", round(r.energy().totalJ() * 1e3));
            m.putAll(energy);
        }
        // host times stay on the terminal: the report must be byte-identical across runs and hosts
        m.put("cluster", ClusterReport.toMap(r.cluster(), "mobilebert", system));
        return m;
    }

    /** The terminal summary. */
    public static void print(Result r, PrintStream out) {
        MobileBertConfig c = r.compiled().config();
        out.printf(Locale.ROOT, "MobileBERT (%s variant, S=%d, %d of 24 layers): output %s%n", c.variant().name().toLowerCase(Locale.ROOT),
                c.seq(), c.layers(), r.mismatches() == 0 ? "matches the golden model bit for bit" : r.mismatches() + " bytes differ from the golden model");
        out.printf(Locale.ROOT, "cycles %d = %.3f ms at %.0f MHz; %.3f GOp -> %.1f GOp/s, %.2f Inf/s%s%n", r.cluster().cycles(),
                r.cluster().cycles() / r.frequencyMhz() / 1000.0, r.frequencyMhz(), r.gop(), r.gopsPerSecond(), r.inferencesPerSecond(),
                c.layers() < 24 ? " (of the " + c.layers() + "-layer network run)" : "");
        Map<String, Object> rep = report(r, "");
        out.println("cycles by operator: " + rep.get("cycles_by_operator"));
        out.println("utilisation: " + rep.get("utilisation"));
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
