package io.socsim.workloads.kernels;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A3;
import static io.socsim.isa.Reg.A4;
import static io.socsim.isa.Reg.A5;
import static io.socsim.isa.Reg.A6;
import static io.socsim.isa.Reg.A7;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.T2;
import static io.socsim.isa.Reg.T3;
import static io.socsim.isa.Reg.T4;
import static io.socsim.isa.Reg.T5;
import static io.socsim.isa.Reg.T6;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ita.ItaRegisters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequantizerTest {

    private static final Requantizer.Wide WIDE = new Requantizer.Wide(T3, T4, T5, T6);
    private static final Requantizer.Bounded BOUNDED = new Requantizer.Bounded(T3, T4, T5);

    /**
     * Probe routine: out[i] = rq(acc[i]; word[i]) for i = a1, a1 + a2, ...; the setup runs per
     * element so that every element may have its own constants. Args: n, acc, word, out.
     */
    private static Label probe(ProgramBuilder b, int boundedBits) {
        Label entry = b.newLabel(), loop = b.newLabel(), done = b.newLabel(), small = b.newLabel(), store = b.newLabel();
        b.bind(entry);
        b.lw(T0, 0, A0);
        b.lw(A3, 4, A0);
        b.lw(A4, 8, A0);
        b.lw(A5, 12, A0);
        b.bind(loop);
        b.bge(A1, T0, done);
        b.slli(T1, A1, 2);
        b.add(T2, A3, T1);
        b.lw(A6, 0, T2);
        b.add(T2, A4, T1);
        b.lw(A7, 0, T2);
        if (boundedBits < 0) {
            Requantizer.emitSetupFolded(b, A7, BOUNDED, A7);
            Requantizer.emitBounded(b, T1, A6, BOUNDED);
        } else if (boundedBits > 0) {
            Requantizer.emitSetupBounded(b, A7, boundedBits, BOUNDED, A7);
            Requantizer.emitBounded(b, T1, A6, BOUNDED);
        } else {
            Requantizer.emitSetupWide(b, A7, WIDE, A7, T2, small);
            Requantizer.emitLargeShift(b, T1, A6, WIDE, A6, T2);
            b.j(store);
            b.bind(small);
            Requantizer.emitSmallShift(b, T1, A6, WIDE);
        }
        b.bind(store);
        b.add(T2, A5, A1);
        b.sb(T1, 0, T2);
        b.add(A1, A1, A2);
        b.j(loop);
        b.bind(done);
        b.ret();
        return entry;
    }

    private record Case(int acc, Requant rq) {
    }

    /** The largest |acc| for which the folded form is allowed (-1 when none is). */
    private static long foldedLimit(Requant rq) {
        if (!Requantizer.foldedFits(rq, 0)) {
            return -1;
        }
        long lo = 0, hi = Integer.MAX_VALUE;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (Requantizer.foldedFits(rq, mid)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Runs the cases in chunks that fit L1 (9 bytes each plus guards). */
    private static void check(List<Case> all, int boundedBits, int cores) {
        for (int from = 0; from < all.size(); from += 5000) {
            checkChunk(all.subList(from, Math.min(all.size(), from + 5000)), boundedBits, cores);
        }
    }

    private static void checkChunk(List<Case> cases, int boundedBits, int cores) {
        KernelHarness.Image image = new KernelHarness.Image(cases.size());
        int[] accs = cases.stream().mapToInt(Case::acc).toArray();
        int[] words = cases.stream().mapToInt(c -> ItaRegisters.requantWord(c.rq())).toArray();
        int accAt = image.put(accs), wordAt = image.put(words), out = image.output(cases.size());
        int args = image.put(new int[] {cases.size(), accAt, wordAt, out});
        byte[] got = KernelHarness.run(b -> probe(b, boundedBits), image, args, cores).read(out, cases.size());
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(got[i]).as("acc %d mult %d shift %d add %d", c.acc(), c.rq().mult(), c.rq().shift(), c.rq().add())
                    .isEqualTo((byte) c.rq().apply(c.acc()));
        }
    }

    private static final int[] MULTS = {0, 1, 2, 3, 77, 128, 254, 255};
    private static final int[] ADDS = {-128, -1, 0, 1, 127};

    @Test
    void everyShiftMatchesRequantizeOnEdgesTiesAndRandomAccumulators() {
        SplittableRandom r = new SplittableRandom(7);
        List<Case> cases = new ArrayList<>();
        for (int shift = 0; shift < 256; shift++) {
            List<Integer> accs = new ArrayList<>(List.of(0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE,
                    Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1, 1 << 25, -(1 << 25), 127, -128));
            for (int i = 0; i < 12; i++) {
                accs.add(r.nextInt());
                accs.add(r.nextInt(-70000, 70000));
            }
            if (shift >= 1 && shift <= 31) {
                long half = 1L << (shift - 1);
                for (long k : new long[] {-3, -1, 0, 1, 2}) {
                    for (long d : new long[] {-1, 0, 1}) {
                        long v = k * (1L << shift) + half + d;
                        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                            accs.add((int) v);
                        }
                    }
                }
                if (shift >= 23) {                       // the 2^(s-23) term moves the tie
                    long edge = half - (1L << (shift - 23));
                    accs.add((int) edge);
                    accs.add((int) (edge - 1));
                    accs.add((int) -edge);
                }
            }
            for (int acc : accs) {
                int mult = MULTS[r.nextInt(MULTS.length)];
                int add = r.nextInt(4) == 0 ? r.nextInt(-128, 128) : ADDS[r.nextInt(ADDS.length)];
                cases.add(new Case(acc, new Requant(mult, shift, add)));
                cases.add(new Case(acc, new Requant(r.nextInt(256), shift, add)));
            }
            // ties through a larger mult: acc * 3 lands on k * 2^s + 2^(s-1)
            if (shift >= 2 && shift <= 32) {
                for (int k = -4; k <= 4; k++) {
                    long target = k * (1L << shift) + (1L << (shift - 1));
                    if (target % 3 == 0 && Math.abs(target / 3) <= Integer.MAX_VALUE) {
                        cases.add(new Case((int) (target / 3), new Requant(3, shift, 0)));
                    }
                }
            }
        }
        check(cases, 0, 3);
    }

    /**
     * Folded form (bounded constants, shift not clamped): every shift 0..255 with every mult
     * 0..255 and every add -128..127. Shifts above 22 are never allowed; below, the bound is the
     * largest |acc| foldedFits accepts (checked to be monotone and tight against int32 overflow),
     * and accumulators at +-bound, one inside, ties and random values inside run on the ISS.
     */
    @Test
    void foldedFormMatchesRequantizeUpToTheBoundFoldedFitsAccepts() {
        SplittableRandom r = new SplittableRandom(23);
        List<Case> cases = new ArrayList<>();
        for (int shift = 0; shift < 256; shift++) {
            for (int mult = 0; mult < 256; mult++) {
                for (int add = -128; add < 128; add++) {
                    Requant rq = new Requant(mult, shift, add);
                    long limit = foldedLimit(rq);
                    if (shift > 22) {
                        assertThat(limit).as("%s", rq).isEqualTo(-1);
                        continue;
                    }
                    // the bound is tight: one more overflows int32 on one side
                    long half = (1L << shift) >> 1;
                    if (limit >= 0 && limit < Integer.MAX_VALUE) {
                        long p = (limit + 1) * mult;
                        assertThat(p + ((long) add << shift) + half > Integer.MAX_VALUE
                                || -p + ((long) add << shift) + half < Integer.MIN_VALUE).as("%s", rq).isTrue();
                    }
                    // one add in 16, plus the extremes, runs on the ISS
                    if (limit < 0 || !(add == -128 || add == 127 || add == 0 || r.nextInt(16) == 0)) {
                        continue;
                    }
                    int m = (int) limit;
                    cases.add(new Case(m, rq));
                    cases.add(new Case(-m, rq));
                    cases.add(new Case(Math.max(0, m - 1), rq));
                    cases.add(new Case((int) r.nextLong(-(long) m, m + 1L), rq));
                    if (shift >= 1 && mult == 1 && (1L << shift) <= m) {
                        cases.add(new Case((int) half, rq));           // ties round up
                        cases.add(new Case((int) -half, rq));
                        cases.add(new Case((int) half - 1, rq));
                    }
                }
            }
        }
        // MobileBERT's norms: |x*gamma + beta| <= 128*128 + 128 with shift 14
        for (int i = 0; i < 3000; i++) {
            Requant rq = new Requant(r.nextInt(256), r.nextInt(23), r.nextInt(-128, 128));
            int m = 128 * 128 + 128;
            if (Requantizer.foldedFits(rq, m)) {
                cases.add(new Case(r.nextInt(-m, m + 1), rq));
            }
        }
        check(cases, -1, 2);
    }

    @Test
    void boundedFormMatchesRequantizeWithinItsAccumulatorRange() {
        SplittableRandom r = new SplittableRandom(11);
        List<Case> cases = new ArrayList<>();
        int limit = 1 << 11;
        for (int shift = 0; shift < 256; shift++) {
            for (int acc : new int[] {0, 1, -1, limit - 1, -limit, 256, -256, 1024, -1024}) {
                cases.add(new Case(acc, new Requant(MULTS[r.nextInt(MULTS.length)], shift, ADDS[r.nextInt(ADDS.length)])));
            }
            for (int i = 0; i < 20; i++) {
                cases.add(new Case(r.nextInt(-limit, limit), new Requant(r.nextInt(256), shift, r.nextInt(-128, 128))));
            }
        }
        check(cases, 11, 2);
    }
}
