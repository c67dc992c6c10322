package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.workloads.onnx.DataType;
import io.socsim.workloads.onnx.GraphBuilder;
import io.socsim.workloads.onnx.NpyArray;
import io.socsim.workloads.onnx.Npz;
import io.socsim.workloads.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim conformance DIR} (interpreter and simulated cluster) on test folders written by the project itself. */
class ConformanceCommandTest {

    @TempDir
    Path tmp;

    /** A folder computing x + x, with {@code expected} as its outputs.npz. */
    private void folder(String name, long[] expected) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        GraphBuilder b = new GraphBuilder(name);
        b.input("x", DataType.INT8, 2);
        b.node("Add", List.of("x", "x"), List.of("y"));
        b.output("y");
        OnnxWriter.write(b.build(), d.resolve("network.onnx"));
        Npz.write(Map.of("input_0", NpyArray.ofLongs(new long[] {2}, new long[] {3, -4})),
                d.resolve("inputs.npz"));
        Npz.write(Map.of("output_0", NpyArray.ofLongs(new long[] {2}, expected)),
                d.resolve("outputs.npz"));
    }

    @Test
    void allPassingFoldersExitZeroWithTheClosingLine() throws IOException {
        folder("a/good", new long[] {6, -8});
        CliRunner.Result r = CliRunner.run("conformance", tmp.toString(), "--interpreter");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("test    result  operators\n"
                + "a/good  pass    Add\n"
                + "1 passed, 0 failed\n");
    }

    @Test
    void aMismatchExitsOneAndSaysWhere() throws IOException {
        folder("good", new long[] {6, -8});
        folder("wrong", new long[] {6, -7});
        CliRunner.Result r = CliRunner.run("conformance", tmp.toString(), "--interpreter");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("wrong  FAIL    Add\n"
                + "    output 'y': 1 of 2 elements differ; [1] expected -7 got -8\n")
                .endsWith("1 passed, 1 failed\n");
    }

    @Test
    void aBrokenFileFailsItsTestWithTheReadersMessage() throws IOException {
        folder("broken", new long[] {6, -8});
        Files.write(tmp.resolve("broken/inputs.npz"), new byte[] {1, 2, 3});
        CliRunner.Result r = CliRunner.run("conformance", tmp.toString(), "--interpreter");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("inputs.npz: bad magic: not a zip archive (.npz)");
    }

    @Test
    void missingDirectoryIsBadInput() {
        CliRunner.Result r = CliRunner.run("conformance", tmp.resolve("none").toString(), "--interpreter");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a directory");
        CliRunner.Result t = CliRunner.run("conformance", tmp.resolve("none").toString());
        assertThat(t.exitCode()).isEqualTo(2);
        assertThat(t.err()).contains("not a directory");
    }

    @Test
    void withoutInterpreterEveryTestRunsOnTheSimulatedClusterAndMismatchesFail() throws IOException {
        folder("good", new long[] {6, -8});
        folder("wrong", new long[] {6, -7});
        CliRunner.Result r = CliRunner.run("conformance", tmp.toString(), "--preset", "pulp-cluster");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).startsWith("conformance on pulp-cluster\n")
                .containsPattern("good +pass +[0-9]+ +cores +Add\n")
                .containsPattern("wrong +FAIL +[0-9]+ +cores +Add\n")
                .contains("output 'y': 1 of 2 elements differ; [1] expected -7 simulated -8")
                .endsWith("1 passed, 1 failed\n");
    }
}
