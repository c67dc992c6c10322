package io.socsim.workloads.onnx;

/**
 * A graph the interpreter cannot evaluate: an unknown operator, a bad or missing attribute,
 * inputs of incompatible shapes, a missing graph input. For node problems the message names the
 * node (name and index), its operator and the reason.
 */
public final class OnnxGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OnnxGraphException(String message) {
        super(message);
    }

    public static OnnxGraphException at(int index, OnnxNode node, String reason) {
        String name = node.name().isEmpty() ? "(unnamed)" : "'" + node.name() + "'";
        return new OnnxGraphException("node " + name + " (#" + index + ", " + node.opType()
                + "): " + reason);
    }
}
