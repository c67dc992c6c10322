package io.socsim.sim.cluster;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.socsim.sim.OutputFile;
import io.socsim.sim.SystemDescription;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run report: a JSON document with a fixed key order, and a readable table. */
public final class ClusterReport {

    private ClusterReport() {
    }

    /** The report of an ELF run as ordered maps (deterministic JSON): what ran, how it ended, then {@link #statistics}. */
    public static Map<String, Object> toMap(ClusterResult r, String program, SystemDescription system) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("program", program);
        m.put("system", system.toMap());
        m.put("end", r.end().toMap());
        m.putAll(statistics(r));
        return m;
    }

    /** The cluster's counters: cycles, instructions, each core's accounts (adding up to the cycles), TCDM, DMA, ITA. */
    public static Map<String, Object> statistics(ClusterResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cycles", r.cycles());
        m.put("instructions", r.instructions());
        m.put("ipc", round(r.cycles() == 0 ? 0 : (double) r.instructions() / r.cycles()));
        List<Object> cores = new ArrayList<>();
        for (ClusterResult.CoreStats c : r.cores()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("instructions", c.instructions());
            cm.put("ipc", round(r.cycles() == 0 ? 0 : (double) c.instructions() / r.cycles()));
            Map<String, Object> cycles = new LinkedHashMap<>();
            cycles.put("issue", c.issue());
            cycles.put("branch", c.branchStalls());
            cycles.put("mul_div", c.mulDivStalls());
            cycles.put("memory", c.memoryStalls());
            cycles.put("other", c.otherStalls());
            cycles.put("load_use", c.loadUseStalls());
            cycles.put("tcdm_conflict", c.tcdmStalls());
            cycles.put("sleep", c.sleepCycles());
            cycles.put("idle", c.idle());
            cycles.put("total", c.total());
            cm.put("cycles", cycles);
            cm.put("loads", c.loads());
            cm.put("stores", c.stores());
            cores.add(cm);
        }
        m.put("cores", cores);
        Map<String, Object> tcdm = new LinkedHashMap<>();
        tcdm.put("accesses", r.tcdmAccesses());
        tcdm.put("conflicts", r.tcdmConflicts());
        List<Object> banks = new ArrayList<>();
        for (int b = 0; b < r.bankAccesses().length; b++) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("bank", b);
            bm.put("accesses", r.bankAccesses()[b]);
            bm.put("conflicts", r.bankConflicts()[b]);
            banks.add(bm);
        }
        tcdm.put("banks", banks);
        m.put("tcdm", tcdm);
        Map<String, Object> dma = new LinkedHashMap<>();
        dma.put("bytes", r.dmaBytes());
        dma.put("transfers", r.dmaTransfers());
        dma.put("busy_cycles", r.dmaBusyCycles());
        dma.put("conflict_cycles", r.dmaConflictCycles());
        m.put("dma", dma);
        if (r.ita() != null) {
            var s = r.ita();
            Map<String, Object> ita = new LinkedHashMap<>();
            ita.put("jobs", s.jobs());
            ita.put("tiles", s.tiles());
            ita.put("macs", s.usefulMacs());
            ita.put("macs_padded", s.paddedMacs());
            ita.put("busy_cycles", s.busyCycles());
            ita.put("compute_cycles", s.computeCycles());
            Map<String, Object> stalls = new LinkedHashMap<>();
            stalls.put("input", s.inputStalls());
            stalls.put("output", s.outputStalls());
            ita.put("stalls", stalls);
            ita.put("port_cycles", s.portGranted());
            ita.put("port_denied_cycles", s.portDenied());
            ita.put("l1_bytes_read", s.bytesRead());
            ita.put("l1_bytes_written", s.bytesWritten());
            ita.put("utilisation", round(s.utilisation()));
            m.put("ita", ita);
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    /** Writes the report through {@link OutputFile} (checked before the run, replaced in one rename). */
    public static void writeJson(Map<String, Object> report, OutputFile file) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            file.write(mapper.writer(pp).writeValueAsString(report) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The terminal table: totals, then where each core's cycles went. The columns from issue to
     * idle are disjoint and add up to total, the run's cycles (docs/report.md).
     */
    public static void print(ClusterResult r, PrintStream out) {
        if (r.ita() != null && r.ita().jobs() > 0) {
            var s = r.ita();
            out.printf(Locale.ROOT, "ITA: %d jobs, %d tiles, %d MACs in %d busy cycles (utilisation %.1f %%), stalls: input %d, output %d; port denied %d cycles%n",
                    s.jobs(), s.tiles(), s.usefulMacs(), s.busyCycles(), 100 * s.utilisation(), s.inputStalls(), s.outputStalls(), s.portDenied());
        }
        out.printf(Locale.ROOT, "cycles %d, instructions %d, IPC %.3f, TCDM accesses %d, conflicts %d, DMA %d bytes in %d transfers%n",
                r.cycles(), r.instructions(), r.cycles() == 0 ? 0.0 : (double) r.instructions() / r.cycles(),
                r.tcdmAccesses(), r.tcdmConflicts(), r.dmaBytes(), r.dmaTransfers());
        out.printf(Locale.ROOT, "%4s %11s | %11s %10s %9s %10s %8s %10s %9s %11s %10s | %11s%n",
                "core", "instr", "issue", "branch", "mul/div", "memory", "other", "load-use", "tcdm", "sleep", "idle", "total");
        for (ClusterResult.CoreStats c : r.cores()) {
            out.printf(Locale.ROOT, "%4d %11d | %11d %10d %9d %10d %8d %10d %9d %11d %10d | %11d%n", c.id(), c.instructions(), c.issue(),
                    c.branchStalls(), c.mulDivStalls(), c.memoryStalls(), c.otherStalls(), c.loadUseStalls(), c.tcdmStalls(),
                    c.sleepCycles(), c.idle(), c.total());
        }
    }
}
