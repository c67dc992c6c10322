package io.socsim.sim.cluster;

import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.BusFault;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.Region;

/**
 * What one core reaches outside its L1 fast window: the other memories and the cluster
 * peripherals (event unit and DMA registers, banked per core). Timing is not decided here; the
 * cluster's cycle loop charges it.
 */
final class CoreBus implements Bus {

    private final int core;
    private final Cluster cluster;

    CoreBus(int core, Cluster cluster) {
        this.core = core;
        this.cluster = cluster;
    }

    @Override
    public int read(int address, int size) {
        Region r = cluster.memory().find(address, size);
        if (r != null) {
            return readBytes(r, address, size);
        }
        int eu = address - cluster.euBase();
        if (eu >= 0 && eu < cluster.euSize()) {
            return cluster.eventUnit().read(core, eu & ~3);
        }
        int ita = address - cluster.itaBase();
        if (cluster.ita() != null && ita >= 0 && ita < cluster.itaSize()) {
            return cluster.itaRead(core, ita & ~3);
        }
        int dma = address - cluster.dmaBase();
        if (cluster.dma() != null && dma >= 0 && dma < cluster.dmaSize()) {
            switch (dma & ~3) {
                case Cluster.DMA_START: return cluster.startDma(core);
                case Cluster.DMA_STATUS: return cluster.dma().status();
                default: return 0;
            }
        }
        throw new BusFault(address, false);
    }

    @Override
    public void write(int address, int size, int value) {
        Region r = cluster.memory().find(address, size);
        if (r != null) {
            writeBytes(r, address, size, value);
            cluster.storeObserved(core, address, value);
            return;
        }
        int eu = address - cluster.euBase();
        if (eu >= 0 && eu < cluster.euSize()) {
            cluster.eventUnitWrite(core, eu & ~3, value);
            return;
        }
        int ita = address - cluster.itaBase();
        if (cluster.ita() != null && ita >= 0 && ita < cluster.itaSize()) {
            cluster.itaWrite(core, ita & ~3, value);
            return;
        }
        int dma = address - cluster.dmaBase();
        if (cluster.dma() != null && dma >= 0 && dma < cluster.dmaSize()) {
            int reg = (dma & ~3) >> 2;
            if (reg <= ClusterDma.ROWS) {
                cluster.dma().stage(core, reg, value);
            } else if ((dma & ~3) == Cluster.DMA_WAIT) {
                cluster.core(core).waitId = value;
            }
            return;
        }
        throw new BusFault(address, true);
    }

    private static int readBytes(Region r, int address, int size) {
        byte[] b = r.bytes();
        int o = r.offset(address);
        int v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (b[o + i] & 0xff);
        }
        return v;
    }

    private static void writeBytes(Region r, int address, int size, int value) {
        byte[] b = r.bytes();
        int o = r.offset(address);
        for (int i = 0; i < size; i++) {
            b[o + i] = (byte) (value >>> (8 * i));
        }
    }
}
