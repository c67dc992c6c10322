package io.socsim.workloads.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.ita.golden.GoldenFile;
import io.socsim.ita.golden.GoldenReader;
import io.socsim.ita.math.ItaMax;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItaMaxKernelTest {

    private static final int[] COLS = {16, 32, 64, 128, 256};
    private static final int[] GROUP_MAX = {-97, -65, -34, 127};

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8})
    void randomRowsEqualItaMaxByteForByte(int cores) {
        SplittableRandom r = new SplittableRandom(cores * 31L);
        int[] rowCounts = {1, 5, 7, 13, 11};
        for (int i = 0; i < COLS.length; i++) {
            int rows = rowCounts[i], cols = COLS[i];
            byte[] x = new byte[rows * cols];
            for (int row = 0; row < rows; row++) {
                fillRow(r, x, row * cols, cols, row % 4);
            }
            check(new Matrix8(rows, cols, x), cores, 4 * r.nextInt(3), 4 * r.nextInt(3), "random");
        }
    }

    @ParameterizedTest(name = "{0} cores")
    @ValueSource(ints = {1, 2, 3, 8})
    void extremeRowsEqualItaMax(int cores) {
        for (int cols : COLS) {
            check(extremeRows(cols), cores, 4, 8, "extreme");
        }
    }

    @Test
    void extremeRowsReallyExerciseTheFlooringRescaleAndLongShifts() {
        Matrix8 x = extremeRows(64);
        ItaMax unit = new ItaMax(x.rows());
        unit.softmax(x);
        int slow = 9, m = unit.max(slow), direct = 0;
        for (int c = 0; c < x.cols(); c++) {
            direct += ItaMax.shr(ItaMax.ONE, m - x.get(slow, c));
        }
        assertThat(unit.denominator(slow)).as("streamed sum above the one-shot sum").isGreaterThan(direct);
        assertThat(unit.max(4) - x.get(4, 0)).as("shift of the -128 columns").isEqualTo(255);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"softmax_N64_seed10.txt", "softmax_N128_seed11.txt", "softmax_N256_seed12.txt"})
    void goldenSoftmaxFilesAreReproduced(String name) throws IOException {
        GoldenFile f = GoldenReader.read(ItaGoldenVectors.file(name));
        Matrix8 x = f.tensor("x").toInt8();
        byte[] got = run(x, 8, 0, 0);
        assertThat(got).as(name).isEqualTo(f.tensor("y").toUint8().data());
    }

    /** docs/kernels.md: 45 per 16-column group, 6 per output word, 24 per row. */
    @Test
    void oneCoreSpends69InstructionsPerSixteenElementsAnd24PerRow() {
        SplittableRandom r = new SplittableRandom(5);
        long oneRow = instructions(r, 1, 16), wider = instructions(r, 1, 256), twoRows = instructions(r, 2, 256);
        assertThat((wider - oneRow) * 16).isEqualTo(69L * (256 - 16));
        assertThat(twoRows - wider).isEqualTo(24 + 69 * 256 / 16);
    }

    private static long instructions(SplittableRandom r, int rows, int cols) {
        KernelHarness.Image image = new KernelHarness.Image(1);
        int inAt = image.put(KernelHarness.randomBytes(r, rows * cols)), outAt = image.output(rows * cols);
        int args = image.put(new ItaMaxKernel.Args(inAt, cols, outAt, cols, rows, cols).encode());
        return KernelHarness.run(ItaMaxKernel::emit, image, args, 1).cluster().instret(0);
    }

    @Test
    void argumentsRejectUnalignedOrPartialGroups() {
        assertThatThrownBy(() -> new ItaMaxKernel.Args(0, 24, 0, 24, 1, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItaMaxKernel.Args(2, 16, 0, 16, 1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItaMaxKernel.Args(0, 18, 0, 16, 1, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItaMaxKernel.Args(0, 12, 0, 16, 1, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Kinds: uniform int8, a narrow band, a heavy-tailed spread, small steps around a random level. */
    private static void fillRow(SplittableRandom r, byte[] x, int off, int cols, int kind) {
        int level = r.nextInt(-128, 128);
        for (int c = 0; c < cols; c++) {
            int v = switch (kind) {
                case 0 -> r.nextInt(-128, 128);
                case 1 -> level + r.nextInt(-6, 7);
                case 2 -> (int) Math.round(20 * Math.tan(Math.PI * (r.nextDouble() - 0.5)));
                default -> level + r.nextInt(-40, 41);
            };
            x[off + c] = (byte) Math.max(-128, Math.min(127, v));
        }
    }

    /**
     * Rows: all -128, all 127, all 0, a staircase raising the max in every group (and inside it,
     * column by column), -128 everywhere but a single 127 last (shift 255), one 127 first among
     * -128, alternating extremes, a descending ramp, group maxima rising by exactly 32, 31, 161, and
     * group maxima rising by 1 over two terms of 1 each, so the flooring rescale keeps what flooring
     * each term alone would drop.
     */
    private static Matrix8 extremeRows(int cols) {
        int rows = 10;
        byte[] x = new byte[rows * cols];
        for (int c = 0; c < cols; c++) {
            x[c] = -128;
            x[cols + c] = 127;
            x[2 * cols + c] = 0;
            x[3 * cols + c] = (byte) Math.min(127, -128 + c * 255 / (cols - 1));
            x[4 * cols + c] = (byte) (c == cols - 1 ? 127 : -128);
            x[5 * cols + c] = (byte) (c == 0 ? 127 : -128);
            x[6 * cols + c] = (byte) (c % 2 == 0 ? 127 : -128);
            x[7 * cols + c] = (byte) (127 - c * 255 / (cols - 1));
            x[8 * cols + c] = (byte) (GROUP_MAX[Math.min(c / 16, 3)] - (c % 5) * 7 * (c % 2));
            x[9 * cols + c] = (byte) (-100 + c / 16 - (c % 16 == 5 || c % 16 == 6 ? 8 : 0));
        }
        return new Matrix8(rows, cols, x);
    }

    private static void check(Matrix8 x, int cores, int inPad, int outPad, String what) {
        byte[] want = new ItaMax(x.rows()).softmax(x).data();
        byte[] got = run(x, cores, inPad, outPad);
        assertThat(got).as(String.format(Locale.ROOT, "%s %dx%d on %d cores", what, x.rows(), x.cols(), cores))
                .isEqualTo(want);
    }

    /** Runs the kernel on strided copies of x; checks the output padding; returns the dense result. */
    private static byte[] run(Matrix8 x, int cores, int inPad, int outPad) {
        int rows = x.rows(), cols = x.cols(), inStride = cols + inPad, outStride = cols + outPad;
        SplittableRandom r = new SplittableRandom(rows * 1000L + cols);
        byte[] in = KernelHarness.randomBytes(r, rows * inStride);
        for (int row = 0; row < rows; row++) {
            System.arraycopy(x.data(), row * cols, in, row * inStride, cols);
        }
        KernelHarness.Image image = new KernelHarness.Image(rows * 7L + cols + cores);
        int inAt = image.put(in), outAt = image.output(rows * outStride);
        byte[] before = image.toBytes();
        int args = image.put(new ItaMaxKernel.Args(inAt, inStride, outAt, outStride, rows, cols).encode());
        byte[] got = KernelHarness.run(ItaMaxKernel::emit, image, args, cores).read(outAt, rows * outStride);
        byte[] dense = new byte[rows * cols];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(got, row * outStride, dense, row * cols, cols);
            for (int c = cols; c < outStride; c++) {
                assertThat(got[row * outStride + c]).as("out padding row %d col %d", row, c)
                        .isEqualTo(before[outAt - KernelHarness.L1_BASE + row * outStride + c]);
            }
        }
        return dense;
    }
}
