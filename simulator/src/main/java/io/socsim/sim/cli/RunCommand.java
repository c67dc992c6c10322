package io.socsim.sim.cli;

import io.socsim.config.MemoryConfig;
import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.ElfFormatException;
import io.socsim.sim.RunEnd;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.sim.func.FunctionalMachine;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socsim run PROGRAM.elf}: runs a program and exits with its exit code. Systems with an L1
 * TCDM run on the cycle-approximate cluster model; a flat-RAM system ({@code rv32-bare}) runs on
 * the functional single-hart machine.
 */
@Command(name = "run", description = "Run a RISC-V ELF program (prints what it writes and exits with its exit code), the built-in workload 'mobilebert', or an integer ONNX graph NET.onnx compiled for the system and checked bit for bit.")
final class RunCommand implements Callable<Integer>, SystemOptions.DefaultPreset {

    @Parameters(index = "0", paramLabel = "PROGRAM", description = "ELF32 RISC-V executable, mobilebert, or NET.onnx.")
    Path program;

    @Mixin
    SystemOptions system;

    @Option(names = "--max-cycles", paramLabel = "N", defaultValue = "10000000000", description = "Stop after this many cycles (default: ${DEFAULT-VALUE}).")
    long maxCycles;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the run report as JSON (and the resolved configuration beside it, FILE.config.yaml); both paths are checked before the run.")
    Path json;

    /** The checked {@code --json} files (null without {@code --json}). */
    private ReportFiles reportFiles;

    @Option(names = "--quiet", description = "Do not print the statistics table (cluster runs print it on standard error).")
    boolean quiet;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--inputs", paramLabel = "IN.npz", description = "For an ONNX graph: its runtime inputs in graph-input order (default: zeros of the declared shapes).")
    Path inputs;

    @Option(names = "--expect", paramLabel = "OUT.npz", description = "For an ONNX graph: the expected outputs in graph-output order (default: the reference interpreter's).")
    Path expect;

    @Override
    public Integer call() {
        if (maxCycles <= 0) {
            throw new UserError("--max-cycles must be positive, not " + maxCycles);
        }
        reportFiles = ReportFiles.check(json);
        if (program.toString().equals("mobilebert") && !Files.exists(program)) {
            return runMobileBert();
        }
        if (OnnxCommands.isOnnx(program)) {
            if (workload.any()) {
                throw new UserError("--layers, --seq, --variant, --seed and --no-ita apply to 'socsim run mobilebert' only");
            }
            return OnnxCommands.run(this, json == null ? null : reportFiles);
        }
        if (inputs != null || expect != null) {
            throw new UserError("--inputs and --expect apply to an ONNX graph (NET.onnx) only");
        }
        if (workload.any()) {
            throw new UserError("--layers, --seq, --variant, --seed and --no-ita apply to 'socsim run mobilebert' only");
        }
        ElfFile elf;
        try {
            elf = ElfFile.read(program);
        } catch (ElfFormatException e) {
            throw new UserError(e.getMessage());
        }
        SocConfig soc = system.resolve("rv32-bare");
        SystemDescription described = SystemDescriptions.of(system, "rv32-bare", soc);
        BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        BufferedOutputStream err = new BufferedOutputStream(System.err, 1 << 12);
        if (soc.memory().l1().isPresent()) {
            ClusterResult result = new Cluster(soc, elf, out, err).run(maxCycles);
            if (!quiet) {
                ClusterReport.print(result, System.err);
            }
            if (json != null) {
                Map<String, Object> report = ClusterReport.toMap(result, program.getFileName().toString(), described);
                soc.power().ifPresent(p -> report.putAll(io.socsim.sim.power.EnergyModel.compute(p, soc.clock().voltageV(),
                        soc.clock().frequencyMhz(), result.events()).toMap()));
                writeReport(report, soc);
            }
            return verdict(result.end());
        }
        MemoryConfig ram = soc.memory().ram().orElseThrow(() -> new UserError(
                "configuration '" + soc.name() + "' has neither an L1 TCDM nor a flat RAM to run a program in"));
        FunctionalMachine machine = new FunctionalMachine(elf, ram.base(), ram.size(), out, err);
        FunctionalMachine.Result result = machine.run(maxCycles);
        if (json != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("program", program.getFileName().toString());
            report.put("system", described.toMap());
            report.put("end", result.end().toMap());
            report.put("cycles", result.instructions()); // functional: one cycle per instruction
            report.put("instructions", result.instructions());
            writeReport(report, soc);
        }
        return verdict(result.end());
    }

    /**
     * The exit status of a run whose report is out: the program's own code when it exited, 0 or 1
     * for a tohost verdict (with the failing test on standard error), and otherwise the
     * simulator's error, one line on standard error with its fixed code (README, "Exit codes").
     */
    static int verdict(RunEnd end) {
        switch (end.reason()) {
            case EXIT: case TOHOST_PASS:
                return end.exitCode(); // the low 8 bits of the program's code: what a process exit status keeps, as under QEMU
            case TOHOST_FAIL:
                System.err.println("socsim: " + end.message());
                return end.exitCode();
            default:
                throw end.asError();
        }
    }

    private int runMobileBert() {
        SocConfig soc = system.resolve("ita-cluster");
        long t0 = System.nanoTime();
        MobileBertConfig model = workload.config();
        MobileBertCompiler.Compiled compiled = MobileBertRun.compile(model, soc, workload.noIta);
        double compileSeconds = (System.nanoTime() - t0) / 1e9;
        if (!quiet) { // a long run is not silent: say what is being simulated (Ctrl-C stops it with the figures so far)
            System.err.printf(Locale.ROOT, "socsim: compiled MobileBERT (%d layers, S=%d%s) for %s in %.1f s; simulating ...%n",
                    model.layers(), model.seq(), workload.noIta ? ", everything on the cores" : "", soc.name(), compileSeconds);
        }
        MobileBertRun.Result r = MobileBertRun.simulate(compiled, soc, maxCycles, compileSeconds);
        MobileBertRun.print(r, System.out);
        if (!quiet) {
            ClusterReport.print(r.cluster(), System.err);
        }
        if (json != null) {
            writeReport(MobileBertRun.report(r, SystemDescriptions.of(system, "ita-cluster", soc)), soc);
        }
        if (!r.finished()) {
            throw r.cluster().end().programEnded()
                    ? new UserError("the MobileBERT program ended with " + r.cluster().end().message(), UserError.PROGRAM_FAULT)
                    : r.cluster().end().asError();
        }
        if (r.mismatches() != 0) {
            throw new UserError("the simulated output differs from the golden model in " + r.mismatches() + " bytes", UserError.PROGRAM_FAULT);
        }
        return 0;
    }

    private void writeReport(Map<String, Object> report, SocConfig soc) {
        reportFiles.write(report, soc);
    }

    @Override
    public String defaultPresetHelp() {
        return "rv32-bare for a program, ita-cluster for mobilebert and ONNX graphs";
    }
}
