package io.socsim.workloads;

import io.socsim.config.SocConfig;
import io.socsim.isa.asm.Program;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.BusFault;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.HostInterface;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal functional cluster for tests, no timing: {@code n} {@link Hart}s sharing one L1 and
 * one L2 byte array, a stub event unit and a stub DMA with the registers of
 * {@code docs/architecture.md}.
 *
 * <p>L1 is each hart's fast RAM window (the data the kernels stream); L2, where code lives, and
 * the peripherals go through a per-hart {@link Bus}. Harts are stepped round-robin, one
 * instruction per {@code run(1)} and {@link #QUANTUM} in a row. A hart that reads
 * {@code EU_BARRIER} is parked until every hart has arrived; one that reads
 * {@code EU_EVENT_WAIT} sleeps for good (nothing here sends events). The DMA copies at
 * {@code DMA_START} ({@link DmaMode#IMMEDIATE}) or, to expose a missing wait, only when the
 * transfer is waited for ({@link DmaMode#ON_WAIT}, the latest moment the contract allows).
 * Further register windows (an accelerator stub) can be {@link #attach attached}. Host calls:
 * a7 = 93 exits, a7 = 64 writes a2 bytes at a1 to {@link #stdout()}.
 */
public final class FunctionalCluster {

    /** Instructions a hart runs before the next one gets its turn. */
    static final int QUANTUM = 16;

    public enum DmaMode { IMMEDIATE, ON_WAIT }

    /** One DMA_START: the staged registers and how many barriers had completed before it. */
    public record Transfer(int hart, int id, int src, int dst, int len, int srcStride, int dstStride, int rows,
            int barriersBefore) {
    }

    private enum Park { NONE, BARRIER, SLEEP }

    /** A register window reached through the per-hart bus; offsets are relative to its base. */
    public interface Device {
        int read(int hart, int offset, int size);

        void write(int hart, int offset, int size, int value);
    }

    private record Window(int base, int size, Device device) {
        boolean covers(int address) {
            return Integer.compareUnsigned(address - base, size) < 0;
        }
    }

    private final byte[] l1, l2;
    private final int l1Base, l2Base, euBase, dmaBase;
    private final Hart[] harts;
    private final Park[] park;
    private final long[][] semCounts;
    private final DmaMode dmaMode;
    private final List<Transfer> transfers = new ArrayList<>();
    private final Map<Integer, Transfer> pending = new HashMap<>();
    private final List<Window> windows = new ArrayList<>();
    private final StringBuilder stdout = new StringBuilder();
    private int nextId;
    private int barriers;
    private boolean counting;

    public FunctionalCluster(SocConfig soc, int cores, Program program, DmaMode dmaMode) {
        var l1c = soc.memory().l1().orElseThrow();
        var l2c = soc.memory().l2().orElseThrow();
        var per = soc.memory().peripherals().orElseThrow();
        this.l1 = new byte[(int) l1c.size()];
        this.l2 = new byte[(int) l2c.size()];
        this.l1Base = (int) l1c.base();
        this.l2Base = (int) l2c.base();
        this.euBase = (int) per.eventUnit().orElseThrow().base();
        this.dmaBase = (int) per.dma().map(w -> w.base()).orElse(-1L).longValue();
        this.dmaMode = dmaMode;
        for (Program.Section s : program.sections()) {
            if (s.size() > 0) {
                System.arraycopy(s.bytes(), 0, memoryFor(s.base(), s.size()), offsetIn(s.base()), s.size());
            }
        }
        DecodeCache code = new DecodeCache();
        HostInterface host = new HostInterface() {
            @Override
            public void ecall(Hart h) {
                if (h.reg(17) == 93) {
                    h.exit(h.reg(10));
                } else if (h.reg(17) == 64 && (h.reg(10) == 1 || h.reg(10) == 2)) {
                    byte[] text = read(h.reg(11), h.reg(12));
                    stdout.append(new String(text, java.nio.charset.StandardCharsets.US_ASCII));
                    h.reg(10, text.length);
                } else {
                    h.halt("unsupported host call a7=" + h.reg(17));
                }
            }

            @Override
            public void tohost(Hart h, int value) {
                h.exit(value >>> 1);
            }
        };
        harts = new Hart[cores];
        park = new Park[cores];
        semCounts = new long[cores][1024];
        for (int i = 0; i < cores; i++) {
            harts[i] = new Hart(i, code, new HartBus(i), host);
            harts[i].mapRam(l1Base, l1);
            harts[i].pc(program.entry());
            park[i] = Park.NONE;
        }
    }

    /** Maps {@code device} at {@code [base, base + size)}, ahead of the built-in event unit and DMA. */
    public FunctionalCluster attach(int base, int size, Device device) {
        windows.add(new Window(base, size, device));
        return this;
    }

    /** What the program wrote with the host write call (fd 1 and 2). */
    public String stdout() {
        return stdout.toString();
    }

    /** Counts executed instructions per semantic id ({@link io.socsim.isa.exec.Sem}) from now on. */
    public FunctionalCluster countInstructions() {
        counting = true;
        return this;
    }

    /**
     * Runs until core 0 exits.
     *
     * @throws AssertionError on a halted hart, a deadlock or more than {@code maxInstructions}
     */
    public void run(long maxInstructions) {
        run(maxInstructions, false);
    }

    /**
     * Runs until core 0 has exited and every other hart is asleep in the event unit or has
     * exited: shows that the other cores' code ends, which a run stopped by core 0's exit does not.
     */
    public void runToQuiescence(long maxInstructions) {
        run(maxInstructions, true);
    }

    /** True when hart {@code hart} sleeps in {@code EU_EVENT_WAIT}. */
    public boolean asleep(int hart) {
        return park[hart] == Park.SLEEP;
    }

    private boolean othersActive() {
        for (int i = 1; i < harts.length; i++) {
            if (harts[i].running() && park[i] != Park.SLEEP) {
                return true;
            }
        }
        return false;
    }

    private void run(long maxInstructions, boolean quiesce) {
        long executed = 0;
        while (harts[0].running() || quiesce && othersActive()) {
            boolean progressed = false;
            for (int i = 0; i < harts.length; i++) {
                Hart h = harts[i];
                for (int q = 0; q < QUANTUM && h.running() && park[i] == Park.NONE; q++) {
                    if (counting) {
                        semCounts[i][(int) h.peek() & 0x3ff]++;
                    }
                    h.run(1);
                    executed++;
                    progressed = true;
                }
                if (h.state() == Hart.HALTED) {
                    throw new AssertionError(String.format(Locale.ROOT, "hart %d halted at pc 0x%08x: %s",
                            i, h.pc(), h.haltReason()));
                }
            }
            boolean all = true;
            for (Park p : park) {
                all &= p == Park.BARRIER;
            }
            if (all) {
                java.util.Arrays.fill(park, Park.NONE);
                barriers++;
            } else if (!progressed && (harts[0].running() || quiesce && othersActive())) {
                StringBuilder sb = new StringBuilder("deadlock:");
                for (int i = 0; i < harts.length; i++) {
                    sb.append(String.format(Locale.ROOT, " hart %d pc 0x%08x %s;", i, harts[i].pc(), park[i]));
                }
                throw new AssertionError(sb.toString());
            }
            if (executed > maxInstructions) {
                throw new AssertionError("no exit after " + executed + " instructions");
            }
        }
    }

    public int exitCode() {
        return harts[0].exitCode();
    }

    public byte[] read(int address, int length) {
        byte[] out = new byte[length];
        System.arraycopy(memoryFor(address, length), offsetIn(address), out, 0, length);
        return out;
    }

    /** Writes {@code bytes} at {@code address} (L1 or L2), e.g. to corrupt data after loading. */
    public void write(int address, byte[] bytes) {
        System.arraycopy(bytes, 0, memoryFor(address, bytes.length), offsetIn(address), bytes.length);
    }

    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    /** Barriers completed so far. */
    public int barriers() {
        return barriers;
    }

    public long instret(int hart) {
        return harts[hart].instret();
    }

    /** Executed instructions of hart {@code hart} with semantic id {@code sem} (needs {@link #countInstructions()}). */
    public long count(int hart, int sem) {
        return semCounts[hart][sem];
    }

    public long countAll(int sem) {
        long n = 0;
        for (long[] c : semCounts) {
            n += c[sem];
        }
        return n;
    }

    // ------------------------------------------------------------------ memories

    private boolean inL1(int address, int length) {
        return Integer.compareUnsigned(address - l1Base, l1.length - length) <= 0;
    }

    private boolean inL2(int address, int length) {
        return Integer.compareUnsigned(address - l2Base, l2.length - length) <= 0;
    }

    private byte[] memoryFor(int address, int length) {
        if (inL1(address, length)) {
            return l1;
        }
        if (inL2(address, length)) {
            return l2;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "0x%08x+%d is in neither L1 nor L2", address, length));
    }

    private int offsetIn(int address) {
        return inL1(address, 1) ? address - l1Base : address - l2Base;
    }

    private void copy(Transfer t) {
        boolean srcL1 = inL1(t.src(), 1), dstL1 = inL1(t.dst(), 1);
        if (!srcL1 && !dstL1) {
            throw new IllegalStateException("DMA needs one side in L1: " + t);
        }
        for (int r = 0; r < t.rows(); r++) {
            int s = t.src() + r * t.srcStride(), d = t.dst() + r * t.dstStride();
            System.arraycopy(memoryFor(s, t.len()), offsetIn(s), memoryFor(d, t.len()), offsetIn(d), t.len());
        }
    }

    // ------------------------------------------------------------------ per-hart bus

    private final class HartBus implements Bus {
        private final int hart;
        private int src, dst, len, srcStride, dstStride, rows = 1, waitId = -1;
        private int eventMask = -1;

        HartBus(int hart) {
            this.hart = hart;
        }

        @Override
        public int read(int address, int size) {
            if (inL2(address, size) || inL1(address, size)) {
                byte[] mem = memoryFor(address, size);
                int off = offsetIn(address), v = 0;
                for (int i = 0; i < size; i++) {
                    v |= (mem[off + i] & 0xff) << (8 * i);
                }
                return v;
            }
            for (Window w : windows) {
                if (w.covers(address)) {
                    return w.device().read(hart, address - w.base(), size);
                }
            }
            int eu = address - euBase;
            if (eu >= 0 && eu < 0x800) {
                switch (eu) {
                    case 0x00: park[hart] = Park.BARRIER; return 0;
                    case 0x04: park[hart] = Park.SLEEP; return 0;
                    case 0x08: return eventMask;
                    case 0x0C: return 0;
                    case 0x14: return hart;
                    case 0x18: return harts.length;
                    default: throw new BusFault(address, false);
                }
            }
            int dma = address - dmaBase;
            if (dmaBase != -1 && dma >= 0 && dma < 0x400) {
                switch (dma) {
                    case 0x18: return start();
                    case 0x1C: {
                        int bits = 0;
                        for (int id : pending.keySet()) {
                            bits |= 1 << id;
                        }
                        return bits;
                    }
                    case 0x20: {
                        Transfer t = pending.remove(waitId);
                        if (t != null) {
                            copy(t);
                        }
                        return 0;
                    }
                    default: throw new BusFault(address, false);
                }
            }
            throw new BusFault(address, false);
        }

        private int start() {
            if (len < 1 || len > 65535) {
                throw new IllegalStateException("DMA_LEN out of range: " + len);
            }
            int id = nextId;
            nextId = (nextId + 1) & 15;
            if (pending.containsKey(id)) {
                throw new IllegalStateException("DMA id " + id + " reused while its transfer is pending");
            }
            Transfer t = new Transfer(hart, id, src, dst, len, srcStride, dstStride, rows, barriers);
            transfers.add(t);
            if (dmaMode == DmaMode.IMMEDIATE) {
                copy(t);
            } else {
                pending.put(id, t);
            }
            return id;
        }

        @Override
        public void write(int address, int size, int value) {
            if (inL2(address, size) || inL1(address, size)) {
                byte[] mem = memoryFor(address, size);
                int off = offsetIn(address);
                for (int i = 0; i < size; i++) {
                    mem[off + i] = (byte) (value >>> (8 * i));
                }
                return;
            }
            for (Window w : windows) {
                if (w.covers(address)) {
                    w.device().write(hart, address - w.base(), size, value);
                    return;
                }
            }
            int eu = address - euBase;
            if (eu == 0x08) {
                eventMask = value;
                return;
            }
            int dma = address - dmaBase;
            if (dmaBase != -1 && dma >= 0 && dma < 0x400) {
                switch (dma) {
                    case 0x00: src = value; return;
                    case 0x04: dst = value; return;
                    case 0x08: len = value; return;
                    case 0x0C: srcStride = value; return;
                    case 0x10: dstStride = value; return;
                    case 0x14: rows = value; return;
                    case 0x20: waitId = value; return;
                    default: break;
                }
            }
            throw new BusFault(address, true);
        }
    }
}
