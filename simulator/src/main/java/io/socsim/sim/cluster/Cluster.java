package io.socsim.sim.cluster;

import io.socsim.config.AddressWindow;
import io.socsim.config.CoreTiming;
import io.socsim.config.InterconnectConfig;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.SocConfig;
import io.socsim.isa.Csr;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;
import io.socsim.sim.Interrupts;
import io.socsim.sim.UserError;
import io.socsim.sim.func.StdioHost;
import io.socsim.sim.power.EventCounts;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The modelled cluster: timed cores sharing a banked L1, L2/L3 behind the cluster interconnect,
 * the cluster DMA, ITA and the event unit. This class assembles the components and answers for
 * the run; the components are {@link Engine} (time advance), {@link CoreTimer} (one core's
 * timing), {@link Tcdm} (bank arbitration), {@link PeripheralBus} with {@link ClusterDevices},
 * {@link EventUnit} and {@link CoreSleep} (waits and wake-ups), {@link ClusterDma},
 * {@link ItaEngine}, {@link ClusterStats} (counters and result), {@link ElfLoader} and
 * {@link DeadlockReport}. Dependencies run one way, from here down.
 */
public final class Cluster {

    private final MemorySystem memory;
    private final CoreState[] cores;
    private final StdioHost host;
    private final ClusterStats stats;
    private final Engine engine;
    private final Clock clock = new Clock();
    private final int tohost;

    public Cluster(SocConfig config, ElfFile elf, OutputStream out, OutputStream err) {
        this.memory = new MemorySystem(config);
        if (memory.l1() == null) {
            throw new UserError("configuration '" + config.name() + "' has no L1 TCDM (memory.l1): the cluster model needs one");
        }
        var l1 = config.memory().l1().orElseThrow();
        int n = config.cores().count();
        Tcdm tcdm = new Tcdm((int) l1.base(), l1.size(), l1.banks(), l1.bankWidthBytes());
        config.interconnect().ifPresent(ic -> tcdm.widePortPolicy(
                ic.hwpePriority() == InterconnectConfig.Side.ACCELERATOR, ic.hwpeMaxStallCycles()));
        ClusterDma dma = config.dma().map(d -> new ClusterDma(d, memory, tcdm, n, n)).orElse(null);
        PeripheralsConfig p = config.memory().peripherals().orElse(null);
        AddressWindow euWindow = p == null ? null : p.eventUnit().orElse(null);
        AddressWindow dmaWindow = p == null ? null : p.dma().orElse(null);
        AddressWindow itaWindow = p == null ? null : p.ita().orElse(null);
        int itaRequester = n + config.dma().map(d -> d.ports()).orElse(0);
        ItaEngine ita = config.itaEnabled() && itaWindow != null
                ? new ItaEngine(config.ita().orElseThrow(), memory, tcdm, n, itaRequester) : null;
        int[] windows = {base(euWindow), size(euWindow), base(dmaWindow), size(dmaWindow), base(itaWindow), size(itaWindow)};

        EventUnit eventUnit = new EventUnit(n);
        this.cores = new CoreState[n];
        CoreSleep sleep = new CoreSleep(cores, eventUnit, dma, ita, config.eventUnit().map(e -> e.waitEntryCycles()).orElse(0),
                config.eventUnit().map(e -> e.wakeupCycles()).orElse(0), windows);
        this.stats = new ClusterStats(cores, tcdm, dma, ita, clock);
                this.host = new StdioHost(out, err);
        ElfLoader.load(elf, memory, config.name());
        this.tohost = elf.symbolAddress("tohost").orElse(1);
        PeripheralBus bus = new PeripheralBus(memory, this::stored);
        bus.map(windows[0], windows[1], ClusterDevices.eventUnit(eventUnit, sleep, clock));
        if (ita != null) {
            bus.map(windows[4], windows[5], ClusterDevices.ita(ita, clock));
        }
        if (dma != null) {
            bus.map(windows[2], windows[3], ClusterDevices.dma(dma, cores, clock));
        }

        CoreTiming timing = config.cores().timing();
        boolean[] slowCsr = new boolean[4096];
        for (String name : timing.csrSlow()) {
            int number = Csr.number(name);
            if (number >= 0) {
                slowCsr[number] = true;
            }
        }
        DecodeCache code = new DecodeCache();
        CoreTimer[] timers = new CoreTimer[n];
        for (int c = 0; c < n; c++) {
            Hart hart = new Hart(c, code, bus.port(c), host);
            hart.mapRam(memory.l1().base(), memory.l1().bytes());
            hart.clock(() -> clock.now);
            hart.tohost(tohost);
            hart.pc(elf.entry());
            cores[c] = new CoreState(c, hart);
            timers[c] = new CoreTimer(cores[c], timing, slowCsr, tcdm, memory);
        }
        if (dma != null) {
            dma.listener(sleep::dmaCompleted);
        }
        if (ita != null) {
            ita.listener(sleep::itaCompleted);
        }
        this.engine = new Engine(elf, tcdm, dma, ita, host, cores, timers, sleep, new DeadlockReport(cores, elf, eventUnit, ita), clock);
    }

    private static int base(AddressWindow w) {
        return w == null ? 0 : (int) w.base();
    }

    private static int size(AddressWindow w) {
        return w == null ? 0 : (int) w.size();
    }

    private void stored(int core, int address, int value) {
        if (address == tohost) {
            host.tohost(cores[core].hart, value);
        }
        stats.stored(address);
    }

    /**
     * Runs until a core exits or faults, every core is asleep for good, the cycle limit is reached
     * or an interrupt is requested ({@link io.socsim.sim.Interrupts}); {@link ClusterResult#end()}
     * says which. Every ending returns the statistics up to its cycle.
     */
    public ClusterResult run(long maxCycles) {
        return stats.result(engine.run(maxCycles));
    }

    // ------------------------------------------------------------------ results

    /**
     * Records the event counters whenever a program stores into {@code [base, base + 4 count)} (the
     * runtime's mark table), so a report can price each interval between marks.
     */
    public void watchMarks(int base, int count) {
        stats.watchMarks(base, count);
    }

    /** The counters at each watched store, by word index. */
    public Map<Integer, EventCounts> markSnapshots() {
        return stats.markSnapshots();
    }

    /** Copies {@code length} bytes of simulated memory at {@code address} (for checking results). */
    public byte[] readMemory(int address, int length) {
        Region r = memory.find(address, length);
        if (r == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "0x%08x+%d is not inside one memory", address, length));
        }
        return Arrays.copyOfRange(r.bytes(), r.offset(address), r.offset(address) + length);
    }
}
