package io.socsim.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socsim.config.PowerConfig;
import io.socsim.config.SocConfig;
import io.socsim.sim.OutputFile;
import io.socsim.sim.SystemDescription;
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
import java.util.Comparator;
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
        SystemDescription described = SystemDescriptions.of(system, "ita-cluster", soc);
        List<String> differences = differences(model, described);
        Paper paper = Paper.load();
        MobileBertRun.Result r = MobileBertRun.run(model, soc, false, maxCycles);
        PrintStream out = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        if (!r.finished()) {
            MobileBertRun.print(r, out);
            if (!quiet) {
                ClusterReport.print(r.cluster(), System.err);
            }
            if (jsonFile != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("paper_configuration", differences.isEmpty());
                m.put("differences", differences);
                m.put("run", MobileBertRun.report(r, described));
                ClusterReport.writeJson(m, jsonFile);
            }
            throw r.cluster().end().programEnded()
                    ? new UserError("the MobileBERT program did not finish cleanly: " + r.cluster().end().message(), UserError.PROGRAM_FAULT)
                    : r.cluster().end().asError();
        }
        if (r.mismatches() != 0) {
            throw new UserError("the simulated output differs from the golden model in " + r.mismatches() + " bytes", UserError.PROGRAM_FAULT);
        }
        boolean compare = differences.isEmpty();
        var e = r.energy();
        double onChipMw = e.onChipPowerMw(), onChipGopJ = e.onChipGopPerJoule(r.gop());
        out.printf(Locale.ROOT, "MobileBERT, %d layers, S=%d, on %s at %.0f MHz and %.2f V; output matches the golden model bit for bit%n",
                model.layers(), model.seq(), described.label(), soc.clock().frequencyMhz(), soc.clock().voltageV());
        if (compare) {
            out.printf(Locale.ROOT, "%-28s %12s %12s %11s%n", "", "socsim", "paper", "deviation");
        } else {
            out.printf(Locale.ROOT, "not the paper's configuration (%s): the figures are shown beside the paper's without a deviation,"
                    + " which would compare different workloads or systems%n", String.join("; ", differences));
            out.printf(Locale.ROOT, "%-28s %12s %12s%n", "", "socsim", "paper");
        }
        row(out, "GOp/s", r.gopsPerSecond(), paper.gopsPerSecond(), compare);
        row(out, "Inf/s", r.inferencesPerSecond(), paper.inferencesPerSecond(), compare);
        row(out, "power, on-chip (mW)", onChipMw, paper.powerMw(), compare);
        row(out, "GOp/J, on-chip", onChipGopJ, paper.gopPerJoule(), compare);
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
        List<Sensitivity.Entry> sweep = new ArrayList<>(sensitivity
                ? Sensitivity.sweep(power, soc.clock().voltageV(), soc.clock().frequencyMhz(), r.cluster().events(), r.gop(),
                        Optional.of(new PowerConfig.Range(paper.fLow(), paper.fHigh())))
                : List.of());
        // sorted by the figure the table shows: the on-chip power change, largest first
        sweep.sort(Comparator.comparingDouble((Sensitivity.Entry s) -> -Math.abs(s.onChipPowerChangeMw())).thenComparing(Sensitivity.Entry::name));
        if (sensitivity) {
            out.println("sensitivity (each value from the low to the high end of its range, the others fixed), largest on-chip power change first:");
            out.printf(Locale.ROOT, "  %-34s %5s %12s %12s %27s %22s%n", "coefficient", "unit", "low", "high", "change of on-chip power (mW)",
                    "change of on-chip GOp/J");
            for (Sensitivity.Entry s : sweep) {
                out.printf(Locale.ROOT, "  %-34s %5s %12.4g %12.4g %+28.2f %+22.0f%n", s.name(), unit(s.name()), s.low(), s.high(),
                        s.onChipPowerChangeMw(), s.onChipGopPerJouleChange());
            }
        }
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paper_configuration", compare);
            m.put("differences", differences);
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
            Map<String, Object> dev = null; // only a run of the paper's configuration is compared
            if (compare) {
                dev = new LinkedHashMap<>();
                dev.put("gops_per_s", deviation(r.gopsPerSecond(), paper.gopsPerSecond()));
                dev.put("inferences_per_s", deviation(r.inferencesPerSecond(), paper.inferencesPerSecond()));
                dev.put("power_mw", deviation(onChipMw, paper.powerMw()));
                dev.put("gop_per_j", deviation(onChipGopJ, paper.gopPerJoule()));
            }
            m.put("deviation", dev);
            List<Object> assumptions = new ArrayList<>();
            for (Map.Entry<String, String> a : soc.assumptions().entrySet()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("key", a.getKey());
                am.put("source", a.getValue().replaceAll("\\s+", " ").strip());
                assumptions.add(am);
            }
            m.put("assumptions", assumptions);
            if (sensitivity) {
                List<Object> rows = new ArrayList<>();
                for (Sensitivity.Entry s : sweep) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("name", s.name());
                    sm.put("unit", unit(s.name()));
                    sm.put("low", s.low());
                    sm.put("high", s.high());
                    sm.put("on_chip_power_change_mw", s.onChipPowerChangeMw());
                    sm.put("on_chip_gop_per_j_change", s.onChipGopPerJouleChange());
                    sm.put("source", s.name().equals(Sensitivity.FREQUENCY)
                            ? "frequency_range_mhz of reference/wiese2024.yaml (bounds and their sources there)"
                            : s.source().replaceAll("\\s+", " ").strip());
                    rows.add(sm);
                }
                m.put("sensitivity", rows);
            }
            m.put("run", MobileBertRun.report(r, described));
            ClusterReport.writeJson(m, jsonFile);
        }
        return 0;
    }

    @Override
    public String defaultPresetHelp() {
        return PAPER_PRESET;
    }

    /**
     * How this run differs from the paper's: all 24 layers at S=128 (the defaults of the model)
     * on the ita-cluster preset as shipped. Empty when it is the paper's configuration.
     */
    static List<String> differences(MobileBertConfig model, SystemDescription system) {
        MobileBertConfig paper = MobileBertConfig.defaults();
        List<String> d = new ArrayList<>();
        if (model.layers() != paper.layers()) {
            d.add(String.format(Locale.ROOT, "%d of its %d layers", model.layers(), paper.layers()));
        }
        if (model.seq() != paper.seq()) {
            d.add(String.format(Locale.ROOT, "sequence length %d instead of %d", model.seq(), paper.seq()));
        }
        if (model.variant() != paper.variant()) {
            d.add("the " + model.variant().name().toLowerCase(Locale.ROOT) + " variant");
        }
        if (system.configFile() != null) {
            d.add("configuration file " + system.configFile());
        } else if (!PAPER_PRESET.equals(system.preset())) {
            d.add("preset " + system.preset() + " instead of " + PAPER_PRESET);
        }
        for (String o : system.overrides()) {
            d.add("--set " + o);
        }
        return d;
    }

    /** The preset that describes the paper's system. */
    static final String PAPER_PRESET = "ita-cluster";

    /** The unit of a swept coefficient, from its configuration key. */
    private static String unit(String name) {
        return name.equals(Sensitivity.FREQUENCY) ? "MHz" : name.endsWith("_pj") ? "pJ" : name.endsWith("_mw") ? "mW" : "";
    }

    private static void row(PrintStream out, String name, double ours, double paper, boolean compare) {
        if (compare) {
            out.printf(Locale.ROOT, "%-28s %12.1f %12.1f %+10.1f %%%n", name, ours, paper, 100 * deviation(ours, paper));
        } else {
            out.printf(Locale.ROOT, "%-28s %12.1f %12.1f%n", name, ours, paper);
        }
    }

    private static double deviation(double ours, double paper) {
        return (ours - paper) / paper;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 150 ? t.substring(0, 147) + "..." : t;
    }
}
