package io.socsim.sim.cluster;

import io.socsim.isa.exec.Hart;

/** Timing state and statistics of one cluster core. Plain fields: the cycle loop is hot. */
final class CoreState {

    /** Why a core is asleep. */
    static final int AWAKE = 0, SLEEP_BARRIER = 1, SLEEP_EVENT = 2, SLEEP_DMA = 3, SLEEP_DMA_QUEUE = 4, SLEEP_WFI = 5,
            SLEEP_ITA = 6, SLEEP_ITA_QUEUE = 7;

    final int id;
    final Hart hart;

    long readyAt;          // first cycle the next instruction may issue; Long.MAX_VALUE while asleep
    int loadReg;           // destination of the last load whose data is still in flight (0: none)
    long loadReadyAt;      // cycle its data can be used
    int lastWritten;       // register written by the previous instruction (jalr hazard)
    int sleep = AWAKE;
    long sleepSince;
    int waitId;            // DMA transfer awaited
    boolean wantsBank;     // this cycle's instruction needs a TCDM bank
    long decoded;          // the instruction prepare() looked at, reused by execute()
    int address;           // its memory address, when it is a load or store
    int bank;              // its TCDM bank, when wantsBank
    boolean retryBank;     // it lost that bank: the next prepare asks for it again
    boolean done;          // the core ended (exit or halted)

    /**
     * The account the core's latest charge went to beyond its issue cycle. Only that charge can
     * reach past the end of a run, so {@link Cluster} cuts the overshoot from it and the per-core
     * columns add up to the run's cycles exactly.
     */
    static final byte CHARGE_NONE = 0, CHARGE_BRANCH = 1, CHARGE_MUL_DIV = 2, CHARGE_OTHER = 3, CHARGE_MEMORY = 4,
            CHARGE_LOAD_USE = 5, CHARGE_SLEEP = 6;
    byte lastCharge;
    byte firstCharge;      // lastCharge after the first instruction of the current run-ahead batch

    // the current run-ahead batch, so that instructions issued after the run's end can be taken back
    static final int BATCH = 128;
    final long[] batchIssue = new long[BATCH];
    final int[] batchCost = new int[BATCH];
    final int[] batchPenalty = new int[BATCH];     // the part of the cost counted as a branch/mul-div stall
    final byte[] batchPenaltyKind = new byte[BATCH];
    final byte[] batchEnergyClass = new byte[BATCH];
    final int[] batchLoadUse = new int[BATCH];
    int batchLength;

    /** The charge of a run-ahead instruction from its batchPenaltyKind (private instructions: branch or mul/div). */
    static byte chargeOf(byte penaltyKind) {
        return penaltyKind == 1 ? CHARGE_BRANCH : penaltyKind == 2 ? CHARGE_MUL_DIV : CHARGE_NONE;
    }

    // statistics (cycles unless named otherwise)
    long instructions;
    long busy;             // cycles spent issuing or executing instructions: issue + branch + mul/div + memory + other
    long loadUseStalls;
    long branchStalls;     // extra cycles of taken branches and jumps
    long mulDivStalls;
    long tcdmStalls;       // cycles lost to bank conflicts
    long memoryStalls;     // cycles a load or store held the core beyond its issue cycle (latency, misaligned)
    long otherStalls;      // slow CSRs, the extra cycles of p.elw
    long sleepCycles;      // clock-gated in the event unit
    long loads;
    long stores;
    final long[] energyClasses = new long[InsnClass.ENERGY_CLASSES]; // instructions per energy class
    long l1Reads, l1Writes, l2Bytes, l3Bytes;                         // this core's data accesses

    CoreState(int id, Hart hart) {
        this.id = id;
        this.hart = hart;
    }
}
