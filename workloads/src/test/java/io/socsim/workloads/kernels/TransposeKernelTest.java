package io.socsim.workloads.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransposeKernelTest {

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8})
    void destinationHoldsTheTransposeAndItsRowPaddingIsUntouched(int cores) {
        SplittableRandom r = new SplittableRandom(cores);
        int[][] shapes = {{1, 1}, {1, 9}, {9, 1}, {7, 5}, {16, 64}, {33, 10}};
        for (int[] shape : shapes) {
            int rows = shape[0], cols = shape[1], srcStride = cols + 3, dstStride = rows + 5;
            byte[] src = KernelHarness.randomBytes(r, rows * srcStride);
            KernelHarness.Image image = new KernelHarness.Image(rows * 100 + cols);
            int srcAt = image.put(src), dst = image.output(cols * dstStride);
            byte[] before = image.toBytes();
            int args = image.put(new TransposeKernel.Args(srcAt, srcStride, dst, dstStride, rows, cols).encode());
            byte[] got = KernelHarness.run(TransposeKernel::emit, image, args, cores).read(dst, cols * dstStride);
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i < dstStride; i++) {
                    byte want = i < rows ? src[i * srcStride + c] : before[dst - KernelHarness.L1_BASE + c * dstStride + i];
                    assertThat(got[c * dstStride + i]).as("%dx%d dst[%d][%d]", rows, cols, c, i).isEqualTo(want);
                }
            }
        }
    }
}
