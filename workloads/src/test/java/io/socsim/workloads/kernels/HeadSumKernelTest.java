package io.socsim.workloads.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.workloads.ops.CoreOps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadSumKernelTest {

    private static final int[] SHIFTS = {0, 1, 3, 6, 22, 23, 31, 64};

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8, 16})
    void everyHeadCountEqualsCoreOpsBitForBit(int cores) {
        SplittableRandom r = new SplittableRandom(cores);
        int[][] shapes = {{1, 1}, {7, 5}, {9, 64}, {16, 3}};
        int run = 0;
        for (int heads = 1; heads <= HeadSumKernel.MAX_HEADS; heads++) {
            for (int[] shape : shapes) {
                int shift = SHIFTS[run++ % SHIFTS.length];
                Requant rq = new Requant(r.nextInt(4) == 0 ? 255 : r.nextInt(256), shift, r.nextInt(-128, 128));
                check(r, heads, shape[0], shape[1], cores, rq);
            }
        }
    }

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 3, 8})
    void extremeSumsSaturateBothWays(int cores) {
        SplittableRandom r = new SplittableRandom(99);
        check(r, 8, 5, 16, cores, new Requant(255, 1, 127));
        check(r, 8, 5, 16, cores, new Requant(255, 1, -128));
        check(r, 8, 5, 16, cores, new Requant(1, 3, -7));
    }

    /**
     * The staggered element split (core i starts at min(N, (first row * cols & -128) + 16*i))
     * still covers every element exactly once: bank-aligned rows, fewer elements than 16 per core
     * (cores with empty shares), odd shapes, up to 16 cores.
     */
    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 7, 8, 16})
    void staggeredSplitCoversEveryElementOnce(int cores) {
        SplittableRandom r = new SplittableRandom(500 + cores);
        int[][] shapes = {{16, 128}, {3, 256}, {1, 64}, {2, 3}, {13, 129}, {40, 1}};
        for (int[] shape : shapes) {
            check(r, 4, shape[0], shape[1], cores, new Requant(r.nextInt(256), 9, r.nextInt(-128, 128)));
        }
    }

    private static void check(SplittableRandom r, int heads, int rows, int cols, int cores, Requant rq) {
        int n = rows * cols;
        KernelHarness.Image image = new KernelHarness.Image(heads * 1000 + n);
        List<Matrix8> tensors = new ArrayList<>();
        int[] at = new int[heads];
        for (int h = 0; h < heads; h++) {
            byte[] d = KernelHarness.randomBytes(r, n);
            d[0] = -128;                                    // all heads at the extremes somewhere
            d[n - 1] = 127;
            tensors.add(new Matrix8(rows, cols, d));
            at[h] = image.put(d);
        }
        int out = image.output(n);
        int args = image.put(HeadSumKernel.Args.of(rows, cols, out, rq, at).encode());
        byte[] got = KernelHarness.run(HeadSumKernel::emit, image, args, cores).read(out, n);
        assertThat(got).as("%d heads %dx%d on %d cores, %s", heads, rows, cols, cores, rq)
                .isEqualTo(CoreOps.headSum(tensors, rq).data());
    }
}
