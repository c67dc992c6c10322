package io.socsim.sim.cluster;

import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;

/**
 * The clock-gated waits of the cores: a load of a register that cannot answer yet (barrier, event
 * wait, a full DMA or ITA queue, a transfer or job not done) puts its core to sleep before it
 * executes; the event it waits for wakes it and the load executes then. A core resumes at
 * max(event, sleep start + wait entry) + wake-up (platform.md section 5).
 */
final class CoreSleep {

    static final long NEVER = Long.MAX_VALUE;

    private final CoreState[] cores;
    private final EventUnit eventUnit;
    private final ClusterDma dma;
    private final ItaEngine ita;
    private final int waitEntry, wakeup;
    private final int euBase, euSize, dmaBase, dmaSize, itaBase, itaSize;
    boolean woke; // a completion woke or retried a core since the engine last looked

    /** Windows (base, size) of the event unit, DMA and ITA registers; a null DMA or ITA is absent. */
    CoreSleep(CoreState[] cores, EventUnit eventUnit, ClusterDma dma, ItaEngine ita, int waitEntry, int wakeup, int[] windows) {
        this.cores = cores;
        this.eventUnit = eventUnit;
        this.dma = dma;
        this.ita = ita;
        this.waitEntry = waitEntry;
        this.wakeup = wakeup;
        this.euBase = windows[0];
        this.euSize = windows[1];
        this.dmaBase = windows[2];
        this.dmaSize = windows[3];
        this.itaBase = windows[4];
        this.itaSize = windows[5];
    }

    /**
     * A load by core {@code c} at {@code now} of {@code address} outside L1: whether it can issue
     * now; if not, the core is asleep.
     */
    boolean mayIssueLoad(CoreState c, int address, long now) {
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
            if (reg == ClusterDevices.DMA_START && !dma.canStart(c.id)) {
                sleep(c, CoreState.SLEEP_DMA_QUEUE, now);
                return false;
            }
            if (reg == ClusterDevices.DMA_WAIT && !dma.done(c.waitId)) {
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

    static void sleep(CoreState c, int reason, long now) {
        c.sleep = reason;
        c.sleepSince = now;
        c.readyAt = NEVER;
    }

    /**
     * The event a sleeping core waits for happened at {@code eventCycle}: its waiting load
     * completes now (reading the register), and the core resumes once it has finished entering
     * the wait and has woken up.
     */
    void complete(CoreState c, long eventCycle) {
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

    /** A core that waited for a DMA or ITA queue slot retries its start at {@code eventCycle}. */
    private static void retry(CoreState c, long eventCycle) {
        c.sleepCycles += eventCycle - c.sleepSince;
        c.lastCharge = CoreState.CHARGE_SLEEP;
        c.sleep = CoreState.AWAKE;
        c.readyAt = eventCycle;
    }

    /** DMA transfer {@code id}, started by {@code core}, completed at {@code doneAt}. */
    void dmaCompleted(int id, int core, long doneAt) {
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

    /** ITA job {@code id}, started by {@code core}, completed at {@code doneAt}. */
    void itaCompleted(int id, int core, long doneAt) {
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

    /** Software events for the cores in {@code targets} at {@code cycle} (a write of EVENT_TRIGGER). */
    void softwareEvents(int targets, long cycle) {
        while (targets != 0) {
            int k = Integer.numberOfTrailingZeros(targets);
            targets &= targets - 1;
            if (eventUnit.raise(k, EventUnit.EV_SW) && cores[k].sleep == CoreState.SLEEP_EVENT) {
                complete(cores[k], cycle);
            }
        }
    }
}
