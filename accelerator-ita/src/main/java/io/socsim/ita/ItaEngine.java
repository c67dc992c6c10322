package io.socsim.ita;

import io.socsim.config.ItaConfig;
import io.socsim.config.hw.RegisterMap;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;
import java.util.ArrayDeque;

/**
 * ITA behind its register interface ({@code docs/architecture.md}): jobs queued in contexts,
 * computed bit-exactly by {@code io.socsim.ita.math} when they start ({@link ItaJobs}), and timed
 * tile by tile here.
 *
 * <p>Timing (platform.md section 6, parameters from {@link ItaConfig}): every matrix product of a
 * job is cut into tiles of {@code tile x tile} outputs over a {@code tile}-deep slice of the inner
 * dimension, padded as the hardware pads; a tile computes in {@code tile^3 / (engines x dot
 * width)} cycles (256). Its operands stream in through the wide L1 port ({@code port_width_bits},
 * adjacent banks, one access per granted cycle): the input tile once per group of {@code engines}
 * output columns (4 times), the weight tile once, the bias with the first inner slice; a
 * finished output tile streams out. Inputs are double-buffered (a tile loads while the previous
 * one computes) and outputs drain while the next tile computes; a tile whose inputs are not in,
 * or whose output buffer is still full, stalls. Each step ends with the pipeline latency; the
 * softmax inverses of an attention head take {@code ceil(S / dividers) x divider cycles} between
 * the QK and AV steps. The port competes with the cores and the DMA under the interconnect's
 * policy ({@link Tcdm#widePortPolicy}).
 */
public final class ItaEngine {

    /** Register offsets (the register map). */
    public static final int MODE = RegisterMap.Ita.MODE, S = RegisterMap.Ita.S, E = RegisterMap.Ita.E, P = RegisterMap.Ita.P,
            ACT = RegisterMap.Ita.ACT, IN = RegisterMap.Ita.IN, IN_KV = RegisterMap.Ita.IN_KV, W0 = RegisterMap.Ita.W0,
            W1 = RegisterMap.Ita.W1, W2 = RegisterMap.Ita.W2, W3 = RegisterMap.Ita.W3, B0 = RegisterMap.Ita.B0,
            B1 = RegisterMap.Ita.B1, B2 = RegisterMap.Ita.B2, B3 = RegisterMap.Ita.B3, OUT = RegisterMap.Ita.OUT,
            RQ0 = RegisterMap.Ita.RQ0, START = RegisterMap.Ita.START, STATUS = RegisterMap.Ita.STATUS, WAIT = RegisterMap.Ita.WAIT,
            SCRATCH = RegisterMap.Ita.SCRATCH, ACT_RQ = RegisterMap.Ita.ACT_RQ;
    private static final int REGISTERS = RegisterMap.Ita.SIZE >> 2;
    private static final int LINEAR = RegisterMap.Ita.MODE_LINEAR, ATTENTION = RegisterMap.Ita.MODE_ATTENTION;

    /** Receives job completions. */
    public interface Listener {
        void completed(int id, int core, long cycle);
    }

    /** A job that cannot run (bad shape or operand outside L1): reported as a program fault. */
    public static final class ItaError extends RuntimeException {
        public ItaError(String message) {
            super(message, null, false, false);
        }
    }

    private final ItaConfig config;
    private final MemorySystem memory;
    private final Tcdm tcdm;
    private final int requester;
    private final int[][] staging;
    private final ArrayDeque<ItaJob> queue = new ArrayDeque<>();
    private final int portBytes;
    private final int portBanks;
    private final int tile;
    private final long tileCycles;
    private final ItaJobs jobBuilder;
    private int busyMask;
    private int nextId;
    private Listener listener = (id, core, cycle) -> { };

    // progress of the head job's current step
    private ItaJob active;
    private int step;
    private int loadedTiles, computedTiles;
    private long loadLeft;
    private long computeLeft;
    private long outPending;
    private long drainLeft;
    private boolean wantsPort;
    private long jobsDone;

    // statistics
    private long jobs, tilesDone, usefulMacs, paddedMacs;
    private long busyCycles, computeCycles, inputStalls, outputStalls, portGranted, portDenied;
    private long bytesRead, bytesWritten, softmaxElements;

    public ItaEngine(ItaConfig config, MemorySystem memory, Tcdm tcdm, int cores, int requester) {
        this.config = config;
        this.memory = memory;
        this.tcdm = tcdm;
        this.requester = requester;
        this.staging = new int[cores][REGISTERS];
        this.portBytes = config.portWidthBits() / 8;
        this.portBanks = config.portWidthBits() / 32;
        this.tile = config.tileSize();
        this.tileCycles = config.tileComputeCycles();
        this.jobBuilder = new ItaJobs(config, memory);
    }

    public void listener(Listener listener) {
        this.listener = listener;
    }

    /** Writes a staging register of {@code core}. */
    public void stage(int core, int offset, int value) {
        int reg = offset >> 2;
        if (reg < REGISTERS && offset != START && offset != STATUS) {
            staging[core][reg] = value;
        }
    }

    /** The transfer id waited for by {@code core} (written to WAIT). */
    public int waitId(int core) {
        return staging[core][WAIT >> 2];
    }

    public boolean canStart() {
        return Integer.bitCount(busyMask) < config.jobContexts();
    }

    public int status() {
        return busyMask;
    }

    public boolean done(int id) {
        return id < 0 || id >= 32 || (busyMask & (1 << id)) == 0;
    }

    public boolean idle() {
        return busyMask == 0;
    }

    /** The first cycle at or after {@code cycle} in which the accelerator works, or Long.MAX_VALUE. */
    public long nextActivity(long cycle) {
        return busyMask == 0 ? Long.MAX_VALUE : cycle;
    }

    /**
     * Queues the job staged by {@code core} (a context must be free: {@link #canStart}). Operands
     * are read and the result computed now, so the job sees L1 as it is when started.
     *
     * @return the job id
     * @throws ItaError when the staged job is invalid
     */
    public int start(int core, long cycle) {
        ItaJob job = new ItaJob();
        job.core = core;
        job.regs = staging[core].clone();
        jobBuilder.prepare(job);
        paddedMacs += job.paddedMacs;
        softmaxElements += job.softmaxElements;
        while ((busyMask & (1 << nextId)) != 0) {
            nextId = (nextId + 1) % config.jobContexts();
        }
        job.id = nextId;
        nextId = (nextId + 1) % config.jobContexts();
        busyMask |= 1 << job.id;
        queue.add(job);
        jobs++;
        return job.id;
    }

    // ------------------------------------------------------------------ per cycle

    /** Requests the wide port when the current step has data to move. */
    public void request(long cycle) {
        if (active == null) {
            begin();
        }
        wantsPort = false;
        if (active == null || drainLeft > 0 || step >= active.steps.size()) {
            return;
        }
        ItaJob.Step s = active.steps.get(step);
        wantsPort = outPending > 0 || (loadedTiles < s.tiles() && loadedTiles < computedTiles + 2);
        if (wantsPort) {
            tcdm.requestWide(requester, 0, portBanks);
        }
    }

    /** Moves data through a granted port, computes, and finishes steps and jobs. */
    public void advance(long cycle) {
        tick(cycle, tcdm.wideGranted());
    }

    /**
     * Runs the accelerator through the cycles {@code [from, limit)} in which nothing else requests
     * a TCDM bank, so its wide port is granted whenever it asks; a pipeline drain or a fixed
     * phase passes in one jump. Stops after a job completes (its listener may wake a core) or when
     * no job is left.
     *
     * @return the first cycle not advanced
     */
    public long runAlone(long from, long limit) {
        long t = from;
        long done = jobsDone;
        long granted = 0;
        while (t < limit && jobsDone == done) {
            if (active == null) {
                begin();
                if (active == null) {
                    break;
                }
                continue; // begin may finish a job with no steps at once
            }
            if (drainLeft > 0) {
                long k = Math.min(drainLeft, limit - t);
                busyCycles += k;
                drainLeft -= k;
                t += k;
                if (drainLeft == 0) {
                    nextStep(t - 1);
                }
                continue;
            }
            ItaJob.Step s = active.steps.get(step);
            wantsPort = outPending > 0 || (loadedTiles < s.tiles() && loadedTiles < computedTiles + 2);
            if (wantsPort) {
                granted++;
            }
            tick(t, true);
            t++;
        }
        tcdm.wideGrantedAlone(granted);
        return t;
    }

    private void tick(long cycle, boolean portGrantedNow) {
        if (active == null) {
            return;
        }
        busyCycles++;
        if (drainLeft > 0) {
            if (--drainLeft == 0) {
                nextStep(cycle);
            }
            return;
        }
        ItaJob.Step s = active.steps.get(step);
        if (wantsPort) {
            if (portGrantedNow) {
                portGranted++;
                long budget = portBytes;
                long out = Math.min(budget, outPending);
                outPending -= out;
                bytesWritten += out;
                budget -= out;
                while (budget > 0 && loadedTiles < s.tiles() && loadedTiles < computedTiles + 2) {
                    long in = Math.min(budget, loadLeft);
                    loadLeft -= in;
                    bytesRead += in;
                    budget -= in;
                    if (loadLeft == 0) {
                        loadedTiles++;
                        loadLeft = tileLoadBytes(s, loadedTiles);
                    }
                }
            } else {
                portDenied++;
            }
        }
        if (computedTiles < loadedTiles && outPending <= (long) tile * tile) {
            computeCycles++;
            if (--computeLeft == 0) {
                if ((computedTiles + 1) % s.kSlices() == 0) {
                    outPending += s.outBytes();
                }
                computedTiles++;
                computeLeft = tileCycles;
            }
        } else if (computedTiles < s.tiles()) {
            if (computedTiles < loadedTiles) {
                outputStalls++;
            } else {
                inputStalls++;
            }
        }
        if (computedTiles == s.tiles() && outPending == 0) {
            tilesDone += s.tiles();
            drainLeft = config.pipelineLatencyCycles();
            if (drainLeft == 0) {
                nextStep(cycle);
            }
        }
    }

    private void begin() {
        active = queue.peek();
        if (active != null) {
            step = -1;
            nextStep(-1);
        }
    }

    private void nextStep(long cycle) {
        step++;
        if (step >= active.steps.size()) {
            finish(cycle);
            return;
        }
        ItaJob.Step s = active.steps.get(step);
        loadedTiles = 0;
        computedTiles = 0;
        outPending = 0;
        drainLeft = 0;
        computeLeft = tileCycles;
        if (s.tiles() == 0) { // a fixed-latency phase (the softmax inverses) runs as a drain
            drainLeft = s.fixedCycles();
            if (drainLeft == 0) {
                nextStep(cycle);
            }
            return;
        }
        loadLeft = tileLoadBytes(s, 0);
    }

    private long tileLoadBytes(ItaJob.Step s, int index) {
        return s.loadBytes() + (index % s.kSlices() == 0 ? s.biasBytes() : 0);
    }

    private void finish(long cycle) {
        ItaJob job = queue.poll();
        Region l1 = memory.l1();
        for (int[] w : job.writes) {
            System.arraycopy(job.blob, w[1], l1.bytes(), l1.offset(w[0]), w[2]);
        }
        usefulMacs += job.usefulMacs;
        busyMask &= ~(1 << job.id);
        active = null;
        jobsDone++;
        listener.completed(job.id, job.core, cycle + 1);
    }

    // ------------------------------------------------------------------ statistics

    /** Counters for reports. */
    public record Stats(long jobs, long tiles, long usefulMacs, long paddedMacs, long busyCycles, long computeCycles,
            long inputStalls, long outputStalls, long portGranted, long portDenied, long bytesRead, long bytesWritten,
            long softmaxElements, int peakMacsPerCycle) {

        /** Useful MACs over what the busy cycles could have done at peak. */
        public double utilisation() {
            return busyCycles == 0 ? 0 : (double) usefulMacs / ((double) busyCycles * peakMacsPerCycle);
        }
    }

    public Stats stats() {
        return new Stats(jobs, tilesDone, usefulMacs, paddedMacs, busyCycles, computeCycles, inputStalls, outputStalls,
                portGranted, portDenied, bytesRead, bytesWritten, softmaxElements, config.peakMacsPerCycle());
    }
}
