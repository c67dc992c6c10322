package io.socsim.workloads.onnx;

import java.util.List;
import java.util.Objects;

/**
 * A graph input, output or annotated value: name, declared element type (empty when absent or not
 * a tensor) and shape. A dimension that is symbolic or unknown is -1, with its symbol (if any) in
 * {@code dimParams} at the same index; {@code shape} is {@code null} when no shape is declared.
 */
public record ValueInfo(String name, DataType elemType, List<Long> shape, List<String> dimParams) {

    public ValueInfo {
        Objects.requireNonNull(name, "name");
        shape = shape == null ? null : List.copyOf(shape);
        dimParams = dimParams == null ? null : List.copyOf(dimParams);
    }

    public static ValueInfo of(String name, DataType type, long... dims) {
        Long[] boxed = new Long[dims.length];
        String[] params = new String[dims.length];
        for (int i = 0; i < dims.length; i++) {
            boxed[i] = dims[i];
            params[i] = "";
        }
        return new ValueInfo(name, type, List.of(boxed), List.of(params));
    }
}
