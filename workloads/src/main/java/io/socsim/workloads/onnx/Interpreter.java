package io.socsim.workloads.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The host-side reference interpreter of an integer ONNX graph: evaluates every node exactly in
 * 64-bit integers with the quantisation flow's own operator definitions, and infers the integer
 * type of every value as a deployment would store it. It is the semantics that the simulated
 * cluster has to reproduce.
 */
public final class Interpreter {

    private static final Map<String, Operator> OPERATORS;

    static {
        Map<String, Operator> m = new TreeMap<>();
        m.put("Add", ArithmeticOps::add);
        m.put("Sub", ArithmeticOps::sub);
        m.put("Mul", ArithmeticOps::mul);
        m.put("MatMul", ArithmeticOps::matMul);
        m.put("Gemm", ArithmeticOps::gemm);
        m.put("IntegerDiv", ArithmeticOps::integerDiv);
        m.put("TrueIntegerDiv", ArithmeticOps::trueIntegerDiv);
        m.put("RequantShift", QuantOps::requantShift);
        m.put("iSoftmax", QuantOps::iSoftmax);
        m.put("ITAMax", QuantOps::itaMax);
        m.put("ITAPartialMax", QuantOps::itaPartialMax);
        m.put("iLayerNorm", QuantOps::iLayerNorm);
        m.put("iNoNorm", QuantOps::iNoNorm);
        m.put("iRMSNorm", QuantOps::iRmsNorm);
        m.put("iGELU", QuantOps::iGelu);
        m.put("iHardswish", QuantOps::iHardswish);
        m.put("Conv", WindowOps::conv);
        m.put("MaxPool", WindowOps::maxPool);
        m.put("Pad", WindowOps::pad);
        m.put("ReduceMean", ReduceOps::reduceMean);
        m.put("ReduceSum", ReduceOps::reduceSum);
        m.put("IntegerMean", ReduceOps::integerMean);
        m.put("Reshape", ShapeOps::reshape);
        m.put("Transpose", ShapeOps::transpose);
        m.put("Concat", ShapeOps::concat);
        m.put("Slice", ShapeOps::slice);
        m.put("Gather", ShapeOps::gather);
        m.put("Flatten", ShapeOps::flatten);
        m.put("Unsqueeze", ShapeOps::unsqueeze);
        m.put("Squeeze", ShapeOps::squeeze);
        m.put("Identity", ShapeOps::identity);
        m.put("Constant", ShapeOps::constant);
        OPERATORS = Collections.unmodifiableMap(m);
    }

    /** The result of a run: graph outputs in declaration order, every value, every type. */
    public record Result(Map<String, Tensor> outputs, Map<String, Tensor> values,
            Map<String, IntType> types) {
    }

    private final OnnxModel model;
    private final Map<String, OnnxTensor> initializers = new HashMap<>();
    /** Node indices in evaluation order. */
    private final List<Integer> order = new ArrayList<>();

    /**
     * Checks the graph before any evaluation: every operator must be known and every node input
     * defined by a graph input, an initializer or another node, without cycles.
     */
    public Interpreter(OnnxModel model) {
        this.model = model;
        OnnxGraph g = model.graph();
        Set<String> defined = new java.util.HashSet<>();
        for (OnnxTensor t : g.initializers()) {
            initializers.put(t.name(), t);
            defined.add(t.name());
        }
        for (ValueInfo v : g.inputs()) {
            defined.add(v.name());
        }
        List<OnnxNode> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            OnnxNode node = nodes.get(i);
            if (!OPERATORS.containsKey(node.opType())) {
                throw OnnxGraphException.at(i, node, "operator '" + node.opType()
                        + "' is not supported" + (node.domain().isEmpty() ? ""
                        : " (domain '" + node.domain() + "')") + "; supported: "
                        + String.join(", ", OPERATORS.keySet()));
            }
        }
        // ONNX requires topological order, but exporters do not always keep it: evaluate each
        // node as soon as its inputs exist, preferring file order.
        boolean[] done = new boolean[nodes.size()];
        int remaining = nodes.size();
        while (remaining > 0) {
            int ready = -1;
            for (int i = 0; i < nodes.size() && ready < 0; i++) {
                if (!done[i] && nodes.get(i).inputs().stream()
                        .allMatch(in -> in.isEmpty() || defined.contains(in))) {
                    ready = i;
                }
            }
            if (ready < 0) {
                for (int i = 0; i < nodes.size(); i++) {
                    if (!done[i]) {
                        String missing = nodes.get(i).inputs().stream()
                                .filter(in -> !in.isEmpty() && !defined.contains(in))
                                .findFirst().orElse("?");
                        throw OnnxGraphException.at(i, nodes.get(i), "input '" + missing
                                + "' is not a graph input, an initializer or the output of"
                                + " another node (or the graph has a cycle)");
                    }
                }
            }
            done[ready] = true;
            remaining--;
            order.add(ready);
            defined.addAll(nodes.get(ready).outputs());
        }
        for (ValueInfo v : g.outputs()) {
            if (!defined.contains(v.name())) {
                throw new OnnxGraphException("graph output '" + v.name()
                        + "' is not produced by any node, initializer or input");
            }
        }
    }

    /** The operators the interpreter evaluates, sorted. */
    public static Set<String> operators() {
        return OPERATORS.keySet();
    }

    public OnnxModel model() {
        return model;
    }

    /** Runs with the runtime inputs (graph inputs that are not initializers) in order. */
    public Result run(List<Tensor> inputs) {
        List<ValueInfo> declared = model.graph().runtimeInputs();
        if (inputs.size() < declared.size()) {
            throw new OnnxGraphException("the graph takes " + declared.size() + " inputs ("
                    + String.join(", ", declared.stream().map(ValueInfo::name).toList())
                    + "), " + inputs.size() + " given");
        }
        Map<String, Tensor> named = new LinkedHashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            named.put(declared.get(i).name(), inputs.get(i));
        }
        return run(named);
    }

    public Result run(Map<String, Tensor> inputs) {
        OnnxGraph g = model.graph();
        Map<String, Tensor> values = new LinkedHashMap<>();
        Map<String, IntType> types = new LinkedHashMap<>();
        for (ValueInfo v : g.runtimeInputs()) {
            Tensor t = inputs.get(v.name());
            if (t == null) {
                throw new OnnxGraphException("graph input '" + v.name() + "' is not given");
            }
            checkDeclaredShape(v, t);
            values.put(v.name(), t);
            types.put(v.name(), IntType.fitting(t.data()));
        }
        long opset = model.defaultOpset();
        List<OnnxNode> nodes = g.nodes();
        for (int i : order) {
            OnnxNode node = nodes.get(i);
            Tensor[] in = new Tensor[node.inputs().size()];
            IntType[] inTypes = new IntType[in.length];
            for (int k = 0; k < in.length; k++) {
                String name = node.inputs().get(k);
                if (name.isEmpty()) {
                    continue;
                }
                in[k] = value(name, values, types, i, node);
                inTypes[k] = types.get(name);
            }
            NodeCall call = new NodeCall(i, node, in, opset);
            Tensor[] out;
            try {
                out = OPERATORS.get(node.opType()).apply(call);
            } catch (ArithmeticException e) {
                throw call.fail("integer overflow (" + e.getMessage() + ")");
            }
            if (out.length != node.outputs().size()) {
                throw call.fail("produces " + out.length + " outputs, the node names "
                        + node.outputs().size());
            }
            for (int k = 0; k < out.length; k++) {
                values.put(node.outputs().get(k), out[k]);
                types.put(node.outputs().get(k), TypeRules.infer(call, inTypes, out[k]));
            }
        }
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        for (ValueInfo v : g.outputs()) {
            outputs.put(v.name(), value(v.name(), values, types, -1, null));
        }
        return new Result(Collections.unmodifiableMap(outputs),
                Collections.unmodifiableMap(values), Collections.unmodifiableMap(types));
    }

    private static void checkDeclaredShape(ValueInfo v, Tensor t) {
        if (v.shape() == null) {
            return;
        }
        boolean ok = v.shape().size() == t.rank();
        for (int d = 0; ok && d < t.rank(); d++) {
            long want = v.shape().get(d);
            ok = want < 0 || want == t.dim(d);
        }
        if (!ok) {
            throw new OnnxGraphException("graph input '" + v.name() + "' has shape "
                    + t.shapeString() + ", the graph declares " + v.shape());
        }
    }

    private Tensor value(String name, Map<String, Tensor> values, Map<String, IntType> types,
            int index, OnnxNode node) {
        Tensor t = values.get(name);
        if (t != null) {
            return t;
        }
        OnnxTensor init = initializers.get(name);
        if (init == null) {
            throw new OnnxGraphException("value '" + name + "' is not defined");
        }
        long[] data;
        if (init.ints() != null) {
            data = init.ints();
        } else {
            data = new long[init.reals().length];
            for (int i = 0; i < data.length; i++) {
                double d = init.reals()[i];
                if (d != Math.rint(d) || Math.abs(d) > 0x1p62) {
                    String where = node == null ? "graph output" : "used by node '" + node.name()
                            + "' (#" + index + ", " + node.opType() + ")";
                    throw new OnnxGraphException("initializer '" + name + "' (" + where
                            + ") element " + i + " = " + d + " is not an integer");
                }
                data[i] = (long) d;
            }
        }
        t = new Tensor(init.dims(), data);
        values.put(name, t);
        types.put(name, IntType.fitting(data));
        return t;
    }

    /**
     * The shape of every value for runtime inputs of the given shapes, by evaluating the graph on
     * zeros (constant inputs such as Reshape's target come from the graph itself).
     */
    public Map<String, long[]> inferShapes(List<long[]> inputShapes) {
        List<Tensor> zeros = inputShapes.stream().map(Tensor::zeros).toList();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        run(zeros).values().forEach((k, v) -> shapes.put(k, v.shape()));
        return shapes;
    }

    /** {@link #inferShapes(List)} with the shapes the graph declares for its inputs. */
    public Map<String, long[]> inferShapes() {
        List<long[]> shapes = new ArrayList<>();
        for (ValueInfo v : model.graph().runtimeInputs()) {
            if (v.shape() == null || v.shape().contains(-1L)) {
                throw new OnnxGraphException("graph input '" + v.name()
                        + "' has no fixed declared shape " + v.shape());
            }
            shapes.add(v.shape().stream().mapToLong(Long::longValue).toArray());
        }
        return inferShapes(shapes);
    }

    /** Converts a numpy array of integers (or integral reals) into a tensor. */
    public static Tensor tensorOf(NpyArray a, String what) {
        if (a.isInteger()) {
            return new Tensor(a.shape(), a.ints().clone());
        }
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            double d = a.reals()[i];
            if (d != Math.rint(d) || Math.abs(d) > 0x1p62) {
                throw new OnnxGraphException(what + " element " + i + " = " + d
                        + " is not an integer");
            }
            v[i] = (long) d;
        }
        return new Tensor(a.shape(), v);
    }

    /** The distinct operators of a graph, sorted. */
    public static List<String> operatorsOf(OnnxGraph g) {
        return new ArrayList<>(new java.util.TreeSet<>(g.nodes().stream()
                .map(OnnxNode::opType).toList()));
    }
}
