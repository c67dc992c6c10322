package io.socsim.workloads.ita;

import io.socsim.config.SocConfig;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.FunctionalCluster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A functional stand-in for ITA's register block (docs/architecture.md, "ITA registers"), no
 * timing: staging registers banked per core; {@code ITA_START} reads the staged operands from L1,
 * computes the job with the bit-exact math and writes the output (and, for attention, the scratch
 * intermediates) at once; {@code ITA_WAIT} returns 0 at once. It is strict where the contract is
 * precise: a register the mode needs but that was never written, an operand outside L1, a read of
 * a write-only register or a wait for an id never returned fail the run.
 */
final class StubIta implements FunctionalCluster.Device {

    /** One started job: the core that started it, its id and the registers it had staged. */
    record Job(int hart, int id, Map<Integer, Integer> registers) {
    }

    private static final int CONTEXTS = 4;

    private final FunctionalCluster cluster;
    private final long l1Base, l1Size;
    private final boolean computes;
    private final List<Map<Integer, Integer>> written = new ArrayList<>();
    private final int[] waitId;
    private final List<Job> jobs = new ArrayList<>();
    private final List<Integer> waits = new ArrayList<>();
    private int nextId;

    /** {@code computes = false} starts jobs without touching memory: a model that never writes. */
    StubIta(FunctionalCluster cluster, SocConfig soc, int harts, boolean computes) {
        this.cluster = cluster;
        this.l1Base = soc.memory().l1().orElseThrow().base();
        this.l1Size = soc.memory().l1().orElseThrow().size();
        this.computes = computes;
        this.waitId = new int[harts];
        for (int i = 0; i < harts; i++) {
            written.add(new LinkedHashMap<>());
            waitId[i] = -1;
        }
    }

    /** Attaches a computing stub at the configuration's ITA window. */
    static StubIta attach(FunctionalCluster cluster, SocConfig soc, int harts, boolean computes) {
        StubIta ita = new StubIta(cluster, soc, harts, computes);
        var w = soc.memory().peripherals().orElseThrow().ita().orElseThrow();
        cluster.attach((int) w.base(), (int) w.size(), ita);
        return ita;
    }

    List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** The ids waited for, in order. */
    List<Integer> waits() {
        return List.copyOf(waits);
    }

    @Override
    public int read(int hart, int offset, int size) {
        requireWord(offset, size);
        return switch (offset) {
            case ItaRegisters.START -> start(hart);
            case ItaRegisters.STATUS -> 0;                 // every job is already done
            case ItaRegisters.WAIT -> {
                if (jobs.stream().noneMatch(j -> j.id() == waitId[hart])) {
                    throw new IllegalStateException("ITA_WAIT for id " + waitId[hart] + " that no ITA_START returned");
                }
                waits.add(waitId[hart]);
                yield 0;
            }
            default -> throw new IllegalStateException(String.format(Locale.ROOT,
                    "read of write-only ITA register 0x%02x by core %d", offset, hart));
        };
    }

    @Override
    public void write(int hart, int offset, int size, int value) {
        requireWord(offset, size);
        if (offset == ItaRegisters.WAIT) {
            waitId[hart] = value;
        } else if (offset == ItaRegisters.START || offset == ItaRegisters.STATUS) {
            throw new IllegalStateException(String.format(Locale.ROOT, "write to read-only ITA register 0x%02x", offset));
        } else {
            written.get(hart).put(offset, value);
        }
    }

    private static void requireWord(int offset, int size) {
        if (size != 4 || (offset & 3) != 0 || offset >= ItaRegisters.SIZE) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "ITA register access of %d bytes at offset 0x%x: registers are aligned words below 0x%x",
                    size, offset, ItaRegisters.SIZE));
        }
    }

    // ------------------------------------------------------------------ the job

    private int start(int hart) {
        Map<Integer, Integer> staged = new LinkedHashMap<>(written.get(hart));
        int mode = need(hart, ItaRegisters.MODE);
        int s = need(hart, ItaRegisters.S), e = need(hart, ItaRegisters.E), p = need(hart, ItaRegisters.P);
        int id = nextId;
        nextId = (nextId + 1) % CONTEXTS;
        jobs.add(new Job(hart, id, staged));
        if (mode == 0) {
            linear(hart, s, e, p);
        } else if (mode == 1) {
            attention(hart, s, e, p);
        } else {
            throw new IllegalStateException("ITA_MODE " + mode + " is neither 0 nor 1");
        }
        return id;
    }

    private void linear(int hart, int s, int e, int p) {
        ActivationStage act = ActivationStage.withDefaults(ItaRegisters.activation(need(hart, ItaRegisters.ACT)));
        Matrix8 x = int8(need(hart, ItaRegisters.IN), s, e);
        Matrix8 w = int8(need(hart, ItaRegisters.W0), e, p);
        int b = need(hart, ItaRegisters.B0);
        Matrix32 bias = b == 0 ? null : int32(b, p);
        Requant rq = ItaRegisters.requant(need(hart, ItaRegisters.RQ0));
        int out = need(hart, ItaRegisters.OUT);
        inL1("ITA_OUT", out, (long) s * p);
        if (computes) {
            cluster.write(out, FeedForward.linear(x, w, bias, rq, act).out().data());
        }
    }

    private void attention(int hart, int s, int e, int p) {
        if (s % 16 != 0) {
            throw new IllegalStateException("attention S=" + s + " is not a multiple of 16");
        }
        Matrix8 x = int8(need(hart, ItaRegisters.IN), s, e);
        int kvAddr = need(hart, ItaRegisters.IN_KV);
        Matrix8 kv = kvAddr == 0 ? x : int8(kvAddr, s, e);
        Matrix8[] w = new Matrix8[4];
        Matrix32[] b = new Matrix32[4];
        for (int i = 0; i < 4; i++) {
            w[i] = i < 3 ? int8(need(hart, ItaRegisters.W0 + 4 * i), e, p) : int8(need(hart, ItaRegisters.W0 + 12), p, e);
            b[i] = int32(need(hart, ItaRegisters.B0 + 4 * i), i < 3 ? p : e);
        }
        Requant[] rq = new Requant[6];
        for (int i = 0; i < 6; i++) {
            rq[i] = ItaRegisters.requant(need(hart, ItaRegisters.RQ0 + 4 * i));
        }
        int out = need(hart, ItaRegisters.OUT), scratch = need(hart, ItaRegisters.SCRATCH);
        inL1("ITA_OUT", out, (long) s * e);
        long sp = (long) s * p;
        inL1("ITA_SCRATCH", scratch, 4 * sp + (long) s * s);
        if (!computes) {
            return;
        }
        HeadResult r = Attention.head(x, kv, kv, new HeadWeights(w[0], w[1], w[2], w[3], b[0], b[1], b[2], b[3]),
                new HeadRequant(rq[0], rq[1], rq[2], rq[3], rq[4], rq[5]));
        // Scratch order of the contract: Q', K', V' (S x P each), A (S x S), AV (S x P).
        cluster.write(scratch, r.qp().data());
        cluster.write((int) (scratch + sp), r.kp().data());
        cluster.write((int) (scratch + 2 * sp), r.vp().data());
        cluster.write((int) (scratch + 3 * sp), r.a().data());
        cluster.write((int) (scratch + 3 * sp + (long) s * s), r.av().data());
        cluster.write(out, r.ow().data());
    }

    private int need(int hart, int offset) {
        Integer v = written.get(hart).get(offset);
        if (v == null) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "ITA_START by core %d without register 0x%02x staged", hart, offset));
        }
        return v;
    }

    private void inL1(String what, long address, long bytes) {
        long a = address & 0xffffffffL;
        if (a < l1Base || a + bytes > l1Base + l1Size) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s 0x%08x + %d bytes is not in L1: ITA reaches memory only through L1", what, a, bytes));
        }
    }

    private Matrix8 int8(int address, int rows, int cols) {
        inL1("operand", address, (long) rows * cols);
        return new Matrix8(rows, cols, cluster.read(address, rows * cols));
    }

    private Matrix32 int32(int address, int n) {
        inL1("bias", address, 4L * n);
        int[] v = new int[n];
        ByteBuffer.wrap(cluster.read(address, 4 * n)).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return new Matrix32(1, n, v);
    }
}
