package io.socsim.sim.cluster;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.exec.Hart;
import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.Tcdm;
import io.socsim.sim.Faults;
import io.socsim.sim.Interrupts;
import io.socsim.sim.RunEnd;
import io.socsim.sim.func.StdioHost;
import java.util.Locale;

/**
 * The cluster's engine: time advances to the next cycle in which something can happen. A cycle
 * in which a core may issue is stepped in full ({@link #step}): the DMA and ITA request their
 * banks, every core ready to issue checks its hazards and requests the bank its access needs,
 * banks are arbitrated round-robin, the DMA and ITA move their granted words, and the granted
 * cores execute (a core that lost its bank retries next cycle). The cycles between, in which no
 * core issues, the DMA and ITA advance alone ({@link #quiet}). Deterministic: cores, DMA ports
 * and banks are visited in a fixed order.
 */
final class Engine {

    private static final long NEVER = Long.MAX_VALUE;
    /** How far past the cycle loop a core may run private instructions. */
    private static final int RUN_AHEAD_CYCLES = 64;
    /** Cycle-loop steps between two polls of the interrupt flag (a power of two). */
    private static final int POLL_STEPS = 4096;

    private final ElfFile elf;
    private final Tcdm tcdm;
    private final ClusterDma dma;
    private final ItaEngine ita;
    private final StdioHost host;
    private final CoreState[] cores;
    private final CoreTimer[] timers;
    private final CoreSleep sleep;
    private final DeadlockReport deadlock;
    private final Clock clock;
    private long maxCycles;
    private int exitCore = -1;     // the core whose exit or fault ended the run, -1 while it runs
    private RunEnd end;            // why it ended, once it has
    /** Debug counters (printed on standard error with -Dsocsim.debug.steps=true, never in a report). */
    private long engineSteps, coreSteps, quietSteps;

    /** {@code dma} and {@code ita} may be null (absent). */
    Engine(ElfFile elf, Tcdm tcdm, ClusterDma dma, ItaEngine ita, StdioHost host, CoreState[] cores, CoreTimer[] timers,
            CoreSleep sleep, DeadlockReport deadlock, Clock clock) {
        this.elf = elf;
        this.tcdm = tcdm;
        this.dma = dma;
        this.ita = ita;
        this.host = host;
        this.cores = cores;
        this.timers = timers;
        this.sleep = sleep;
        this.deadlock = deadlock;
        this.clock = clock;
    }

    /**
     * Runs until a core exits or faults, every core is asleep for good, the cycle limit is reached
     * or an interrupt is requested ({@link Interrupts}), and says which; the clock then stands
     * at the run's last cycle.
     */
    RunEnd run(long maxCycles) {
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
                        clock.now = Math.max(clock.now, c.sleepSince); // a wfi sleeps from the cycle after it
                    }
                    end = RunEnd.deadlock(deadlock.at(clock.now));
                    break;
                }
                if (next >= this.maxCycles) {
                    clock.now = this.maxCycles;
                    end = stopped(interrupted, maxCycles);
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
                        engineSteps, coreSteps, quietSteps, clock.now);
            }
        }
        return end;
    }

    private RunEnd stopped(boolean interrupted, long limit) {
        int pc = cores[0].hart.pc();
        return interrupted
                ? RunEnd.interrupted(0, pc, String.format(Locale.ROOT,
                        "interrupted at cycle %d (core 0 at pc %s); the statistics are those so far", clock.now, elf.describe(pc)))
                : RunEnd.maxCycles(0, pc, String.format(Locale.ROOT,
                        "program did not finish within %d cycles (core 0 at pc %s); raise --max-cycles if it needs longer",
                        limit, elf.describe(pc)));
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
     * lone DMA streams ({@link ClusterDma#streamAlone}), a lone ITA runs
     * ({@link ItaEngine#runAlone}), and only when both work do their requests go through the
     * arbiter cycle by cycle. A completion that wakes a core brings the limit forward to it.
     *
     * @return the first cycle not advanced
     */
    private long quiet(long from, long limit) {
        long t = from;
        sleep.woke = false;
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
            if (d && i) {
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
                clock.now = t - 1;
            }
            if (sleep.woke) {
                sleep.woke = false;
                limit = Math.min(limit, coreNext());
            }
        }
        return t;
    }

    /** One cycle in which at least one core may issue. */
    private void step(long now) {
        engineSteps++;
        clock.now = now;
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
        return sleep.mayIssueLoad(c, c.address, now);
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

    /** The hart of core {@code c} stopped on the instruction it issued at {@code now}: its exit, or a fault. */
    private void finished(CoreState c, long now, int pc) {
        Hart h = c.hart;
        if (h.state() != Hart.EXITED) {
            faulted(c, now, pc, String.format(Locale.ROOT, "core %d: %s", c.id, Faults.describe(h, elf)));
            return;
        }
        c.instructions++;
        c.energyClasses[InsnClass.E_ALU]++; // the exit call
        ended(c, now, host.end(c.id, pc, h.exitCode()));
    }

    /** Core {@code c} faulted on the instruction it issued at {@code now}: the run ends after that cycle. */
    private void faulted(CoreState c, long now, int pc, String message) {
        ended(c, now, RunEnd.fault(c.id, pc, message)); // its issue cycle counts; it does not retire
    }

    /**
     * The run ends after cycle {@code now}, where core {@code c} retired its exit or faulted: the
     * run-ahead instructions other cores issued later than the cycle loop would have let them
     * are taken back.
     */
    private void ended(CoreState c, long now, RunEnd why) {
        c.done = true;
        c.readyAt = NEVER;
        c.busy++;
        c.lastCharge = CoreState.CHARGE_NONE;
        for (CoreTimer t : timers) {
            t.takeBack(now, c.id);
        }
        clock.now = now + 1;
        exitCore = c.id;
        end = why;
    }
}
