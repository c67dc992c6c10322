package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report must not depend on the host: the same run in fresh JVMs that see one and two
 * processors (which changes the JVM's thread pools, GC and JIT threads, and anything that sizes
 * itself from the processor count) writes byte-identical JSON.
 */
class DeterminismAcrossHostsTest {

    @TempDir
    Path tmp;

    @Test
    void oneAndTwoHostProcessorsWriteByteIdenticalReports() throws Exception {
        Path one = runWithProcessors(1), two = runWithProcessors(2);
        assertThat(Files.size(one)).isPositive();
        assertThat(Files.readAllBytes(two)).as("report under 2 processors equals the one under 1").isEqualTo(Files.readAllBytes(one));
        assertThat(Files.readAllBytes(config(two))).isEqualTo(Files.readAllBytes(config(one)));
    }

    private Path runWithProcessors(int processors) throws IOException, InterruptedException {
        Path json = tmp.resolve("cpus" + processors + ".json");
        Path log = tmp.resolve("cpus" + processors + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:ActiveProcessorCount=" + processors,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "mobilebert", "--layers", "1", "--quiet", "--json", json.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM with " + processors + " processors did not finish in 120 s");
        }
        assertThat(p.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        return json;
    }

    private static Path config(Path json) {
        return json.resolveSibling(json.getFileName().toString().replace(".json", ".config.yaml"));
    }
}
