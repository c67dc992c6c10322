package io.socsim.workloads.onnx;

import static io.socsim.workloads.onnx.OneNode.s;
import static io.socsim.workloads.onnx.OneNode.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph-level behaviour: ordering, inference, and the messages for graphs it cannot run. */
class InterpreterTest {

    /** x int8 [1, 4] . W [4, 2] -> requant (div 4, signed 8 bit) -> y. */
    private static OnnxModel linear() {
        GraphBuilder b = new GraphBuilder("linear");
        b.input("x", DataType.INT8, 1, 4);
        b.initializer("w", DataType.INT8, new long[] {4, 2}, 1, 0, 0, 1, 1, 0, 0, 1);
        b.floatInitializer("mul", new long[] {1}, 1);
        b.floatInitializer("add", new long[] {1}, 0);
        b.node("mm", "MatMul", List.of("x", "w"), List.of("acc"));
        b.node("rq", "RequantShift", List.of("acc", "mul", "add"), List.of("y"),
                GraphBuilder.scalarTensor("div", 4), GraphBuilder.scalarTensor("n_levels", 256),
                GraphBuilder.scalarTensor("signed", 1));
        b.output("y");
        return b.build();
    }

    @Test
    void evaluatesAGraphReadBackFromItsOwnEncoding() {
        OnnxModel m = OnnxReader.parse(OnnxWriter.toBytes(linear()), "linear.onnx");
        Interpreter.Result r = new Interpreter(m).run(List.of(t(s(1, 4), 100, 2, 101, -6)));
        // acc = [201, -4]; (acc + 2) >> 2 = [50, -1]
        assertThat(r.outputs().get("y")).isEqualTo(t(s(1, 2), 50, -1));
        assertThat(r.values().get("acc")).isEqualTo(t(s(1, 2), 201, -4));
    }

    @Test
    void infersTheDeploymentTypes() {
        Interpreter.Result r = new Interpreter(linear()).run(List.of(t(s(1, 4), 1, 2, 3, 4)));
        assertThat(r.types().get("x")).isEqualTo(IntType.INT8);
        assertThat(r.types().get("w")).isEqualTo(IntType.INT8);
        assertThat(r.types().get("acc")).isEqualTo(IntType.INT32);
        assertThat(r.types().get("y")).isEqualTo(IntType.INT8);
        assertThat(IntType.fitting(new long[] {0, 255})).isEqualTo(IntType.UINT8);
        assertThat(IntType.ofLevels(256, false)).isEqualTo(IntType.UINT8);
        assertThat(IntType.ofLevels(16, true).toString()).isEqualTo("int4");
    }

    @Test
    void infersShapesFromTheDeclaredInputs() {
        var shapes = new Interpreter(linear()).inferShapes();
        assertThat(shapes.get("acc")).containsExactly(1, 2);
        assertThat(shapes.get("y")).containsExactly(1, 2);
    }

    @Test
    void evaluatesNodesWhoseFileOrderIsNotTopological() {
        GraphBuilder b = new GraphBuilder("order");
        b.input("a", DataType.INT8, 2);
        b.node("second", "Identity", List.of("mid"), List.of("out"));
        b.node("first", "Add", List.of("a", "a"), List.of("mid"));
        b.output("out");
        assertThat(new Interpreter(b.build()).run(List.of(t(s(2), 1, 2))).outputs().get("out"))
                .isEqualTo(t(s(2), 2, 4));
    }

    @Test
    void unknownOperatorNamesTheNodeItsIndexAndTheOperator() {
        GraphBuilder b = new GraphBuilder("bad");
        b.input("a", DataType.INT8, 2);
        b.node("ok", "Identity", List.of("a"), List.of("b"));
        b.node("weird", "Softplus", List.of("b"), List.of("c"));
        b.output("c");
        assertThatThrownBy(() -> new Interpreter(b.build()))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageStartingWith("node 'weird' (#1, Softplus): operator 'Softplus' is not"
                        + " supported; supported: Add, Concat, Constant");
    }

    @Test
    void missingAttributeAndUndefinedInputAreReported() {
        GraphBuilder b = new GraphBuilder("bad");
        b.input("a", DataType.INT8, 2);
        b.node("t", "TrueIntegerDiv", List.of("a"), List.of("c"));
        b.output("c");
        assertThatThrownBy(() -> new Interpreter(b.build()).run(List.of(t(s(2), 1, 2))))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("node 't' (#0, TrueIntegerDiv): attribute 'Delta' is missing");
        GraphBuilder u = new GraphBuilder("bad");
        u.node("lost", "Identity", List.of("nowhere"), List.of("c"));
        u.output("c");
        assertThatThrownBy(() -> new Interpreter(u.build()))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageStartingWith("node 'lost' (#0, Identity): input 'nowhere' is not a"
                        + " graph input");
    }

    @Test
    void inputsMustMatchTheDeclaredShape() {
        assertThatThrownBy(() -> new Interpreter(linear()).run(List.of(t(s(1, 3), 1, 2, 3))))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("graph input 'x' has shape [1, 3], the graph declares [1, 4]");
        assertThatThrownBy(() -> new Interpreter(linear()).run(List.of()))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("the graph takes 1 inputs (x), 0 given");
    }

    @Test
    void nonIntegralInitializersAreRefusedWhereTheyAreUsed() {
        GraphBuilder b = new GraphBuilder("real");
        b.input("a", DataType.INT8, 1);
        OnnxModel m0 = b.build();
        OnnxTensor half = OnnxTensor.ofReals("h", DataType.FLOAT, new long[] {1},
                new double[] {0.5});
        OnnxGraph g = new OnnxGraph("real", List.of(new OnnxNode("add", "Add", "", List.of("a",
                "h"), List.of("o"), List.of())), List.of(half), m0.graph().inputs(),
                List.of(ValueInfo.of("o", null)), List.of());
        OnnxModel m = new OnnxModel(8, "", "", m0.opsets(), g);
        assertThatThrownBy(() -> new Interpreter(m).run(List.of(t(s(1), 1))))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("initializer 'h' (used by node 'add' (#0, Add)) element 0 = 0.5 is"
                        + " not an integer");
    }

    @Test
    void conformanceComparisonReportsTheFirstDifferences() {
        var expected = new java.util.LinkedHashMap<String, NpyArray>();
        expected.put("output_0", NpyArray.ofLongs(new long[] {2, 2}, new long[] {1, 2, 3, 4}));
        var actual = new java.util.LinkedHashMap<String, Tensor>();
        actual.put("y", t(s(2, 2), 1, 5, 3, 7));
        assertThat(Conformance.compare(actual, expected)).isEqualTo("output 'y': 2 of 4 elements"
                + " differ; [0,1] expected 2 got 5 [1,1] expected 4 got 7");
        actual.put("y", t(s(2, 2), 1, 2, 3, 4));
        assertThat(Conformance.compare(actual, expected)).isNull();
    }
}
