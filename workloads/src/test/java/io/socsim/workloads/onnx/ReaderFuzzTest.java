package io.socsim.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the ONNX and numpy readers: bit flips, byte overwrites, insertions,
 * deletions, truncations and copied runs of valid files. Every mutant either reads or fails with
 * the reader's own exception; no other exception type (and no hang) may escape.
 */
class ReaderFuzzTest {

    private static final int MUTANTS = 3000;

    private static byte[] mutate(byte[] seed, SplittableRandom r) {
        byte[] b = seed.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = java.util.Arrays.copyOf(b, at);
                case 3 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 4 -> {
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(16));
                    int to = r.nextInt(b.length);
                    System.arraycopy(b.clone(), at, b, to, Math.min(len, b.length - to));
                }
            }
        }
        return b;
    }

    private static int[] campaign(byte[] seed, long seedValue, Class<? extends RuntimeException>
            allowed, Consumer<byte[]> reader) {
        SplittableRandom r = new SplittableRandom(seedValue);
        int[] outcomes = new int[2];
        for (int i = 0; i < MUTANTS; i++) {
            byte[] m = mutate(seed, r);
            try {
                reader.accept(m);
                outcomes[0]++;
            } catch (RuntimeException e) {
                if (!allowed.isInstance(e)) {
                    fail("mutant " + i + " raised " + e + " instead of " + allowed.getSimpleName(),
                            e);
                }
                assertThat(e.getMessage()).startsWith("fuzz");
                outcomes[1]++;
            }
        }
        return outcomes;
    }

    private static OnnxModel model() {
        GraphBuilder b = new GraphBuilder("fuzz");
        b.input("x", DataType.INT8, 1, 4);
        b.initializer("w", DataType.INT8, new long[] {4, 2}, 1, -2, 3, -4, 5, -6, 7, -8);
        b.floatInitializer("mul", new long[] {1}, 3);
        b.initializer("add", DataType.INT32, new long[] {1}, 16);
        b.node("MatMul", List.of("x", "w"), List.of("y"));
        b.node("RequantShift", List.of("y", "mul", "add"), List.of("z"),
                GraphBuilder.scalarTensor("div", 32), GraphBuilder.scalarTensor("n_levels", 256),
                GraphBuilder.scalarTensor("signed", 1), OnnxAttribute.ofInts("axes", 1, 2));
        b.output("z", DataType.INT8, 1, 2);
        return b.build();
    }

    @Test
    void onnxReaderRaisesOnlyOnnxFormatException() {
        for (OnnxWriter.Encoding e : OnnxWriter.Encoding.values()) {
            byte[] seed = OnnxWriter.toBytes(model(), e);
            int[] o = campaign(seed, 15 + e.ordinal(), OnnxFormatException.class,
                    m -> OnnxReader.parse(m, "fuzz.onnx"));
            assertThat(o[1]).as("some mutants must be refused").isPositive();
        }
    }

    @Test
    void npyReaderRaisesOnlyNpyFormatException() {
        byte[] seed = Npy.toBytes(NpyArray.ofLongs(new long[] {2, 3}, new long[] {1, -2, 3, -4,
                5, -6}));
        int[] o = campaign(seed, 9, NpyFormatException.class, m -> Npy.parse(m, "fuzz.npy"));
        assertThat(o[1]).isPositive();
    }

    @Test
    void npzReaderRaisesOnlyNpyFormatException() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("input_0", NpyArray.ofLongs(new long[] {1, 4}, new long[] {1, 2, 3, 4}));
        arrays.put("input_1", new NpyArray("u1", new long[] {3}, new long[] {0, 128, 255}, null));
        byte[] seed = Npz.toBytes(arrays);
        int[] o = campaign(seed, 27, NpyFormatException.class, m -> Npz.parse(m, "fuzz.npz"));
        assertThat(o[1]).isPositive();
    }
}
