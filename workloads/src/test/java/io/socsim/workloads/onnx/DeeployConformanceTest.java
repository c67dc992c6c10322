package io.socsim.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The external conformance set (the deployment flow's own test networks) is not part of the
 * repository, so this test runs only when {@code -Dsocsim.deeploy=DIR} names it, as {@code .ci/run}
 * does with {@code ../shared/deeploy}; a plain {@code mvn test} skips it. That the outputs match is
 * checked there by {@code socsim conformance DIR --interpreter} (and on both cluster presets); this
 * test adds what the command does not: every value the interpreter computes lies inside the type
 * it inferred, which the code generator relies on for its buffer widths.
 */
class DeeployConformanceTest {

    private static Path locate() {
        String prop = System.getProperty("socsim.deeploy");
        return prop == null || prop.isBlank() ? null : Path.of(prop);
    }

    @Test
    void everySharedValueFitsItsInferredType() throws Exception {
        Path root = locate();
        Assumptions.assumeTrue(root != null, "the external conformance set is not in the repository:"
                + " -Dsocsim.deeploy=DIR runs this test on it");
        assertThat(root).as("-Dsocsim.deeploy").isDirectory();
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
