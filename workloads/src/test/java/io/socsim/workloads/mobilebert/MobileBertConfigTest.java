package io.socsim.workloads.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.workloads.mobilebert.MobileBertConfig.Variant;
import org.junit.jupiter.api.Test;

class MobileBertConfigTest {

    @Test
    void defaultsAreThePublishedMobileBertWithTheItaVariant() {
        MobileBertConfig c = MobileBertConfig.defaults();
        assertThat(c.layers()).isEqualTo(24);
        assertThat(c.hidden()).isEqualTo(512);
        assertThat(c.bottleneck()).isEqualTo(128);
        assertThat(c.heads()).isEqualTo(4);
        assertThat(c.headSize()).isEqualTo(32);
        assertThat(c.ffns()).isEqualTo(4);
        assertThat(c.intermediate()).isEqualTo(512);
        assertThat(c.embedding()).isEqualTo(128);
        assertThat(c.vocab()).isEqualTo(30522);
        assertThat(c.seq()).isEqualTo(128);
        assertThat(c.variant()).isEqualTo(Variant.ITA);
        assertThat(c.valueInput()).isEqualTo(128);
        assertThat(c.withVariant(Variant.ORIGINAL).valueInput()).isEqualTo(512);
    }

    @Test
    void withersChangeOnlyTheirField() {
        MobileBertConfig c = MobileBertConfig.defaults();
        assertThat(c.withLayers(3).withSeq(64).withSeed(7).withVariant(Variant.ORIGINAL))
                .isEqualTo(new MobileBertConfig(3, 512, 128, 4, 4, 512, 128, 30522, 64,
                        Variant.ORIGINAL, 7));
    }

    @Test
    void sequenceLengthMustBeAWholeNumberOfSoftmaxGroups() {
        assertThatThrownBy(() -> MobileBertConfig.defaults().withSeq(120))
                .hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> MobileBertConfig.defaults().withSeq(0))
                .hasMessageContaining("seq");
    }

    @Test
    void rejectsShapesOutsideTheirRanges() {
        assertThatThrownBy(() -> MobileBertConfig.defaults().withLayers(0))
                .hasMessageContaining("layers");
        assertThatThrownBy(() -> new MobileBertConfig(1, 512, 128, 3, 4, 512, 128, 100, 16,
                Variant.ITA, 0)).hasMessageContaining("multiple of heads");
        assertThatThrownBy(() -> new MobileBertConfig(1, 512, 1024, 4, 4, 512, 128, 100, 16,
                Variant.ITA, 0)).hasMessageContaining("bottleneck");
    }
}
