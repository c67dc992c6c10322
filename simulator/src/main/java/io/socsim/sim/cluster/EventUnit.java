package io.socsim.sim.cluster;

import io.socsim.config.hw.RegisterMap;

/**
 * The cluster event unit: a hardware barrier over all cores, per-core event masks and pending
 * events (software, DMA completion, accelerator completion), and the clock-gated wait that a
 * load of a wait register puts a core into (register map: {@code docs/architecture.md}).
 *
 * <p>A core that must wait is put to sleep by the cluster before its load executes; when the
 * reason clears, the cluster wakes it and the load executes then, reading the register's value.
 * Entering a wait costs {@code waitEntry} cycles and waking {@code wakeup} cycles (platform.md
 * section 5): a core resumes at max(event + wakeup, sleep start + wait entry).
 */
final class EventUnit {

    static final int BARRIER = RegisterMap.EventUnit.BARRIER, EVENT_WAIT = RegisterMap.EventUnit.EVENT_WAIT,
            EVENT_MASK = RegisterMap.EventUnit.EVENT_MASK, EVENT_PENDING = RegisterMap.EventUnit.EVENT_PENDING,
            EVENT_TRIGGER = RegisterMap.EventUnit.EVENT_TRIGGER, CORE_ID = RegisterMap.EventUnit.CORE_ID,
            CORE_COUNT = RegisterMap.EventUnit.CORE_COUNT;
    static final int EV_SW = RegisterMap.Events.SW, EV_DMA = RegisterMap.Events.DMA, EV_ITA = RegisterMap.Events.ITA;

    private final int cores;
    private final int allCores;
    private final int[] mask;
    private final int[] pending;
    private int arrived;

    EventUnit(int cores) {
        this.cores = cores;
        this.allCores = cores == 32 ? -1 : (1 << cores) - 1;
        this.mask = new int[cores];
        this.pending = new int[cores];
        java.util.Arrays.fill(mask, -1);
    }

    /** True when {@code offset} is a register whose read may have to wait. */
    static boolean waits(int offset) {
        return offset == BARRIER || offset == EVENT_WAIT;
    }

    /**
     * {@code core} arrives at the barrier.
     *
     * @return every core (this one included) released when this arrival completes the barrier, else 0
     */
    int arrive(int core) {
        arrived |= 1 << core;
        if (arrived != allCores) {
            return 0;
        }
        arrived = 0;
        return allCores;
    }

    /** Whether {@code core}'s read of {@code EVENT_WAIT} can complete without waiting. */
    boolean ready(int core, int offset) {
        return offset == EVENT_WAIT && (pending[core] & mask[core]) != 0;
    }

    /** Raises {@code events} on {@code core}; true when that wakes a core waiting for events. */
    boolean raise(int core, int events) {
        pending[core] |= events;
        return (pending[core] & mask[core]) != 0;
    }

    /** A register read as the program sees it (with the read's side effects). */
    int read(int core, int offset) {
        switch (offset) {
            case BARRIER:
                return 0;
            case EVENT_WAIT: {
                int ev = pending[core] & mask[core];
                pending[core] &= ~ev;
                return ev;
            }
            case EVENT_MASK: return mask[core];
            case EVENT_PENDING: return pending[core];
            case CORE_ID: return core;
            case CORE_COUNT: return cores;
            default: return 0;
        }
    }

    /**
     * A register write. Returns the mask of cores that receive a software event (EVENT_TRIGGER),
     * else 0.
     */
    int write(int core, int offset, int value) {
        if (offset == EVENT_MASK) {
            mask[core] = value;
        } else if (offset == EVENT_TRIGGER) {
            return value & allCores;
        }
        return 0;
    }

    boolean arrivedAtBarrier(int core) {
        return (arrived & (1 << core)) != 0;
    }

    int mask(int core) {
        return mask[core];
    }

    int pending(int core) {
        return pending[core];
    }
}
