package io.socsim.sim.cluster;

import io.socsim.isa.elf.ElfFile;
import io.socsim.ita.ItaEngine;
import java.util.Locale;
import java.util.Optional;

/** The message of a run in which every core sleeps and nothing pending can wake one. */
final class DeadlockReport {

    /** The core count a program was linked for (sdk/link-cluster.ld). */
    static final String NUM_CORES_SYMBOL = "__num_cores";

    private final CoreState[] cores;
    private final ElfFile elf;
    private final EventUnit eventUnit;
    private final ItaEngine ita;

    DeadlockReport(CoreState[] cores, ElfFile elf, EventUnit eventUnit, ItaEngine ita) {
        this.cores = cores;
        this.elf = elf;
        this.eventUnit = eventUnit;
        this.ita = ita;
    }

    /**
     * One line: the cycle, then each group of consecutive cores that stand at the same pc for the
     * same reason, and a hint when the program was linked for another core count.
     */
    String at(long cycle) {
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
    private Optional<String> coreCountHint() {
        boolean atBarrier = false;
        for (CoreState c : cores) {
            atBarrier |= c.sleep == CoreState.SLEEP_BARRIER;
        }
        Optional<Integer> built = elf.symbolAddress(NUM_CORES_SYMBOL);
        if (!atBarrier || built.isEmpty() || built.get() == cores.length) {
            return Optional.empty();
        }
        int n = built.get();
        String consequence = n < cores.length
                ? String.format(Locale.ROOT, "cores %d-%d have no stack and park, so a barrier waiting for all %d never opens",
                        n, cores.length - 1, cores.length)
                : "the program waits for cores that do not exist";
        return Optional.of(String.format(Locale.ROOT,
                "the program was built for %d cores (ELF symbol %s) but the system has %d (cores.count): %s; "
                        + "run it with --set cores.count=%d or relink it with -Wl,--defsym=%s=%d",
                n, NUM_CORES_SYMBOL, cores.length, consequence, n, NUM_CORES_SYMBOL, cores.length));
    }

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
}
