package io.socsim.workloads.onnx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One node: operator, its domain, input and output value names (empty = optional input absent). */
public record OnnxNode(String name, String opType, String domain, List<String> inputs,
        List<String> outputs, List<OnnxAttribute> attributes) {

    public OnnxNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(domain, "domain");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = List.copyOf(attributes);
    }

    public Optional<OnnxAttribute> attribute(String attributeName) {
        for (OnnxAttribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
