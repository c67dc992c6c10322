package io.socsim.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.config.Presets;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.BusFault;
import io.socsim.memory.MemorySystem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeripheralBusTest {

    private static final int L2 = 0x1c000000, DEV = 0x10200800;

    private final MemorySystem memory = new MemorySystem(Presets.load("pulp-cluster"));
    private final List<String> seen = new ArrayList<>();
    private final PeripheralBus bus = new PeripheralBus(memory, (core, address, value) -> seen.add("store " + core + " " + Integer.toHexString(address)));

    /** A stub device: logs every access, reads answer offset + core. */
    private PeripheralBus.Device device(String name) {
        return new PeripheralBus.Device() {
            @Override
            public int read(int core, int offset) {
                seen.add(name + " read " + core + " " + offset);
                return offset + core;
            }

            @Override
            public void write(int core, int offset, int value) {
                seen.add(name + " write " + core + " " + offset + " " + value);
            }
        };
    }

    @Test
    void memoryAccessesAreLittleEndianAndEveryStoreIsObserved() {
        Bus port = bus.port(3);
        port.write(L2 + 8, 4, 0x11223344);
        assertThat(port.read(L2 + 8, 2)).isEqualTo(0x3344);
        assertThat(port.read(L2 + 11, 1)).isEqualTo(0x11);
        assertThat(memory.l2().bytes()[8]).isEqualTo((byte) 0x44);
        assertThat(seen).containsExactly("store 3 1c000008");
    }

    @Test
    void aDeviceSeesItsRequesterAndWordAlignedOffsetsIntoItsWindow() {
        bus.map(DEV, 0x100, device("eu"));
        bus.map(DEV + 0x100, 0x100, device("dma"));
        assertThat(bus.port(2).read(DEV + 0x106, 4)).isEqualTo(6);
        bus.port(5).write(DEV + 0x13, 4, 9);
        assertThat(seen).containsExactly("dma read 2 4", "eu write 5 16 9");
    }

    @Test
    void theFirstWindowMappedWinsAndAnEmptyWindowMapsNothing() {
        bus.map(DEV, 0, device("empty"));
        bus.map(DEV, 0x100, device("first"));
        bus.map(DEV, 0x200, device("second"));
        bus.port(0).read(DEV + 0x10, 4);
        bus.port(0).read(DEV + 0x110, 4);
        assertThat(seen).containsExactly("first read 0 16", "second read 0 272");
    }

    @Test
    void anAddressNothingAnswersIsABusFaultThatSaysWhetherItWasAWrite() {
        bus.map(DEV, 0x100, device("eu"));
        assertThatThrownBy(() -> bus.port(0).read(DEV + 0x100, 4)).isInstanceOfSatisfying(BusFault.class, f -> {
            assertThat(f.address()).isEqualTo(DEV + 0x100);
            assertThat(f.write()).isFalse();
        });
        assertThatThrownBy(() -> bus.port(0).write(0x7000_0000, 4, 1)).isInstanceOfSatisfying(BusFault.class, f -> assertThat(f.write()).isTrue());
    }
}
