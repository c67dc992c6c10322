package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * One evaluation of a node: its inputs (null where an optional input is absent) and typed access
 * to its attributes. Every failure is an {@link OnnxGraphException} naming the node.
 */
public final class NodeCall {

    private final int index;
    private final OnnxNode node;
    private final Tensor[] inputs;
    private final long opset;

    NodeCall(int index, OnnxNode node, Tensor[] inputs, long opset) {
        this.index = index;
        this.node = node;
        this.inputs = inputs;
        this.opset = opset;
    }

    public OnnxNode node() {
        return node;
    }

    /** The default domain's operator set version of the model. */
    public long opset() {
        return opset;
    }

    public OnnxGraphException fail(String reason) {
        return OnnxGraphException.at(index, node, reason);
    }

    public int inputCount() {
        return inputs.length;
    }

    public Tensor input(int i) {
        if (i >= inputs.length || inputs[i] == null) {
            throw fail("input " + i + " is required");
        }
        return inputs[i];
    }

    /** Input {@code i}, or null when the node has fewer inputs or names it "". */
    public Tensor optionalInput(int i) {
        return i < inputs.length ? inputs[i] : null;
    }

    public void requireInputs(int min, int max) {
        int present = inputs.length;
        if (present < min || present > max) {
            throw fail("takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                    + " inputs, has " + present);
        }
        for (int i = 0; i < min; i++) {
            input(i);
        }
    }

    public boolean has(String name) {
        return node.attribute(name).isPresent();
    }

    private OnnxAttribute attr(String name) {
        return node.attribute(name).orElseThrow(() -> fail("attribute '" + name + "' is missing"));
    }

    /** An integer attribute given as INT, as an integral FLOAT or as a one-element tensor. */
    public long intAttr(String name) {
        double v = realAttr(name);
        if (v != Math.rint(v) || Math.abs(v) > 0x1p62) {
            throw fail("attribute '" + name + "' = " + v + " is not an integer");
        }
        OnnxAttribute a = attr(name);
        return a.kind() == OnnxAttribute.Kind.INT ? (Long) a.value() : (long) v;
    }

    public long intAttr(String name, long fallback) {
        return has(name) ? intAttr(name) : fallback;
    }

    /** A real attribute given as FLOAT, INT or a one-element tensor. */
    public double realAttr(String name) {
        OnnxAttribute a = attr(name);
        return switch (a.kind()) {
            case FLOAT -> (Double) a.value();
            case INT -> (Long) a.value();
            case TENSOR -> {
                OnnxTensor t = (OnnxTensor) a.value();
                if (t.size() != 1) {
                    throw fail("attribute '" + name + "' is a tensor of shape "
                            + Arrays.toString(t.dims()) + ", expected one value");
                }
                yield t.real(0);
            }
            default -> throw fail("attribute '" + name + "' is " + a.kind()
                    + ", expected a number");
        };
    }

    public double realAttr(String name, double fallback) {
        return has(name) ? realAttr(name) : fallback;
    }

    /** An integer list attribute (INTS, a single INT, or an integral tensor). */
    public long[] intsAttr(String name) {
        OnnxAttribute a = attr(name);
        return switch (a.kind()) {
            case INTS -> ((long[]) a.value()).clone();
            case INT -> new long[] {(Long) a.value()};
            case TENSOR -> tensorValues(name, (OnnxTensor) a.value());
            case FLOATS -> {
                double[] d = (double[]) a.value();
                long[] r = new long[d.length];
                for (int i = 0; i < d.length; i++) {
                    if (d[i] != Math.rint(d[i])) {
                        throw fail("attribute '" + name + "' element " + i + " = " + d[i]
                                + " is not an integer");
                    }
                    r[i] = (long) d[i];
                }
                yield r;
            }
            default -> throw fail("attribute '" + name + "' is " + a.kind()
                    + ", expected integers");
        };
    }

    public long[] intsAttr(String name, long[] fallback) {
        return has(name) ? intsAttr(name) : fallback;
    }

    public String stringAttr(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        OnnxAttribute a = attr(name);
        if (a.kind() != OnnxAttribute.Kind.STRING) {
            throw fail("attribute '" + name + "' is " + a.kind() + ", expected a string");
        }
        return (String) a.value();
    }

    public OnnxAttribute rawAttr(String name) {
        return attr(name);
    }

    /** Integer values of a tensor, refusing reals that are not integers. */
    public long[] tensorValues(String what, OnnxTensor t) {
        if (t.ints() != null) {
            return t.ints().clone();
        }
        double[] d = t.reals();
        long[] r = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i]) || Math.abs(d[i]) > 0x1p62) {
                throw fail(what + " element " + i + " = " + d[i] + " is not an integer");
            }
            r[i] = (long) d[i];
        }
        return r;
    }

    /** Normalises a possibly negative axis for a tensor of rank {@code rank}. */
    public int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw fail("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }
}
