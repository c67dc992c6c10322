package io.socsim.workloads.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.GeluConstants;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoreLinearKernelTest {

    private static final int[][] SHAPES = {{1, 4, 1}, {5, 10, 7}, {9, 20, 16}, {16, 64, 33}, {3, 3, 2}};
    private static final int[] SHIFTS = {0, 1, 4, 8, 9, 12, 17, 22, 23, 31, 36};

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8})
    void linearLayerEqualsFeedForwardLinearBitForBit(int cores) {
        SplittableRandom r = new SplittableRandom(cores * 17);
        int run = 0;
        for (int[] shape : SHAPES) {
            for (int k = 0; k < 4; k++, run++) {
                Requant rq = new Requant(r.nextInt(4) == 0 ? 255 : r.nextInt(256), SHIFTS[run % SHIFTS.length],
                        r.nextInt(-128, 128));
                boolean bias = k % 2 == 0;
                ActivationStage act = k >= 2
                        ? new ActivationStage(Activation.RELU, k == 2 ? new Requant(90, 7, 0) : new Requant(r.nextInt(256),
                                r.nextInt(12), r.nextInt(-128, 128)), GeluConstants.DEFAULT)
                        : ActivationStage.IDENTITY;
                check(r, shape[0], shape[1], shape[2], cores, rq, bias, act);
            }
        }
    }

    /**
     * Each core starts every dot product at word k0 = id * clamp(E/4 / p, 1, 4) mod E/4 and wraps
     * round: exact for long rows (E = 128, 512), E/4 below the core count, E = 4 (k0 = 0 only) and
     * 16 cores, with bias and ReLU.
     */
    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8, 16})
    void staggeredDotProductsStayExact(int cores) {
        SplittableRandom r = new SplittableRandom(cores * 31);
        int[][] shapes = {{8, 128, 5}, {17, 512, 3}, {9, 24, 9}, {4, 4, 4}, {16, 36, 2}};
        for (int[] shape : shapes) {
            check(r, shape[0], shape[1], shape[2], cores, new Requant(r.nextInt(256), 12, r.nextInt(-128, 128)), true,
                    ActivationStage.IDENTITY);
            check(r, shape[0], shape[1], shape[2], cores, new Requant(r.nextInt(256), 6, r.nextInt(-128, 128)), false,
                    new ActivationStage(Activation.RELU, new Requant(90, 7, 0), GeluConstants.DEFAULT));
        }
    }

    private static void check(SplittableRandom r, int s, int e, int p, int cores, Requant rq, boolean withBias,
            ActivationStage act) {
        int ep = (e + 3) & ~3;
        int xStride = ep + 8, wtStride = ep + 4, outStride = p + 3;
        Matrix8 x = new Matrix8(s, e, KernelHarness.randomBytes(r, s * e));
        Matrix8 w = new Matrix8(e, p, KernelHarness.randomBytes(r, e * p));
        int[] biasValues = new int[p];
        for (int j = 0; j < p; j++) {
            biasValues[j] = switch (r.nextInt(5)) {
                case 0 -> Integer.MAX_VALUE - r.nextInt(100);
                case 1 -> Integer.MIN_VALUE + r.nextInt(100);
                case 2 -> r.nextInt(-(1 << 26), 1 << 26);
                default -> r.nextInt(-100000, 100000);
            };
        }
        Matrix32 bias = withBias ? Matrix32.rowVector(biasValues) : null;
        Matrix8 expected = FeedForward.linear(x, w, bias, rq, act).out();

        byte[] xs = new byte[s * xStride];
        for (int i = 0; i < s; i++) {
            System.arraycopy(x.data(), i * e, xs, i * xStride, e);   // zero padding up to ep
        }
        byte[] wt = new byte[p * wtStride];
        for (int j = 0; j < p; j++) {
            for (int t = 0; t < e; t++) {
                wt[j * wtStride + t] = w.data()[t * p + j];
            }
        }
        KernelHarness.Image image = new KernelHarness.Image(s * 100 + p);
        int xAt = image.put(xs), wtAt = image.put(wt);
        int biasAt = withBias ? image.put(biasValues) : 0;
        int out = image.output(s * outStride);
        int args = image.put(CoreLinearKernel.Args.of(xAt, xStride, wtAt, wtStride, biasAt, out, outStride, s, p, ep, rq,
                act.kind() == Activation.RELU ? CoreLinearKernel.ACT_RELU : CoreLinearKernel.ACT_IDENTITY,
                act.requant()).encode());
        KernelHarness.Run run = KernelHarness.run(CoreLinearKernel::emit, image, args, cores);
        byte[] before = image.toBytes();
        byte[] got = run.read(out, s * outStride);
        for (int i = 0; i < s; i++) {
            byte[] row = new byte[p];
            System.arraycopy(got, i * outStride, row, 0, p);
            byte[] want = new byte[p];
            System.arraycopy(expected.data(), i * p, want, 0, p);
            assertThat(row).as("row %d of %dx%dx%d on %d cores, %s, bias %b, %s", i, s, e, p, cores, rq, withBias, act)
                    .isEqualTo(want);
            for (int pad = p; pad < outStride; pad++) {
                assertThat(got[i * outStride + pad]).as("row padding untouched")
                        .isEqualTo(before[out - KernelHarness.L1_BASE + i * outStride + pad]);
            }
        }
    }
}
