package io.socsim.memory;

import io.socsim.config.MemoryConfig;
import io.socsim.config.SocConfig;
import io.socsim.config.TcdmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The memories of a configured system as byte arrays, with address decoding. Core accesses to
 * L2 and L3 pay the region latency plus the cluster-interconnect latency.
 */
public final class MemorySystem {

    private final Region l1;
    private final Region l2;
    private final Region l3;
    private final Region ram;
    private final List<Region> regions = new ArrayList<>();
    private final Region[] lookup; // the regions, in order, for find()
    private final int interconnectLatency;

    public MemorySystem(SocConfig config) {
        this.interconnectLatency = config.interconnect().map(i -> i.clusterToL2LatencyCycles()).orElse(0);
        Optional<TcdmConfig> l1c = config.memory().l1();
        this.l1 = l1c.map(c -> add(new Region("l1", (int) c.base(), new byte[size(c.size(), "memory.l1.size")],
                c.latencyCycles(), c.banks() * c.bankWidthBytes()))).orElse(null);
        this.l2 = config.memory().l2().map(c -> add(region("l2", c, interconnectLatency))).orElse(null);
        this.l3 = config.memory().l3().map(c -> add(region("l3", c, interconnectLatency))).orElse(null);
        this.ram = config.memory().ram().map(c -> add(region("ram", c, 0))).orElse(null);
        this.lookup = regions.toArray(new Region[0]);
    }

    private Region add(Region r) {
        regions.add(r);
        return r;
    }

    private static Region region(String name, MemoryConfig c, int extraLatency) {
        return new Region(name, (int) c.base(), new byte[size(c.size(), "memory." + name + ".size")],
                c.latencyCycles() + extraLatency, c.bandwidthBytesPerCycle());
    }

    private static int size(long bytes, String key) {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %d bytes is more than the simulator can hold (2 GiB)", key, bytes));
        }
        return (int) bytes;
    }

    /**
     * The region holding {@code [address, address + length)}, or null. On the simulation hot path
     * (every core access outside L1): an indexed loop over an array, which allocates nothing.
     */
    public Region find(int address, int length) {
        Region[] all = lookup;
        for (int i = 0; i < all.length; i++) {
            if (all[i].contains(address, length)) {
                return all[i];
            }
        }
        return null;
    }

    public Region l1() {
        return l1;
    }

    public Region l2() {
        return l2;
    }

    public Region l3() {
        return l3;
    }

    public Region ram() {
        return ram;
    }

    public List<Region> regions() {
        return List.copyOf(regions);
    }
}
