package io.socsim.workloads.ita;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Requant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One ITA job run by a generated cluster program (see {@link ItaJobProgram}).
 *
 * @param mode        linear layer or attention head
 * @param s           sequence length (rows of the input); attention: a multiple of 16
 * @param e           embedding (input width)
 * @param p           linear: output width; attention: projection size
 * @param activation  linear only: the activation ITA applies (PyITA's default constants);
 *                    must be {@link Activation#IDENTITY} for attention
 * @param requants    requantisation constants, one per step (linear 1; attention 6: Q, K, V, QK,
 *                    AV, OW); empty = calibrate them from the generated data so the outputs of
 *                    every step spread over int8 (see {@link ItaOperands#generate})
 * @param seed        seed of the deterministic input, weight and bias generator
 * @param cores       cores the program is written for (1 .. the cluster's count); core 0 drives
 *                    ITA, cores 1 .. cores-1 sleep or hammer L1, further cores only sleep
 * @param hammer      cores 1 .. cores-1 load words from L1 while the job runs (TCDM contention)
 * @param hammerLoads word loads per hammering core; 0 = enough to outlast the job (see
 *                    {@link #effectiveHammerLoads()})
 */
public record ItaJobSpec(Mode mode, int s, int e, int p, Activation activation, List<Requant> requants,
        long seed, int cores, boolean hammer, int hammerLoads) {

    public enum Mode {
        LINEAR(0), ATTENTION(1);

        /** The value of {@code ITA_MODE}. */
        public final int register;

        Mode(int register) {
            this.register = register;
        }
    }

    /** Requantisation steps of an attention head, in register order RQ0 .. RQ5. */
    public static final List<String> ATTENTION_STEPS = List.of("Q", "K", "V", "QK", "AV", "OW");

    /** Word loads of one pass over a hammer buffer: one per L1 bank of a 32-bank TCDM. */
    public static final int HAMMER_PASS_WORDS = 32;

    public ItaJobSpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(activation, "activation");
        requants = List.copyOf(requants);
        require(s >= 1 && e >= 1 && p >= 1, "dimensions must be positive: S=%d E=%d P=%d", s, e, p);
        require(s <= 65535 && e <= 65535 && p <= 65535, "dimensions must be at most 65535: S=%d E=%d P=%d", s, e, p);
        require(mode == Mode.LINEAR || s % 16 == 0, "attention needs S a multiple of 16 (ITAmax groups), got %d", s);
        require(mode == Mode.LINEAR || activation == Activation.IDENTITY,
                "attention has no activation, got %s", activation);
        int steps = mode == Mode.LINEAR ? 1 : 6;
        require(requants.isEmpty() || requants.size() == steps,
                "%s needs %d requant settings (or none to calibrate), got %d", mode, steps, requants.size());
        require(cores >= 1 && cores <= 16, "cores must be 1-16, got %d", cores);
        require(hammerLoads >= 0, "hammerLoads must not be negative, got %d", hammerLoads);
    }

    /** A linear layer {@code act(rq(X . W + b))}: X is S x E, W is E x P; 8 cores, calibrated requant, seed 1. */
    public static ItaJobSpec linear(int s, int e, int p, Activation activation) {
        return new ItaJobSpec(Mode.LINEAR, s, e, p, activation, List.of(), 1, 8, false, 0);
    }

    /** One attention head on an S x E input with projection P; 8 cores, calibrated requants, seed 1. */
    public static ItaJobSpec attention(int s, int e, int p) {
        return new ItaJobSpec(Mode.ATTENTION, s, e, p, Activation.IDENTITY, List.of(), 1, 8, false, 0);
    }

    public ItaJobSpec withSeed(long v) {
        return new ItaJobSpec(mode, s, e, p, activation, requants, v, cores, hammer, hammerLoads);
    }

    public ItaJobSpec withCores(int v) {
        return new ItaJobSpec(mode, s, e, p, activation, requants, seed, v, hammer, hammerLoads);
    }

    public ItaJobSpec withHammer(boolean v) {
        return new ItaJobSpec(mode, s, e, p, activation, requants, seed, cores, v, hammerLoads);
    }

    public ItaJobSpec withHammerLoads(int v) {
        return new ItaJobSpec(mode, s, e, p, activation, requants, seed, cores, hammer, v);
    }

    public ItaJobSpec withRequants(List<Requant> v) {
        return new ItaJobSpec(mode, s, e, p, activation, v, seed, cores, hammer, hammerLoads);
    }

    /**
     * Useful multiply-accumulates of the job. Linear: {@code S*E*P}. Attention: the Q, K and V
     * projections {@code 3*S*E*P}, QK^T and A.V {@code 2*S*S*P}, the output projection
     * {@code S*P*E}. Softmax, bias, requantisation and activation are not counted.
     */
    public long macs() {
        long sl = s, el = e, pl = p;
        return mode == Mode.LINEAR ? sl * el * pl : 3 * sl * el * pl + 2 * sl * sl * pl + sl * pl * el;
    }

    /**
     * Word loads per hammering core: {@link #hammerLoads} when set, else four times the ideal job
     * time at 1024 MAC/cycle plus 8192 (register programming, softmax and pipeline fill are not in
     * the ideal), rounded up to whole passes of {@link #HAMMER_PASS_WORDS}. One load issues per
     * cycle at best, so the loop lasts at least that many cycles.
     */
    public int effectiveHammerLoads() {
        long loads = hammerLoads > 0 ? hammerLoads : 4 * ((macs() + 1023) / 1024) + 8192;
        long passes = (loads + HAMMER_PASS_WORDS - 1) / HAMMER_PASS_WORDS;
        return (int) Math.min(passes * HAMMER_PASS_WORDS, 1 << 30);
    }

    private static void require(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }
}
