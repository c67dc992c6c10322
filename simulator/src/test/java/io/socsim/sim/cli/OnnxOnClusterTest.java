package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.workloads.onnx.DataType;
import io.socsim.workloads.onnx.GraphBuilder;
import io.socsim.workloads.onnx.NpyArray;
import io.socsim.workloads.onnx.Npz;
import io.socsim.workloads.onnx.OnnxAttribute;
import io.socsim.workloads.onnx.OnnxTensor;
import io.socsim.workloads.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small graphs written with the project's own ONNX writer, compiled and run on the simulated
 * cluster through {@code socsim run NET.onnx}, which compares every output bit for bit with the
 * reference interpreter: every operator of the deployment flow's set, with the shapes and
 * attributes that exercise broadcasting, per-channel parameters, rounding, padding and strides.
 */
class OnnxOnClusterTest {

    @TempDir
    Path tmp;

    private final SplittableRandom rng = new SplittableRandom(2026);
    private final Map<String, NpyArray> inputs = new LinkedHashMap<>();

    private GraphBuilder input(GraphBuilder b, String name, long lo, long hi, long... shape) {
        b.input(name, DataType.INT8, shape);
        long[] v = new long[(int) OnnxTensor.elementCount(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextLong(lo, hi + 1);
        }
        inputs.put(name, NpyArray.ofLongs(shape, v));
        return b;
    }

    private long[] values(int n, long lo, long hi) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextLong(lo, hi + 1);
        }
        return v;
    }

    private static OnnxAttribute i(String name, long v) {
        return OnnxAttribute.ofInt(name, v);
    }

    /** Runs the graph on both cluster presets; each must finish and match the interpreter. */
    private void runsBitExact(GraphBuilder b) throws IOException {
        Path net = tmp.resolve("net.onnx"), in = tmp.resolve("in.npz");
        OnnxWriter.write(b.build(), net);
        Npz.write(inputs, in);
        for (String preset : List.of("pulp-cluster", "ita-cluster")) {
            CliRunner.Result r = CliRunner.run("run", net.toString(), "--inputs", in.toString(), "--preset", preset, "--quiet");
            assertThat(r.exitCode()).as(preset + ": " + r.out() + r.err()).isZero();
            assertThat(r.out()).as(preset).contains("equal, bit for bit");
        }
    }

    @Test
    void broadcastArithmeticAndPerChannelRequantisationMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("arith");
        input(b, "x", -128, 127, 2, 3, 4);
        input(b, "y", -128, 127, 3, 1);
        b.initializer("m", DataType.INT32, new long[] {3}, 7, -3, 11);
        b.initializer("a", DataType.INT32, new long[] {3}, 50, -20, 0);
        b.node("Add", List.of("x", "y"), List.of("s"));
        b.node("Sub", List.of("s", "y"), List.of("d"));
        b.node("Mul", List.of("d", "x"), List.of("p"));
        b.node("RequantShift", List.of("p", "m", "a"), List.of("q"), i("div", 100), i("n_levels", 256), i("signed", 1));
        b.node("RequantShift", List.of("s", "m", "a"), List.of("u"), i("div", 8), i("n_levels", 16), i("signed", 0));
        b.output("q");
        b.output("u");
        runsBitExact(b);
    }

    @Test
    void batchedMatMulAndTransposedGemmMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("linear");
        input(b, "a", -128, 127, 2, 1, 3, 5);
        input(b, "g", -128, 127, 6, 4);
        b.initializer("w", DataType.INT8, new long[] {4, 5, 6}, values(120, -128, 127));
        b.initializer("v", DataType.INT8, new long[] {5, 6}, values(30, -128, 127));
        b.initializer("c", DataType.INT32, new long[] {5}, values(5, -1000, 1000));
        b.node("MatMul", List.of("a", "w"), List.of("y"));
        b.node("Gemm", List.of("g", "v", "c"), List.of("z"), i("transA", 1), i("transB", 1), i("alpha", 2), i("beta", 3));
        b.output("y");
        b.output("z");
        runsBitExact(b);
    }

    @Test
    void groupedStridedDilatedPaddedConvolutionsAndPoolingMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("window");
        input(b, "x", -128, 127, 1, 4, 7, 6);
        input(b, "t", -128, 127, 1, 3, 9);
        b.initializer("w", DataType.INT8, new long[] {6, 2, 3, 3}, values(108, -128, 127));
        b.initializer("bias", DataType.INT32, new long[] {6}, values(6, -5000, 5000));
        b.initializer("dw", DataType.INT8, new long[] {3, 1, 3}, values(9, -128, 127));
        b.node("Conv", List.of("x", "w", "bias"), List.of("y"), i("group", 2), OnnxAttribute.ofInts("pads", 1, 0, 2, 1),
                OnnxAttribute.ofInts("strides", 2, 1), OnnxAttribute.ofInts("dilations", 1, 2), OnnxAttribute.ofInts("kernel_shape", 3, 3));
        b.node("MaxPool", List.of("x"), List.of("p"), OnnxAttribute.ofInts("kernel_shape", 2, 3), OnnxAttribute.ofInts("pads", 1, 1, 0, 1),
                OnnxAttribute.ofInts("strides", 2, 2));
        b.node("Conv", List.of("t", "dw"), List.of("d"), i("group", 3), OnnxAttribute.ofInts("pads", 1, 1));
        b.output("y");
        b.output("p");
        b.output("d");
        runsBitExact(b);
    }

    @Test
    void dataMovementMatches() throws IOException {
        GraphBuilder b = new GraphBuilder("movement").opset(13);
        input(b, "x", -128, 127, 2, 3, 4);
        input(b, "y", -128, 127, 2, 2, 4);
        b.initializer("shape", DataType.INT64, new long[] {2}, 6, 4);
        b.initializer("starts", DataType.INT64, new long[] {2}, -1, 0);
        b.initializer("ends", DataType.INT64, new long[] {2}, -100, 4);
        b.initializer("axes", DataType.INT64, new long[] {2}, 1, 2);
        b.initializer("steps", DataType.INT64, new long[] {2}, -2, 3);
        b.initializer("idx", DataType.INT64, new long[] {2}, 2, 0);
        b.initializer("pads", DataType.INT64, new long[] {6}, 0, 1, 2, 1, 0, 1);
        b.initializer("pv", DataType.INT8, new long[] {}, 5);
        b.initializer("uax", DataType.INT64, new long[] {1}, 0);
        b.node("Transpose", List.of("x"), List.of("t"), OnnxAttribute.ofInts("perm", 2, 0, 1));
        b.node("Reshape", List.of("t", "shape"), List.of("r"));
        b.node("Slice", List.of("x", "starts", "ends", "axes", "steps"), List.of("s"));
        b.node("Concat", List.of("x", "y"), List.of("c"), i("axis", 1));
        b.node("Gather", List.of("x", "idx"), List.of("g"), i("axis", 2));
        b.node("Pad", List.of("x", "pads", "pv"), List.of("pd"));
        b.node("Unsqueeze", List.of("g", "uax"), List.of("un"));
        b.node("Flatten", List.of("un"), List.of("f"), i("axis", 2));
        b.node("Identity", List.of("f"), List.of("id"));
        for (String o : List.of("r", "s", "c", "g", "pd", "id")) {
            b.output(o);
        }
        runsBitExact(b);
    }

    @Test
    void reductionsWithTheirRoundingMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("reduce").opset(11);
        input(b, "x", -128, 127, 2, 5, 3, 4);
        b.node("ReduceSum", List.of("x"), List.of("s"), OnnxAttribute.ofInts("axes", 1), i("keepdims", 0));
        b.node("ReduceMean", List.of("x"), List.of("m"), OnnxAttribute.ofInts("axes", 2), i("keepdims", 1));
        b.node("ReduceMean", List.of("x"), List.of("m4"), OnnxAttribute.ofInts("axes", 3, 0), i("keepdims", 0));
        b.node("IntegerMean", List.of("x"), List.of("im"), OnnxAttribute.ofInts("axes", 1, 3), i("keepdims", 1));
        for (String o : List.of("s", "m", "m4", "im")) {
            b.output(o);
        }
        runsBitExact(b);
    }

    @Test
    void integerSoftmaxesMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("softmax");
        input(b, "x", -128, 127, 3, 4, 10);
        b.node("iSoftmax", List.of("x"), List.of("s"), i("coeffA", 1), i("coeffB", 50), i("coeffC", 300), i("log2", 22), i("n_levels", 256));
        b.node("ITAMax", List.of("x"), List.of("m"), i("n_levels", 256));
        b.node("ITAPartialMax", List.of("x"), List.of("p"), i("group_width", 4), i("n_levels", 256));
        for (String o : List.of("s", "m", "p")) {
            b.output(o);
        }
        runsBitExact(b);
    }

    @Test
    void integerNormsAndActivationsMatch() throws IOException {
        GraphBuilder b = new GraphBuilder("norms");
        input(b, "x", -128, 127, 2, 3, 16);
        input(b, "y", -8, 8, 2, 3, 16);
        b.initializer("w", DataType.INT8, new long[] {16}, values(16, -100, 100));
        b.initializer("bias", DataType.INT32, new long[] {16}, values(16, -3000, 3000));
        b.node("iLayerNorm", List.of("x", "w", "bias"), List.of("ln"), i("D", 256), i("n_levels", 256));
        b.node("iRMSNorm", List.of("x", "w"), List.of("rms"), i("D", 4), i("n_levels", 256));
        b.node("iNoNorm", List.of("x", "w", "bias"), List.of("nn"), i("D", 48), i("mul", 3), i("n_levels", 256));
        b.node("iGELU", List.of("x"), List.of("ge"), i("b", -42), i("one", 1929));
        b.node("iHardswish", List.of("x"), List.of("hs"), i("one_over_six", 33), i("six", 1530), i("three", 765));
        b.node("TrueIntegerDiv", List.of("x"), List.of("td"), i("Delta", 16384), i("eps", 1), i("eta", 200000), i("y", 2));
        b.node("IntegerDiv", List.of("x", "y"), List.of("id"), i("Delta", 8), i("eps", 1), i("eta", 2));
        for (String o : List.of("ln", "rms", "nn", "ge", "hs", "td", "id")) {
            b.output(o);
        }
        runsBitExact(b);
    }

    @Test
    void aLinearLayerWithRequantisationRunsOnItaWhereThereIsOneAndStaysBitExact() throws IOException {
        GraphBuilder b = new GraphBuilder("ita");
        input(b, "x", -128, 127, 2, 20, 48);
        b.initializer("w", DataType.INT8, new long[] {48, 72}, values(48 * 72, -128, 127));
        b.initializer("c", DataType.INT32, new long[] {72}, values(72, -20000, 20000));
        b.initializer("m", DataType.INT32, new long[] {}, 77);
        b.initializer("a", DataType.INT32, new long[] {}, 3 * 1024);
        b.node("MatMul", List.of("x", "w"), List.of("y"));
        b.node("Add", List.of("c", "y"), List.of("z"));
        b.node("RequantShift", List.of("z", "m", "a"), List.of("q"), i("div", 1024), i("n_levels", 256), i("signed", 1));
        b.output("q");
        runsBitExact(b);
        CliRunner.Result r = CliRunner.run("run", tmp.resolve("net.onnx").toString(), "--inputs", tmp.resolve("in.npz").toString(), "--preset", "ita-cluster", "--quiet");
        assertThat(r.out()).contains("3 nodes (ita 3)");
        CliRunner.Result p = CliRunner.run("run", tmp.resolve("net.onnx").toString(), "--inputs", tmp.resolve("in.npz").toString(), "--preset", "pulp-cluster", "--quiet");
        assertThat(p.out()).contains("3 nodes (cores 3)");
    }

    @Test
    void aWrongExpectationExitsOneNamingTheOutputAndTheFirstDifferences() throws IOException {
        GraphBuilder b = new GraphBuilder("add");
        input(b, "x", -128, 127, 4);
        b.node("Add", List.of("x", "x"), List.of("y"));
        b.output("y");
        Path net = tmp.resolve("net.onnx"), in = tmp.resolve("in.npz"), expect = tmp.resolve("out.npz");
        OnnxWriter.write(b.build(), net);
        Npz.write(inputs, in);
        long[] x = inputs.get("x").ints();
        Npz.write(Map.of("y", NpyArray.ofLongs(new long[] {4}, new long[] {2 * x[0], 2 * x[1] + 1, 2 * x[2], 2 * x[3]})), expect);
        CliRunner.Result r = CliRunner.run("run", net.toString(), "--inputs", in.toString(), "--expect", expect.toString(),
                "--preset", "pulp-cluster", "--quiet");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("output 'y': 1 of 4 elements differ; [1] expected " + (2 * x[1] + 1) + " simulated " + 2 * x[1]);
    }

    @Test
    void anOperatorWithoutKernelIsBadInputNamingTheNode() throws IOException {
        GraphBuilder b = new GraphBuilder("reflect").opset(10);
        input(b, "x", -128, 127, 1, 4);
        b.node("edge_pad", "Pad", List.of("x"), List.of("y"), OnnxAttribute.ofInts("pads", 0, 1, 0, 1), OnnxAttribute.ofString("mode", "reflect"));
        b.output("y");
        Path net = tmp.resolve("net.onnx"), in = tmp.resolve("in.npz");
        OnnxWriter.write(b.build(), net);
        Npz.write(inputs, in);
        CliRunner.Result r = CliRunner.run("run", net.toString(), "--inputs", in.toString(), "--preset", "pulp-cluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("node 'edge_pad' (Pad): pad mode 'reflect' has no kernel");
    }

    @Test
    void aCompiledGraphRunsAsAnElf() throws IOException {
        GraphBuilder b = new GraphBuilder("add");
        input(b, "x", -128, 127, 4, 4);
        b.node("Add", List.of("x", "x"), List.of("y"));
        b.output("y");
        Path net = tmp.resolve("net.onnx"), in = tmp.resolve("in.npz"), elf = tmp.resolve("net.elf");
        OnnxWriter.write(b.build(), net);
        Npz.write(inputs, in);
        CliRunner.Result c = CliRunner.run("compile", net.toString(), "-o", elf.toString(), "--inputs", in.toString(), "--preset", "pulp-cluster");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(Files.size(elf)).isPositive();
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
