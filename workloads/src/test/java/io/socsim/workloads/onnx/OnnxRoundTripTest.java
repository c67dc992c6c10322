package io.socsim.workloads.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxRoundTripTest {

    private static OnnxModel sample() {
        GraphBuilder b = new GraphBuilder("sample").opset(17);
        b.input("x", DataType.INT8, 1, 4);
        for (DataType t : List.of(DataType.INT8, DataType.UINT8, DataType.INT16, DataType.UINT16,
                DataType.INT32, DataType.INT64, DataType.UINT32, DataType.BOOL)) {
            long max = t == DataType.BOOL ? 1 : t == DataType.INT8 ? 127 : 200;
            b.initializer("w_" + t, t, new long[] {2, 2}, 0, 1, max, t.name().startsWith("U")
                    || t == DataType.BOOL ? 1 : -5);
        }
        b.floatInitializer("f", new long[] {3}, -1, 0, 1 << 20);
        b.node("Add", List.of("x", "w_INT64"), List.of("y"),
                OnnxAttribute.ofInt("i", -7), OnnxAttribute.ofFloat("f", 0.5),
                OnnxAttribute.ofString("s", "constant"), OnnxAttribute.ofInts("is", 1, -2, 3),
                OnnxAttribute.ofFloats("fs", 1.5, -2.25), OnnxAttribute.ofStrings("ss",
                        List.of("a", "b")), GraphBuilder.scalarTensor("t", 256));
        b.output("y", DataType.INT64, 1, 4);
        OnnxModel m = b.build();
        return new OnnxModel(m.irVersion(), m.producerName(), m.producerVersion(),
                java.util.Map.of("", 17L, "PACTOps", 1L), m.graph());
    }

    @Test
    void rawAndTypedEncodingsReadBackToTheSameModel() {
        OnnxModel m = sample();
        for (OnnxWriter.Encoding e : OnnxWriter.Encoding.values()) {
            OnnxModel back = OnnxReader.parse(OnnxWriter.toBytes(m, e), "sample.onnx");
            assertThat(back).as(e.name()).isEqualTo(m);
        }
    }

    @Test
    void encodingsDifferOnTheWireButNotInContent() {
        byte[] raw = OnnxWriter.toBytes(sample(), OnnxWriter.Encoding.RAW);
        byte[] typed = OnnxWriter.toBytes(sample(), OnnxWriter.Encoding.TYPED);
        assertThat(raw).isNotEqualTo(typed);
        assertThat(OnnxWriter.toBytes(OnnxReader.parse(typed, "t"))).isEqualTo(raw);
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        byte[] model = OnnxWriter.toBytes(sample());
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        var out = com.google.protobuf.CodedOutputStream.newInstance(extra);
        out.writeString(99, "future field");
        out.writeInt64(100, 42);
        out.writeFixed64(101, 7);
        out.flush();
        byte[] both = new byte[model.length + extra.size()];
        System.arraycopy(extra.toByteArray(), 0, both, 0, extra.size());
        System.arraycopy(model, 0, both, extra.size(), model.length);
        assertThat(OnnxReader.parse(both, "x.onnx")).isEqualTo(sample());
    }

    @Test
    void valueInfoKeepsSymbolicDimensions() {
        ValueInfo v = new ValueInfo("x", DataType.INT8, List.of(-1L, 16L), List.of("batch", ""));
        OnnxModel m = new OnnxModel(8, "p", "", java.util.Map.of("", 13L), new OnnxGraph("g",
                List.of(new OnnxNode("", "Identity", "", List.of("x"), List.of("y"), List.of())),
                List.of(), List.of(v), List.of(ValueInfo.of("y", DataType.INT8, 2, 16)),
                List.of(ValueInfo.of("z", null))));
        OnnxModel back = OnnxReader.parse(OnnxWriter.toBytes(m), "m");
        assertThat(back.graph().inputs().get(0)).isEqualTo(v);
        assertThat(back.graph().valueInfos().get(0).shape()).isEmpty();
        assertThat(back.defaultOpset()).isEqualTo(13);
    }

    @Test
    void float16AndBfloat16RawDataDecode() {
        // 0x3C00 = 1.0 and 0xC000 = -2.0 in IEEE half; 0x3F80 = 1.0 in bfloat16
        assertThat(OnnxReader.halfToDouble(DataType.FLOAT16, 0x3C00)).isEqualTo(1.0);
        assertThat(OnnxReader.halfToDouble(DataType.FLOAT16, 0xC000)).isEqualTo(-2.0);
        assertThat(OnnxReader.halfToDouble(DataType.FLOAT16, 0x0001)).isEqualTo(0x1p-24);
        assertThat(OnnxReader.halfToDouble(DataType.BFLOAT16, 0x3F80)).isEqualTo(1.0);
    }

    @Test
    void emptyFileIsNotAModel() {
        assertThatThrownBy(() -> OnnxReader.parse(new byte[0], "empty.onnx"))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessage("empty.onnx: no graph (ModelProto field 7): not an ONNX model or"
                        + " truncated");
    }

    @Test
    void truncatedModelNamesTheFile() {
        byte[] b = OnnxWriter.toBytes(sample());
        byte[] cut = java.util.Arrays.copyOf(b, b.length / 2);
        assertThatThrownBy(() -> OnnxReader.parse(cut, "cut.onnx"))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith("cut.onnx: not a valid ONNX protobuf");
    }

    @Test
    void rawDataOfTheWrongSizeIsRefused() {
        OnnxTensor t = OnnxTensor.ofInts("w", DataType.INT32, new long[] {3}, new long[] {1, 2, 3});
        byte[] good = OnnxWriter.toBytes(modelWith(t));
        // a shape of 4 with 12 bytes of data: rewrite the dims field [3] as [4]
        byte[] bad = replaceOnce(good, new byte[] {0x0A, 0x01, 0x03}, new byte[] {0x0A, 0x01, 0x04});
        assertThatThrownBy(() -> OnnxReader.parse(bad, "w.onnx"))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessage("w.onnx: tensor 'w' (initializer 0): raw_data has 12 bytes, shape [4]"
                        + " of INT32 needs 16");
    }

    @Test
    void typedDataOfTheWrongCountIsRefused() {
        OnnxTensor t = OnnxTensor.ofInts("w", DataType.INT64, new long[] {3}, new long[] {1, 2, 3});
        byte[] good = OnnxWriter.toBytes(modelWith(t), OnnxWriter.Encoding.TYPED);
        byte[] bad = replaceOnce(good, new byte[] {0x0A, 0x01, 0x03}, new byte[] {0x0A, 0x01, 0x02});
        assertThatThrownBy(() -> OnnxReader.parse(bad, "w.onnx"))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessage("w.onnx: tensor 'w' (initializer 0) holds 3 values in int64_data for"
                        + " shape [2] (2 elements)");
    }

    @Test
    void unknownDataTypeIsRefused() {
        OnnxTensor t = OnnxTensor.ofInts("w", DataType.INT8, new long[] {1}, new long[] {1});
        byte[] good = OnnxWriter.toBytes(modelWith(t));
        byte[] bad = replaceOnce(good, new byte[] {0x10, 0x03}, new byte[] {0x10, 0x2A});
        assertThatThrownBy(() -> OnnxReader.parse(bad, "w.onnx"))
                .isInstanceOf(OnnxFormatException.class)
                .hasMessage("w.onnx: tensor 'w' (initializer 0) has unsupported data_type 42");
    }

    static OnnxModel modelWith(OnnxTensor init) {
        return new OnnxModel(8, "", "", java.util.Map.of("", 13L), new OnnxGraph("g", List.of(),
                List.of(init), List.of(), List.of(), List.of()));
    }

    static byte[] replaceOnce(byte[] b, byte[] from, byte[] to) {
        outer:
        for (int i = 0; i + from.length <= b.length; i++) {
            for (int j = 0; j < from.length; j++) {
                if (b[i + j] != from[j]) {
                    continue outer;
                }
            }
            byte[] r = b.clone();
            System.arraycopy(to, 0, r, i, to.length);
            return r;
        }
        throw new AssertionError("pattern not found");
    }
}
