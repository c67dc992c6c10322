package io.socsim.sim.cli;

import io.socsim.config.SocConfig;
import io.socsim.sim.UserError;
import io.socsim.sim.onnx.OnnxRun;
import io.socsim.workloads.deploy.OnnxCompiler;
import io.socsim.workloads.onnx.Interpreter;
import io.socsim.workloads.onnx.OnnxModel;
import io.socsim.workloads.onnx.Tensor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code socsim conformance DIR} on a simulated system: every test compiled for it, run on the
 * timed cluster and compared bit for bit with its {@code outputs.npz}; one row per test (where its
 * nodes ran, cycles, result), then {@code N passed, M failed}; exit 1 when any failed.
 */
final class OnnxConformance {

    private OnnxConformance() {
    }

    private record Row(String name, String ops, String where, String cycles, boolean passed, String detail) {
    }

    static int run(Path root, List<Path> tests, SocConfig soc, long maxCycles) {
        List<Row> rows = new ArrayList<>();
        for (Path t : tests) {
            rows.add(one(root, t, soc, maxCycles));
        }
        int width = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        int whereWidth = Math.max(5, rows.stream().mapToInt(r -> r.where().length()).max().orElse(5));
        PrintWriter out = new PrintWriter(System.out, false);
        out.printf(Locale.ROOT, "conformance on %s%n", soc.name());
        String fmt = "%-" + width + "s  %-6s  %12s  %-" + whereWidth + "s  %s%n";
        out.printf(Locale.ROOT, fmt, "test", "result", "cycles", "where", "operators");
        int passed = 0;
        for (Row r : rows) {
            out.printf(Locale.ROOT, fmt, r.name(), r.passed() ? "pass" : "FAIL", r.cycles(), r.where(), r.ops());
            if (r.passed()) {
                passed++;
            } else {
                out.printf(Locale.ROOT, "    %s%n", r.detail());
            }
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", passed, rows.size() - passed);
        out.flush();
        return passed == rows.size() ? 0 : 1;
    }

    private static Row one(Path root, Path dir, SocConfig soc, long maxCycles) {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        String name = rel.isEmpty() ? String.valueOf(dir.toAbsolutePath().normalize().getFileName()) : rel;
        String ops = "";
        try {
            OnnxModel model = OnnxCommands.model(dir.resolve("network.onnx"));
            ops = String.join(" ", Interpreter.operatorsOf(model.graph()));
            List<Tensor> inputs = OnnxCommands.arrays(dir.resolve("inputs.npz"), "inputs");
            OnnxCompiler.Compiled c = OnnxCommands.compile(name, model, inputs, soc);
            Map<String, Tensor> expected = OnnxCommands.expected(c, dir.resolve("outputs.npz"));
            String where = where(c);
            OnnxRun.Result r = OnnxRun.simulate(c, soc, maxCycles, 0, expected);
            if (!r.finished()) {
                return new Row(name, ops, where, "-", false, "the run ended with " + r.cluster().end().message());
            }
            String detail = String.join("; ", r.mismatches().stream().map(OnnxRun.Mismatch::describe).toList());
            return new Row(name, ops, where, Long.toString(r.cluster().cycles()), r.mismatches().isEmpty(), detail);
        } catch (UserError e) {
            return new Row(name, ops, "-", "-", false, e.getMessage());
        }
    }

    /** Per operator, where its nodes ran: e.g. "MatMul:ita Add:cores" (folded and view nodes left out). */
    static String where(OnnxCompiler.Compiled c) {
        Map<String, String> by = new TreeMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OnnxCompiler.NodeRun n : c.nodes()) {
            if (!n.unit().equals("cores") && !n.unit().equals("ita")) {
                continue;
            }
            by.merge(n.op(), n.unit(), (a, b) -> a.contains(b) ? a : a + "+" + b);
            counts.merge(n.unit(), 1, Integer::sum);
        }
        if (by.values().stream().allMatch(u -> u.equals("cores"))) {
            return "cores";
        }
        List<String> parts = new ArrayList<>();
        by.forEach((op, u) -> {
            if (!u.equals("cores")) {
                parts.add(op + ":" + u);
            }
        });
        return String.join(" ", parts) + ", rest cores";
    }
}
