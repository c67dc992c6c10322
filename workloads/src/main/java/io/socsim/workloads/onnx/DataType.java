package io.socsim.workloads.onnx;

import java.util.Optional;

/**
 * The element types of ONNX's {@code TensorProto.DataType}, with their numbers in the published
 * schema and their width in {@code raw_data}. Only the numeric ones carry data here.
 */
public enum DataType {
    FLOAT(1, 4, false),
    UINT8(2, 1, true),
    INT8(3, 1, true),
    UINT16(4, 2, true),
    INT16(5, 2, true),
    INT32(6, 4, true),
    INT64(7, 8, true),
    STRING(8, 0, false),
    BOOL(9, 1, true),
    FLOAT16(10, 2, false),
    DOUBLE(11, 8, false),
    UINT32(12, 4, true),
    UINT64(13, 8, true),
    BFLOAT16(16, 2, false);

    private final int code;
    private final int bytes;
    private final boolean integer;

    DataType(int code, int bytes, boolean integer) {
        this.code = code;
        this.bytes = bytes;
        this.integer = integer;
    }

    /** The number in {@code onnx.proto}. */
    public int code() {
        return code;
    }

    /** Bytes per element in {@code raw_data} (0 for strings). */
    public int bytes() {
        return bytes;
    }

    /** Whether the elements are integers (held as {@code long}); otherwise reals ({@code double}). */
    public boolean isInteger() {
        return integer;
    }

    public static Optional<DataType> of(int code) {
        for (DataType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
