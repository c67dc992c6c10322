package io.socsim.workloads.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds ONNX models in code, for the repository's own test graphs and exports: inputs,
 * integer initializers, nodes and outputs, in the order they are added.
 */
public final class GraphBuilder {

    private final String name;
    private final List<OnnxNode> nodes = new ArrayList<>();
    private final List<OnnxTensor> initializers = new ArrayList<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private final Map<String, Long> opsets = new LinkedHashMap<>();

    public GraphBuilder(String name) {
        this.name = name;
        opsets.put("", 13L);
    }

    public GraphBuilder opset(long version) {
        opsets.put("", version);
        return this;
    }

    public GraphBuilder input(String value, DataType type, long... shape) {
        inputs.add(ValueInfo.of(value, type, shape));
        return this;
    }

    /** An integer initializer of the given type. */
    public GraphBuilder initializer(String value, DataType type, long[] shape, long... data) {
        initializers.add(OnnxTensor.ofInts(value, type, shape, data));
        return this;
    }

    /** A FLOAT initializer holding integers, as quantisation exporters write their constants. */
    public GraphBuilder floatInitializer(String value, long[] shape, long... data) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        initializers.add(OnnxTensor.ofReals(value, DataType.FLOAT, shape, d));
        return this;
    }

    public GraphBuilder node(String opType, List<String> in, List<String> out,
            OnnxAttribute... attributes) {
        return node(opType + "_" + nodes.size(), opType, in, out, attributes);
    }

    public GraphBuilder node(String nodeName, String opType, List<String> in, List<String> out,
            OnnxAttribute... attributes) {
        nodes.add(new OnnxNode(nodeName, opType, "", in, out, List.of(attributes)));
        return this;
    }

    public GraphBuilder output(String value) {
        outputs.add(new ValueInfo(value, null, null, null));
        return this;
    }

    public GraphBuilder output(String value, DataType type, long... shape) {
        outputs.add(ValueInfo.of(value, type, shape));
        return this;
    }

    public OnnxModel build() {
        return new OnnxModel(8, "socsim", "1", opsets,
                new OnnxGraph(name, nodes, initializers, inputs, outputs, List.of()));
    }

    /** A one-element FLOAT tensor attribute, the form the flow uses for div, n_levels, etc. */
    public static OnnxAttribute scalarTensor(String attr, long value) {
        return OnnxAttribute.ofTensor(attr, OnnxTensor.ofReals(attr, DataType.FLOAT,
                new long[] {1}, new double[] {value}));
    }
}
