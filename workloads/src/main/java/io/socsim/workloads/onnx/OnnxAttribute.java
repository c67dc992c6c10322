package io.socsim.workloads.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A node attribute. {@code value} is a {@code Double} (FLOAT), {@code Long} (INT), {@code String}
 * (STRING), {@link OnnxTensor} (TENSOR), {@code double[]} (FLOATS), {@code long[]} (INTS),
 * {@code List<String>} (STRINGS) or {@code List<OnnxTensor>} (TENSORS); graph-valued attributes are kept by kind only (value
 * {@code null}) because no operator here takes a subgraph.
 */
public record OnnxAttribute(String name, Kind kind, Object value) {

    /** {@code AttributeProto.AttributeType}, with the schema's numbers. */
    public enum Kind {
        FLOAT(1), INT(2), STRING(3), TENSOR(4), GRAPH(5), FLOATS(6), INTS(7), STRINGS(8),
        TENSORS(9), GRAPHS(10), SPARSE_TENSOR(11), SPARSE_TENSORS(12), TYPE_PROTO(13),
        TYPE_PROTOS(14);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Kind of(int code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            return null;
        }
    }

    public OnnxAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static OnnxAttribute ofInt(String name, long v) {
        return new OnnxAttribute(name, Kind.INT, v);
    }

    public static OnnxAttribute ofFloat(String name, double v) {
        return new OnnxAttribute(name, Kind.FLOAT, v);
    }

    public static OnnxAttribute ofString(String name, String v) {
        return new OnnxAttribute(name, Kind.STRING, v);
    }

    public static OnnxAttribute ofInts(String name, long... v) {
        return new OnnxAttribute(name, Kind.INTS, v.clone());
    }

    public static OnnxAttribute ofFloats(String name, double... v) {
        return new OnnxAttribute(name, Kind.FLOATS, v.clone());
    }

    public static OnnxAttribute ofStrings(String name, List<String> v) {
        return new OnnxAttribute(name, Kind.STRINGS, List.copyOf(v));
    }

    public static OnnxAttribute ofTensor(String name, OnnxTensor t) {
        return new OnnxAttribute(name, Kind.TENSOR, t);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OnnxAttribute a) || !name.equals(a.name) || kind != a.kind) {
            return false;
        }
        if (value instanceof long[] l && a.value instanceof long[] m) {
            return Arrays.equals(l, m);
        }
        if (value instanceof double[] l && a.value instanceof double[] m) {
            return Arrays.equals(l, m);
        }
        return Objects.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        int h = name.hashCode() * 31 + kind.hashCode();
        if (value instanceof long[] l) {
            return h * 31 + Arrays.hashCode(l);
        }
        if (value instanceof double[] d) {
            return h * 31 + Arrays.hashCode(d);
        }
        return h * 31 + Objects.hashCode(value);
    }

    @Override
    public String toString() {
        Object v = value instanceof long[] l ? Arrays.toString(l)
                : value instanceof double[] d ? Arrays.toString(d) : value;
        return name + "=" + v;
    }
}
