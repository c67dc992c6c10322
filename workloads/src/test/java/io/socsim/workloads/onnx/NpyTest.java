package io.socsim.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NpyTest {

    /** An npy file with a hand-written header, as numpy (or another writer) may produce it. */
    static byte[] npy(int major, String header, byte[] data) {
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lenBytes + header.length() + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    @Test
    void everyIntegerDtypeRoundTrips() {
        for (String dt : List.of("i1", "u1", "i2", "u2", "i4", "u4", "i8", "b1")) {
            long hi = dt.equals("b1") ? 1 : dt.startsWith("i") ? 100 : 200;
            long lo = dt.startsWith("i") ? -100 : 0;
            NpyArray a = new NpyArray(dt, new long[] {2, 2}, new long[] {lo, 0, 1, hi}, null);
            assertThat(Npy.parse(Npy.toBytes(a), "a.npy")).as(dt).isEqualTo(a);
        }
    }

    @Test
    void floatDtypesRoundTrip() {
        NpyArray a = new NpyArray("f4", new long[] {3}, null, new double[] {-1.5, 0, 127});
        assertThat(Npy.parse(Npy.toBytes(a), "a.npy")).isEqualTo(a);
        NpyArray d = new NpyArray("f8", new long[] {1}, null, new double[] {0.1});
        assertThat(Npy.parse(Npy.toBytes(d), "d.npy")).isEqualTo(d);
    }

    @Test
    void headersAreAlignedToSixtyFourBytesAsNumpyWritesThem() {
        byte[] b = Npy.toBytes(NpyArray.ofLongs(new long[] {1, 16, 64}, new long[1024]));
        int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertThat((10 + headerLen) % 64).isZero();
        assertThat(b[10 + headerLen - 1]).isEqualTo((byte) '\n');
    }

    @Test
    void fortranOrderIsReorderedToRowMajor() {
        // the 2x3 matrix [[1, 2, 3], [4, 5, 6]] stored column by column
        ByteBuffer d = ByteBuffer.allocate(6).put(new byte[] {1, 4, 2, 5, 3, 6});
        byte[] f = npy(1, "{'descr': '|i1', 'fortran_order': True, 'shape': (2, 3), }\n",
                d.array());
        assertThat(Npy.parse(f, "f.npy").ints()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void bigEndianVersionTwoAndScalarShapesAreRead() {
        ByteBuffer d = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(-2);
        byte[] f = npy(2, "{\"descr\": \">i4\", \"fortran_order\": False, \"shape\": ()}\n",
                d.array());
        NpyArray a = Npy.parse(f, "s.npy");
        assertThat(a.shape()).isEmpty();
        assertThat(a.ints()).containsExactly(-2);
    }

    @Test
    void malformedFilesGetOneMessageNamingTheFile() {
        byte[] good = Npy.toBytes(NpyArray.ofLongs(new long[] {2}, new long[] {1, 2}));
        assertThatThrownBy(() -> Npy.parse("PK not npy".getBytes(StandardCharsets.UTF_8), "x.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("x.npy: bad magic: not a numpy .npy file");
        assertThatThrownBy(() -> Npy.parse(java.util.Arrays.copyOf(good, good.length - 3), "t.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("t.npy: truncated: shape [2] of <i8 needs 16 data bytes, the file has 13");
        assertThatThrownBy(() -> Npy.parse(npy(1, "{'descr': '<c16', 'fortran_order': False,"
                + " 'shape': (1,), }\n", new byte[16]), "c.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("c.npy: unknown or unsupported dtype '<c16'");
        assertThatThrownBy(() -> Npy.parse(npy(1, "{'descr': '<i8', 'shape': (1,), }\n",
                new byte[8]), "k.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("k.npy: header 'fortran_order' is missing or not True/False");
        assertThatThrownBy(() -> Npy.parse(npy(1, "{'descr': '<i8', 'fortran_order': False,"
                + " 'shape': (1,) 'x'}\n", new byte[8]), "h.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("h.npy: malformed header at character");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 8);
        assertThatThrownBy(() -> Npy.parse(longer, "l.npy"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("8 bytes follow the data");
    }

    @Test
    void npzKeepsArchiveOrderAndStripsTheExtension() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("input_1", NpyArray.ofLongs(new long[] {1}, new long[] {7}));
        m.put("input_0", NpyArray.ofLongs(new long[] {2}, new long[] {-1, 1}));
        Map<String, NpyArray> back = Npz.parse(Npz.toBytes(m), "a.npz");
        assertThat(back.keySet()).containsExactly("input_1", "input_0");
        assertThat(back).isEqualTo(m);
    }

    @Test
    void brokenArchivesAndMembersNameTheArchive() {
        assertThatThrownBy(() -> Npz.parse(new byte[] {1, 2, 3, 4}, "n.npz"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessage("n.npz: bad magic: not a zip archive (.npz)");
        Map<String, NpyArray> m = Map.of("a", NpyArray.ofLongs(new long[] {1}, new long[] {1}));
        byte[] z = Npz.toBytes(m);
        assertThatThrownBy(() -> Npz.parse(java.util.Arrays.copyOf(z, 40), "cut.npz"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("cut.npz");
        Map<String, NpyArray> bad = new LinkedHashMap<>();
        bad.put("x", NpyArray.ofLongs(new long[] {1}, new long[] {1}));
        byte[] zb = Npz.toBytes(bad);
        byte[] corrupted = OnnxRoundTripTest.replaceOnce(zb, "NUMPY".getBytes(
                StandardCharsets.ISO_8859_1), "NUMPZ".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npz.parse(corrupted, "c.npz"))
                .isInstanceOf(NpyFormatException.class)
                .hasMessageStartingWith("c.npz");
    }
}
