package io.socsim.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socsim.config.PowerConfig;
import io.socsim.config.SocConfig;
import io.socsim.sim.OutputFile;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.sim.power.Sensitivity;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code socsim reproduce}: MobileBERT on the paper's system at its operating point, our GOp/s,
 * Inf/s, mW and GOp/J beside the published ones (resource {@code reference/wiese2024.yaml}), the
 * energy breakdown and the assumptions behind the figures; {@code --sensitivity} sweeps every
 * ASSUMPTION coefficient and the clock within their ranges.
 */
@Command(name = "reproduce", description = "Run MobileBERT on the ita-cluster preset and compare with the published figures.")
final class ReproduceCommand implements Callable<Integer>, SystemOptions.DefaultPreset {

    @Mixin
    SystemOptions system;

    @Option(names = "--layers", paramLabel = "N", description = "Run the first N layers only (quick look; rates then refer to the shorter network).")
    Integer layers;

    @Option(names = "--sensitivity", description = "Also sweep every ASSUMPTION coefficient and the clock within their ranges.")
    boolean sensitivity;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the comparison (and the run report) as JSON.")
    Path json;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "20000000000",
            description = "Stop the simulation after this many cycles (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Option(names = "--quiet", description = "Print nothing on standard output (the results go to --json only); errors still go to standard error.")
    boolean quiet;

    /** The published figures, read from the bundled reference file. */
    record Paper(String source, double gopsPerSecond, double inferencesPerSecond, double powerMw, double gopPerJoule,
            double voltageV, double fLow, double fHigh) {

        static Paper load() {
            try (InputStream in = ReproduceCommand.class.getResourceAsStream("/reference/wiese2024.yaml")) {
                JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(in);
                return new Paper(n.get("source").asText(), n.get("gops_per_s").asDouble(), n.get("inferences_per_s").asDouble(),
                        n.get("power_mw").asDouble(), n.get("gop_per_j").asDouble(), n.get("voltage_v").asDouble(),
                        n.get("frequency_range_mhz").get(0).asDouble(), n.get("frequency_range_mhz").get(1).asDouble());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public Integer call() {
        if (maxCycles <= 0) {
            throw new UserError("--max-cycles must be positive, not " + maxCycles);
        }
        OutputFile jsonFile = json == null ? null : OutputFile.check("--json", json);
        SocConfig soc = system.resolve("ita-cluster");
        PowerConfig power = soc.power().orElseThrow(() -> new UserError(
                "configuration '" + soc.name() + "' has no power: section, so there is no energy to compare"));
        MobileBertConfig model = MobileBertConfig.defaults();
        if (layers != null) {
            try {
                model = model.withLayers(layers);
            } catch (IllegalArgumentException e) {
                throw new UserError("--layers: " + e.getMessage());
            }
        }
        Paper paper = Paper.load();
        MobileBertRun.Result r = MobileBertRun.run(model, soc, false, maxCycles);
        if (r.mismatches() != 0) {
            throw new UserError("the simulated output differs from the golden model in " + r.mismatches() + " bytes", UserError.PROGRAM_FAULT);
        }
        PrintStream out = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        var e = r.energy();
        double onChipMw = e.onChipPowerMw(), onChipGopJ = e.onChipGopPerJoule(r.gop());
        out.printf(Locale.ROOT, "MobileBERT, %d layers, S=%d, on %s at %.0f MHz and %.2f V; output matches the golden model bit for bit%n",
                model.layers(), model.seq(), soc.name(), soc.clock().frequencyMhz(), soc.clock().voltageV());
        out.printf(Locale.ROOT, "%-28s %12s %12s %11s%n", "", "socsim", "paper", "deviation");
        row(out, "GOp/s", r.gopsPerSecond(), paper.gopsPerSecond());
        row(out, "Inf/s", r.inferencesPerSecond(), paper.inferencesPerSecond());
        row(out, "power, on-chip (mW)", onChipMw, paper.powerMw());
        row(out, "GOp/J, on-chip", onChipGopJ, paper.gopPerJoule());
        out.printf(Locale.ROOT, "%-28s %12.1f %12s%n", "power with off-chip L3 (mW)", e.powerMw(), "-");
        out.printf(Locale.ROOT, "%-28s %12.0f %12s%n", "GOp/J with off-chip L3", e.gopPerJoule(r.gop()), "-");
        out.printf(Locale.ROOT, "paper: %s%n", paper.source());
        out.printf(Locale.ROOT, "GOp per inference: socsim %.3f (2 x MACs of linear layers and attention products; see docs/mobilebert.md)%n", r.gop());
        out.printf(Locale.ROOT, "energy per inference %.3f mJ; breakdown:%n", e.totalJ() * 1e3);
        for (Map.Entry<String, Double> b : e.breakdown().entrySet()) {
            out.printf(Locale.ROOT, "  %-14s %9.4f mJ  %5.1f %%%n", b.getKey(), b.getValue() * 1e3, 100 * b.getValue() / e.totalJ());
        }
        out.println("assumptions behind these figures (from the configuration):");
        for (Map.Entry<String, String> a : soc.assumptions().entrySet()) {
            if (a.getKey().startsWith("clock.") || a.getKey().startsWith("memory.") || a.getKey().startsWith("interconnect.")) {
                out.printf(Locale.ROOT, "  %s: %s%n", a.getKey(), oneLine(a.getValue()));
            }
        }
        List<Sensitivity.Entry> sweep = sensitivity
                ? Sensitivity.sweep(power, soc.clock().voltageV(), soc.clock().frequencyMhz(), r.cluster().events(), r.gop(),
                        Optional.of(new PowerConfig.Range(paper.fLow(), paper.fHigh())))
                : List.of();
        if (sensitivity) {
            out.println("sensitivity (each value from the low to the high end of its range, the others fixed), largest first:");
            out.printf(Locale.ROOT, "  %-34s %14s %14s %12s %12s%n", "coefficient", "low", "high", "d mW", "d GOp/J");
            for (Sensitivity.Entry s : sweep) {
                out.printf(Locale.ROOT, "  %-34s %14.4g %14.4g %+12.2f %+12.0f%n", s.name(), s.low(), s.high(), s.onChipPowerChangeMw(),
                        s.onChipGopPerJouleChange());
            }
        }
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> published = new LinkedHashMap<>(); // fixed key order: byte-identical reports
            published.put("source", paper.source());
            published.put("gops_per_s", paper.gopsPerSecond());
            published.put("inferences_per_s", paper.inferencesPerSecond());
            published.put("power_mw", paper.powerMw());
            published.put("gop_per_j", paper.gopPerJoule());
            m.put("paper", published);
            Map<String, Object> ours = new LinkedHashMap<>();
            ours.put("gops_per_s", r.gopsPerSecond());
            ours.put("inferences_per_s", r.inferencesPerSecond());
            ours.put("power_mw_on_chip", onChipMw);
            ours.put("gop_per_j_on_chip", onChipGopJ);
            ours.put("power_mw", e.powerMw());
            ours.put("gop_per_j", e.gopPerJoule(r.gop()));
            m.put("socsim", ours);
            Map<String, Object> dev = new LinkedHashMap<>();
            dev.put("gops_per_s", deviation(r.gopsPerSecond(), paper.gopsPerSecond()));
            dev.put("inferences_per_s", deviation(r.inferencesPerSecond(), paper.inferencesPerSecond()));
            dev.put("power_mw", deviation(onChipMw, paper.powerMw()));
            dev.put("gop_per_j", deviation(onChipGopJ, paper.gopPerJoule()));
            m.put("deviation", dev);
            if (sensitivity) {
                List<Object> rows = new ArrayList<>();
                for (Sensitivity.Entry s : sweep) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("name", s.name());
                    sm.put("low", s.low());
                    sm.put("high", s.high());
                    sm.put("power_change_mw", s.onChipPowerChangeMw());
                    sm.put("gop_per_j_change", s.onChipGopPerJouleChange());
                    rows.add(sm);
                }
                m.put("sensitivity", rows);
            }
            m.put("run", MobileBertRun.report(r, soc.name()));
            ClusterReport.writeJson(m, jsonFile);
        }
        return 0;
    }

    @Override
    public String defaultPresetHelp() {
        return "ita-cluster";
    }

    private static void row(PrintStream out, String name, double ours, double paper) {
        out.printf(Locale.ROOT, "%-28s %12.1f %12.1f %+10.1f %%%n", name, ours, paper, 100 * deviation(ours, paper));
    }

    private static double deviation(double ours, double paper) {
        return (ours - paper) / paper;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 150 ? t.substring(0, 147) + "..." : t;
    }
}
