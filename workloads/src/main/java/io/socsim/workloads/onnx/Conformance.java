package io.socsim.workloads.onnx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs test folders of the deployment flow's layout ({@code network.onnx}, {@code inputs.npz},
 * {@code outputs.npz}) on the reference interpreter and compares every output exactly.
 * {@code inputs.npz} holds the runtime inputs in graph-input order (names are not relied on;
 * extra trailing arrays, which some tests add for their constant weights, are ignored).
 */
public final class Conformance {

    /** One test: its folder relative to the root, its operators, the verdict and the reason. */
    public record Case(String name, List<String> operators, boolean passed, String detail,
            double millis) {
    }

    private Conformance() {
    }

    /** Every folder under {@code root} holding a {@code network.onnx}, sorted by path. */
    public static List<Path> testDirs(Path root) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().equals("network.onnx"))
                    .map(Path::getParent).sorted().toList();
        }
    }

    public static Case run(Path root, Path dir) {
        String name = root.relativize(dir).toString().replace('\\', '/');
        long t0 = System.nanoTime();
        List<String> ops = List.of();
        try {
            OnnxModel model = OnnxReader.read(dir.resolve("network.onnx"));
            ops = Interpreter.operatorsOf(model.graph());
            Map<String, NpyArray> in = Npz.read(dir.resolve("inputs.npz"));
            Map<String, NpyArray> expected = Npz.read(dir.resolve("outputs.npz"));
            Interpreter interpreter = new Interpreter(model);
            List<Tensor> inputs = new ArrayList<>();
            for (Map.Entry<String, NpyArray> e : in.entrySet()) {
                inputs.add(Interpreter.tensorOf(e.getValue(), "inputs.npz[" + e.getKey() + "]"));
            }
            Interpreter.Result r = interpreter.run(inputs);
            String verdict = compare(r.outputs(), expected);
            return new Case(name, ops, verdict == null, verdict == null ? "" : verdict,
                    (System.nanoTime() - t0) / 1e6);
        } catch (OnnxFormatException | NpyFormatException | OnnxGraphException e) {
            return new Case(name, ops, false, e.getMessage(), (System.nanoTime() - t0) / 1e6);
        }
    }

    /** Null when every output equals its expectation, else the first difference described. */
    public static String compare(Map<String, Tensor> actual, Map<String, NpyArray> expected) {
        if (expected.size() != actual.size()) {
            return "the graph has " + actual.size() + " outputs, outputs.npz " + expected.size();
        }
        var exp = expected.entrySet().iterator();
        for (Map.Entry<String, Tensor> a : actual.entrySet()) {
            Map.Entry<String, NpyArray> e = exp.next();
            Tensor want = Interpreter.tensorOf(e.getValue(), "outputs.npz[" + e.getKey() + "]");
            Tensor got = a.getValue();
            if (want.size() != got.size()) {
                return "output '" + a.getKey() + "': shape " + got.shapeString() + ", expected "
                        + want.shapeString();
            }
            int differ = 0;
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < got.size(); i++) {
                if (got.data()[i] != want.data()[i]) {
                    if (differ < 3) {
                        first.append(String.format(Locale.ROOT, " [%s] expected %d got %d",
                                want.indexString(i), want.data()[i], got.data()[i]));
                    }
                    differ++;
                }
            }
            if (differ > 0) {
                return "output '" + a.getKey() + "': " + differ + " of " + got.size()
                        + " elements differ;" + first;
            }
        }
        return null;
    }
}
