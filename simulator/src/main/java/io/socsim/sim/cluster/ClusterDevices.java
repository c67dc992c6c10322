package io.socsim.sim.cluster;

import io.socsim.config.hw.RegisterMap;
import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;

/** The cluster's register windows as devices of the {@link PeripheralBus}. */
final class ClusterDevices {

    /** DMA register offsets beyond the staging registers. */
    static final int DMA_START = RegisterMap.Dma.START, DMA_STATUS = RegisterMap.Dma.STATUS, DMA_WAIT = RegisterMap.Dma.WAIT;

    private ClusterDevices() {
    }

    /** The event unit; a trigger raises software events through {@code sleep} at the current cycle. */
    static PeripheralBus.Device eventUnit(EventUnit eventUnit, CoreSleep sleep, Clock clock) {
        return new PeripheralBus.Device() {
            @Override
            public int read(int core, int offset) {
                return eventUnit.read(core, offset);
            }

            @Override
            public void write(int core, int offset, int value) {
                sleep.softwareEvents(eventUnit.write(core, offset, value), clock.now);
            }
        };
    }

    /** The DMA: staging registers, START (a read starts the staged transfer), STATUS, WAIT (the id a core waits for). */
    static PeripheralBus.Device dma(ClusterDma dma, CoreState[] cores, Clock clock) {
        return new PeripheralBus.Device() {
            @Override
            public int read(int core, int offset) {
                switch (offset) {
                    case DMA_START: return dma.start(core, clock.now); // its queue has room: checked before the load issued
                    case DMA_STATUS: return dma.status();
                    default: return 0;
                }
            }

            @Override
            public void write(int core, int offset, int value) {
                int reg = offset >> 2;
                if (reg <= ClusterDma.ROWS) {
                    dma.stage(core, reg, value);
                } else if (offset == DMA_WAIT) {
                    cores[core].waitId = value;
                }
            }
        };
    }

    /** ITA: staging registers, START (a read queues the staged job), STATUS. */
    static PeripheralBus.Device ita(ItaEngine ita, Clock clock) {
        return new PeripheralBus.Device() {
            @Override
            public int read(int core, int offset) {
                switch (offset) {
                    case ItaEngine.START: return ita.start(core, clock.now);
                    case ItaEngine.STATUS: return ita.status();
                    default: return 0;
                }
            }

            @Override
            public void write(int core, int offset, int value) {
                ita.stage(core, offset, value);
            }
        };
    }
}
