package io.socsim.workloads.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Matrix8;
import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import io.socsim.workloads.mobilebert.MobileBertGraph.Kind;
import io.socsim.workloads.mobilebert.MobileBertGraph.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MobileBertGraphTest {

    @ParameterizedTest
    @CsvSource({"ITA, 16", "ITA, 64", "ITA, 128", "ORIGINAL, 16", "ORIGINAL, 128",
            "ORIGINAL, 256"})
    void layerMacsFollowPlatformSection7(Variant v, int s) {
        MobileBertConfig c = MobileBertConfig.defaults().withVariant(v).withSeq(s);
        long linear = v == Variant.ITA ? 786_432L : 835_584L;
        assertThat(MobileBertGraph.layerMacs(c)).isEqualTo(linear * s + 256L * s * s);
        assertThat(MobileBertGraph.embeddingMacs(c)).isEqualTo(196_608L * s);
        assertThat(MobileBertGraph.macs(c))
                .isEqualTo(24 * MobileBertGraph.layerMacs(c) + MobileBertGraph.embeddingMacs(c));
    }

    @ParameterizedTest
    @CsvSource({"ITA, 2541748224, 5.083", "ORIGINAL, 2692743168, 5.385"})
    void totalsAtSequence128(Variant v, long macs, double gop) {
        MobileBertConfig c = MobileBertConfig.defaults().withVariant(v);
        assertThat(MobileBertGraph.macs(c)).isEqualTo(macs);
        assertThat(MobileBertGraph.gop(macs)).isCloseTo(gop, org.assertj.core.data.Offset.offset(5e-4));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyLayerHasTheSameSequenceOfOpKinds(Variant v) {
        List<Op> ops = MobileBertGraph.ops(MobileBertConfig.defaults().withVariant(v));
        assertThat(ops).hasSize(3 + 24 * 24);
        List<Kind> layer = new ArrayList<>();
        layer.addAll(List.of(Kind.LINEAR, Kind.NO_NORM, Kind.LINEAR, Kind.NO_NORM));
        layer.addAll(List.of(Kind.ATTENTION_HEAD, Kind.ATTENTION_HEAD, Kind.ATTENTION_HEAD,
                Kind.ATTENTION_HEAD, Kind.HEAD_SUM, Kind.ADD_NORM));
        for (int f = 0; f < 4; f++) {
            layer.addAll(List.of(Kind.LINEAR, Kind.LINEAR, Kind.ADD_NORM));
        }
        layer.addAll(List.of(Kind.LINEAR, Kind.ADD_NORM));
        assertThat(ops.subList(0, 3)).extracting(Op::kind)
                .containsExactly(Kind.EMBEDDING_GATHER, Kind.LINEAR, Kind.ADD_NORM);
        for (int l = 0; l < 24; l++) {
            assertThat(ops.subList(3 + 24 * l, 3 + 24 * (l + 1))).extracting(Op::kind)
                    .as("layer %d", l).containsExactlyElementsOf(layer);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void operandsAreEarlierResultsWithMatchingShapes(Variant v) {
        List<Op> ops = MobileBertGraph.ops(MobileBertConfig.defaults().withVariant(v));
        Map<String, MobileBertGraph.Shape> made = new java.util.HashMap<>();
        made.put("tokens", new MobileBertGraph.Shape(1, 128));
        for (Op op : ops) {
            assertThat(op.inputs()).hasSameSizeAs(op.inputShapes());
            for (int i = 0; i < op.inputs().size(); i++) {
                assertThat(made.get(op.inputs().get(i))).as(op.name() + " operand " + i)
                        .isEqualTo(op.inputShapes().get(i));
            }
            assertThat(made.put(op.name(), op.output())).as("unique " + op.name()).isNull();
        }
        assertThat(ops.get(ops.size() - 1).name()).isEqualTo("layer23.out.norm");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void goldenTraceHoldsEveryOpResultInOrderAndShape(Variant v) {
        MobileBertConfig c = Models.small(v);
        Map<String, Matrix8> trace = MobileBertGolden.run(MobileBertWeights.generate(c),
                c.layers(), true).tensors();
        List<Op> ops = MobileBertGraph.ops(c);
        Set<String> names = new HashSet<>();
        List<String> order = new ArrayList<>();
        for (String n : trace.keySet()) {
            names.add(n);
            order.add(n);
        }
        int last = -1;
        for (Op op : ops) {
            assertThat(names).contains(op.name());
            Matrix8 m = trace.get(op.name());
            assertThat(new MobileBertGraph.Shape(m.rows(), m.cols())).as(op.name())
                    .isEqualTo(op.output());
            int at = order.indexOf(op.name());
            assertThat(at).as("order of " + op.name()).isGreaterThan(last);
            last = at;
        }
        assertThat(MobileBertGraph.ops(c, 1)).hasSize(3 + 24);
    }
}
