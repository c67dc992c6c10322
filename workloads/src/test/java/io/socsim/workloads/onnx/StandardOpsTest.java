package io.socsim.workloads.onnx;

import static io.socsim.workloads.onnx.OneNode.run;
import static io.socsim.workloads.onnx.OneNode.s;
import static io.socsim.workloads.onnx.OneNode.t;
import static io.socsim.workloads.onnx.OnnxAttribute.ofFloat;
import static io.socsim.workloads.onnx.OnnxAttribute.ofInt;
import static io.socsim.workloads.onnx.OnnxAttribute.ofInts;
import static io.socsim.workloads.onnx.OnnxAttribute.ofString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ONNX's standard operators on integer tensors, small cases worked out by hand. */
class StandardOpsTest {

    @Test
    void elementwiseOperatorsBroadcastBothWays() {
        Tensor a = t(s(2, 1), 1, 2);
        Tensor b = t(s(3), 10, 20, 30);
        assertThat(run("Add", List.of(), a, b)).isEqualTo(t(s(2, 3), 11, 21, 31, 12, 22, 32));
        assertThat(run("Sub", List.of(), a, b).data()).containsExactly(-9, -19, -29, -8, -18, -28);
        assertThat(run("Mul", List.of(), a, b).data()).containsExactly(10, 20, 30, 20, 40, 60);
        assertThatThrownBy(() -> run("Add", List.of(), t(s(2), 1, 2), t(s(3), 1, 2, 3)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessage("node 'n' (#0, Add): shapes [2] and [3] do not broadcast");
    }

    @Test
    void matMulBroadcastsBatchesAndHandlesVectors() {
        Tensor a = t(s(2, 1, 2), 1, 2, 3, 4); // two 1x2 matrices
        Tensor b = t(s(2, 2), 1, 0, 0, -1);
        assertThat(run("MatMul", List.of(), a, b)).isEqualTo(t(s(2, 1, 2), 1, -2, 3, -4));
        assertThat(run("MatMul", List.of(), t(s(2), 1, 2), t(s(2, 2), 1, 2, 3, 4)))
                .isEqualTo(t(s(2), 7, 10));
        assertThat(run("MatMul", List.of(), t(s(2, 2), 1, 2, 3, 4), t(s(2), 1, 1)))
                .isEqualTo(t(s(2), 3, 7));
    }

    @Test
    void gemmTransposesScalesAndAddsTheBroadcastBias() {
        // A^T = [[1, 3], [2, 4]], B^T = [[1, 0], [1, 1]] -> A^T B^T = [[4, 3], [6, 4]]
        // 2 * that + 3 * [10, 20] = [[38, 66], [42, 68]]
        List<OnnxAttribute> a = List.of(ofFloat("alpha", 2), ofFloat("beta", 3),
                ofInt("transA", 1), ofInt("transB", 1));
        Tensor y = run("Gemm", a, t(s(2, 2), 1, 2, 3, 4), t(s(2, 2), 1, 1, 0, 1), t(s(2), 10, 20));
        assertThat(y).isEqualTo(t(s(2, 2), 38, 66, 42, 68));
        assertThatThrownBy(() -> run("Gemm", List.of(ofFloat("alpha", 0.5)), t(s(1, 1), 1),
                t(s(1, 1), 1)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageContaining("alpha = 0.5 is not an integer");
    }

    @Test
    void convPadsStridesDilatesAndGroups() {
        // x = [1, 2, 3, 4, 5] padded to [0, 1, 2, 3, 4, 5, 0], w = [1, 0, -1], stride 2:
        // windows at 0, 2, 4 -> [0 - 2, 2 - 4, 4 - 0] = [-2, -2, 4], bias 1
        List<OnnxAttribute> a = List.of(ofInts("pads", 1, 1), ofInts("strides", 2));
        Tensor y = run("Conv", a, t(s(1, 1, 5), 1, 2, 3, 4, 5), t(s(1, 1, 3), 1, 0, -1),
                t(s(1), 1));
        assertThat(y).isEqualTo(t(s(1, 1, 3), -1, -1, 5));
        // depthwise (group 2), dilation 2, kernel 2: channel 0 x[i] + x[i+2], channel 1 x[i+2]
        List<OnnxAttribute> g = List.of(ofInt("group", 2), ofInts("dilations", 2));
        Tensor z = run("Conv", g, t(s(1, 2, 4), 1, 2, 3, 4, 10, 20, 30, 40),
                t(s(2, 1, 2), 1, 1, 0, 1));
        assertThat(z).isEqualTo(t(s(1, 2, 2), 4, 6, 30, 40));
    }

    @Test
    void conv2dSumsOverInputChannels() {
        // two 2x2 input channels, one 1x1 output channel with weights [1, 10]
        Tensor y = run("Conv", List.of(ofInts("kernel_shape", 1, 1)),
                t(s(1, 2, 2, 2), 1, 2, 3, 4, 5, 6, 7, 8), t(s(1, 2, 1, 1), 1, 10));
        assertThat(y).isEqualTo(t(s(1, 1, 2, 2), 51, 62, 73, 84));
        assertThatThrownBy(() -> run("Conv", List.of(ofString("auto_pad", "SAME")),
                t(s(1, 1, 2), 1, 2), t(s(1, 1, 1), 1)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageContaining("auto_pad 'SAME' is not one of");
    }

    @Test
    void convSameUpperPadsToKeepTheSize() {
        // kernel 2 on [1, 2, 3]: SAME_UPPER pads one zero at the end -> [3, 5, 3]
        Tensor y = run("Conv", List.of(ofString("auto_pad", "SAME_UPPER")),
                t(s(1, 1, 3), 1, 2, 3), t(s(1, 1, 2), 1, 1));
        assertThat(y.data()).containsExactly(3, 5, 3);
    }

    @Test
    void maxPoolIgnoresPaddingAndHonoursCeilMode() {
        Tensor x = t(s(1, 1, 5), 1, 3, 2, 5, 4);
        List<OnnxAttribute> a = List.of(ofInts("kernel_shape", 2), ofInts("strides", 2));
        assertThat(run("MaxPool", a, x).data()).containsExactly(3, 5);
        List<OnnxAttribute> c = List.of(ofInts("kernel_shape", 2), ofInts("strides", 2),
                ofInt("ceil_mode", 1));
        assertThat(run("MaxPool", c, x).data()).containsExactly(3, 5, 4);
        List<OnnxAttribute> p = List.of(ofInts("kernel_shape", 2), ofInts("pads", 1, 0),
                ofInts("strides", 2));
        assertThat(run("MaxPool", p, t(s(1, 1, 4), -7, -3, -9, -1)).data())
                .containsExactly(-7, -3);
    }

    @Test
    void padInConstantEdgeAndReflectModes() {
        Tensor x = t(s(1, 3), 1, 2, 3);
        Tensor pads = t(s(4), 0, 2, 0, 1);
        assertThat(run("Pad", List.of(), x, pads, t(s(), 9)).data())
                .containsExactly(9, 9, 1, 2, 3, 9);
        assertThat(run("Pad", List.of(ofString("mode", "edge")), x, pads).data())
                .containsExactly(1, 1, 1, 2, 3, 3);
        assertThat(run("Pad", List.of(ofString("mode", "reflect")), x, pads).data())
                .containsExactly(3, 2, 1, 2, 3, 2);
        // attribute form (opset 2-10, still written by some exporters) and negative pads crop
        assertThat(run("Pad", List.of(ofInts("pads", 0, -1, 0, 1), ofFloat("value", -4)), x)
                .data()).containsExactly(2, 3, -4);
    }

    @Test
    void reshapeCopiesZerosAndInfersMinusOne() {
        Tensor x = t(s(2, 3, 2), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(run("Reshape", List.of(), x, t(s(2), 0, -1)).shape()).containsExactly(2, 6);
        assertThatThrownBy(() -> run("Reshape", List.of(), x, t(s(2), 5, -1)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageContaining("cannot infer -1 in [5, -1] for 12 elements");
    }

    @Test
    void transposePermutesAxes() {
        Tensor x = t(s(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(run("Transpose", List.of(), x)).isEqualTo(t(s(3, 2), 1, 4, 2, 5, 3, 6));
        Tensor y = t(s(1, 2, 2), 1, 2, 3, 4);
        assertThat(run("Transpose", List.of(ofInts("perm", 2, 0, 1)), y))
                .isEqualTo(t(s(2, 1, 2), 1, 3, 2, 4));
    }

    @Test
    void concatJoinsAlongANegativeAxis() {
        Tensor y = run("Concat", List.of(ofInt("axis", -1)), t(s(2, 1), 1, 2),
                t(s(2, 2), 3, 4, 5, 6));
        assertThat(y).isEqualTo(t(s(2, 3), 1, 3, 4, 2, 5, 6));
    }

    @Test
    void sliceClampsAndStepsBackwards() {
        Tensor x = t(s(5), 0, 1, 2, 3, 4);
        assertThat(run("Slice", List.of(), x, t(s(1), 1), t(s(1), 100)).data())
                .containsExactly(1, 2, 3, 4);
        assertThat(run("Slice", List.of(), x, t(s(1), -1), t(s(1), -100), t(s(1), 0),
                t(s(1), -2)).data()).containsExactly(4, 2, 0);
        Tensor m = t(s(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(run("Slice", List.of(), m, t(s(1), 1), t(s(1), 3), t(s(1), 1)))
                .isEqualTo(t(s(2, 2), 2, 3, 5, 6));
    }

    @Test
    void gatherTakesNegativeIndicesAlongAnAxis() {
        Tensor x = t(s(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(run("Gather", List.of(ofInt("axis", 1)), x, t(s(2), -1, 0)))
                .isEqualTo(t(s(2, 2), 3, 1, 6, 4));
        assertThat(run("Gather", List.of(), x, t(s(), 1))).isEqualTo(t(s(3), 4, 5, 6));
        assertThatThrownBy(() -> run("Gather", List.of(), x, t(s(1), 2)))
                .isInstanceOf(OnnxGraphException.class)
                .hasMessageContaining("index 2 is out of range for axis 0 of size 2");
    }

    @Test
    void flattenUnsqueezeSqueezeAndIdentityOnlyReshape() {
        Tensor x = t(s(2, 1, 3), 1, 2, 3, 4, 5, 6);
        assertThat(run("Flatten", List.of(), x).shape()).containsExactly(2, 3);
        assertThat(run("Flatten", List.of(ofInt("axis", 0)), x).shape()).containsExactly(1, 6);
        assertThat(run("Unsqueeze", List.of(ofInts("axes", 0, -1)), x).shape())
                .containsExactly(1, 2, 1, 3, 1);
        assertThat(run("Unsqueeze", List.of(), x, t(s(1), 1)).shape())
                .containsExactly(2, 1, 1, 3);
        assertThat(run("Squeeze", List.of(), x).shape()).containsExactly(2, 3);
        assertThat(run("Identity", List.of(), x)).isEqualTo(x);
    }

    @Test
    void constantEmitsItsValue() {
        OnnxTensor v = OnnxTensor.ofInts("v", DataType.INT64, new long[] {2}, new long[] {3, -4});
        assertThat(run("Constant", List.of(OnnxAttribute.ofTensor("value", v))))
                .isEqualTo(t(s(2), 3, -4));
        assertThat(run("Constant", List.of(ofInts("value_ints", 1, 2)))).isEqualTo(t(s(2), 1, 2));
    }

    @Test
    void reduceMeanRoundsLikeTheDeploymentKernel() {
        // power-of-two counts: floor(mean + 1/2); others: halves away from zero
        List<OnnxAttribute> keep0 = List.of(ofInts("axes", 1), ofInt("keepdims", 0));
        assertThat(run("ReduceMean", keep0, t(s(2, 2), 1, 2, -1, -2)).data())
                .containsExactly(2, -1);
        assertThat(run("ReduceMean", keep0, t(s(2, 3), 1, 1, 2, -1, -1, -2)).data())
                .containsExactly(1, -1);
        assertThat(run("ReduceMean", keep0, t(s(2, 6), 1, 1, 1, 0, 0, 0, -1, -1, -1, 0, 0, 0))
                .data()).containsExactly(1, -1);
    }

    @Test
    void integerMeanRoundsHalfUpAndKeepsDimensions() {
        Tensor y = run("IntegerMean", List.of(ofInts("axes", 1)), t(s(2, 2), 1, 2, -1, -2));
        assertThat(y).isEqualTo(t(s(2, 1), 2, -1));
    }

    @Test
    void reduceSumAddsExactly() {
        assertThat(run("ReduceSum", List.of(ofInts("axes", 0), ofInt("keepdims", 0)),
                t(s(2, 2), 1, 2, 3, 4)).data()).containsExactly(4, 6);
    }
}
