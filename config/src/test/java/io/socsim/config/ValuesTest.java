package io.socsim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void integersInDecimalHexAndBinary() {
        assertThat(Values.parseInteger("4096")).isEqualTo(4096);
        assertThat(Values.parseInteger("0x1C000000")).isEqualTo(0x1C00_0000L);
        assertThat(Values.parseInteger("0x1000_0000")).isEqualTo(0x1000_0000L);
        assertThat(Values.parseInteger("0b1010")).isEqualTo(10);
        assertThat(Values.parseInteger("1_000")).isEqualTo(1000);
        assertThat(Values.parseInteger("-3")).isEqualTo(-3);
        assertThat(Values.parseInteger("0xffffffff")).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> Values.parseInteger("12a")).hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> Values.parseInteger("0x")).hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> Values.parseInteger("99999999999999999999")).hasMessageContaining("too large");
    }

    @Test
    void sizesWithBinaryUnits() {
        assertThat(Values.parseSize("256KiB")).isEqualTo(256 * 1024);
        assertThat(Values.parseSize("1MiB")).isEqualTo(1 << 20);
        assertThat(Values.parseSize("4 MiB")).isEqualTo(4 << 20);
        assertThat(Values.parseSize("2GiB")).isEqualTo(2L << 30);
        assertThat(Values.parseSize("64B")).isEqualTo(64);
        assertThat(Values.parseSize("0x10000")).isEqualTo(65536);
        assertThatThrownBy(() -> Values.parseSize("256KB")).hasMessage("unknown size unit 'KB' in '256KB'; use B, KiB, MiB or GiB");
        assertThatThrownBy(() -> Values.parseSize("MiB")).hasMessageContaining("expected a size");
    }

    @Test
    void decimals() {
        assertThat(Values.parseDecimal("0.65")).isEqualTo(0.65);
        assertThat(Values.parseDecimal("470")).isEqualTo(470.0);
        assertThat(Values.parseDecimal("4.7e2")).isEqualTo(470.0);
        assertThatThrownBy(() -> Values.parseDecimal("NaN")).hasMessage("expected a number, got 'NaN'");
        assertThatThrownBy(() -> Values.parseDecimal("1.0f")).hasMessage("expected a number, got '1.0f'");
    }

    @Test
    void formatting() {
        assertThat(Values.formatAddress(0x1c00_0000L)).isEqualTo("0x1c000000");
        assertThat(Values.formatSize(256 * 1024)).isEqualTo("256KiB");
        assertThat(Values.formatSize(3 << 20)).isEqualTo("3MiB");
        assertThat(Values.formatSize(1000)).isEqualTo("1000");
        assertThat(Values.formatDecimal(470)).isEqualTo("470.0");
        assertThat(Values.formatDecimal(0.65)).isEqualTo("0.65");
        assertThat(Values.formatDecimal(1e-7)).isEqualTo("0.0000001");
    }

    @Test
    void hexAndSizesAreAcceptedInFiles() {
        SocConfig c = Fixtures.load(Fixtures.with("size: 64KiB", "size: 0x10000"));
        assertThat(c.memory().l1().orElseThrow().size()).isEqualTo(65536);
        c = Fixtures.load(Fixtures.with("size: 512KiB", "size: \"1 MiB\""));
        assertThat(c.memory().l2().orElseThrow().size()).isEqualTo(1 << 20);
        assertThat(c.memory().l2().orElseThrow().base()).isEqualTo(0x1c00_0000L);
    }
}
