package io.socsim.workloads.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link OnnxModel} in the ONNX protobuf encoding, the inverse of {@link OnnxReader} for
 * everything the reader represents (graph-valued attributes excepted). Tensors go to
 * {@code raw_data} by default, or to the typed repeated fields ({@code int32_data},
 * {@code int64_data}, {@code float_data}, ...) with {@link Encoding#TYPED}, so that tests can
 * exercise both ways a file may carry its data.
 */
public final class OnnxWriter {

    /** Where tensor elements are stored. */
    public enum Encoding { RAW, TYPED }

    private final Encoding encoding;

    private OnnxWriter(Encoding encoding) {
        this.encoding = encoding;
    }

    public static byte[] toBytes(OnnxModel model) {
        return toBytes(model, Encoding.RAW);
    }

    public static byte[] toBytes(OnnxModel model, Encoding encoding) {
        return new OnnxWriter(encoding).model(model);
    }

    public static void write(OnnxModel model, Path file) throws IOException {
        Files.write(file, toBytes(model));
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void sub(CodedOutputStream out, int field, byte[] m) throws IOException {
        out.writeByteArray(field, m);
    }

    private byte[] model(OnnxModel m) {
        return message(out -> {
            out.writeInt64(1, m.irVersion());
            if (!m.producerName().isEmpty()) {
                out.writeString(2, m.producerName());
            }
            if (!m.producerVersion().isEmpty()) {
                out.writeString(3, m.producerVersion());
            }
            sub(out, 7, graph(m.graph()));
            for (Map.Entry<String, Long> e : m.opsets().entrySet()) {
                sub(out, 8, message(o -> {
                    if (!e.getKey().isEmpty()) {
                        o.writeString(1, e.getKey());
                    }
                    o.writeInt64(2, e.getValue());
                }));
            }
        });
    }

    private byte[] graph(OnnxGraph g) {
        return message(out -> {
            for (OnnxNode n : g.nodes()) {
                sub(out, 1, node(n));
            }
            out.writeString(2, g.name());
            for (OnnxTensor t : g.initializers()) {
                sub(out, 5, tensor(t));
            }
            for (ValueInfo v : g.inputs()) {
                sub(out, 11, valueInfo(v));
            }
            for (ValueInfo v : g.outputs()) {
                sub(out, 12, valueInfo(v));
            }
            for (ValueInfo v : g.valueInfos()) {
                sub(out, 13, valueInfo(v));
            }
        });
    }

    private byte[] node(OnnxNode n) {
        return message(out -> {
            for (String s : n.inputs()) {
                out.writeString(1, s);
            }
            for (String s : n.outputs()) {
                out.writeString(2, s);
            }
            if (!n.name().isEmpty()) {
                out.writeString(3, n.name());
            }
            out.writeString(4, n.opType());
            for (OnnxAttribute a : n.attributes()) {
                sub(out, 5, attribute(a));
            }
            if (!n.domain().isEmpty()) {
                out.writeString(7, n.domain());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private byte[] attribute(OnnxAttribute a) {
        return message(out -> {
            out.writeString(1, a.name());
            switch (a.kind()) {
                case FLOAT -> out.writeFloat(2, ((Double) a.value()).floatValue());
                case INT -> out.writeInt64(3, (Long) a.value());
                case STRING -> out.writeBytes(4, ByteString.copyFromUtf8((String) a.value()));
                case TENSOR -> sub(out, 5, tensor((OnnxTensor) a.value()));
                case FLOATS -> {
                    for (double d : (double[]) a.value()) {
                        out.writeFloat(7, (float) d);
                    }
                }
                case INTS -> {
                    for (long l : (long[]) a.value()) {
                        out.writeInt64(8, l);
                    }
                }
                case STRINGS -> {
                    for (String s : (List<String>) a.value()) {
                        out.writeBytes(9, ByteString.copyFromUtf8(s));
                    }
                }
                case TENSORS -> {
                    for (OnnxTensor t : (List<OnnxTensor>) a.value()) {
                        sub(out, 10, tensor(t));
                    }
                }
                default -> throw new IllegalArgumentException("attribute '" + a.name()
                        + "': cannot write kind " + a.kind());
            }
            out.writeInt32(20, a.kind().code());
        });
    }

    private byte[] tensor(OnnxTensor t) {
        return message(out -> {
            long[] dims = t.dims();
            if (dims.length > 0) {
                out.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                int size = 0;
                for (long d : dims) {
                    size += CodedOutputStream.computeInt64SizeNoTag(d);
                }
                out.writeUInt32NoTag(size);
                for (long d : dims) {
                    out.writeInt64NoTag(d);
                }
            }
            out.writeInt32(2, t.type().code());
            out.writeString(8, t.name());
            if (encoding == Encoding.RAW || t.type() == DataType.FLOAT16
                    || t.type() == DataType.BFLOAT16) {
                out.writeBytes(9, ByteString.copyFrom(raw(t)));
            } else {
                typed(out, t);
            }
        });
    }

    private static void typed(CodedOutputStream out, OnnxTensor t) throws IOException {
        int n = (int) t.size();
        switch (t.type()) {
            case FLOAT -> {
                for (int i = 0; i < n; i++) {
                    out.writeFloat(4, (float) t.reals()[i]);
                }
            }
            case DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    out.writeDouble(10, t.reals()[i]);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out.writeInt64(7, t.ints()[i]);
                }
            }
            case UINT32, UINT64 -> {
                for (int i = 0; i < n; i++) {
                    out.writeUInt64(11, t.ints()[i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out.writeInt32(5, (int) t.ints()[i]);
                }
            }
        }
    }

    private static byte[] raw(OnnxTensor t) {
        int n = (int) t.size();
        ByteBuffer b = ByteBuffer.allocate(n * t.type().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (t.type()) {
                case FLOAT -> b.putFloat((float) t.reals()[i]);
                case DOUBLE -> b.putDouble(t.reals()[i]);
                case FLOAT16, BFLOAT16 -> throw new IllegalArgumentException("tensor '" + t.name()
                        + "': writing " + t.type() + " is not supported");
                case INT8, UINT8, BOOL -> b.put((byte) t.ints()[i]);
                case INT16, UINT16 -> b.putShort((short) t.ints()[i]);
                case INT32, UINT32 -> b.putInt((int) t.ints()[i]);
                default -> b.putLong(t.ints()[i]);
            }
        }
        return b.array();
    }

    private static byte[] valueInfo(ValueInfo v) {
        return message(out -> {
            out.writeString(1, v.name());
            if (v.elemType() == null && v.shape() == null) {
                return;
            }
            byte[] tensorType = message(o -> {
                if (v.elemType() != null) {
                    o.writeInt32(1, v.elemType().code());
                }
                if (v.shape() != null) {
                    o.writeByteArray(2, message(s -> {
                        for (int i = 0; i < v.shape().size(); i++) {
                            long d = v.shape().get(i);
                            String p = v.dimParams() == null ? "" : v.dimParams().get(i);
                            s.writeByteArray(1, message(dim -> {
                                if (d >= 0) {
                                    dim.writeInt64(1, d);
                                } else if (!p.isEmpty()) {
                                    dim.writeString(2, p);
                                }
                            }));
                        }
                    }));
                }
            });
            out.writeByteArray(2, message(o -> o.writeByteArray(1, tensorType)));
        });
    }
}
