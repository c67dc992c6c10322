package io.socsim.memory;

import io.socsim.config.DmaConfig;
import io.socsim.config.hw.RegisterMap;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * The cluster DMA (modelled on MCHAN): each core stages a transfer in its own registers and
 * starts it; commands wait in a per-core FIFO and move on to a shared transfer queue, which the
 * engine serves in order. The transfer at the head streams at the smaller of the external port
 * bandwidth and the TCDM port bandwidth; every L1 word it moves is a TCDM access on one of the
 * DMA's ports and competes for its bank like a core's access. A transfer pays the external
 * memory's latency once, overlapped with the previous transfer's streaming.
 *
 * <p>Per cycle: {@link #request(long)} before bank arbitration, {@link #advance(long)} after.
 */
public final class ClusterDma {

    /** Staging register indexes (word offsets of the register window: the register map's offsets / 4). */
    public static final int SRC = RegisterMap.Dma.SRC >> 2, DST = RegisterMap.Dma.DST >> 2, LEN = RegisterMap.Dma.LEN >> 2,
            SRC_STRIDE = RegisterMap.Dma.SRC_STRIDE >> 2, DST_STRIDE = RegisterMap.Dma.DST_STRIDE >> 2, ROWS = RegisterMap.Dma.ROWS >> 2;
    /** Transfer ids live in [0, IDS). */
    public static final int IDS = RegisterMap.Dma.IDS;

    /** Receives transfer completions. */
    public interface Listener {
        void completed(int id, int core, long cycle);
    }

    /** A transfer that can never run (bad address, length, rows): reported as a program fault. */
    public static final class DmaError extends RuntimeException {
        public DmaError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Transfer {
        int id, core, src, dst, len, srcStride, dstStride, rows;
        Region srcRegion, dstRegion;
        boolean toL1;
        long readyAt;          // first cycle it may stream (external latency paid)
        int row, col;          // progress
        int pendingChunks;     // chunks requested this cycle
    }

    private final DmaConfig config;
    private final MemorySystem memory;
    private final Tcdm tcdm;
    private final int firstPort;
    private final int[][] staging;
    private final ArrayDeque<Transfer>[] coreFifo;
    private final ArrayDeque<Transfer> shared = new ArrayDeque<>();
    private int inFlightMask;
    private int nextId;
    private Listener listener = (id, core, cycle) -> { };

    // per-cycle chunk plan of the head transfer
    private final int[] chunkBank = new int[64];
    private final int[] chunkLen = new int[64];
    private int chunks;
    private boolean allGranted;   // streamAlone settled this cycle's chunks without the arbiter
    private long transfersDone;

    // statistics
    private long bytes;
    private long busyCycles;
    private long transfers;
    private long conflictCycles;
    private long l1Reads, l1Writes, l2Bytes, l3Bytes;

    @SuppressWarnings("unchecked")
    public ClusterDma(DmaConfig config, MemorySystem memory, Tcdm tcdm, int cores, int firstPort) {
        this.config = config;
        this.memory = memory;
        this.tcdm = tcdm;
        this.firstPort = firstPort;
        this.staging = new int[cores][6];
        this.coreFifo = new ArrayDeque[cores];
        for (int c = 0; c < cores; c++) {
            coreFifo[c] = new ArrayDeque<>();
            staging[c][ROWS] = 1;
        }
    }

    public void listener(Listener listener) {
        this.listener = listener;
    }

    /** Writes staging register {@code reg} of {@code core}. */
    public void stage(int core, int reg, int value) {
        staging[core][reg] = value;
    }

    /** True when {@code core} could start a transfer now (its FIFO or the shared queue has room). */
    public boolean canStart(int core) {
        return shared.size() < config.sharedQueueDepth() || coreFifo[core].size() < config.perCoreQueueDepth();
    }

    /**
     * Starts the transfer staged by {@code core}; call only when {@link #canStart} is true.
     *
     * @return the transfer id
     * @throws DmaError when the staged transfer is invalid
     */
    public int start(int core, long cycle) {
        int[] s = staging[core];
        Transfer t = new Transfer();
        t.core = core;
        t.src = s[SRC];
        t.dst = s[DST];
        t.len = s[LEN];
        t.srcStride = s[SRC_STRIDE];
        t.dstStride = s[DST_STRIDE];
        t.rows = s[ROWS];
        validate(t);
        if (Integer.bitCount(inFlightMask) == IDS) {
            throw new DmaError("more than " + IDS + " DMA transfers in flight");
        }
        while ((inFlightMask & (1 << nextId)) != 0) {
            nextId = (nextId + 1) % IDS;
        }
        t.id = nextId;
        nextId = (nextId + 1) % IDS;
        inFlightMask |= 1 << t.id;
        Region ext = t.toL1 ? t.srcRegion : t.dstRegion;
        t.readyAt = cycle + (ext == memory.l1() ? 1 : ext.latencyCycles());
        if (shared.size() < config.sharedQueueDepth() && coreFifo[core].isEmpty()) {
            shared.add(t);
        } else {
            coreFifo[core].add(t);
        }
        transfers++;
        return t.id;
    }

    private void validate(Transfer t) {
        if (t.len <= 0 || t.len > RegisterMap.Dma.MAX_LEN) {
            throw new DmaError(String.format(Locale.ROOT, "DMA transfer length %d is outside 1..%d bytes", t.len, RegisterMap.Dma.MAX_LEN));
        }
        if (t.rows <= 0) {
            throw new DmaError("DMA transfer with " + t.rows + " rows");
        }
        long srcSpan = (long) (t.rows - 1) * t.srcStride + t.len;
        long dstSpan = (long) (t.rows - 1) * t.dstStride + t.len;
        t.srcRegion = memory.find(t.src, (int) Math.min(Integer.MAX_VALUE, srcSpan));
        t.dstRegion = memory.find(t.dst, (int) Math.min(Integer.MAX_VALUE, dstSpan));
        if (t.srcRegion == null || t.dstRegion == null) {
            throw new DmaError(String.format(Locale.ROOT, "DMA transfer 0x%08x -> 0x%08x (%d rows of %d bytes) reaches outside mapped memory",
                    t.src, t.dst, t.rows, t.len));
        }
        if (t.srcRegion != memory.l1() && t.dstRegion != memory.l1()) {
            throw new DmaError(String.format(Locale.ROOT, "DMA transfer 0x%08x -> 0x%08x: one side must be L1 (TCDM)", t.src, t.dst));
        }
        t.toL1 = t.dstRegion == memory.l1();
    }

    /** Bit i set while transfer i is queued or running. */
    public int status() {
        return inFlightMask;
    }

    public boolean done(int id) {
        return (inFlightMask & (1 << (id & (IDS - 1)))) == 0;
    }

    public boolean idle() {
        return inFlightMask == 0;
    }

    /** The first cycle at or after {@code cycle} in which the DMA has work, or Long.MAX_VALUE. */
    public long nextActivity(long cycle) {
        Transfer head = shared.peek();
        return head == null ? Long.MAX_VALUE : Math.max(cycle, head.readyAt);
    }

    /** Plans this cycle's chunks of the head transfer and requests their TCDM banks. */
    public void request(long cycle) {
        plan(cycle);
        for (int i = 0; i < chunks; i++) {
            tcdm.request(firstPort + i, chunkBank[i]);
        }
    }

    /**
     * Streams the head transfers through the cycles {@code [from, limit)} in which nothing else
     * requests a TCDM bank: each cycle's words are granted unless two of them meet in one bank, so
     * the cycle is settled here without the arbiter's full round. Stops after a transfer completes
     * (its listener may wake a core) or when the queue runs dry.
     *
     * @return the first cycle not advanced
     */
    public long streamAlone(long from, long limit) {
        long t = from;
        long done = transfersDone;
        while (t < limit && transfersDone == done) {
            Transfer head = shared.peek();
            if (head == null) {
                break;
            }
            if (t < head.readyAt) {
                t = head.readyAt;
                continue;
            }
            plan(t);
            if (selfConflict()) {
                for (int i = 0; i < chunks; i++) {
                    tcdm.request(firstPort + i, chunkBank[i]);
                }
                tcdm.arbitrate();
            } else {
                for (int i = 0; i < chunks; i++) {
                    tcdm.grantAlone(firstPort + i, chunkBank[i]);
                }
                allGranted = true;
            }
            advance(t);
            t++;
        }
        return t;
    }

    private boolean selfConflict() {
        for (int i = 1; i < chunks; i++) {
            for (int j = 0; j < i; j++) {
                if (chunkBank[i] == chunkBank[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This cycle's chunks of the head transfer and their banks. */
    private void plan(long cycle) {
        chunks = 0;
        Transfer t = shared.peek();
        if (t == null || cycle < t.readyAt) {
            return;
        }
        Region ext = t.toL1 ? t.srcRegion : t.dstRegion;
        int budget = Math.min(config.tcdmBytesPerCycle(),
                ext == memory.l1() ? config.tcdmBytesPerCycle() : Math.min(config.l2BandwidthBytesPerCycle(), ext.bytesPerCycle()));
        int row = t.row, col = t.col;
        while (budget > 0 && row < t.rows && chunks < config.ports()) {
            int l1Addr = (t.toL1 ? t.dst + row * t.dstStride : t.src + row * t.srcStride) + col;
            int toWordEnd = config.portWidthBytes() - (l1Addr & (config.portWidthBytes() - 1));
            int n = Math.min(Math.min(toWordEnd, t.len - col), budget);
            chunkBank[chunks] = tcdm.bankOf(l1Addr);
            chunkLen[chunks] = n;
            chunks++;
            budget -= n;
            col += n;
            if (col == t.len) {
                col = 0;
                row++;
            }
        }
    }

    /** Moves the chunks whose bank was granted, in stream order, and completes finished transfers. */
    public void advance(long cycle) {
        if (chunks == 0) {
            return;
        }
        Transfer t = shared.peek();
        busyCycles++;
        int moved = 0;
        boolean all = allGranted;
        allGranted = false;
        for (int i = 0; i < chunks; i++) {
            if (!all && !tcdm.granted(firstPort + i)) {
                conflictCycles++;
                break; // the stream is in order: a lost word holds back the ones behind it
            }
            copy(t, chunkLen[i]);
            moved++;
        }
        chunks = 0;
        if (t.row == t.rows) {
            shared.poll();
            transfersDone++;
            inFlightMask &= ~(1 << t.id);
            long doneAt = cycle + 1 + (t.toL1 ? 0 : Math.max(0, t.dstRegion.latencyCycles() - 1));
            refill();
            listener.completed(t.id, t.core, doneAt);
        }
    }

    private void copy(Transfer t, int n) {
        if (t.toL1) {
            l1Writes++;
        } else {
            l1Reads++;
        }
        Region ext = t.toL1 ? t.srcRegion : t.dstRegion;
        if (ext == memory.l2()) {
            l2Bytes += n;
        } else if (ext == memory.l3()) {
            l3Bytes += n;
        }
        int srcAddr = t.src + t.row * t.srcStride + t.col;
        int dstAddr = t.dst + t.row * t.dstStride + t.col;
        System.arraycopy(t.srcRegion.bytes(), t.srcRegion.offset(srcAddr), t.dstRegion.bytes(), t.dstRegion.offset(dstAddr), n);
        bytes += n;
        t.col += n;
        if (t.col == t.len) {
            t.col = 0;
            t.row++;
        }
    }

    /** Moves waiting commands from the per-core FIFOs into the shared queue, lowest core first. */
    private void refill() {
        for (ArrayDeque<Transfer> fifo : coreFifo) {
            while (!fifo.isEmpty() && shared.size() < config.sharedQueueDepth()) {
                shared.add(fifo.poll());
            }
        }
    }

    public long bytes() {
        return bytes;
    }

    public long busyCycles() {
        return busyCycles;
    }

    public long transfers() {
        return transfers;
    }

    /** Cycles in which a DMA word lost its bank to another requester. */
    public long conflictCycles() {
        return conflictCycles;
    }

    /** 32-bit L1 bank reads (words leaving L1). */
    public long l1Reads() {
        return l1Reads;
    }

    /** 32-bit L1 bank writes (words arriving in L1). */
    public long l1Writes() {
        return l1Writes;
    }

    /** Bytes moved to or from L2. */
    public long l2Bytes() {
        return l2Bytes;
    }

    /** Bytes moved to or from L3 (off-chip). */
    public long l3Bytes() {
        return l3Bytes;
    }

    /** Number of TCDM ports (requesters) the DMA uses. */
    public int ports() {
        return config.ports();
    }
}
