package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.sim.sweep.Axis;
import io.socsim.sim.sweep.ElfWorkload;
import io.socsim.sim.sweep.Grid;
import io.socsim.sim.sweep.Manifest;
import io.socsim.sim.sweep.MobileBertWorkload;
import io.socsim.sim.sweep.Point;
import io.socsim.sim.sweep.Progress;
import io.socsim.sim.sweep.Sweep;
import io.socsim.sim.sweep.SweepOutputs;
import io.socsim.sim.sweep.Workload;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socsim sweep}: a grid over configuration keys and workload options, each point compiled
 * for its own system and run on a fresh simulator, several at once; results land in a folder as
 * they finish, so a second run of the same command resumes (docs/sweep.md).
 */
@Command(name = "sweep", description = "Run a workload over a grid of configurations (--set KEY=V1,V2,...) and options (--layers 1,2); results, tables and plots in -o DIR; re-running resumes.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "'mobilebert' or an ELF32 RISC-V program.")
    Path program;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder of the results (created; a folder holding this sweep resumes it).")
    Path output;

    @Option(names = "--preset", paramLabel = "NAME", description = "Base system preset (default: ita-cluster for mobilebert, pulp-cluster for a program).")
    String preset;

    @Option(names = "--config", paramLabel = "FILE", description = "Base system description in YAML.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=V1[,V2...]", description = "A configuration key: one value applies to every point, several make an axis (repeatable; the grid is the product of the axes, the first varying slowest).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--layers", paramLabel = "N[,N...]", description = "mobilebert: layers run (an axis when several).")
    String layers;

    @Option(names = "--seq", paramLabel = "S[,S...]", description = "mobilebert: sequence lengths, multiples of 16.")
    String seq;

    @Option(names = "--variant", paramLabel = "V[,V...]", description = "mobilebert: ita and/or original.")
    String variant;

    @Option(names = "--seed", paramLabel = "N[,N...]", description = "mobilebert: seeds of the generated weights and tokens.")
    String seed;

    @Option(names = "--no-ita", description = "mobilebert: map everything on the cores, at every point.")
    boolean noIta;

    @Option(names = "--jobs", paramLabel = "N", description = "Points run at once in this JVM (default: the host's processors, ${sys:socsim.processors}).")
    Integer jobs;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "10000000000", description = "Cycle limit of each point (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Option(names = "--quiet", description = "Print neither the progress nor the summary table (the files are written all the same).")
    boolean quiet;

    static {
        System.setProperty("socsim.processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public Integer call() {
        int parallel = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (parallel < 1) {
            throw new UserError("--jobs must be at least 1, not " + parallel);
        }
        if (maxCycles <= 0) {
            throw new UserError("--max-cycles must be positive, not " + maxCycles);
        }
        if (preset != null && config != null) {
            throw new UserError("give either --preset or --config, not both");
        }
        boolean mobilebert = program.toString().equals("mobilebert") && !Files.exists(program);
        List<Axis> axes = new ArrayList<>();
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, String> fixed = new LinkedHashMap<>();
        workloadOption("layers", layers, axes, options, fixed);
        workloadOption("seq", seq, axes, options, fixed);
        workloadOption("variant", variant, axes, options, fixed);
        workloadOption("seed", seed, axes, options, fixed);
        if (noIta) {
            options.put("no_ita", true);
        }
        if (!mobilebert && !options.isEmpty()) {
            throw new UserError("--layers, --seq, --variant, --seed and --no-ita apply to 'socsim sweep mobilebert' only");
        }
        List<String> fixedOverrides = new ArrayList<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserError("--set " + s + ": expected KEY=VALUE or KEY=V1,V2,...");
            }
            List<String> values = values("--set " + s.substring(0, eq), s.substring(eq + 1));
            if (values.size() == 1) {
                fixedOverrides.add(s);
            } else {
                axes.add(new Axis(s.substring(0, eq), true, values));
            }
        }
        Grid grid = new Grid(axes, fixedOverrides);
        if (grid.size() > 100_000) {
            throw new UserError("the grid has " + grid.size() + " points; at most 100000");
        }
        String defaultPreset = mobilebert ? "ita-cluster" : "pulp-cluster";
        Workload workload = mobilebert
                ? new MobileBertWorkload(p -> model(fixed, p), noIta, options)
                : new ElfWorkload(program);
        List<Sweep.Resolved> systems = new ArrayList<>();
        for (Point p : grid.points()) { // every point's system and model are checked before any runs
            SystemOptions o = new SystemOptions();
            o.preset = preset;
            o.config = config;
            o.overrides = new ArrayList<>(p.overrides());
            SocConfig soc;
            try {
                soc = o.resolve(defaultPreset);
            } catch (UserError e) {
                throw new UserError((axes.isEmpty() ? "" : "point " + p.index() + " (" + p.label() + "): ") + e.getMessage());
            }
            systems.add(new Sweep.Resolved(soc, SystemDescriptions.of(o, defaultPreset, soc)));
            if (mobilebert) {
                model(fixed, p);
            }
        }
        String presetName = config != null ? null : preset != null ? preset : defaultPreset;
        Map<String, Object> manifest = Manifest.of(workload, presetName, config == null ? null : config.toString(), grid, maxCycles);
        Progress progress = new Progress(System.err, System.console() != null, quiet);
        List<Map<String, Object>> records = Sweep.run(output, manifest, grid, systems, workload, maxCycles, parallel, progress);
        if (!quiet) {
            System.out.print(SweepOutputs.table(grid, records));
            long ok = records.stream().filter(r -> "ok".equals(r.get("status"))).count();
            System.err.printf(java.util.Locale.ROOT, "socsim: %d of %d points ran correctly; results in %s (results.csv, results.json, plots/)%n",
                    ok, records.size(), output);
        }
        return 0;
    }

    /** A workload option: one value is fixed, several make an axis. */
    private static void workloadOption(String name, String given, List<Axis> axes, Map<String, Object> options, Map<String, String> fixed) {
        if (given == null) {
            return;
        }
        List<String> values = values("--" + name, given);
        if (values.size() == 1) {
            fixed.put(name, values.get(0));
            options.put(name, values.get(0));
        } else {
            axes.add(new Axis(name, false, values));
            options.put(name, values);
        }
    }

    private static List<String> values(String option, String list) {
        List<String> values = Arrays.stream(list.split(",", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw new UserError(option + ": an empty value in '" + list + "'");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new UserError(option + ": a value given twice in '" + list + "'");
        }
        return values;
    }

    /** The model of a point: defaults, then the fixed options, then the point's swept ones. */
    private static MobileBertConfig model(Map<String, String> fixed, Point p) {
        MobileBertConfig c = MobileBertConfig.defaults();
        String layers = p.workload("layers", fixed.get("layers"));
        String seq = p.workload("seq", fixed.get("seq"));
        String seed = p.workload("seed", fixed.get("seed"));
        String variant = p.workload("variant", fixed.get("variant"));
        if (layers != null) {
            int n = whole("--layers", layers);
            c = WorkloadOptions.checked("--layers", c, x -> x.withLayers(n));
        }
        if (seq != null) {
            int s = whole("--seq", seq);
            c = WorkloadOptions.checked("--seq", c, x -> x.withSeq(s));
        }
        if (seed != null) {
            try {
                c = c.withSeed(Long.parseLong(seed));
            } catch (NumberFormatException e) {
                throw new UserError("--seed: '" + seed + "' is not a whole number");
            }
        }
        if (variant != null) {
            switch (variant) {
                case "ita": c = c.withVariant(MobileBertConfig.Variant.ITA); break;
                case "original": c = c.withVariant(MobileBertConfig.Variant.ORIGINAL); break;
                default: throw new UserError("--variant must be 'ita' or 'original', not '" + variant + "'");
            }
        }
        return c;
    }

    private static int whole(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserError(option + ": '" + text + "' is not a whole number");
        }
    }
}
