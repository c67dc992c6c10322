package io.socsim.sim.cluster;

import io.socsim.config.CoreTiming;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.Sem;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;

/**
 * The timing of one core (RI5CY rules of the configuration): looks at the instruction it would
 * issue (hazards, the bank its access needs), lets the hart execute it, charges its cycles to the
 * core's accounts, and runs the core's private instructions ahead of the cycle loop. It knows
 * nothing of the peripherals: a load of a peripheral register that may have to wait is handed
 * back to the cluster ({@link #PERIPHERAL_LOAD}).
 */
final class CoreTimer {

    /** What {@link #prepare} found. */
    static final int ISSUE = 0, STALL = 1, PERIPHERAL_LOAD = 2;
    /** What {@link #execute} did. */
    static final int EXECUTED = 0, STOPPED = 1;

    private final CoreState c;
    private final Hart h;
    private final CoreTiming timing;
    private final boolean[] slowCsr;
    private final Tcdm tcdm;
    private final MemorySystem memory;
    private final Region l2, l3;
    private final int l1Latency;
    // timing constants of the private instructions, read once
    private final int taken, notTaken, jal, jalr, jalrAfterWrite, mulh;

    CoreTimer(CoreState c, CoreTiming timing, boolean[] slowCsr, Tcdm tcdm, MemorySystem memory) {
        this.c = c;
        this.h = c.hart;
        this.timing = timing;
        this.slowCsr = slowCsr;
        this.tcdm = tcdm;
        this.memory = memory;
        this.l2 = memory.l2();
        this.l3 = memory.l3();
        this.l1Latency = memory.l1().latencyCycles();
        this.taken = timing.takenBranchCycles();
        this.notTaken = timing.notTakenBranchCycles();
        this.jal = timing.jalCycles();
        this.jalr = timing.jalrCycles();
        this.jalrAfterWrite = timing.jalrAfterWritePenaltyCycles();
        this.mulh = timing.mulhCycles();
    }

    /**
     * Hazard checks of the instruction the core would issue at {@code now}, and the TCDM bank
     * request of its access. Leaves the instruction in {@code c.decoded} and a memory address in
     * {@code c.address}.
     */
    int prepare(long now) {
        if (c.retryBank) { // lost its bank last cycle: the same access asks again
            c.retryBank = false;
            tcdm.request(c.id, c.bank);
            return ISSUE;
        }
        long d = h.peek();
        c.decoded = d;
        c.wantsBank = false;
        int sem = DecodeCache.sem(d);
        if (sem <= Sem.ILLEGAL) {
            return ISSUE; // executing it raises the exception
        }
        if (c.loadReg != 0 && now < c.loadReadyAt && reads(d, sem, c.loadReg)) {
            c.loadUseStalls += c.loadReadyAt - now;
            c.readyAt = c.loadReadyAt;
            c.lastCharge = CoreState.CHARGE_LOAD_USE;
            return STALL;
        }
        int kind = InsnClass.KIND[sem];
        if (kind != InsnClass.LOAD && kind != InsnClass.STORE) {
            return ISSUE;
        }
        int address = address(d, sem);
        c.address = address;
        if (tcdm.contains(address)) {
            c.bank = tcdm.bankOf(address);
            tcdm.request(c.id, c.bank);
            c.wantsBank = true;
            return ISSUE;
        }
        return kind == InsnClass.LOAD ? PERIPHERAL_LOAD : ISSUE;
    }

    static boolean reads(long d, int sem, int reg) {
        int r = InsnClass.READS[sem];
        return ((r & InsnClass.READS_RS1) != 0 && DecodeCache.rs1(d) == reg)
                || ((r & InsnClass.READS_RS2) != 0 && DecodeCache.rs2(d) == reg)
                || ((r & InsnClass.READS_RD) != 0 && DecodeCache.rd(d) == reg);
    }

    private int address(long d, int sem) {
        int base = h.reg(DecodeCache.rs1(d));
        switch (InsnClass.ADDR[sem]) {
            case InsnClass.ADDR_RS2: return base + h.reg(DecodeCache.rs2(d));
            case InsnClass.ADDR_BASE: return base;
            case InsnClass.ADDR_RD: return base + h.reg(DecodeCache.rd(d));
            default: return base + DecodeCache.imm(d);
        }
    }

    /**
     * Executes the instruction {@code d} at cycle {@code now} and charges its cycles. Peripheral
     * errors (DMA, ITA) propagate; the cluster turns them into a fault.
     *
     * @return {@link #STOPPED} when the hart stopped (exit or halt) and nothing was charged
     */
    int execute(long now, long d) {
        int sem = DecodeCache.sem(d);
        int kind = sem <= Sem.ILLEGAL ? InsnClass.ALU : InsnClass.KIND[sem];
        int divisor = kind == InsnClass.DIV ? h.reg(DecodeCache.rs2(d)) : 0;
        boolean isTaken = kind == InsnClass.BRANCH && taken(d, sem);
        int address = kind == InsnClass.LOAD || kind == InsnClass.STORE ? c.address : 0;
        h.run(1);
        if (!h.running()) {
            return STOPPED;
        }
        c.instructions++;
        c.energyClasses[sem <= Sem.ILLEGAL ? InsnClass.E_ALU : InsnClass.ENERGY[sem]]++;
        int cost;
        switch (kind) {
            case InsnClass.BRANCH:
                cost = isTaken ? taken : notTaken;
                c.branchStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_BRANCH;
                break;
            case InsnClass.JAL:
                cost = jal;
                c.branchStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_BRANCH;
                break;
            case InsnClass.JALR: {
                int rs1 = DecodeCache.rs1(d);
                cost = jalr + (rs1 != 0 && rs1 == c.lastWritten ? jalrAfterWrite : 0);
                c.branchStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_BRANCH;
                break;
            }
            case InsnClass.MULH:
                cost = mulh;
                c.mulDivStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_MUL_DIV;
                break;
            case InsnClass.DIV:
                cost = divide(sem, divisor);
                c.mulDivStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_MUL_DIV;
                break;
            case InsnClass.CSR:
                cost = slowCsr[DecodeCache.imm(d) & 0xfff] ? timing.csrSlowCycles() : timing.csrFastCycles();
                c.otherStalls += cost - 1;
                c.lastCharge = CoreState.CHARGE_OTHER;
                break;
            case InsnClass.LOAD: case InsnClass.STORE:
                cost = memoryAccess(d, sem, kind, address, now);
                break;
            case InsnClass.WFI:
                c.busy += 1;
                c.lastWritten = 0;
                c.sleep = CoreState.SLEEP_WFI;
                c.sleepSince = now + 1;
                c.readyAt = Long.MAX_VALUE;
                return EXECUTED;
            default:
                cost = 1;
        }
        c.busy += cost;
        c.readyAt = now + cost;
        c.lastWritten = InsnClass.WRITES_RD[sem] ? DecodeCache.rd(d) : 0;
        return EXECUTED;
    }

    private int divide(int sem, int divisor) {
        boolean signed = sem == Sem.DIV || sem == Sem.REM;
        return timing.divideCycles(signed && divisor < 0 ? -divisor : divisor);
    }

    /** Evaluates a branch condition before it executes (a taken branch may target the next instruction). */
    private boolean taken(long d, int sem) {
        int a = h.reg(DecodeCache.rs1(d));
        int b = h.reg(DecodeCache.rs2(d));
        switch (sem) {
            case Sem.BEQ: return a == b;
            case Sem.BNE: return a != b;
            case Sem.BLT: return a < b;
            case Sem.BGE: return a >= b;
            case Sem.BLTU: return Integer.compareUnsigned(a, b) < 0;
            case Sem.BGEU: return Integer.compareUnsigned(a, b) >= 0;
            case Sem.P_BEQIMM: return a == DecodeCache.imm2Signed(d);
            case Sem.P_BNEIMM: return a != DecodeCache.imm2Signed(d);
            default: return false;
        }
    }

    /** Cycles of a load or store, and the load/store unit and load-use bookkeeping. */
    private int memoryAccess(long d, int sem, int kind, int address, long now) {
        int size = InsnClass.SIZE[sem];
        int latency;
        if (tcdm.contains(address)) {
            latency = l1Latency;
            if (kind == InsnClass.LOAD) {
                c.l1Reads++;
            } else {
                c.l1Writes++;
            }
        } else {
            Region r = memory.find(address, size);
            latency = r == null ? 1 : r.latencyCycles(); // peripherals answer in one cycle
            if (r == l2) {
                c.l2Bytes += size;
            } else if (r != null && r == l3) {
                c.l3Bytes += size;
            }
        }
        // The core waits for its access to complete (RI5CY: data_rvalid stalls the pipeline); a
        // misaligned access makes two bus accesses (ri5cy-calibration.md: 2 at L=1, 2L at L=5).
        boolean misaligned = (address & (size - 1)) != 0;
        int cost = latency + (misaligned ? latency * timing.misalignedExtraCycles() : 0);
        c.memoryStalls += cost - 1;
        c.lastCharge = CoreState.CHARGE_MEMORY;
        if (kind == InsnClass.LOAD) {
            c.loads++;
            if (sem == Sem.P_ELW) {
                cost += timing.elwExtraCycles(); // p.elw: L + 2
                c.otherStalls += timing.elwExtraCycles();
                c.lastCharge = CoreState.CHARGE_OTHER; // its extra cycles come after its access: cut them first
            } else {
                c.loadReg = DecodeCache.rd(d);
                c.loadReadyAt = now + cost + timing.loadUsePenaltyCycles();
            }
        } else {
            c.stores++;
        }
        return cost;
    }

    /**
     * Runs the core's private instructions (ALU, SIMD, multiply, branches: nothing another core
     * or the host can observe) at their own issue cycles, from {@code c.readyAt} up to the next
     * instruction that needs the cycle loop, the first that would issue at or after {@code limit},
     * or a full batch. Each is charged by {@link #execute}, the same rules as any instruction, and
     * recorded in the batch so that {@link #takeBack} can undo it.
     */
    void runAhead(long limit) {
        while (c.batchLength < CoreState.BATCH) {
            long t = c.readyAt;
            long d = h.peek();
            int sem = DecodeCache.sem(d);
            if (!InsnClass.PRIVATE[sem] || t >= limit) {
                break;
            }
            int loadUse = 0;
            if (c.loadReg != 0 && t < c.loadReadyAt && reads(d, sem, c.loadReg)) {
                loadUse = (int) (c.loadReadyAt - t);
                t = c.loadReadyAt;
                if (t >= limit) {
                    break;
                }
                c.loadUseStalls += loadUse;
                c.readyAt = t;
                c.lastCharge = CoreState.CHARGE_LOAD_USE;
            }
            int i = c.batchLength++;
            c.batchIssue[i] = t;
            c.batchLoadUse[i] = loadUse;
            long busyBefore = c.busy, branchBefore = c.branchStalls, mulDivBefore = c.mulDivStalls;
            if (execute(t, d) == STOPPED) {
                throw new IllegalStateException("a private instruction stopped core " + c.id); // none can: no memory, system or CSR
            }
            c.batchCost[i] = (int) (c.busy - busyBefore);
            long branch = c.branchStalls - branchBefore;
            c.batchPenaltyKind[i] = (byte) (branch > 0 ? 1 : c.mulDivStalls > mulDivBefore ? 2 : 0);
            c.batchPenalty[i] = (int) (branch > 0 ? branch : c.mulDivStalls - mulDivBefore);
            c.batchEnergyClass[i] = InsnClass.ENERGY[sem];
        }
    }

    /**
     * The run ended at cycle {@code end} (core {@code exit} retired its exit there): takes back
     * the run-ahead instructions this core issued later than the cycle loop would have let it.
     */
    void takeBack(long end, int exit) {
        for (int i = c.batchLength - 1; i >= 0; i--) {
            long issue = c.batchIssue[i];
            if (issue < end || (issue == end && c.id < exit)) {
                break;
            }
            c.batchLength = i;
            c.lastCharge = i == 0 ? c.firstCharge : CoreState.chargeOf(c.batchPenaltyKind[i - 1]);
            c.instructions--;
            c.energyClasses[c.batchEnergyClass[i]]--;
            c.busy -= c.batchCost[i];
            c.loadUseStalls -= c.batchLoadUse[i];
            if (c.batchPenaltyKind[i] == 1) {
                c.branchStalls -= c.batchPenalty[i];
            } else if (c.batchPenaltyKind[i] == 2) {
                c.mulDivStalls -= c.batchPenalty[i];
            }
        }
    }
}
