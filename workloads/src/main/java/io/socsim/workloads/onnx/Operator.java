package io.socsim.workloads.onnx;

/** The exact integer semantics of one operator: its outputs from a node evaluation. */
@FunctionalInterface
interface Operator {
    Tensor[] apply(NodeCall n);
}
