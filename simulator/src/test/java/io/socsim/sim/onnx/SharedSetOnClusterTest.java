package io.socsim.sim.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.workloads.deploy.OnnxCompiler;
import io.socsim.workloads.onnx.Conformance;
import io.socsim.workloads.onnx.Interpreter;
import io.socsim.workloads.onnx.Npz;
import io.socsim.workloads.onnx.OnnxReader;
import io.socsim.workloads.onnx.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The external conformance set (the deployment flow's own test networks, at {@code -Dsocsim.deeploy=DIR}
 * or {@code shared/deeploy} beside the repository) compiled for each cluster preset and run on
 * the timed cluster: every output must equal its {@code outputs.npz}. Skipped when the set is absent.
 */
class SharedSetOnClusterTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"pulp-cluster", "ita-cluster"})
    void everySharedTestMatchesItsOutputsOnTheCluster(String preset) throws Exception {
        Path root = locate();
        Assumptions.assumeTrue(root != null && Files.isDirectory(root), "the external conformance set is not present:"
                + " pass -Dsocsim.deeploy=DIR or place it at ../shared/deeploy");
        SocConfig soc = ConfigLoader.load(ConfigSource.preset(preset), List.of());
        List<String> failures = new ArrayList<>();
        for (Path d : Conformance.testDirs(root)) {
            String name = root.relativize(d).toString();
            try {
                List<Tensor> inputs = new ArrayList<>();
                Npz.read(d.resolve("inputs.npz")).forEach((k, v) -> inputs.add(Interpreter.tensorOf(v, k)));
                OnnxCompiler.Compiled c = OnnxCompiler.compile(name, OnnxReader.read(d.resolve("network.onnx")), inputs, soc);
                Map<String, Tensor> expected = new LinkedHashMap<>();
                var outs = Npz.read(d.resolve("outputs.npz")).values().iterator();
                for (OnnxCompiler.Output o : c.outputs()) {
                    expected.put(o.name(), Interpreter.tensorOf(outs.next(), o.name()));
                }
                OnnxRun.Result r = OnnxRun.simulate(c, soc, 2_000_000_000L, 0, expected);
                if (!r.matches()) {
                    failures.add(name + ": " + (r.finished() ? r.mismatches().get(0).describe() : r.cluster().end().message()));
                }
            } catch (RuntimeException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("tests failing on " + preset).isEmpty();
    }
}
