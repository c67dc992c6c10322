package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.onnx.OnnxRun;
import io.socsim.workloads.deploy.DeployException;
import io.socsim.workloads.deploy.OnnxCompiler;
import io.socsim.workloads.onnx.Interpreter;
import io.socsim.workloads.onnx.NpyArray;
import io.socsim.workloads.onnx.NpyFormatException;
import io.socsim.workloads.onnx.Npz;
import io.socsim.workloads.onnx.OnnxFormatException;
import io.socsim.workloads.onnx.OnnxGraphException;
import io.socsim.workloads.onnx.OnnxModel;
import io.socsim.workloads.onnx.OnnxReader;
import io.socsim.workloads.onnx.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ONNX side of {@code run}, {@code compile} and {@code conformance}: read, compile, simulate, compare. */
final class OnnxCommands {

    private OnnxCommands() {
    }

    static boolean isOnnx(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(".onnx");
    }

    static OnnxModel model(Path file) {
        try {
            return OnnxReader.read(file);
        } catch (OnnxFormatException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The arrays of an npz in order (graph-input or graph-output order by convention). */
    static List<Tensor> arrays(Path file, String what) {
        try {
            Map<String, NpyArray> m = Npz.read(file);
            List<Tensor> r = new ArrayList<>();
            for (Map.Entry<String, NpyArray> e : m.entrySet()) {
                r.add(Interpreter.tensorOf(e.getValue(), file.getFileName() + "[" + e.getKey() + "]"));
            }
            return r;
        } catch (NpyFormatException | OnnxGraphException e) {
            throw new UserError(e.getMessage());
        }
    }

    static OnnxCompiler.Compiled compile(String name, OnnxModel model, List<Tensor> inputs, SocConfig soc) {
        try {
            return OnnxCompiler.compile(name, model, inputs, soc);
        } catch (DeployException | OnnxGraphException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The expected outputs: the --expect file's arrays in graph-output order, or the interpreter's. */
    static Map<String, Tensor> expected(OnnxCompiler.Compiled c, Path expect) {
        if (expect == null) {
            return c.expected();
        }
        List<Tensor> arrays = arrays(expect, "--expect");
        if (arrays.size() != c.outputs().size()) {
            throw new UserError("--expect " + expect + " holds " + arrays.size() + " arrays, the graph has " + c.outputs().size() + " outputs");
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < arrays.size(); i++) {
            m.put(c.outputs().get(i).name(), arrays.get(i));
        }
        return m;
    }

    static String name(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String base = file.getFileName().toString().replaceAll("\\.onnx$", "");
        return base.equals("network") && dir != null && dir.getFileName() != null ? dir.getFileName().toString() : base;
    }

    /** {@code socsim run NET.onnx}: exit 0 when every output matches, 1 when one differs. */
    static int run(RunCommand cmd, ReportFiles files) {
        SocConfig soc = cmd.system.resolve("ita-cluster");
        long t0 = System.nanoTime();
        OnnxModel model = model(cmd.program);
        List<Tensor> inputs = cmd.inputs == null ? null : arrays(cmd.inputs, "--inputs");
        OnnxCompiler.Compiled c = compile(name(cmd.program), model, inputs, soc);
        double compileSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Tensor> expected = expected(c, cmd.expect);
        if (!cmd.quiet) {
            System.err.printf(java.util.Locale.ROOT, "socsim: compiled %s (%d nodes) for %s in %.2f s; simulating ...%n", c.name(), c.nodes().size(),
                    soc.name(), compileSeconds);
        }
        OnnxRun.Result r = OnnxRun.simulate(c, soc, cmd.maxCycles, compileSeconds, expected);
        OnnxRun.print(r, System.out);
        if (!cmd.quiet) {
            System.err.printf(java.util.Locale.ROOT, "socsim: simulated in %.2f s%n", r.simulateSeconds());
            ClusterReport.print(r.cluster(), System.err);
        }
        if (files != null) {
            files.write(OnnxRun.report(r, SystemDescriptions.of(cmd.system, "ita-cluster", soc)), soc);
        }
        if (!r.finished()) {
            throw r.cluster().end().programEnded()
                    ? new UserError("the program of " + c.name() + " ended with " + r.cluster().end().message(), UserError.PROGRAM_FAULT)
                    : r.cluster().end().asError();
        }
        if (!r.mismatches().isEmpty()) {
            for (OnnxRun.Mismatch m : r.mismatches()) {
                System.err.println("socsim: " + m.describe());
            }
            return 1;
        }
        return 0;
    }
}
