package io.socsim.sim.cluster;

import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.BusFault;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;

/**
 * What the cores reach outside their L1 fast window: the memories, then the device windows in the
 * order they were mapped (a device sees offsets into its window, word-aligned). Timing is not
 * decided here; {@link CoreTimer} charges it. An address nothing answers is a bus fault.
 */
final class PeripheralBus {

    /** A register window's device; {@code core} is the requester (cluster registers are banked per core). */
    interface Device {
        int read(int core, int offset);

        void write(int core, int offset, int value);
    }

    /** Sees every store into memory (the host mailbox, the mark table). */
    interface StoreObserver {
        void stored(int core, int address, int value);
    }

    private static final int MAX_WINDOWS = 8;

    private final MemorySystem memory;
    private final StoreObserver observer;
    private final int[] base = new int[MAX_WINDOWS];
    private final int[] size = new int[MAX_WINDOWS];
    private final Device[] devices = new Device[MAX_WINDOWS];
    private int windows;

    PeripheralBus(MemorySystem memory, StoreObserver observer) {
        this.memory = memory;
        this.observer = observer;
    }

    /** Maps {@code device} at {@code [base, base + size)}; an empty window maps nothing. */
    void map(int windowBase, int windowSize, Device device) {
        if (windowSize <= 0) {
            return;
        }
        if (windows == MAX_WINDOWS) {
            throw new IllegalStateException("more than " + MAX_WINDOWS + " device windows");
        }
        base[windows] = windowBase;
        size[windows] = windowSize;
        devices[windows] = device;
        windows++;
    }

    /** The bus as core {@code core}'s hart sees it. */
    Bus port(int core) {
        return new Bus() {
            @Override
            public int read(int address, int bytes) {
                return PeripheralBus.this.read(core, address, bytes);
            }

            @Override
            public void write(int address, int bytes, int value) {
                PeripheralBus.this.write(core, address, bytes, value);
            }
        };
    }

    int read(int core, int address, int bytes) {
        Region r = memory.find(address, bytes);
        if (r != null) {
            byte[] b = r.bytes();
            int o = r.offset(address);
            int v = 0;
            for (int i = bytes - 1; i >= 0; i--) {
                v = (v << 8) | (b[o + i] & 0xff);
            }
            return v;
        }
        int w = window(address);
        if (w < 0) {
            throw new BusFault(address, false);
        }
        return devices[w].read(core, (address - base[w]) & ~3);
    }

    void write(int core, int address, int bytes, int value) {
        Region r = memory.find(address, bytes);
        if (r != null) {
            byte[] b = r.bytes();
            int o = r.offset(address);
            for (int i = 0; i < bytes; i++) {
                b[o + i] = (byte) (value >>> (8 * i));
            }
            observer.stored(core, address, value);
            return;
        }
        int w = window(address);
        if (w < 0) {
            throw new BusFault(address, true);
        }
        devices[w].write(core, (address - base[w]) & ~3, value);
    }

    /** The window holding {@code address}, or -1. */
    private int window(int address) {
        for (int w = 0; w < windows; w++) {
            int off = address - base[w];
            if (off >= 0 && off < size[w]) {
                return w;
            }
        }
        return -1;
    }
}
