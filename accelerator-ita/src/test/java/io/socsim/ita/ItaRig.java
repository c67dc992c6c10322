package io.socsim.ita;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;

/**
 * ITA on the {@code ita-cluster} memories without cores: registers written directly, the engine
 * stepped cycle by cycle, an optional stand-in core hammering one L1 bank every cycle.
 */
final class ItaRig {

    static final SocConfig SOC = Presets.load("ita-cluster");
    static final int L1 = 0x10000000;
    static final int CORE = 0;

    final MemorySystem memory = new MemorySystem(SOC);
    final Tcdm tcdm;
    final ItaEngine ita;
    long completedAt = -1;

    ItaRig() {
        var l1 = SOC.memory().l1().orElseThrow();
        tcdm = new Tcdm((int) l1.base(), l1.size(), l1.banks(), l1.bankWidthBytes());
        var ic = SOC.interconnect().orElseThrow();
        tcdm.widePortPolicy(ic.hwpePriority() == io.socsim.config.InterconnectConfig.Side.ACCELERATOR, ic.hwpeMaxStallCycles());
        ita = new ItaEngine(SOC.ita().orElseThrow(), memory, tcdm, 8, 20);
        ita.listener((id, core, cycle) -> completedAt = cycle);
    }

    void reg(int offset, int value) {
        ita.stage(CORE, offset, value);
    }

    void put(int address, byte[] bytes) {
        Region l1 = memory.l1();
        System.arraycopy(bytes, 0, l1.bytes(), l1.offset(address), bytes.length);
    }

    void putInts(int address, int[] values) {
        byte[] b = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < 4; k++) {
                b[4 * i + k] = (byte) (values[i] >>> (8 * k));
            }
        }
        put(address, b);
    }

    byte[] get(int address, int length) {
        Region l1 = memory.l1();
        return java.util.Arrays.copyOfRange(l1.bytes(), l1.offset(address), l1.offset(address) + length);
    }

    /** Starts the staged job and runs until it completes; a core hammers bank 0 when asked. */
    long run(boolean hammer) {
        ita.start(CORE, 0);
        long cycle = 0;
        while (!ita.idle()) {
            ita.request(cycle);
            if (hammer) {
                tcdm.request(CORE, 0);
            }
            tcdm.arbitrate();
            ita.advance(cycle);
            cycle++;
            if (cycle > 100_000_000) {
                throw new IllegalStateException("ITA job did not finish");
            }
        }
        return cycle;
    }

    /**
     * Starts the staged job and lets {@link ItaEngine#runAlone} advance it, as the cluster does
     * while no core requests a bank; returns the cycle after its completion.
     */
    long runAlone() {
        ita.start(CORE, 0);
        long cycle = 0;
        while (!ita.idle()) {
            cycle = ita.runAlone(cycle, cycle + 1000);
        }
        return cycle;
    }

    static int requant(int mult, int shift, int add) {
        return (mult & 0xff) | (shift & 0xff) << 8 | (add & 0xff) << 16;
    }
}
