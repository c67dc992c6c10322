package io.socsim.workloads.onnx;

/**
 * The integer type a deployment stores each value in, following the flow's conventions:
 * requantisations, softmaxes and norms produce {@code n_levels}-level types, linear operators
 * and arithmetic produce int32 accumulators, data movement keeps its input's type.
 */
final class TypeRules {

    private TypeRules() {
    }

    static IntType infer(NodeCall n, IntType[] in, Tensor out) {
        return switch (n.node().opType()) {
            case "RequantShift" -> IntType.ofLevels(QuantOps.levels(n), n.intAttr("signed") != 0);
            case "iSoftmax", "ITAMax", "ITAPartialMax" ->
                    IntType.ofLevels(n.intAttr("n_levels"), false);
            case "iLayerNorm", "iRMSNorm", "iNoNorm" -> IntType.ofLevels(n.intAttr("n_levels"), true);
            case "MatMul", "Gemm", "Conv", "Add", "Sub", "Mul", "iGELU", "iHardswish",
                    "IntegerDiv", "TrueIntegerDiv", "ReduceSum" ->
                    widest(IntType.INT32, IntType.fitting(out.data()));
            case "Concat" -> {
                IntType t = in[0];
                for (IntType u : in) {
                    t = IntType.union(t, u);
                }
                yield t;
            }
            case "Constant" -> IntType.fitting(out.data());
            case "Pad" -> IntType.union(in[0], IntType.fitting(out.data()));
            default -> in.length > 0 && in[0] != null ? in[0] : IntType.fitting(out.data());
        };
    }

    /** int32, or wider when an exact value does not fit (the interpreter never wraps). */
    private static IntType widest(IntType base, IntType actual) {
        return base.contains(actual) ? base : IntType.union(base, actual);
    }
}
