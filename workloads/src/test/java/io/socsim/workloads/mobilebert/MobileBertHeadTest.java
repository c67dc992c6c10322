package io.socsim.workloads.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Attention;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.Matrix8;
import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import io.socsim.workloads.mobilebert.MobileBertWeights.Head;
import org.junit.jupiter.api.Test;

class MobileBertHeadTest {

    @Test
    void stepwiseHeadEqualsItasHeadBitForBitWhenVSharesTheInput() {
        MobileBertConfig c = Models.small(Variant.ITA);
        MobileBertWeights w = MobileBertWeights.generate(c);
        Matrix8 x = MobileBertGolden.run(w, 2, true).tensors().get("layer1.qk.norm");
        for (Head head : w.layers().get(1).heads()) {
            HeadResult ita = Attention.head(x, x, x, head.itaWeights(), head.rq());
            HeadResult ours = MobileBertHead.run(x, x, head);
            assertThat(ours.qp().contentEquals(ita.qp())).isTrue();
            assertThat(ours.kp().contentEquals(ita.kp())).isTrue();
            assertThat(ours.vp().contentEquals(ita.vp())).isTrue();
            assertThat(ours.qkAcc().contentEquals(ita.qkAcc())).isTrue();
            assertThat(ours.a().contentEquals(ita.a())).isTrue();
            assertThat(ours.rowInv()).isEqualTo(ita.rowInv());
            assertThat(ours.avAcc().contentEquals(ita.avAcc())).isTrue();
            assertThat(ours.owAcc().contentEquals(ita.owAcc())).isTrue();
            assertThat(ours.ow().contentEquals(ita.ow())).isTrue();
        }
    }

    @Test
    void originalHeadProjectsVFromTheWideLayerInput() {
        MobileBertConfig c = Models.small(Variant.ORIGINAL);
        MobileBertWeights w = MobileBertWeights.generate(c);
        var t = MobileBertGolden.run(w, 1, true).tensors();
        Head head = w.layers().get(0).heads().get(0);
        assertThat(head.wv().rows()).isEqualTo(512);
        HeadResult r = MobileBertHead.run(t.get("layer0.qk.norm"), t.get("embedding.norm"), head);
        assertThat(r.vp().cols()).isEqualTo(32);
        assertThat(r.ow().contentEquals(t.get("layer0.head0"))).isTrue();
    }
}
