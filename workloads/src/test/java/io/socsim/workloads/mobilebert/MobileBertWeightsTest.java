package io.socsim.workloads.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MobileBertWeightsTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theSameConfigGivesIdenticalWeightsAndOutputBytes(Variant v) {
        MobileBertWeights a = MobileBertWeights.generate(Models.small(v));
        MobileBertWeights b = MobileBertWeights.generate(Models.small(v));
        assertThat(a.digest()).isEqualTo(b.digest());
        assertThat(a.tokens()).isEqualTo(b.tokens());
        assertThat(MobileBertGolden.run(a).data()).isEqualTo(MobileBertGolden.run(b).data());
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        MobileBertConfig c = Models.small(Variant.ITA);
        assertThat(MobileBertWeights.generate(c).digest())
                .isNotEqualTo(MobileBertWeights.generate(c.withSeed(c.seed() + 1)).digest());
    }

    @Test
    void aLayerDoesNotDependOnHowManyLayersFollowIt() {
        MobileBertConfig c = Models.small(Variant.ITA);
        Map<String, Object> two = MobileBertWeights.generate(c).parameters();
        Map<String, Object> three = MobileBertWeights.generate(c.withLayers(3)).parameters();
        assertThat(three.keySet()).containsAll(two.keySet());
        for (Map.Entry<String, Object> e : two.entrySet()) {
            assertThat(same(e.getValue(), three.get(e.getKey()))).as(e.getKey()).isTrue();
        }
    }

    @Test
    void tokensAreSeededIdsInsideTheVocabulary() {
        MobileBertWeights w = MobileBertWeights.generate(Models.small(Variant.ITA));
        assertThat(w.tokens()).hasSize(32);
        assertThat(java.util.Arrays.stream(w.tokens()).allMatch(t -> t >= 0 && t < 30522)).isTrue();
        assertThat(java.util.Arrays.stream(w.tokens()).distinct().count()).isGreaterThan(16);
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyParameterHasItsShapeAndEveryRequantItsRange(Variant v) {
        MobileBertWeights w = Models.full(v).weights();
        MobileBertConfig c = w.config();
        Map<String, Object> p = w.parameters();
        assertThat(shape(p.get("embedding.table"))).isEqualTo("30522x128");
        assertThat(shape(p.get("embedding.proj.w"))).isEqualTo("384x512");
        assertThat(shape(p.get("embedding.positions"))).isEqualTo("128x512");
        assertThat(shape(p.get("layer5.in.proj.w"))).isEqualTo("512x128");
        assertThat(shape(p.get("layer5.qk.proj.w"))).isEqualTo("512x128");
        assertThat(shape(p.get("layer5.head2.wq"))).isEqualTo("128x32");
        assertThat(shape(p.get("layer5.head2.wv"))).isEqualTo(c.valueInput() + "x32");
        assertThat(shape(p.get("layer5.head2.wo"))).isEqualTo("32x128");
        assertThat(shape(p.get("layer5.head2.bo"))).isEqualTo("1x128");
        assertThat(shape(p.get("layer5.ffn3.up.w"))).isEqualTo("128x512");
        assertThat(shape(p.get("layer5.ffn3.down.w"))).isEqualTo("512x128");
        assertThat(shape(p.get("layer23.out.proj.w"))).isEqualTo("128x512");
        assertThat((byte[]) p.get("layer23.out.norm.gamma")).hasSize(512);
        assertThat(p.get("layer0.ffn0.up.act_rq")).isEqualTo(new Requant(1, 0, 0));

        long perLayer = 2 * 512 * 128 + 4 * (2 * 128 * 32 + c.valueInput() * 32 + 32 * 128)
                + 4 * 2 * 128 * 512 + 128 * 512 + 3 * 128 + 4 * 128 + 512;
        long embedding = 30522L * 128 + 384 * 512 + 128 * 512 + 512;
        assertThat(w.int8Count()).isEqualTo(embedding + 24 * perLayer);

        p.forEach((name, value) -> {
            if (value instanceof Requant r && !name.endsWith("act_rq")) {
                assertThat(r.add()).as(name).isZero();
                assertThat(r.mult()).as(name).isBetween(64, 255);
                assertThat(r.shift()).as(name).isBetween(1, 22);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void calibrationPassReachesTheGoldenOutput(Variant v) {
        Calibrator cal = new Calibrator(Models.small(v).withLayers(3));
        MobileBertWeights w = cal.run();
        assertThat(cal.output().data()).isEqualTo(MobileBertGolden.run(w).data());
    }

    @Test
    void requantMapsTheHighQuantileToTheTarget() {
        int[] v = new int[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i - 500) * 37;
        }
        Requant rq = Calibrator.pick(v, 100);
        long level = Calibrator.quantileAbs(v, Calibrator.QUANTILE);
        assertThat(rq.apply((int) level)).isBetween(99, 101);
        assertThat(rq.mult()).isBetween(128, 255);
        assertThat(Calibrator.pick(new int[16], 100)).isEqualTo(new Requant(200, 1, 0));
    }

    @Test
    void quantileOfAbsoluteValuesMatchesTheSortedRank() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int n : new int[] {1, 2, 3, 1000, 65_537}) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(-(1 << 25), 1 << 25) >> rnd.nextInt(0, 24); // wide spread of magnitudes
            }
            int[] sorted = java.util.Arrays.stream(v).map(Math::abs).sorted().toArray();
            for (double q : new double[] {0, 0.5, Calibrator.QUANTILE, 1}) {
                assertThat(Calibrator.quantileAbs(v, q)).as("n=%d q=%s", n, q)
                        .isEqualTo(sorted[(int) Math.floor(q * (n - 1))]);
            }
        }
    }

    private static String shape(Object o) {
        if (o instanceof Matrix8 m) {
            return m.rows() + "x" + m.cols();
        }
        Matrix32 m = (Matrix32) o;
        return m.rows() + "x" + m.cols();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Matrix8 m) {
            return m.contentEquals((Matrix8) b);
        }
        if (a instanceof Matrix32 m) {
            return m.contentEquals((Matrix32) b);
        }
        if (a instanceof byte[] x) {
            return java.util.Arrays.equals(x, (byte[]) b);
        }
        if (a instanceof int[] x) {
            return java.util.Arrays.equals(x, (int[]) b);
        }
        return a.equals(b);
    }
}
