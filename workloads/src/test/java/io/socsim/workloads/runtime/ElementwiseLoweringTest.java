package io.socsim.workloads.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The schedule {@link Lowering#elementwise} builds: row tiles double-buffered so that the DMA
 * moves tile k+1's inputs and tile k-1's output while the cores compute tile k, every row moved
 * exactly once, and single buffering / smaller tiles when L1 is small. (Exactness on the timed
 * cluster: CoreKernelsOnClusterTest in the simulator module.)
 */
class ElementwiseLoweringTest {

    private static final int L1 = 0x10000000, A = 0x1c100000, B = 0x1c200000, OUT = 0x1c300000, GAMMA = 0x80000000,
            BETA = 0x80001000;

    private record Dma(int index, int slot, int src, int dst, int bytes) {
    }

    private record Lowered(List<int[]> entries, List<Integer> kernels, List<Dma> dmas) {
        /** The DMA that reads {@code src}. */
        Dma reading(int src) {
            return dmas.stream().filter(d -> d.src() == src).findFirst().orElseThrow(() -> new AssertionError("no DMA reads " + Integer.toHexString(src)));
        }

        List<Dma> writing(int from, int to) {
            return dmas.stream().filter(d -> d.dst() >= from && d.dst() < to).toList();
        }
    }

    private static Lowered lower(int rows, int cols, int l1) {
        Schedule sch = new Schedule();
        Label kernel = new ProgramBuilder().newLabel();
        new Lowering(sch, L1, l1, 64).elementwise("add_norm", kernel, new int[] {A, B}, rows, cols, new int[] {GAMMA, BETA},
                new int[] {cols, 4 * cols}, (bufs, n) -> new int[] {bufs[0], bufs[1], bufs[4], n, cols, bufs[2], bufs[3]}, OUT);
        List<int[]> entries = sch.entries();
        List<Integer> kernels = new ArrayList<>();
        List<Dma> dmas = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int[] e = entries.get(i);
            if (e[0] == Schedule.KERNEL) {
                kernels.add(i);
            } else if (e[0] == Schedule.DMA) {
                dmas.add(new Dma(i, e[1], e[2], e[3], e[4] * e[5]));
            }
        }
        return new Lowered(entries, kernels, dmas);
    }

    @Test
    void theNextTilesInputsAreIssuedBeforeTheCurrentTileIsComputed() {
        int rows = 128, cols = 512;
        Lowered l = lower(rows, cols, 256 * 1024);
        int tiles = l.kernels().size();
        assertThat(tiles).as("row tiles").isGreaterThanOrEqualTo(4);
        int rt = rows / tiles;
        assertThat(rt % 16).as("rows per tile, a whole number per core for up to 16 cores").isZero();
        for (int k = 0; k + 1 < tiles; k++) {
            for (int input : new int[] {A, B}) {
                assertThat(l.reading(input + (k + 1) * rt * cols).index()).as("tile %d's input issued before kernel %d", k + 1, k)
                        .isLessThan(l.kernels().get(k));
            }
        }
        // the parameters are loaded once
        assertThat(l.dmas().stream().filter(d -> d.src() == GAMMA || d.src() == BETA)).hasSize(2);
    }

    @Test
    void aTilesOutputDrainsWhileTheNextTileComputes() {
        int rows = 128, cols = 512;
        Lowered l = lower(rows, cols, 256 * 1024);
        int tiles = l.kernels().size();
        for (int k = 0; k + 1 < tiles; k++) {
            List<Dma> outs = l.writing(OUT, OUT + rows * cols);
            Dma out = outs.get(k);
            assertThat(out.index()).as("tile %d's output after its kernel", k).isGreaterThan(l.kernels().get(k));
            for (int i = out.index(); i < l.kernels().get(k + 1); i++) {
                int[] e = l.entries().get(i);
                assertThat(e[0] == Schedule.DMA_WAIT && e[1] == out.slot())
                        .as("kernel %d waits for tile %d's output", k + 1, k).isFalse();
            }
        }
        // before a set is reused, its previous output has been waited for
        for (int k = 2; k < tiles; k++) {
            int slot = l.writing(OUT, OUT + rows * cols).get(k - 2).slot();
            boolean waited = false;
            for (int i = l.kernels().get(k - 1); i < l.kernels().get(k); i++) {
                int[] e = l.entries().get(i);
                waited |= e[0] == Schedule.DMA_WAIT && e[1] == slot;
            }
            assertThat(waited).as("kernel %d waits for tile %d's output", k, k - 2).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} rows x {1} cols, L1 {2}")
    @CsvSource({"128,512,262144", "75,96,262144", "130,128,262144", "128,512,65536", "128,512,16384", "128,512,4096", "1,4096,65536",
            "7,64,65536"})
    void everyRowIsLoadedAndStoredOnceWhateverTheTiling(int rows, int cols, int l1) {
        Lowered l = lower(rows, cols, l1);
        for (int input : new int[] {A, B}) {
            int at = input;
            for (Dma d : l.dmas().stream().filter(d -> d.src() >= input && d.src() < input + rows * cols).toList()) {
                assertThat(d.src()).isEqualTo(at);
                at += d.bytes();
            }
            assertThat(at).isEqualTo(input + rows * cols);
        }
        int at = OUT;
        for (Dma d : l.writing(OUT, OUT + rows * cols)) {
            assertThat(d.dst()).isEqualTo(at);
            at += d.bytes();
        }
        assertThat(at).isEqualTo(OUT + rows * cols);
        for (Dma d : l.dmas()) {
            if (d.dst() >= L1 && d.dst() < L1 + 0x100000) {
                assertThat(d.dst() - L1 + d.bytes()).as("L1 placement inside L1").isLessThanOrEqualTo(l1);
            }
        }
    }

    @Test
    void aSmallL1FallsBackToOneSetThenToSmallerTiles() {
        int cols = 512, buffers = 3;
        long params = 5 * cols;
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, 256 * 1024)).containsExactly(32, 2);
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, 64 * 1024)).containsExactly(16, 2);
        // two sets of 16 rows need 96 KiB + params: one set of the largest tile that fits
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, 40 * 1024)).containsExactly(16, 1);
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, 8 * 1024)).containsExactly(2, 1);
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, params + 3 * cols)).containsExactly(1, 1);
        assertThat(Lowering.elementwisePlan(128, cols, buffers, params, params + 3 * cols - 1)).isNull();
        // too few rows to split into tiles of a row per core: one tile
        assertThat(Lowering.elementwisePlan(16, cols, buffers, params, 256 * 1024)).containsExactly(16, 1);
        assertThatThrownBy(() -> lower(128, cols, (int) params + 3 * cols - 16)).isInstanceOf(Lowering.L1TooSmall.class);
    }
}
