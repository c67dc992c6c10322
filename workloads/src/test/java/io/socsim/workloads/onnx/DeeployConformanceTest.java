package io.socsim.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The external conformance set: every test folder of the deployment flow's suite under
 * {@code -Dsocsim.deeploy=DIR}, or {@code shared/deeploy} beside the repository, must reproduce
 * its {@code outputs.npz} exactly on the reference interpreter, with every value inside its
 * inferred type. The set is not part of the repository, so without it this test is skipped.
 */
class DeeployConformanceTest {

    static Path locate() {
        String prop = System.getProperty("socsim.deeploy");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("deeploy");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void everySharedTestReproducesItsOutputsExactly() throws Exception {
        Path root = locate();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "the external"
                + " conformance set (Deeploy's test networks) is not in the repository: pass"
                + " -Dsocsim.deeploy=DIR or place it at ../shared/deeploy");
        List<Path> dirs = Conformance.testDirs(root);
        assertThat(dirs).as("test folders under " + root).isNotEmpty();
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Path d : dirs) {
            Conformance.Case c = Conformance.run(root, d);
            table.append(String.format(Locale.ROOT, "%-44s %-4s  %s%n", c.name(),
                    c.passed() ? "pass" : "FAIL", String.join(" ", c.operators())));
            if (!c.passed()) {
                failures.add(c.name() + ": " + c.detail());
            }
        }
        System.out.print(table);
        assertThat(failures).as("failing tests").isEmpty();
    }

    @Test
    void everySharedValueFitsItsInferredType() throws Exception {
        Path root = locate();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root),
                "the external conformance set is not present");
        List<String> violations = new ArrayList<>();
        for (Path d : Conformance.testDirs(root)) {
            OnnxModel m = OnnxReader.read(d.resolve("network.onnx"));
            List<Tensor> inputs = new ArrayList<>();
            Npz.read(d.resolve("inputs.npz")).forEach((k, v) -> inputs.add(
                    Interpreter.tensorOf(v, k)));
            Interpreter.Result r = new Interpreter(m).run(inputs);
            r.values().forEach((name, t) -> {
                IntType type = r.types().get(name);
                for (long v : t.data()) {
                    if (!type.contains(v)) {
                        violations.add(root.relativize(d) + " " + name + ": " + v + " outside "
                                + type);
                        break;
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
    }
}
