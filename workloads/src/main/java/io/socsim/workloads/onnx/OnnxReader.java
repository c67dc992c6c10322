package io.socsim.workloads.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ONNX model with protobuf's wire-format reader, field by field over the numbers that
 * {@code onnx.proto} publishes (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto, TypeProto, TensorShapeProto, OperatorSetIdProto). Unknown fields are skipped as
 * protobuf requires; everything this project cannot represent (external or sparse data, string
 * tensors, subgraph attributes used as values) is refused with one {@link OnnxFormatException}
 * that names the file and the place.
 */
public final class OnnxReader {

    private final String source;

    private OnnxReader(String source) {
        this.source = source;
    }

    public static OnnxModel read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OnnxFormatException(file.toString(), "cannot read the file (" + e + ")");
        }
        return parse(bytes, file.toString());
    }

    /** Parses an in-memory model; {@code source} names it in messages. */
    public static OnnxModel parse(byte[] bytes, String source) {
        OnnxReader r = new OnnxReader(source);
        try {
            return r.model(CodedInputStream.newInstance(bytes));
        } catch (OnnxFormatException e) {
            throw e;
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatException(source, "not a valid ONNX protobuf (" + e.getMessage()
                    + ")", e);
        } catch (IOException | RuntimeException e) {
            // protobuf reports some malformations (e.g. absurd lengths) through other types
            throw new OnnxFormatException(source, "not a valid ONNX protobuf (" + e + ")", e);
        }
    }

    private OnnxFormatException error(String message) {
        return new OnnxFormatException(source, message);
    }

    private void expect(int tag, int wireType, String field) {
        int actual = WireFormat.getTagWireType(tag);
        if (actual != wireType) {
            throw error(field + " has wire type " + actual + ", expected " + wireType);
        }
    }

    /** Enters a length-delimited sub-message; returns the limit to restore. */
    private static int enter(CodedInputStream in) throws IOException {
        int len = in.readRawVarint32();
        if (len < 0) {
            throw new InvalidProtocolBufferException("negative length " + len);
        }
        return in.pushLimit(len);
    }

    private static void leave(CodedInputStream in, int old) throws IOException {
        if (!in.isAtEnd()) {
            throw new InvalidProtocolBufferException("sub-message not fully consumed");
        }
        in.popLimit(old);
    }

    private OnnxModel model(CodedInputStream in) throws IOException {
        long ir = 0;
        String producer = "";
        String producerVersion = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        OnnxGraph graph = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "ModelProto.ir_version");
                    ir = in.readInt64();
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ModelProto.producer_name");
                    producer = in.readBytes().toStringUtf8();
                }
                case 3 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ModelProto.producer_version");
                    producerVersion = in.readBytes().toStringUtf8();
                }
                case 7 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ModelProto.graph");
                    int old = enter(in);
                    graph = graph(in);
                    leave(in, old);
                }
                case 8 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ModelProto.opset_import");
                    int old = enter(in);
                    opset(in, opsets);
                    leave(in, old);
                }
                default -> in.skipField(tag);
            }
        }
        if (graph == null) {
            throw error("no graph (ModelProto field 7): not an ONNX model or truncated");
        }
        return new OnnxModel(ir, producer, producerVersion, opsets, graph);
    }

    private void opset(CodedInputStream in, Map<String, Long> opsets) throws IOException {
        String domain = "";
        long version = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "OperatorSetIdProto.domain");
                    domain = in.readBytes().toStringUtf8();
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "OperatorSetIdProto.version");
                    version = in.readInt64();
                }
                default -> in.skipField(tag);
            }
        }
        opsets.merge(domain, version, Math::max);
    }

    private OnnxGraph graph(CodedInputStream in) throws IOException {
        String name = "";
        List<OnnxNode> nodes = new ArrayList<>();
        List<OnnxTensor> inits = new ArrayList<>();
        List<ValueInfo> inputs = new ArrayList<>();
        List<ValueInfo> outputs = new ArrayList<>();
        List<ValueInfo> infos = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "GraphProto.node");
                    int old = enter(in);
                    nodes.add(node(in, nodes.size()));
                    leave(in, old);
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "GraphProto.name");
                    name = in.readBytes().toStringUtf8();
                }
                case 5 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "GraphProto.initializer");
                    int old = enter(in);
                    inits.add(tensor(in, "initializer " + inits.size()));
                    leave(in, old);
                }
                case 11, 12, 13 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "GraphProto."
                            + (field == 11 ? "input" : field == 12 ? "output" : "value_info"));
                    int old = enter(in);
                    ValueInfo v = valueInfo(in);
                    leave(in, old);
                    (field == 11 ? inputs : field == 12 ? outputs : infos).add(v);
                }
                case 15 -> throw error("graph '" + name + "' has sparse initializers, which are not"
                        + " supported");
                default -> in.skipField(tag);
            }
        }
        return new OnnxGraph(name, nodes, inits, inputs, outputs, infos);
    }

    private OnnxNode node(CodedInputStream in, int index) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String op = null;
        String domain = "";
        List<OnnxAttribute> attrs = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.input");
                    inputs.add(in.readBytes().toStringUtf8());
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.output");
                    outputs.add(in.readBytes().toStringUtf8());
                }
                case 3 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.name");
                    name = in.readBytes().toStringUtf8();
                }
                case 4 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.op_type");
                    op = in.readBytes().toStringUtf8();
                }
                case 7 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.domain");
                    domain = in.readBytes().toStringUtf8();
                }
                case 5 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "NodeProto.attribute");
                    int old = enter(in);
                    attrs.add(attribute(in, "node " + index + " ('" + name + "')"));
                    leave(in, old);
                }
                default -> in.skipField(tag);
            }
        }
        if (op == null || op.isEmpty()) {
            throw error("node " + index + " ('" + name + "') has no op_type");
        }
        return new OnnxNode(name, op, domain, inputs, outputs, attrs);
    }

    private OnnxAttribute attribute(CodedInputStream in, String where) throws IOException {
        String name = null;
        int type = 0;
        Map<OnnxAttribute.Kind, Object> seen = new LinkedHashMap<>();
        LongList ints = new LongList();
        List<Double> floats = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<OnnxTensor> tensors = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            String w = where + " attribute '" + (name == null ? "?" : name) + "'";
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "AttributeProto.name");
                    name = in.readBytes().toStringUtf8();
                }
                case 20 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "AttributeProto.type");
                    type = in.readInt32();
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_FIXED32, "AttributeProto.f");
                    seen.put(OnnxAttribute.Kind.FLOAT, (double) in.readFloat());
                }
                case 3 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "AttributeProto.i");
                    seen.put(OnnxAttribute.Kind.INT, in.readInt64());
                }
                case 4 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "AttributeProto.s");
                    seen.put(OnnxAttribute.Kind.STRING, in.readBytes().toStringUtf8());
                }
                case 5 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "AttributeProto.t");
                    int old = enter(in);
                    seen.put(OnnxAttribute.Kind.TENSOR, tensor(in, w));
                    leave(in, old);
                }
                case 6 -> {
                    in.skipField(tag);
                    seen.put(OnnxAttribute.Kind.GRAPH, null);
                }
                case 11 -> {
                    in.skipField(tag);
                    seen.put(OnnxAttribute.Kind.GRAPHS, null);
                }
                case 7 -> {
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int old = enter(in);
                        while (!in.isAtEnd()) {
                            floats.add((double) in.readFloat());
                        }
                        in.popLimit(old);
                    } else {
                        expect(tag, WireFormat.WIRETYPE_FIXED32, "AttributeProto.floats");
                        floats.add((double) in.readFloat());
                    }
                    seen.put(OnnxAttribute.Kind.FLOATS, null);
                }
                case 8 -> {
                    readInt64s(in, tag, "AttributeProto.ints", ints);
                    seen.put(OnnxAttribute.Kind.INTS, null);
                }
                case 9 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "AttributeProto.strings");
                    strings.add(in.readBytes().toStringUtf8());
                    seen.put(OnnxAttribute.Kind.STRINGS, null);
                }
                case 10 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "AttributeProto.tensors");
                    int old = enter(in);
                    tensors.add(tensor(in, w + " tensor " + tensors.size()));
                    leave(in, old);
                    seen.put(OnnxAttribute.Kind.TENSORS, null);
                }
                case 21 -> throw error(w + " refers to a function attribute (ref_attr_name), which"
                        + " is only valid inside functions");
                default -> in.skipField(tag);
            }
        }
        if (name == null || name.isEmpty()) {
            throw error(where + " has an attribute without a name");
        }
        OnnxAttribute.Kind kind;
        if (type != 0) {
            kind = OnnxAttribute.Kind.of(type);
            if (kind == null) {
                throw error(where + " attribute '" + name + "' has unknown type " + type);
            }
        } else if (seen.size() == 1) {
            kind = seen.keySet().iterator().next(); // IR version 1 files carry no type field
        } else {
            throw error(where + " attribute '" + name + "' has no type and "
                    + (seen.isEmpty() ? "no value" : "several values " + seen.keySet()));
        }
        Object value = switch (kind) {
            case FLOAT -> seen.getOrDefault(kind, 0.0);
            case INT -> seen.getOrDefault(kind, 0L);
            case STRING -> seen.getOrDefault(kind, "");
            case TENSOR -> {
                Object t = seen.get(kind);
                if (t == null) {
                    throw error(where + " attribute '" + name + "' of type TENSOR has no tensor");
                }
                yield t;
            }
            case FLOATS -> floats.stream().mapToDouble(Double::doubleValue).toArray();
            case INTS -> ints.toArray();
            case STRINGS -> List.copyOf(strings);
            case TENSORS -> List.copyOf(tensors);
            default -> null;
        };
        return new OnnxAttribute(name, kind, value);
    }

    private void readInt64s(CodedInputStream in, int tag, String field, LongList out)
            throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int old = enter(in);
            while (!in.isAtEnd()) {
                out.add(in.readInt64());
            }
            in.popLimit(old);
        } else {
            expect(tag, WireFormat.WIRETYPE_VARINT, field);
            out.add(in.readInt64());
        }
    }

    private ValueInfo valueInfo(CodedInputStream in) throws IOException {
        String name = "";
        DataType elem = null;
        List<Long> shape = null;
        List<String> params = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ValueInfoProto.name");
                    name = in.readBytes().toStringUtf8();
                }
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "ValueInfoProto.type");
                    int old = enter(in);
                    int t;
                    while ((t = in.readTag()) != 0) {
                        if (WireFormat.getTagFieldNumber(t) != 1) {
                            in.skipField(t); // sequence, map, optional types: not tensors
                            continue;
                        }
                        expect(t, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TypeProto.tensor_type");
                        int old2 = enter(in);
                        int u;
                        while ((u = in.readTag()) != 0) {
                            switch (WireFormat.getTagFieldNumber(u)) {
                                case 1 -> {
                                    expect(u, WireFormat.WIRETYPE_VARINT,
                                            "TypeProto.Tensor.elem_type");
                                    elem = DataType.of(in.readInt32()).orElse(null);
                                }
                                case 2 -> {
                                    expect(u, WireFormat.WIRETYPE_LENGTH_DELIMITED,
                                            "TypeProto.Tensor.shape");
                                    shape = new ArrayList<>();
                                    params = new ArrayList<>();
                                    int old3 = enter(in);
                                    shape(in, shape, params);
                                    leave(in, old3);
                                }
                                default -> in.skipField(u);
                            }
                        }
                        leave(in, old2);
                    }
                    leave(in, old);
                }
                default -> in.skipField(tag);
            }
        }
        return new ValueInfo(name, elem, shape, params);
    }

    private void shape(CodedInputStream in, List<Long> shape, List<String> params)
            throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) != 1) {
                in.skipField(tag);
                continue;
            }
            expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TensorShapeProto.dim");
            int old = enter(in);
            long value = -1;
            String param = "";
            int t;
            while ((t = in.readTag()) != 0) {
                switch (WireFormat.getTagFieldNumber(t)) {
                    case 1 -> {
                        expect(t, WireFormat.WIRETYPE_VARINT, "Dimension.dim_value");
                        value = in.readInt64();
                    }
                    case 2 -> {
                        expect(t, WireFormat.WIRETYPE_LENGTH_DELIMITED, "Dimension.dim_param");
                        param = in.readBytes().toStringUtf8();
                    }
                    default -> in.skipField(t);
                }
            }
            leave(in, old);
            shape.add(value < 0 ? -1 : value);
            params.add(param);
        }
    }

    private OnnxTensor tensor(CodedInputStream in, String where) throws IOException {
        LongList dims = new LongList();
        int code = 0;
        String name = "";
        ByteString raw = null;
        LongList ints = new LongList();
        List<Float> floats = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        String typed = null;
        boolean external = false;
        boolean strings = false;
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case 1 -> readInt64s(in, tag, "TensorProto.dims", dims);
                case 2 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "TensorProto.data_type");
                    code = in.readInt32();
                }
                case 4 -> {
                    typed = "float_data";
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int old = enter(in);
                        while (!in.isAtEnd()) {
                            floats.add(in.readFloat());
                        }
                        in.popLimit(old);
                    } else {
                        expect(tag, WireFormat.WIRETYPE_FIXED32, "TensorProto.float_data");
                        floats.add(in.readFloat());
                    }
                }
                case 5 -> {
                    typed = "int32_data";
                    LongList l = new LongList();
                    readInt64s(in, tag, "TensorProto.int32_data", l);
                    for (long v : l.toArray()) {
                        ints.add((int) v); // int32 on the wire is sign-extended to 64 bits
                    }
                }
                case 7 -> {
                    typed = "int64_data";
                    readInt64s(in, tag, "TensorProto.int64_data", ints);
                }
                case 11 -> {
                    typed = "uint64_data";
                    readInt64s(in, tag, "TensorProto.uint64_data", ints);
                }
                case 10 -> {
                    typed = "double_data";
                    if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int old = enter(in);
                        while (!in.isAtEnd()) {
                            doubles.add(in.readDouble());
                        }
                        in.popLimit(old);
                    } else {
                        expect(tag, WireFormat.WIRETYPE_FIXED64, "TensorProto.double_data");
                        doubles.add(in.readDouble());
                    }
                }
                case 6 -> {
                    in.skipField(tag);
                    strings = true;
                }
                case 8 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TensorProto.name");
                    name = in.readBytes().toStringUtf8();
                }
                case 9 -> {
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "TensorProto.raw_data");
                    raw = in.readBytes();
                }
                case 13 -> {
                    in.skipField(tag);
                    external = true;
                }
                case 14 -> {
                    expect(tag, WireFormat.WIRETYPE_VARINT, "TensorProto.data_location");
                    external |= in.readInt32() == 1;
                }
                default -> in.skipField(tag);
            }
        }
        String what = "tensor '" + name + "' (" + where + ")";
        if (external) {
            throw error(what + " keeps its data in an external file, which is not supported");
        }
        if (code == 0) {
            throw error(what + " has no data_type");
        }
        int typeCode = code;
        DataType type = DataType.of(typeCode).orElseThrow(
                () -> error(what + " has unsupported data_type " + typeCode));
        if (type == DataType.STRING || strings) {
            throw error(what + " holds strings, which are not supported");
        }
        long[] shape = dims.toArray();
        for (long d : shape) {
            if (d < 0) {
                throw error(what + " has negative dimension in shape " + Arrays.toString(shape));
            }
        }
        long n = OnnxTensor.elementCount(shape);
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw error(what + " has too many elements: shape " + Arrays.toString(shape));
        }
        int count = (int) n;
        if (raw != null && typed != null) {
            throw error(what + " has both raw_data and " + typed);
        }
        if (raw != null) {
            long need = (long) count * type.bytes();
            if (raw.size() != need) {
                throw error(what + ": raw_data has " + raw.size() + " bytes, shape "
                        + Arrays.toString(shape) + " of " + type + " needs " + need);
            }
            return decodeRaw(name, type, shape, raw.asReadOnlyByteBuffer().order(
                    ByteOrder.LITTLE_ENDIAN), count);
        }
        String expected = switch (type) {
            case FLOAT -> "float_data";
            case DOUBLE -> "double_data";
            case INT64 -> "int64_data";
            case UINT32, UINT64 -> "uint64_data";
            default -> "int32_data";
        };
        if (typed == null) {
            if (count != 0) {
                throw error(what + " has no data for shape " + Arrays.toString(shape));
            }
            typed = expected;
        }
        if (!typed.equals(expected)) {
            throw error(what + " of type " + type + " stores its values in " + typed
                    + " instead of " + expected);
        }
        int have = switch (typed) {
            case "float_data" -> floats.size();
            case "double_data" -> doubles.size();
            default -> ints.size();
        };
        if (have != count) {
            throw error(what + " holds " + have + " values in " + typed + " for shape "
                    + Arrays.toString(shape) + " (" + count + " elements)");
        }
        if (type == DataType.FLOAT) {
            double[] r = new double[count];
            for (int i = 0; i < count; i++) {
                r[i] = floats.get(i);
            }
            return new OnnxTensor(name, type, shape, null, r);
        }
        if (type == DataType.DOUBLE) {
            return new OnnxTensor(name, type, shape, null,
                    doubles.stream().mapToDouble(Double::doubleValue).toArray());
        }
        long[] v = ints.toArray();
        if (type == DataType.FLOAT16 || type == DataType.BFLOAT16) {
            double[] r = new double[count];
            for (int i = 0; i < count; i++) {
                r[i] = halfToDouble(type, (int) v[i] & 0xFFFF);
            }
            return new OnnxTensor(name, type, shape, null, r);
        }
        for (int i = 0; i < count; i++) {
            if (!fits(type, v[i])) {
                throw error(what + " element " + i + " = " + v[i] + " is out of range for "
                        + type);
            }
        }
        return new OnnxTensor(name, type, shape, v, null);
    }

    private static boolean fits(DataType type, long v) {
        return switch (type) {
            case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT8 -> v >= 0 && v <= 0xFF;
            case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case UINT16 -> v >= 0 && v <= 0xFFFF;
            case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT32 -> v >= 0 && v <= 0xFFFF_FFFFL;
            case BOOL -> v == 0 || v == 1;
            default -> true;
        };
    }

    private static OnnxTensor decodeRaw(String name, DataType type, long[] shape, ByteBuffer b,
            int n) {
        if (!type.isInteger()) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = switch (type) {
                    case FLOAT -> b.getFloat();
                    case DOUBLE -> b.getDouble();
                    default -> halfToDouble(type, b.getShort() & 0xFFFF);
                };
            }
            return new OnnxTensor(name, type, shape, null, r);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (type) {
                case INT8 -> b.get();
                case UINT8, BOOL -> b.get() & 0xFF;
                case INT16 -> b.getShort();
                case UINT16 -> b.getShort() & 0xFFFF;
                case INT32 -> b.getInt();
                case UINT32 -> b.getInt() & 0xFFFF_FFFFL;
                default -> b.getLong();
            };
        }
        return new OnnxTensor(name, type, shape, v, null);
    }

    /** IEEE half or bfloat16 bits to a double (Java 17 has no {@code Float.float16ToFloat}). */
    static double halfToDouble(DataType type, int bits) {
        if (type == DataType.BFLOAT16) {
            return Float.intBitsToFloat(bits << 16);
        }
        int sign = (bits >> 15) & 1;
        int exp = (bits >> 10) & 0x1F;
        int frac = bits & 0x3FF;
        double v;
        if (exp == 0) {
            v = frac * 0x1p-24;
        } else if (exp == 31) {
            v = frac == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = (1 + frac / 1024.0) * Math.pow(2, exp - 15);
        }
        return sign == 1 ? -v : v;
    }

    /** A growable list of longs (the reader's only collection of primitives). */
    static final class LongList {
        private long[] a = new long[8];
        private int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
