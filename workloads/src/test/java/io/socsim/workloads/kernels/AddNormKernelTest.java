package io.socsim.workloads.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ops.CoreOps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AddNormKernelTest {

    private static final int[][] SHAPES = {{1, 1}, {3, 1}, {5, 7}, {13, 33}, {16, 64}, {2, 130}};
    private static final int[] ADD_SHIFTS = {0, 1, 7, 8, 22, 23, 31, 40};
    private static final int[] NORM_SHIFTS = {0, 1, 5, 8, 9, 14, 22, 23, 31, 32, 33, 40, 255};

    static List<Arguments> modesAndCores() {
        List<Arguments> out = new ArrayList<>();
        for (int mode : new int[] {AddNormKernel.MODE_ADD_NORM, AddNormKernel.MODE_RESIDUAL, AddNormKernel.MODE_NO_NORM}) {
            for (int cores : new int[] {1, 2, 3, 8}) {
                out.add(Arguments.of(mode, cores));
            }
        }
        return out;
    }

    private static Requant randomRq(SplittableRandom r, int shift) {
        int mult = r.nextInt(4) == 0 ? new int[] {0, 1, 255}[r.nextInt(3)] : r.nextInt(256);
        int add = r.nextInt(3) == 0 ? new int[] {-128, 127, -5}[r.nextInt(3)] : r.nextInt(-128, 128);
        return new Requant(mult, shift, add);
    }

    /** gamma and beta with the extremes present, so products saturate both ways and x*gamma+beta wraps. */
    private static byte[] gamma(SplittableRandom r, int cols) {
        byte[] g = KernelHarness.randomBytes(r, cols);
        g[0] = -128;
        if (cols > 1) {
            g[cols - 1] = 127;
        }
        return g;
    }

    private static int[] beta(SplittableRandom r, int cols, int shift) {
        int[] b = new int[cols];
        for (int c = 0; c < cols; c++) {
            b[c] = switch (r.nextInt(6)) {
                case 0 -> Integer.MAX_VALUE - r.nextInt(20000);
                case 1 -> Integer.MIN_VALUE + r.nextInt(20000);
                case 2 -> r.nextInt();
                default -> r.nextInt(-(1 << Math.min(30, shift + 8)), 1 << Math.min(30, shift + 8));
            };
        }
        return b;
    }

    @ParameterizedTest(name = "mode {0} on {1} cores")
    @MethodSource("modesAndCores")
    void everyModeEqualsCoreOpsBitForBit(int mode, int cores) {
        SplittableRandom r = new SplittableRandom(mode * 100 + cores);
        int run = 0;
        for (int[] shape : SHAPES) {
            for (int k = 0; k < 3; k++, run++) {
                Requant addRq = randomRq(r, ADD_SHIFTS[run % ADD_SHIFTS.length]);
                Requant normRq = randomRq(r, NORM_SHIFTS[run % NORM_SHIFTS.length]);
                check(r, shape[0], shape[1], cores, mode, addRq, normRq, false);
            }
        }
    }

    @ParameterizedTest(name = "mode {0} on {1} cores")
    @MethodSource("modesAndCores")
    void outputMayOverwriteTheFirstInput(int mode, int cores) {
        SplittableRandom r = new SplittableRandom(7 + mode);
        check(r, 11, 9, cores, mode, new Requant(200, 9, -3), new Requant(170, 12, 4), true);
    }

    /**
     * Each core starts its flat add 16*id bytes into the bank span and its norm rows at column
     * 4*id mod cols, wrapping round: exact for bank-aligned rows (128, 256 columns), rows fewer than
     * the cores, columns below 8, odd and not a multiple of 4, and 16 cores (starts wrap mod 128).
     */
    @ParameterizedTest(name = "mode {0} on {1} cores")
    @MethodSource("modesAndCores")
    void staggeredStartsStayExactForAlignedAndOddShapes(int mode, int cores) {
        SplittableRandom r = new SplittableRandom(1000 + mode * 10 + cores);
        int[][] shapes = {{8, 128}, {3, 256}, {17, 128}, {24, 5}, {2, 3}, {1, 129}, {9, 31}};
        for (int[] shape : shapes) {
            check(r, shape[0], shape[1], cores, mode, randomRq(r, 7), randomRq(r, 14), false);
        }
        check(r, 16, 128, 16, mode, randomRq(r, 8), randomRq(r, 33), false);
        check(r, 5, 6, 16, mode, randomRq(r, 8), randomRq(r, 9), true);
    }

    /**
     * With the accumulator bound (Args.of's last argument) the norm pass takes the folded
     * requantisation whenever it fits: small betas (MobileBERT's), every shift up to 22 and the
     * largest betas that still fit, on every mode and core count.
     */
    @ParameterizedTest(name = "mode {0} on {1} cores")
    @MethodSource("modesAndCores")
    void foldedNormEqualsCoreOpsBitForBit(int mode, int cores) {
        SplittableRandom r = new SplittableRandom(500 + mode * 10 + cores);
        int folded = 0;
        for (int shift = 0; shift <= 24; shift++) {
            Requant normRq = randomRq(r, shift);
            int[][] shapes = {{5, 7}, {8, 128}, {3, 33}};
            int[] shape = shapes[shift % shapes.length];
            folded += check(r, shape[0], shape[1], cores, mode, randomRq(r, 8), normRq, shift % 5 == 0, 130) ? 1 : 0;
            // betas as large as the folded form allows for this rq
            long room = (Integer.MAX_VALUE - (128L << shift) - (1L << shift)) / Math.max(1, normRq.mult()) - 128 * 128;
            int big = (int) Math.max(0, Math.min(1 << 30, room));
            folded += check(r, shape[0], shape[1], cores, mode, randomRq(r, 8), normRq, false, big) ? 1 : 0;
        }
        if (mode != AddNormKernel.MODE_RESIDUAL) {
            assertThat(folded).isGreaterThan(20);
        }
    }

    private static void check(SplittableRandom r, int rows, int cols, int cores, int mode, Requant addRq, Requant normRq,
            boolean inPlace) {
        check(r, rows, cols, cores, mode, addRq, normRq, inPlace, -1);
    }

    /**
     * {@code betaLimit >= 0}: betas within +-betaLimit and the block built with the accumulator
     * bound (folded norm when it fits); returns whether the folded flag was set.
     */
    private static boolean check(SplittableRandom r, int rows, int cols, int cores, int mode, Requant addRq, Requant normRq,
            boolean inPlace, int betaLimit) {
        int n = rows * cols;
        Matrix8 a = new Matrix8(rows, cols, KernelHarness.randomBytes(r, n));
        Matrix8 b = new Matrix8(rows, cols, KernelHarness.randomBytes(r, n));
        a.data()[0] = -128;
        b.data()[0] = -128;
        a.data()[n - 1] = 127;
        b.data()[n - 1] = 127;
        byte[] g = gamma(r, cols);
        int[] beta = beta(r, cols, normRq.shift());
        if (betaLimit >= 0) {
            for (int c = 0; c < cols; c++) {
                beta[c] = c == 0 ? betaLimit : c == cols - 1 ? -betaLimit : r.nextInt(-betaLimit, betaLimit + 1);
            }
        }
        Matrix8 expected = switch (mode) {
            case AddNormKernel.MODE_ADD_NORM -> CoreOps.addNorm(a, b, addRq, g, beta, normRq);
            case AddNormKernel.MODE_RESIDUAL -> CoreOps.residualAdd(a, b, addRq);
            default -> CoreOps.noNorm(a, g, beta, normRq);
        };
        KernelHarness.Image image = new KernelHarness.Image(rows * 31 + cols);
        int aAt = inPlace ? image.output(n) : image.put(a.data());
        int bAt = image.put(b.data()), gAt = image.put(g), betaAt = image.put(beta);
        int out = inPlace ? aAt : image.output(n);
        AddNormKernel.Args block = betaLimit >= 0
                ? AddNormKernel.Args.of(aAt, bAt, out, rows, cols, gAt, betaAt, addRq, normRq, mode, AddNormKernel.normBound(g, beta))
                : AddNormKernel.Args.of(aAt, bAt, out, rows, cols, gAt, betaAt, addRq, normRq, mode);
        int args = image.put(block.encode());
        KernelHarness.Run run = KernelHarness.run(AddNormKernel::emit, withA(image, inPlace, aAt, a), args, cores);
        assertThat(run.read(out, n)).as("%dx%d mode %d cores %d add %s norm %s", rows, cols, mode, cores, addRq, normRq)
                .isEqualTo(expected.data());
        return (block.mode() & AddNormKernel.NORM_FOLDED) != 0;
    }

    /** For the in-place case the output slot starts out holding a. */
    private static KernelHarness.Image withA(KernelHarness.Image image, boolean inPlace, int at, Matrix8 a) {
        if (inPlace) {
            image.overwrite(at, a.data());
        }
        return image;
    }
}
