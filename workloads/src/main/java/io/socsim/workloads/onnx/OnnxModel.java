package io.socsim.workloads.onnx;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A model: IR version, producer, imported operator sets (domain to version, "" = ai.onnx), graph. */
public record OnnxModel(long irVersion, String producerName, String producerVersion,
        Map<String, Long> opsets, OnnxGraph graph) {

    public OnnxModel {
        Objects.requireNonNull(producerName, "producerName");
        Objects.requireNonNull(producerVersion, "producerVersion");
        Objects.requireNonNull(graph, "graph");
        opsets = java.util.Collections.unmodifiableMap(new TreeMap<>(opsets));
    }

    /** The version of the default domain's operator set (0 when not imported). */
    public long defaultOpset() {
        Long v = opsets.get("");
        if (v == null) {
            v = opsets.get("ai.onnx");
        }
        return v == null ? 0 : v;
    }
}
