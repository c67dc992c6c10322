package io.socsim.sim.cluster;

import io.socsim.config.AddressWindow;
import io.socsim.config.CoreTiming;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.SocConfig;
import io.socsim.isa.Csr;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.Segment;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;
import io.socsim.sim.Faults;
import io.socsim.sim.Interrupts;
import io.socsim.sim.RunEnd;
import io.socsim.sim.UserError;
import io.socsim.sim.func.StdioHost;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The modelled cluster: timed cores sharing a banked L1, L2/L3 behind the cluster interconnect,
 * the cluster DMA and the event unit, advanced cycle by cycle while any core is awake and
 * skipping ahead when none is.
 *
 * <p>Each cycle: the DMA plans its L1 words, every core ready to issue checks its hazards (load
 * use, busy load/store unit, event-unit waits) and requests the bank its access needs, banks are
 * arbitrated round-robin, then the DMA moves its granted words and the granted cores execute one
 * instruction functionally and are charged its cycles by the RI5CY timing rules of the
 * configuration. A core that lost its bank retries next cycle. Deterministic: cores, DMA ports and
 * banks are visited in a fixed order.
 */
public final class Cluster {

    static final int DMA_START = 0x18, DMA_STATUS = 0x1C, DMA_WAIT = 0x20;
    private static final long NEVER = Long.MAX_VALUE;

    private final SocConfig config;
    private final ElfFile elf;
    private final CoreTiming timing;
    private final MemorySystem memory;
    private final Tcdm tcdm;
    private final ClusterDma dma;
    private final ItaEngine ita;
    private final int itaBase, itaSize;
    private final EventUnit eventUnit;
    private final StdioHost host;
    private final CoreState[] cores;
    private final CoreTimer[] timers;
    private final int euBase, euSize, dmaBase, dmaSize;
    private final int waitEntry;
    private final int wakeup;
    private final boolean[] slowCsr = new boolean[4096];
    private final int tohost;
    private long cycle;
    private long maxCycles;
    private int watchBase;
    private int watchBytes;
    private final java.util.Map<Integer, io.socsim.sim.power.EventCounts> snapshots = new java.util.TreeMap<>();
    /** How far past the cycle loop a core may run private instructions. */
    private static final int RUN_AHEAD_CYCLES = 64;
    private int exitCore = -1;     // the core whose exit or fault ended the run, -1 while it runs
    private RunEnd end;            // why it ended, once it has
    /** Cycle-loop steps between two polls of the interrupt flag (a power of two). */
    private static final int POLL_STEPS = 4096;
    /** Debug counters (printed on standard error with -Dsocsim.debug.steps=true, never in a report). */
    private long engineSteps, coreSteps, quietSteps;
    private boolean woke; // a DMA or ITA completion since quiet() last looked

    public Cluster(SocConfig config, ElfFile elf, OutputStream out, OutputStream err) {
        this.config = config;
        this.elf = elf;
        this.timing = config.cores().timing();
        this.memory = new MemorySystem(config);
        if (memory.l1() == null) {
            throw new UserError("configuration '" + config.name() + "' has no L1 TCDM (memory.l1): the cluster model needs one");
        }
        this.waitEntry = config.eventUnit().map(e -> e.waitEntryCycles()).orElse(0);
        this.wakeup = config.eventUnit().map(e -> e.wakeupCycles()).orElse(0);
        var l1 = config.memory().l1().orElseThrow();
        int n = config.cores().count();
        this.tcdm = new Tcdm((int) l1.base(), l1.size(), l1.banks(), l1.bankWidthBytes());
        this.dma = config.dma().map(d -> new ClusterDma(d, memory, tcdm, n, n)).orElse(null);
        int itaRequester = n + config.dma().map(d -> d.ports()).orElse(0);
        AddressWindow itaWindow = config.memory().peripherals().flatMap(p -> p.ita()).orElse(null);
        this.ita = config.itaEnabled() && itaWindow != null
                ? new ItaEngine(config.ita().orElseThrow(), memory, tcdm, n, itaRequester) : null;
        this.itaBase = itaWindow == null ? 0 : (int) itaWindow.base();
        this.itaSize = itaWindow == null ? 0 : (int) itaWindow.size();
        config.interconnect().ifPresent(ic -> tcdm.widePortPolicy(
                ic.hwpePriority() == io.socsim.config.InterconnectConfig.Side.ACCELERATOR, ic.hwpeMaxStallCycles()));
        this.eventUnit = new EventUnit(n);
        Integer[] win = windows(config.memory().peripherals().orElse(null));
        this.euBase = win[0];
        this.euSize = win[1];
        this.dmaBase = win[2];
        this.dmaSize = win[3];
        for (String name : timing.csrSlow()) {
            int number = Csr.number(name);
            if (number >= 0) {
                slowCsr[number] = true;
            }
        }
        this.host = new StdioHost(out, err);
        DecodeCache code = new DecodeCache();
        load(elf);
        this.tohost = elf.symbolAddress("tohost").orElse(1);
        this.cores = new CoreState[n];
        this.timers = new CoreTimer[n];
        for (int c = 0; c < n; c++) {
            Hart hart = new Hart(c, code, new CoreBus(c, this), host);
            hart.mapRam(memory.l1().base(), memory.l1().bytes());
            hart.clock(() -> cycle);
            hart.tohost(tohost);
            hart.pc(elf.entry());
            cores[c] = new CoreState(c, hart);
            timers[c] = new CoreTimer(cores[c], timing, slowCsr, tcdm, memory);
        }
        if (dma != null) {
            dma.listener(this::dmaCompleted);
        }
        if (ita != null) {
            ita.listener(this::itaCompleted);
        }
    }

    private static Integer[] windows(PeripheralsConfig p) {
        AddressWindow eu = p == null ? null : p.eventUnit().orElse(null);
        AddressWindow dw = p == null ? null : p.dma().orElse(null);
        return new Integer[] {eu == null ? 0 : (int) eu.base(), eu == null ? 0 : (int) eu.size(),
            dw == null ? 0 : (int) dw.base(), dw == null ? 0 : (int) dw.size()};
    }

    private void load(ElfFile elf) {
        for (Segment s : elf.segments()) {
            Region r = memory.find(s.vaddr(), Math.max(1, s.memSize()));
            if (r == null) {
                throw new UserError(String.format(Locale.ROOT,
                        "%s: segment 0x%08x-0x%08x is not inside one memory of '%s' (%s); link the program for this system",
                        elf.name(), s.vaddr(), s.vaddr() + s.memSize() - 1, config.name(), regionList()));
            }
            byte[] data = s.data();
            System.arraycopy(data, 0, r.bytes(), r.offset(s.vaddr()), data.length);
        }
    }

    private String regionList() {
        StringBuilder b = new StringBuilder();
        for (Region r : memory.regions()) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s 0x%08x-0x%08x", r.name(), r.base(), r.base() + r.size() - 1));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ the cycle loop

    /**
     * Runs until a core exits or faults, every core is asleep for good, the cycle limit is reached
     * or an interrupt is requested ({@link Interrupts}); {@link ClusterResult#end()} says which.
     * Every ending returns the statistics up to its cycle.
     */
    public ClusterResult run(long maxCycles) {
        this.maxCycles = maxCycles;
        long from = 0;
        int polls = 0;
        boolean interrupted = false;
        try {
            while (exitCore < 0) {
                if ((++polls & (POLL_STEPS - 1)) == 0 && !interrupted && Interrupts.requested()) {
                    // Stop a run-ahead window from now, where no core has issued yet: the cycle
                    // limit then cuts every core's account there as it does for --max-cycles.
                    interrupted = true;
                    this.maxCycles = Math.min(this.maxCycles, from + RUN_AHEAD_CYCLES);
                }
                long coreNext = coreNext();
                long next = Math.min(coreNext, acceleratorNext(from));
                if (next == NEVER) {
                    for (CoreState c : cores) {
                        cycle = Math.max(cycle, c.sleepSince); // a wfi sleeps from the cycle after it
                    }
                    end = RunEnd.deadlock(deadlockReport());
                    break;
                }
                if (next >= this.maxCycles) {
                    cycle = this.maxCycles;
                    int pc = cores[0].hart.pc();
                    end = interrupted
                            ? RunEnd.interrupted(0, pc, String.format(Locale.ROOT,
                                    "interrupted at cycle %d (core 0 at pc %s); the statistics are those so far", cycle, elf.describe(pc)))
                            : RunEnd.maxCycles(0, pc, String.format(Locale.ROOT,
                                    "program did not finish within %d cycles (core 0 at pc %s); raise --max-cycles if it needs longer",
                                    maxCycles, elf.describe(pc)));
                    break;
                }
                if (next < coreNext) {
                    from = quiet(next, Math.min(coreNext, this.maxCycles));
                    continue;
                }
                step(next);
                from = next + 1;
            }
        } finally {
            host.flush();
            if (Boolean.getBoolean("socsim.debug.steps")) {
                System.err.printf(Locale.ROOT, "engine steps %d (with a core issuing %d), accelerator-only advances %d, cycles %d%n",
                        engineSteps, coreSteps, quietSteps, cycle);
            }
        }
        return result();
    }

    /** The first cycle a core may issue, NEVER while all sleep. */
    private long coreNext() {
        long next = NEVER;
        for (CoreState c : cores) {
            if (c.readyAt < next) {
                next = c.readyAt;
            }
        }
        return next;
    }

    /** The first cycle at or after {@code from} in which the DMA or ITA has work, NEVER when neither has. */
    private long acceleratorNext(long from) {
        long next = NEVER;
        if (dma != null) {
            next = dma.nextActivity(from);
        }
        if (ita != null) {
            next = Math.min(next, ita.nextActivity(from));
        }
        return next;
    }

    /**
     * Advances the DMA and ITA alone through the cycles {@code [from, limit)} in which no core
     * issues: no core requests a bank there, so only the accelerators' own requests meet. A
     * completion that wakes a core brings the limit forward to that core's cycle.
     *
     * @return the first cycle not advanced
     */
    private long quiet(long from, long limit) {
        long t = from;
        woke = false;
        while (t < limit) {
            boolean d = dma != null && dma.nextActivity(t) == t;
            boolean i = ita != null && ita.nextActivity(t) == t;
            if (!d && !i) {
                long a = acceleratorNext(t);
                if (a >= limit) {
                    break;
                }
                t = a;
                continue;
            }
            long start = t;
            if (d && i) { // both stream: their requests meet in the arbiter
                dma.request(t);
                ita.request(t);
                tcdm.arbitrate();
                dma.advance(t);
                ita.advance(t);
                t++;
            } else if (d) {
                t = dma.streamAlone(t, limit);
            } else {
                t = ita.runAlone(t, dma == null ? limit : Math.min(limit, dma.nextActivity(t)));
            }
            quietSteps++;
            if (t > start) {
                cycle = t - 1;
            }
            if (woke) {
                woke = false;
                limit = Math.min(limit, coreNext());
            }
        }
        return t;
    }

    private void step(long now) {
        engineSteps++;
        cycle = now;
        if (dma != null) {
            dma.request(now);
        }
        if (ita != null) {
            ita.request(now);
        }
        int issuing = 0;
        for (CoreState c : cores) {
            if (c.readyAt == now && prepare(c, now)) {
                issuing |= 1 << c.id;
            }
        }
        if (issuing != 0) {
            coreSteps++;
        }
        tcdm.arbitrate();
        if (dma != null) {
            dma.advance(now);
        }
        if (ita != null) {
            ita.advance(now);
        }
        while (issuing != 0) {
            CoreState c = cores[Integer.numberOfTrailingZeros(issuing)];
            issuing &= issuing - 1;
            if (c.wantsBank && !tcdm.granted(c.id)) {
                c.tcdmStalls++;
                c.readyAt = now + 1;
                c.retryBank = true; // nothing it reads can change before it retries
                continue;
            }
            execute(c, now);
            if (exitCore >= 0) {
                return;
            }
        }
    }

    /** Hazard checks and bank request of the instruction core {@code c} would issue now; the peripheral waits. */
    private boolean prepare(CoreState c, long now) {
        int found = timers[c.id].prepare(now);
        if (found != CoreTimer.PERIPHERAL_LOAD) {
            return found == CoreTimer.ISSUE;
        }
        int address = c.address;
        int eu = address - euBase;
        if (eu >= 0 && eu < euSize && EventUnit.waits(eu & ~3)) {
            return eventWait(c, eu & ~3, now);
        }
        if (ita != null && address - itaBase >= 0 && address - itaBase < itaSize) {
            int itaReg = (address - itaBase) & ~3;
            if (itaReg == ItaEngine.START && !ita.canStart()) {
                sleep(c, CoreState.SLEEP_ITA_QUEUE, now);
                return false;
            }
            if (itaReg == ItaEngine.WAIT && !ita.done(ita.waitId(c.id))) {
                sleep(c, CoreState.SLEEP_ITA, now);
                return false;
            }
            return true;
        }
        int reg = (address - dmaBase) & ~3;
        if (dma != null && address - dmaBase >= 0 && address - dmaBase < dmaSize) {
            if (reg == DMA_START && !dma.canStart(c.id)) {
                sleep(c, CoreState.SLEEP_DMA_QUEUE, now);
                return false;
            }
            if (reg == DMA_WAIT && !dma.done(c.waitId)) {
                sleep(c, CoreState.SLEEP_DMA, now);
                return false;
            }
        }
        return true;
    }

    /**
     * A load of a wait register. An event already pending completes like any load; otherwise the
     * core goes to sleep. The barrier treats every arriving core alike, the last one included:
     * all of them sleep and resume together when it opens.
     */
    private boolean eventWait(CoreState c, int offset, long now) {
        if (offset == EventUnit.EVENT_WAIT && eventUnit.ready(c.id, offset)) {
            return true;
        }
        sleep(c, offset == EventUnit.BARRIER ? CoreState.SLEEP_BARRIER : CoreState.SLEEP_EVENT, now);
        if (offset == EventUnit.BARRIER) {
            int released = eventUnit.arrive(c.id);
            while (released != 0) {
                int k = Integer.numberOfTrailingZeros(released);
                released &= released - 1;
                complete(cores[k], now);
            }
        }
        return false;
    }

    private void sleep(CoreState c, int reason, long now) {
        c.sleep = reason;
        c.sleepSince = now;
        c.readyAt = NEVER;
    }

    /**
     * The event a sleeping core waits for happened at {@code eventCycle}: its waiting load
     * completes now (reading the register), and the core resumes once it has finished entering
     * the wait and has woken up: max(event, sleep start + wait entry) + wake-up (platform.md s5).
     */
    private void complete(CoreState c, long eventCycle) {
        if (c.sleep == CoreState.AWAKE || c.done) {
            return;
        }
        long at = Math.max(eventCycle, c.sleepSince + waitEntry) + wakeup;
        c.sleepCycles += at - c.sleepSince;
        c.lastCharge = CoreState.CHARGE_SLEEP;
        c.sleep = CoreState.AWAKE;
        c.hart.run(1);
        c.instructions++;
        c.energyClasses[InsnClass.E_LOAD]++; // the waiting load itself
        c.loads++;
        c.lastWritten = 0;
        c.readyAt = at;
    }

    /** A core that waited for a DMA queue slot retries its start at {@code eventCycle}. */
    private void retry(CoreState c, long eventCycle) {
        c.sleepCycles += eventCycle - c.sleepSince;
        c.lastCharge = CoreState.CHARGE_SLEEP;
        c.sleep = CoreState.AWAKE;
        c.readyAt = eventCycle;
    }

    /**
     * Executes the instruction of {@code c} at cycle {@code now} and charges its cycles; then runs
     * the core's following private instructions ahead of the cycle loop ({@link CoreTimer#runAhead}).
     */
    private void execute(CoreState c, long now) {
        c.batchLength = 0;
        Hart h = c.hart;
        int pcBefore = h.pc();
        int done;
        try {
            done = timers[c.id].execute(now, c.decoded);
        } catch (ClusterDma.DmaError | ItaEngine.ItaError e) {
            faulted(c, now, pcBefore, String.format(Locale.ROOT, "core %d at pc %s: %s", c.id, elf.describe(pcBefore), e.getMessage()));
            return;
        }
        if (done == CoreTimer.STOPPED) {
            finished(c, now, pcBefore);
            return;
        }
        c.firstCharge = c.lastCharge;
        if (c.sleep == CoreState.AWAKE && exitCore < 0) {
            timers[c.id].runAhead(Math.min(now + RUN_AHEAD_CYCLES, maxCycles));
        }
    }

    /**
     * The run ended at cycle {@code end} (core {@code exit} retired its exit there): takes back the
     * run-ahead instructions other cores issued later than the cycle loop would have let them.
     */
    private void takeBackRunAhead(long end, int exit) {
        for (CoreTimer t : timers) {
            t.takeBack(end, exit);
        }
    }

    private void finished(CoreState c, long now, int pc) {
        Hart h = c.hart;
        if (h.state() != Hart.EXITED) {
            faulted(c, now, pc, String.format(Locale.ROOT, "core %d: %s", c.id, Faults.describe(h, elf)));
            return;
        }
        c.done = true;
        c.readyAt = NEVER;
        c.instructions++;
        c.energyClasses[InsnClass.E_ALU]++; // the exit call
        c.busy++;
        c.lastCharge = CoreState.CHARGE_NONE;
        takeBackRunAhead(now, c.id);
        cycle = now + 1;
        exitCore = c.id;
        end = host.end(c.id, pc, h.exitCode());
    }

    /** Core {@code c} faulted on the instruction it issued at {@code now}: the run ends after that cycle. */
    private void faulted(CoreState c, long now, int pc, String message) {
        c.done = true;
        c.readyAt = NEVER;
        c.busy++; // its issue cycle; it does not retire
        c.lastCharge = CoreState.CHARGE_NONE;
        takeBackRunAhead(now, c.id);
        cycle = now + 1;
        exitCore = c.id;
        end = RunEnd.fault(c.id, pc, message);
    }

    /**
     * One line: the cycle, then each group of consecutive cores that stand at the same pc for the
     * same reason, and a hint when the program was linked for another core count.
     */
    private String deadlockReport() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "deadlock at cycle %d: every core is asleep and nothing pending can wake one:", cycle));
        int first = 0;
        for (int i = 1; i <= cores.length; i++) {
            if (i < cores.length && coreState(cores[i]).equals(coreState(cores[first]))) {
                continue;
            }
            b.append(first == 0 ? " " : "; ");
            b.append(i - 1 == first ? "core " + first : "cores " + first + "-" + (i - 1)).append(' ').append(coreState(cores[first]));
            first = i;
        }
        coreCountHint().ifPresent(h -> b.append("; ").append(h));
        return b.toString();
    }

    private String coreState(CoreState c) {
        return "at pc " + elf.describe(c.hart.pc()) + " " + waitReason(c);
    }

    /**
     * The SDK's link script gives every program an absolute symbol {@code __num_cores} (its stack
     * count, 8 unless the build says otherwise); cores beyond it park after the boot barrier, so a
     * later barrier, which waits for every configured core, never opens.
     */
    private java.util.Optional<String> coreCountHint() {
        boolean atBarrier = false;
        for (CoreState c : cores) {
            atBarrier |= c.sleep == CoreState.SLEEP_BARRIER;
        }
        java.util.Optional<Integer> built = elf.symbolAddress(NUM_CORES_SYMBOL);
        if (!atBarrier || built.isEmpty() || built.get() == cores.length) {
            return java.util.Optional.empty();
        }
        int n = built.get();
        String consequence = n < cores.length
                ? String.format(Locale.ROOT, "cores %d-%d have no stack and park, so a barrier waiting for all %d never opens",
                        n, cores.length - 1, cores.length)
                : "the program waits for cores that do not exist";
        return java.util.Optional.of(String.format(Locale.ROOT,
                "the program was built for %d cores (ELF symbol %s) but the system has %d (cores.count): %s; "
                        + "run it with --set cores.count=%d or relink it with -Wl,--defsym=%s=%d",
                n, NUM_CORES_SYMBOL, cores.length, consequence, n, NUM_CORES_SYMBOL, cores.length));
    }

    /** The core count a program was linked for (sdk/link-cluster.ld). */
    static final String NUM_CORES_SYMBOL = "__num_cores";

    private String waitReason(CoreState c) {
        switch (c.sleep) {
            case CoreState.SLEEP_BARRIER: return "waiting at the hardware barrier";
            case CoreState.SLEEP_EVENT: return String.format(Locale.ROOT, "waiting for an event (mask 0x%x, pending 0x%x)",
                    eventUnit.mask(c.id), eventUnit.pending(c.id));
            case CoreState.SLEEP_DMA: return "waiting for DMA transfer " + c.waitId;
            case CoreState.SLEEP_DMA_QUEUE: return "waiting for a free DMA queue slot";
            case CoreState.SLEEP_ITA: return "waiting for ITA job " + ita.waitId(c.id);
            case CoreState.SLEEP_ITA_QUEUE: return "waiting for a free ITA job context";
            case CoreState.SLEEP_WFI: return "asleep in wfi (no interrupt source can wake it)";
            default: return c.done ? "finished" : "running";
        }
    }

    // ------------------------------------------------------------------ peripherals

    private void dmaCompleted(int id, int core, long doneAt) {
        woke = true;
        if (eventUnit.raise(core, EventUnit.EV_DMA) && cores[core].sleep == CoreState.SLEEP_EVENT) {
            complete(cores[core], doneAt);
        }
        for (CoreState c : cores) {
            if (c.sleep == CoreState.SLEEP_DMA && c.waitId == id) {
                complete(c, doneAt);
            } else if (c.sleep == CoreState.SLEEP_DMA_QUEUE) {
                retry(c, doneAt);
            }
        }
    }

    private void itaCompleted(int id, int core, long doneAt) {
        woke = true;
        if (eventUnit.raise(core, EventUnit.EV_ITA) && cores[core].sleep == CoreState.SLEEP_EVENT) {
            complete(cores[core], doneAt);
        }
        for (CoreState c : cores) {
            if (c.sleep == CoreState.SLEEP_ITA && ita.waitId(c.id) == id) {
                complete(c, doneAt);
            } else if (c.sleep == CoreState.SLEEP_ITA_QUEUE) {
                retry(c, doneAt);
            }
        }
    }

    /** A read of the ITA register window by {@code core}. */
    int itaRead(int core, int offset) {
        switch (offset) {
            case ItaEngine.START: return ita.start(core, cycle);
            case ItaEngine.STATUS: return ita.status();
            default: return 0;
        }
    }

    /** A write of the ITA register window by {@code core}. */
    void itaWrite(int core, int offset, int value) {
        ita.stage(core, offset, value);
    }

    ItaEngine ita() {
        return ita;
    }

    int itaBase() {
        return itaBase;
    }

    int itaSize() {
        return itaSize;
    }

    /** DMA_START read by {@code core} (its queue has room: checked before the load issued). */
    int startDma(int core) {
        return dma.start(core, cycle);
    }

    void eventUnitWrite(int core, int offset, int value) {
        int targets = eventUnit.write(core, offset, value);
        while (targets != 0) {
            int k = Integer.numberOfTrailingZeros(targets);
            targets &= targets - 1;
            if (eventUnit.raise(k, EventUnit.EV_SW) && cores[k].sleep == CoreState.SLEEP_EVENT) {
                complete(cores[k], cycle);
            }
        }
    }

    void storeObserved(int core, int address, int value) {
        if (address == tohost) {
            host.tohost(cores[core].hart, value);
        }
        if (Integer.compareUnsigned(address - watchBase, watchBytes) < 0) {
            snapshots.put((address - watchBase) >>> 2, liveEvents());
        }
    }

    /**
     * Records the event counters whenever a program stores into {@code [base, base + 4 count)} (the
     * runtime's mark table), so a report can price each interval between marks.
     */
    public void watchMarks(int base, int count) {
        this.watchBase = base;
        this.watchBytes = 4 * count;
    }

    /** The counters at each watched store, by word index. */
    public java.util.Map<Integer, io.socsim.sim.power.EventCounts> markSnapshots() {
        return java.util.Collections.unmodifiableMap(snapshots);
    }

    /** The counters as they stand now (cores that run ahead are at most a few dozen cycles ahead). */
    private io.socsim.sim.power.EventCounts liveEvents() {
        long stall = 0, gated = 0;
        for (CoreState c : cores) {
            stall += c.busy - c.instructions + c.loadUseStalls + c.tcdmStalls;
            gated += c.sleepCycles + (c.sleep != CoreState.AWAKE && !c.done ? Math.max(0, cycle - c.sleepSince) : 0);
        }
        return counts(cycle, stall, gated, 0);
    }

    /** Instruction classes, memory traffic and ITA work as counted so far, with the given core cycle split. */
    private io.socsim.sim.power.EventCounts counts(long cycles, long stall, long gated, long idle) {
        long[] classes = new long[InsnClass.ENERGY_CLASSES];
        long active = 0, l1r = 0, l1w = 0, l2b = 0, l3b = 0;
        for (CoreState c : cores) {
            for (int k = 0; k < classes.length; k++) {
                classes[k] += c.energyClasses[k];
            }
            active += c.instructions;
            l1r += c.l1Reads;
            l1w += c.l1Writes;
            l2b += c.l2Bytes;
            l3b += c.l3Bytes;
        }
        long dmaBytes = 0;
        if (dma != null) {
            l1r += dma.l1Reads();
            l1w += dma.l1Writes();
            l2b += dma.l2Bytes();
            l3b += dma.l3Bytes();
            dmaBytes = dma.bytes();
        }
        long itaMacs = 0, itaSoftmax = 0, itaBusy = 0, itaIdle = 0;
        if (ita != null) {
            ItaEngine.Stats s = ita.stats();
            l1r += s.bytesRead() / 4;
            l1w += s.bytesWritten() / 4;
            itaMacs = s.paddedMacs();
            itaSoftmax = s.softmaxElements();
            itaBusy = s.busyCycles();
            itaIdle = Math.max(0, cycles - s.busyCycles());
        }
        return new io.socsim.sim.power.EventCounts(cycles, cores.length,
                classes[InsnClass.E_ALU], classes[InsnClass.E_LOAD], classes[InsnClass.E_STORE], classes[InsnClass.E_MUL],
                classes[InsnClass.E_MAC], classes[InsnClass.E_SIMD_DOT], classes[InsnClass.E_SIMD_OTHER], classes[InsnClass.E_BRANCH],
                active, stall, gated, idle, l1r, l1w, l2b, l3b, dmaBytes, itaMacs, itaSoftmax, itaBusy, itaIdle);
    }

    MemorySystem memory() {
        return memory;
    }

    EventUnit eventUnit() {
        return eventUnit;
    }

    ClusterDma dma() {
        return dma;
    }

    CoreState core(int id) {
        return cores[id];
    }

    int euBase() {
        return euBase;
    }

    int euSize() {
        return euSize;
    }

    int dmaBase() {
        return dmaBase;
    }

    int dmaSize() {
        return dmaSize;
    }

    /**
     * The power model's counts at the end of the run: as {@link #liveEvents}, with each core's
     * stall, gated and idle cycles taken from its closed account.
     */
    private io.socsim.sim.power.EventCounts events(long total, List<ClusterResult.CoreStats> stats) {
        long stall = 0, gated = 0, idle = 0;
        for (int i = 0; i < cores.length; i++) {
            ClusterResult.CoreStats st = stats.get(i);
            stall += st.busy() - cores[i].instructions + st.loadUseStalls() + st.tcdmStalls();
            gated += st.sleepCycles();
            idle += st.idle();
        }
        return counts(total, stall, gated, idle);
    }

    /** Copies {@code length} bytes of simulated memory at {@code address} (for checking results). */
    public byte[] readMemory(int address, int length) {
        Region r = memory.find(address, length);
        if (r == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "0x%08x+%d is not inside one memory", address, length));
        }
        return java.util.Arrays.copyOfRange(r.bytes(), r.offset(address), r.offset(address) + length);
    }

    // ------------------------------------------------------------------ results

    private ClusterResult result() {
        long total = cycle;
        List<ClusterResult.CoreStats> coreStats = new ArrayList<>();
        for (CoreState c : cores) {
            coreStats.add(coreStats(c, total));
        }
        long[] bankAccesses = new long[tcdm.banks()];
        long[] bankConflicts = new long[tcdm.banks()];
        for (int b = 0; b < tcdm.banks(); b++) {
            bankAccesses[b] = tcdm.accesses(b);
            bankConflicts[b] = tcdm.conflicts(b);
        }
        return new ClusterResult(end, total, coreStats, bankAccesses, bankConflicts,
                dma == null ? 0 : dma.bytes(), dma == null ? 0 : dma.transfers(), dma == null ? 0 : dma.busyCycles(),
                dma == null ? 0 : dma.conflictCycles(), ita == null ? null : ita.stats(), events(total, coreStats));
    }

    /** Indices of the accounts in coreStats' working array. */
    private static final int A_BRANCH = 0, A_MUL_DIV = 1, A_OTHER = 2, A_MEMORY = 3, A_LOAD_USE = 4, A_SLEEP = 5, A_TCDM = 6, A_ISSUE = 7;

    /**
     * Core {@code c}'s accounts at the end of a run of {@code total} cycles. Its latest charge (an
     * instruction's extra cycles, a load-use wait or a wake-up) may reach past the end: the
     * overshoot is cut from that account first, so the columns add up to {@code total} exactly.
     */
    private static ClusterResult.CoreStats coreStats(CoreState c, long total) {
        long[] a = new long[8];
        a[A_BRANCH] = c.branchStalls;
        a[A_MUL_DIV] = c.mulDivStalls;
        a[A_OTHER] = c.otherStalls;
        a[A_MEMORY] = c.memoryStalls;
        a[A_LOAD_USE] = c.loadUseStalls;
        a[A_SLEEP] = c.sleepCycles + (c.sleep != CoreState.AWAKE && !c.done ? total - c.sleepSince : 0); // asleep at the end
        a[A_TCDM] = c.tcdmStalls;
        a[A_ISSUE] = c.busy - c.branchStalls - c.mulDivStalls - c.memoryStalls - c.otherStalls;
        long over = -total;
        for (long v : a) {
            over += v;
        }
        for (int account : cutOrder(c.lastCharge)) {
            long cut = Math.min(Math.max(over, 0), a[account]);
            a[account] -= cut;
            over -= cut;
        }
        long idle = -over; // what no account covers: the core stood between instructions at the end
        return new ClusterResult.CoreStats(c.id, c.instructions, a[A_ISSUE], a[A_BRANCH], a[A_MUL_DIV], a[A_MEMORY], a[A_OTHER],
                a[A_LOAD_USE], a[A_TCDM], a[A_SLEEP], idle, c.loads, c.stores);
    }

    /** The accounts to cut an overshoot from: the latest charge's first, then the others as a fallback. */
    private static int[] cutOrder(byte charge) {
        switch (charge) {
            case CoreState.CHARGE_BRANCH: return new int[] {A_BRANCH, A_OTHER, A_MEMORY, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_MUL_DIV: return new int[] {A_MUL_DIV, A_OTHER, A_MEMORY, A_BRANCH, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_OTHER: return new int[] {A_OTHER, A_MEMORY, A_BRANCH, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_LOAD_USE: return new int[] {A_LOAD_USE, A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_SLEEP: return new int[] {A_SLEEP, A_LOAD_USE, A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_TCDM, A_ISSUE};
            default: return new int[] {A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
        }
    }
}
