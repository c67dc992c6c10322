package io.socsim.sim.onnx;

import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.sim.power.EnergyModel;
import io.socsim.sim.power.EnergyReport;
import io.socsim.workloads.deploy.OnnxCompiler;
import io.socsim.workloads.onnx.OnnxTensor;
import io.socsim.workloads.onnx.Tensor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ONNX graph compiled by {@link OnnxCompiler}, run on the timed cluster, and every output
 * compared bit for bit with its expectation (the test's outputs or the reference interpreter).
 * Reported as MobileBERT is: cycles, GOp (2 per MAC of MatMul, Gemm and Conv), GOp/s at the
 * configured clock, energy, and cycles per node and per operator from the runtime's marks.
 */
public final class OnnxRun {

    /** An output that differs: how many of its elements, and the first few (index, expected, simulated). */
    public record Mismatch(String output, int differ, int total, List<String> first) {
        public String describe() {
            return String.format(Locale.ROOT, "output '%s': %d of %d elements differ;%s", output, differ, total,
                    String.join("", first.stream().map(s -> " " + s).toList()));
        }
    }

    public record Result(OnnxCompiler.Compiled compiled, ClusterResult cluster, long[] marks, int marksReached,
            Map<String, Tensor> simulated, List<Mismatch> mismatches, double compileSeconds, double simulateSeconds,
            EnergyReport energy, double frequencyMhz) {

        public boolean finished() {
            return cluster.end().success();
        }

        public boolean matches() {
            return finished() && mismatches.isEmpty();
        }

        public double gop() {
            return 2.0 * compiled.macs() / 1e9;
        }

        public double gopsPerSecond() {
            return gop() * frequencyMhz * 1e6 / Math.max(1, cluster.cycles());
        }

        /** Cycles between consecutive marks: the node that starts at each (the last mark is the end). */
        public long[] nodeCycles() {
            long[] d = new long[marks.length];
            for (int i = 0; i + 1 < marksReached; i++) {
                d[i] = marks[i + 1] - marks[i];
            }
            return d;
        }
    }

    private OnnxRun() {
    }

    /** Runs {@code compiled} and compares its outputs with {@code expected} (graph-output order). */
    public static Result simulate(OnnxCompiler.Compiled compiled, SocConfig soc, long maxCycles, double compileSeconds,
            Map<String, Tensor> expected) {
        long t1 = System.nanoTime();
        Cluster cluster = new Cluster(soc, ElfFile.read(compiled.elf(), compiled.name() + ".elf"), OutputStream.nullOutputStream(), System.err);
        cluster.watchMarks(compiled.marksAddress(), compiled.marks().size());
        ClusterResult result = cluster.run(maxCycles);
        double seconds = (System.nanoTime() - t1) / 1e9;
        byte[] raw = cluster.readMemory(compiled.marksAddress(), 4 * compiled.marks().size());
        long[] marks = new long[compiled.marks().size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = Integer.toUnsignedLong((raw[4 * i] & 0xff) | (raw[4 * i + 1] & 0xff) << 8 | (raw[4 * i + 2] & 0xff) << 16 | (raw[4 * i + 3] & 0xff) << 24);
        }
        int reached = 0;
        for (int i = 0; i < marks.length; i++) {
            reached += reached == i && cluster.markSnapshots().get(i) != null ? 1 : 0;
        }
        Map<String, Tensor> simulated = new LinkedHashMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        if (result.end().success()) {
            for (OnnxCompiler.Output o : compiled.outputs()) {
                simulated.put(o.name(), read(cluster, o));
            }
            var exp = expected.entrySet().iterator();
            for (OnnxCompiler.Output o : compiled.outputs()) {
                Tensor want = exp.next().getValue();
                Mismatch m = compare(o.name(), want, simulated.get(o.name()));
                if (m != null) {
                    mismatches.add(m);
                }
            }
        }
        EnergyReport energy = soc.power().map(p -> EnergyModel.compute(p, soc.clock().voltageV(), soc.clock().frequencyMhz(), result.events()))
                .orElse(null);
        return new Result(compiled, result, marks, reached, simulated, mismatches, compileSeconds, seconds, energy, soc.clock().frequencyMhz());
    }

    private static Tensor read(Cluster cluster, OnnxCompiler.Output o) {
        byte[] bytes = cluster.readMemory(o.address(), o.bytes());
        int n = (int) OnnxTensor.elementCount(o.shape());
        int w = n == 0 ? 1 : o.bytes() / n;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            long x = 0;
            for (int k = 0; k < w; k++) {
                x |= (long) (bytes[i * w + k] & 0xff) << (8 * k);
            }
            if (o.signed() && (x >>> (8 * w - 1) & 1) != 0) {
                x -= 1L << (8 * w);
            }
            v[i] = x;
        }
        return new Tensor(o.shape(), v);
    }

    /** Null when equal; else the count of differing elements and the first three. */
    public static Mismatch compare(String name, Tensor want, Tensor got) {
        if (want.size() != got.size()) {
            return new Mismatch(name, got.size(), got.size(), List.of("shape " + got.shapeString() + ", expected " + want.shapeString()));
        }
        int differ = 0;
        List<String> first = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            if (got.data()[i] != want.data()[i]) {
                if (first.size() < 5) {
                    first.add(String.format(Locale.ROOT, "[%s] expected %d simulated %d", want.indexString(i), want.data()[i], got.data()[i]));
                }
                differ++;
            }
        }
        return differ == 0 ? null : new Mismatch(name, differ, got.size(), first);
    }

    /** The report as ordered maps (deterministic JSON, docs/report.md). */
    public static Map<String, Object> report(Result r, SystemDescription system) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean done = r.finished();
        m.put("workload", "onnx");
        m.put("model", r.compiled().name());
        m.put("system", system.toMap());
        m.put("end", r.cluster().end().toMap());
        m.put("outputs_match", done ? r.mismatches().isEmpty() : null);
        List<Object> mism = new ArrayList<>();
        for (Mismatch x : r.mismatches()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("output", x.output());
            mm.put("elements_differing", x.differ());
            mm.put("elements", x.total());
            mm.put("first", x.first());
            mism.add(mm);
        }
        m.put("mismatches", mism);
        m.put("cycles", r.cluster().cycles());
        m.put("frequency_mhz", r.frequencyMhz());
        m.put("time_ms", round(r.cluster().cycles() / r.frequencyMhz() / 1000.0));
        m.put("macs", r.compiled().macs());
        m.put("gop", round(r.gop()));
        m.put("gops_per_s", done ? round(r.gopsPerSecond()) : null);
        m.put("code_bytes", r.compiled().codeBytes());
        m.put("l2_data_bytes", r.compiled().l2Bytes());
        m.put("l3_data_bytes", r.compiled().l3Bytes());
        m.put("cycles_by_operator", byOperator(r));
        List<Object> nodes = new ArrayList<>();
        long[] d = r.nodeCycles();
        Map<String, Long> cyc = new LinkedHashMap<>();
        for (int i = 0; i + 1 < r.compiled().marks().size(); i++) {
            cyc.put(r.compiled().marks().get(i).node(), i + 1 < r.marksReached() ? d[i] : null);
        }
        for (OnnxCompiler.NodeRun n : r.compiled().nodes()) {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("node", n.node());
            nm.put("op", n.op());
            nm.put("unit", n.unit());
            nm.put("macs", n.macs());
            nm.put("cycles", cyc.getOrDefault(n.node(), 0L));
            nodes.add(nm);
        }
        m.put("nodes", nodes);
        if (r.energy() != null) {
            Map<String, Object> energy = r.energy().toMap();
            m.put("energy_j", energy.remove("energy_j"));
            m.put("power_mw", energy.remove("power_mw"));
            m.put("gop_per_j", done ? round(r.energy().gopPerJoule(r.gop())) : null);
            m.putAll(energy);
        }
        m.put("cluster", ClusterReport.statistics(r.cluster()));
        return m;
    }

    private static Map<String, Object> byOperator(Result r) {
        long[] d = r.nodeCycles();
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("startup", r.marksReached() == 0 ? 0L : r.marks()[0]);
        Map<String, Long> by = new java.util.TreeMap<>();
        for (int i = 0; i + 1 < r.marksReached(); i++) {
            by.merge(r.compiled().marks().get(i).op(), d[i], Long::sum);
        }
        ops.putAll(by);
        return ops;
    }

    /** Where the nodes ran, e.g. "cores 12, view 3". */
    public static String units(OnnxCompiler.Compiled c) {
        Map<String, Integer> u = new java.util.TreeMap<>();
        c.nodes().forEach(n -> u.merge(n.unit(), 1, Integer::sum));
        return String.join(", ", u.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d nodes (%s)%n", r.compiled().name(), r.compiled().nodes().size(), units(r.compiled()));
        if (!r.finished()) {
            out.printf(Locale.ROOT, "  run ended early: %s%n", r.cluster().end().message());
            return;
        }
        out.printf(Locale.ROOT, "  outputs: %s%n", r.mismatches().isEmpty() ? "all " + r.compiled().outputs().size() + " equal, bit for bit" : r.mismatches().size() + " differ");
        for (Mismatch m : r.mismatches()) {
            out.printf(Locale.ROOT, "    %s%n", m.describe());
        }
        out.printf(Locale.ROOT, "  cycles %d (%.3f ms at %.0f MHz), %d MACs, %.4f GOp/s%n", r.cluster().cycles(),
                r.cluster().cycles() / r.frequencyMhz() / 1000.0, r.frequencyMhz(), r.compiled().macs(), r.gopsPerSecond());
        if (r.energy() != null) {
            out.printf(Locale.ROOT, "  energy %.3f uJ%n", r.energy().totalJ() * 1e6);
        }
        Map<String, Object> ops = byOperator(r);
        out.printf(Locale.ROOT, "  cycles by operator:%n");
        ops.forEach((k, v) -> out.printf(Locale.ROOT, "    %-16s %12d%n", k, (Long) v));
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }
}
