package io.socsim.workloads.onnx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A graph in file order: nodes (topologically sorted, as ONNX requires), initializers, the declared
 * inputs (which may include initializers, as older exporters write them), outputs and value infos.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, List<OnnxTensor> initializers,
        List<ValueInfo> inputs, List<ValueInfo> outputs, List<ValueInfo> valueInfos) {

    public OnnxGraph {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        initializers = List.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        valueInfos = List.copyOf(valueInfos);
    }

    public Optional<OnnxTensor> initializer(String tensorName) {
        for (OnnxTensor t : initializers) {
            if (t.name().equals(tensorName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The inputs a caller must supply: declared inputs that are not initializers, in order. */
    public List<ValueInfo> runtimeInputs() {
        return inputs.stream().filter(v -> initializer(v.name()).isEmpty()).toList();
    }
}
