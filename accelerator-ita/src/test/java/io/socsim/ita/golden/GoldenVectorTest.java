package io.socsim.ita.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.AttentionResult;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.FfnResult;
import io.socsim.ita.math.GeluConstants;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.ItaMax;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Recomputes every output tensor of every file of the bundled ITA golden vectors from that file's
 * inputs and params, and compares bit for bit. Each file also gets a test that no tensor in it
 * went unchecked, so a new output added to the vectors cannot be silently ignored.
 */
class GoldenVectorTest {

    /** A computed output, as ints (uint8 outputs already widened without sign). */
    private record Actual(int rows, int cols, int[] data) {
        static Actual of(Matrix8 m, boolean unsigned) {
            return new Actual(m.rows(), m.cols(),
                    unsigned ? m.toUnsignedInts() : m.toSignedInts());
        }

        static Actual of(Matrix32 m) {
            return new Actual(m.rows(), m.cols(), m.data());
        }

        static Actual column(int[] v) {
            return new Actual(v.length, 1, v);
        }
    }

    /** What a file's checker produced: the tensors it read, and the outputs it computed. */
    private record Computed(Set<String> inputs, Map<String, Actual> outputs) {
    }

    @Test
    void goldenDirectoryHoldsEverySetListedInItsReadme() {
        List<String> names = ItaGoldenVectors.files().stream()
                .map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains(
                "activation_table.txt",
                "attention_S128_E128_P64_H1_seed1.txt",
                "attention_S64_E64_P64_H1_seed0.txt",
                "attention_S64_E64_P64_H4_seed2.txt",
                "ffn_S64_E64_F128_gelu_seed4.txt",
                "ffn_S64_E64_F128_relu_actrq90s7_seed6.txt",
                "ffn_S64_E64_F128_relu_seed5.txt",
                "ffn_S64_E64_F64_identity_seed0.txt",
                "softmax_N128_seed11.txt",
                "softmax_N256_seed12.txt",
                "softmax_N64_seed10.txt");
    }

    @TestFactory
    Stream<DynamicNode> everyOutputTensorOfEveryGoldenFileMatchesBitForBit() {
        return ItaGoldenVectors.files().stream().map(GoldenVectorTest::testsFor);
    }

    private static DynamicNode testsFor(Path path) {
        GoldenFile file;
        try {
            file = GoldenReader.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Computed computed = switch (file.kind()) {
            case "attention" -> attention(file);
            case "ffn" -> ffn(file);
            case "softmax" -> softmax(file);
            case "activation" -> activation(file);
            default -> throw new AssertionError(file.source() + ": unknown kind " + file.kind());
        };
        List<DynamicNode> tests = new ArrayList<>();
        computed.outputs().forEach((name, actual) -> tests.add(DynamicTest.dynamicTest(
                name + " matches", () -> TensorCheck.assertSame(file.tensor(name),
                        actual.rows(), actual.cols(), actual.data()))));
        tests.add(DynamicTest.dynamicTest("every tensor is an input or a checked output", () -> {
            Set<String> unchecked = new LinkedHashSet<>(file.tensors().keySet());
            unchecked.removeAll(computed.inputs());
            unchecked.removeAll(computed.outputs().keySet());
            assertThat(unchecked).as("%s: tensors neither read nor checked", file.source())
                    .isEmpty();
        }));
        return DynamicContainer.dynamicContainer(path.getFileName().toString(), tests);
    }

    // ---------------------------------------------------------------- attention

    private static Computed attention(GoldenFile f) {
        int heads = f.param("H");
        Set<String> inputs = new LinkedHashSet<>(List.of("Q", "K", "V"));
        List<HeadWeights> weights = new ArrayList<>();
        List<HeadRequant> requants = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            String s = "_h" + h;
            for (String n : List.of("Wq", "Wk", "Wv", "Wo", "Bq", "Bk", "Bv", "Bo")) {
                inputs.add(n + s);
            }
            weights.add(new HeadWeights(
                    f.tensor("Wq" + s).toInt8(), f.tensor("Wk" + s).toInt8(),
                    f.tensor("Wv" + s).toInt8(), f.tensor("Wo" + s).toInt8(),
                    f.tensor("Bq" + s).toInt32(), f.tensor("Bk" + s).toInt32(),
                    f.tensor("Bv" + s).toInt32(), f.tensor("Bo" + s).toInt32()));
            requants.add(new HeadRequant(rq(f, "Q", h), rq(f, "K", h), rq(f, "V", h),
                    rq(f, "QK", h), rq(f, "AV", h), rq(f, "OW", h)));
        }
        Requant osum = new Requant(f.param("RQ_MULT_OSUM"), f.param("RQ_SHIFT_OSUM"),
                f.param("RQ_ADD_OSUM"));
        AttentionResult r = Attention.multiHead(f.tensor("Q").toInt8(), f.tensor("K").toInt8(),
                f.tensor("V").toInt8(), weights, requants, osum);

        Map<String, Actual> out = new LinkedHashMap<>();
        for (int h = 0; h < heads; h++) {
            String s = "_h" + h;
            HeadResult hr = r.heads().get(h);
            out.put("Qp_acc" + s, Actual.of(hr.qpAcc()));
            out.put("Qp" + s, Actual.of(hr.qp(), false));
            out.put("Kp_acc" + s, Actual.of(hr.kpAcc()));
            out.put("Kp" + s, Actual.of(hr.kp(), false));
            out.put("Vp_acc" + s, Actual.of(hr.vpAcc()));
            out.put("Vp" + s, Actual.of(hr.vp(), false));
            out.put("QK_acc" + s, Actual.of(hr.qkAcc()));
            out.put("QK" + s, Actual.of(hr.qk(), false));
            out.put("A" + s, Actual.of(hr.a(), true));
            out.put("A_rowmax" + s, Actual.column(hr.rowMax()));
            out.put("A_rowden" + s, Actual.column(hr.rowDen()));
            out.put("A_rowinv" + s, Actual.column(hr.rowInv()));
            out.put("AV_acc" + s, Actual.of(hr.avAcc()));
            out.put("AV" + s, Actual.of(hr.av(), false));
            out.put("OW_acc" + s, Actual.of(hr.owAcc()));
            out.put("OW" + s, Actual.of(hr.ow(), false));
        }
        out.put("OSUM_acc", Actual.of(r.osumAcc()));
        out.put("OSUM", Actual.of(r.osum(), false));
        return new Computed(inputs, out);
    }

    private static Requant rq(GoldenFile f, String step, int head) {
        return new Requant(f.param("RQ_MULT_" + step, head), f.param("RQ_SHIFT_" + step, head),
                f.param("RQ_ADD_" + step, head));
    }

    // ---------------------------------------------------------------- feed-forward

    private static Computed ffn(GoldenFile f) {
        ActivationStage act = new ActivationStage(Activation.parse(f.meta("activation")),
                new Requant(f.param("ACT_MULT"), f.param("ACT_SHIFT"), f.param("ACT_ADD")),
                gelu(f));
        FfnResult r = FeedForward.run(f.tensor("FF_in").toInt8(),
                f.tensor("Wff").toInt8(), f.tensor("Bff").toInt32(), rq(f, "FF1", 0), act,
                f.tensor("Wff2").toInt8(), f.tensor("Bff2").toInt32(), rq(f, "FF2", 0));
        Map<String, Actual> out = new LinkedHashMap<>();
        out.put("FF1_acc", Actual.of(r.ff1Acc()));
        out.put("FF1_rq", Actual.of(r.ff1Rq(), false));
        out.put("FF1", Actual.of(r.ff1(), false));
        out.put("FF2_acc", Actual.of(r.ff2Acc()));
        out.put("FF2", Actual.of(r.ff2(), false));
        return new Computed(Set.of("FF_in", "Wff", "Bff", "Wff2", "Bff2"), out);
    }

    private static GeluConstants gelu(GoldenFile f) {
        return new GeluConstants(f.param("GELU_ONE"), f.param("GELU_B"), f.param("GELU_C"));
    }

    // ---------------------------------------------------------------- softmax

    /**
     * Drives ITAmax the way a tiled engine would: 64-column blocks (one QK tile wide) for all
     * rows, then the divider, then the probabilities block by block.
     */
    private static Computed softmax(GoldenFile f) {
        Matrix8 x = f.tensor("x").toInt8();
        assertThat(x.cols()).isEqualTo(f.param("N"));
        assertThat(x.rows()).isEqualTo(f.param("ROWS"));
        ItaMax unit = new ItaMax(x.rows());
        int block = Math.min(64, x.cols());
        for (int c0 = 0; c0 < x.cols(); c0 += block) {
            unit.accumulate(x, 0, c0, x.rows(), block);
        }
        unit.finishAll();
        Matrix8 y = Matrix8.zeros(x.rows(), x.cols());
        for (int c0 = 0; c0 < x.cols(); c0 += block) {
            unit.normalize(x, y, 0, c0, x.rows(), block);
        }
        int[] max = new int[x.rows()];
        int[] den = new int[x.rows()];
        int[] inv = new int[x.rows()];
        for (int r = 0; r < x.rows(); r++) {
            max[r] = unit.max(r);
            den[r] = unit.denominator(r);
            inv[r] = unit.inverse(r);
        }
        Map<String, Actual> out = new LinkedHashMap<>();
        out.put("y", Actual.of(y, true));
        out.put("rowmax", Actual.column(max));
        out.put("rowden", Actual.column(den));
        out.put("rowinv", Actual.column(inv));
        return new Computed(Set.of("x"), out);
    }

    // ---------------------------------------------------------------- activation table

    private static Computed activation(GoldenFile f) {
        GeluConstants g = gelu(f);
        Requant actRq = new Requant(f.param("ACT_MULT"), f.param("ACT_SHIFT"),
                f.param("ACT_ADD"));
        Matrix8 x = f.tensor("x").toInt8();
        Map<String, Actual> out = new LinkedHashMap<>();
        int[] raw = new int[x.cols()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = g.raw(x.get(0, i));
        }
        out.put("gelu_raw", new Actual(1, raw.length, raw));
        out.put("gelu", Actual.of(Activation.GELU.apply(x, actRq, g), false));
        out.put("relu", Actual.of(Activation.RELU.apply(x, actRq, g), false));
        for (int k = 0; f.params().containsKey("CUSTOM" + k + "_MULT"); k++) {
            String p = "CUSTOM" + k + "_";
            Requant custom = new Requant(f.param(p + "MULT"), f.param(p + "SHIFT"),
                    f.param(p + "ADD"));
            out.put("gelu_custom" + k, Actual.of(Activation.GELU.apply(x, custom, g), false));
            out.put("relu_custom" + k, Actual.of(Activation.RELU.apply(x, custom, g), false));
        }
        Matrix8 pre = f.tensor("test_preactivation").toInt8();
        out.put("test_gelu", Actual.of(Activation.GELU.apply(pre, actRq, g), false));
        out.put("test_relu", Actual.of(Activation.RELU.apply(pre, actRq, g), false));
        return new Computed(Set.of("x", "test_preactivation"), out);
    }
}
