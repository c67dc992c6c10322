package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * Data movement: Reshape, Transpose, Concat, Slice, Gather, Flatten, Unsqueeze, Squeeze,
 * Identity and Constant, with ONNX's definitions (attribute forms of the older operator sets
 * and input forms of the newer ones).
 */
final class ShapeOps {

    private ShapeOps() {
    }

    static Tensor[] identity(NodeCall n) {
        n.requireInputs(1, 1);
        return new Tensor[] {n.input(0)};
    }

    static Tensor[] constant(NodeCall n) {
        n.requireInputs(0, 0);
        if (n.has("value")) {
            OnnxAttribute a = n.rawAttr("value");
            if (a.kind() != OnnxAttribute.Kind.TENSOR) {
                throw n.fail("attribute 'value' is " + a.kind() + ", expected a tensor");
            }
            OnnxTensor t = (OnnxTensor) a.value();
            return new Tensor[] {new Tensor(t.dims(), n.tensorValues("value", t))};
        }
        if (n.has("value_int")) {
            return new Tensor[] {Tensor.scalar(n.intAttr("value_int"))};
        }
        if (n.has("value_ints")) {
            long[] v = n.intsAttr("value_ints");
            return new Tensor[] {new Tensor(new long[] {v.length}, v)};
        }
        if (n.has("value_float")) {
            return new Tensor[] {Tensor.scalar(n.intAttr("value_float"))};
        }
        if (n.has("value_floats")) {
            long[] v = n.intsAttr("value_floats");
            return new Tensor[] {new Tensor(new long[] {v.length}, v)};
        }
        throw n.fail("has none of the attributes value, value_int(s), value_float(s)");
    }

    static Tensor[] reshape(NodeCall n) {
        Tensor x = n.input(0);
        long[] target;
        if (n.inputCount() >= 2) {
            n.requireInputs(2, 2);
            target = n.input(1).data().clone();
        } else {
            target = n.intsAttr("shape"); // opset 1-4
        }
        boolean allowZero = n.intAttr("allowzero", 0) != 0;
        long known = 1;
        int unknown = -1;
        for (int i = 0; i < target.length; i++) {
            if (target[i] == 0 && !allowZero) {
                if (i >= x.rank()) {
                    throw n.fail("shape " + Arrays.toString(target) + " copies dimension " + i
                            + " of an input of rank " + x.rank());
                }
                target[i] = x.dim(i);
            }
            if (target[i] == -1) {
                if (unknown >= 0) {
                    throw n.fail("shape " + Arrays.toString(target) + " has more than one -1");
                }
                unknown = i;
            } else if (target[i] < 0) {
                throw n.fail("shape " + Arrays.toString(target) + " has a negative dimension");
            } else {
                known *= target[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw n.fail("cannot infer -1 in " + Arrays.toString(target) + " for "
                        + x.size() + " elements");
            }
            target[unknown] = x.size() / known;
        }
        if (OnnxTensor.elementCount(target) != x.size()) {
            throw n.fail("cannot reshape " + x.shapeString() + " (" + x.size() + " elements) to "
                    + Arrays.toString(target));
        }
        return new Tensor[] {x.reshape(target)};
    }

    static Tensor[] transpose(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        int[] perm = new int[x.rank()];
        if (n.has("perm")) {
            long[] p = n.intsAttr("perm");
            if (p.length != x.rank()) {
                throw n.fail("perm " + Arrays.toString(p) + " does not match rank " + x.rank());
            }
            boolean[] seen = new boolean[x.rank()];
            for (int i = 0; i < p.length; i++) {
                int a = n.axis(p[i], x.rank());
                if (seen[a]) {
                    throw n.fail("perm " + Arrays.toString(p) + " is not a permutation");
                }
                seen[a] = true;
                perm[i] = a;
            }
        } else {
            for (int i = 0; i < perm.length; i++) {
                perm[i] = perm.length - 1 - i;
            }
        }
        return new Tensor[] {transpose(x, perm)};
    }

    static Tensor transpose(Tensor x, int[] perm) {
        int rank = x.rank();
        long[] shape = new long[rank];
        long[] inStrides = Tensor.strides(x.shape());
        long[] strides = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = x.dim(perm[i]);
            strides[i] = inStrides[perm[i]];
        }
        long[] out = new long[x.size()];
        int[] idx = new int[rank];
        long off = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = x.data()[(int) off];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                off += strides[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                off -= strides[d] * idx[d];
                idx[d] = 0;
            }
        }
        return new Tensor(shape, out);
    }

    static Tensor[] concat(NodeCall n) {
        if (n.inputCount() < 1) {
            throw n.fail("takes at least one input");
        }
        Tensor first = n.input(0);
        int axis = n.axis(n.intAttr("axis"), first.rank());
        long total = 0;
        for (int i = 0; i < n.inputCount(); i++) {
            Tensor t = n.input(i);
            if (t.rank() != first.rank()) {
                throw n.fail("input " + i + " has rank " + t.rank() + ", input 0 " + first.rank());
            }
            for (int d = 0; d < t.rank(); d++) {
                if (d != axis && t.dim(d) != first.dim(d)) {
                    throw n.fail("input " + i + " shape " + t.shapeString()
                            + " differs from input 0 " + first.shapeString() + " off axis "
                            + axis);
                }
            }
            total += t.dim(axis);
        }
        long[] shape = first.shape();
        shape[axis] = total;
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= shape[d];
        }
        long inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (int i = 0; i < n.inputCount(); i++) {
                Tensor t = n.input(i);
                int chunk = (int) (t.dim(axis) * inner);
                System.arraycopy(t.data(), (int) (o * chunk), out, pos, chunk);
                pos += chunk;
            }
        }
        return new Tensor[] {new Tensor(shape, out)};
    }

    static Tensor[] slice(NodeCall n) {
        Tensor x = n.input(0);
        int rank = x.rank();
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps;
        if (n.inputCount() == 1) { // opset 1-9: attributes
            starts = n.intsAttr("starts");
            ends = n.intsAttr("ends");
            axes = n.intsAttr("axes", null);
            steps = null;
        } else {
            n.requireInputs(3, 5);
            starts = n.input(1).data();
            ends = n.input(2).data();
            axes = n.optionalInput(3) == null ? null : n.optionalInput(3).data();
            steps = n.optionalInput(4) == null ? null : n.optionalInput(4).data();
        }
        if (axes == null) {
            axes = new long[starts.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
        }
        if (steps == null) {
            steps = new long[starts.length];
            Arrays.fill(steps, 1);
        }
        if (ends.length != starts.length || axes.length != starts.length
                || steps.length != starts.length) {
            throw n.fail("starts, ends, axes and steps have different lengths");
        }
        long[] begin = new long[rank];
        long[] step = new long[rank];
        long[] shape = x.shape();
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < starts.length; i++) {
            int a = n.axis(axes[i], rank);
            if (seen[a]) {
                throw n.fail("axis " + a + " is sliced twice");
            }
            seen[a] = true;
            long dim = x.dim(a);
            long st = steps[i];
            if (st == 0) {
                throw n.fail("step 0 on axis " + a);
            }
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long count;
            if (st > 0) {
                s = Math.max(0, Math.min(dim, s));
                e = Math.max(0, Math.min(dim, e));
                count = e > s ? (e - s + st - 1) / st : 0;
            } else {
                s = Math.max(-1, Math.min(dim - 1, s));
                e = Math.max(-1, Math.min(dim - 1, e));
                count = s > e ? (s - e - st - 1) / -st : 0;
            }
            begin[a] = s;
            step[a] = st;
            shape[a] = count;
        }
        long[] inStrides = Tensor.strides(x.shape());
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        int[] idx = new int[rank];
        for (int k = 0; k < out.length; k++) {
            long off = 0;
            for (int d = 0; d < rank; d++) {
                off += (begin[d] + idx[d] * step[d]) * inStrides[d];
            }
            out[k] = x.data()[(int) off];
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return new Tensor[] {new Tensor(shape, out)};
    }

    static Tensor[] gather(NodeCall n) {
        n.requireInputs(2, 2);
        Tensor x = n.input(0);
        Tensor indices = n.input(1);
        if (x.rank() == 0) {
            throw n.fail("cannot gather from a scalar");
        }
        int axis = n.axis(n.intAttr("axis", 0), x.rank());
        long dim = x.dim(axis);
        long outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= x.dim(d);
        }
        long inner = 1;
        for (int d = axis + 1; d < x.rank(); d++) {
            inner *= x.dim(d);
        }
        long[] shape = new long[x.rank() - 1 + indices.rank()];
        int p = 0;
        for (int d = 0; d < axis; d++) {
            shape[p++] = x.dim(d);
        }
        for (int d = 0; d < indices.rank(); d++) {
            shape[p++] = indices.dim(d);
        }
        for (int d = axis + 1; d < x.rank(); d++) {
            shape[p++] = x.dim(d);
        }
        long[] out = new long[(int) OnnxTensor.elementCount(shape)];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (int k = 0; k < indices.size(); k++) {
                long i = indices.data()[k];
                long j = i < 0 ? i + dim : i;
                if (j < 0 || j >= dim) {
                    throw n.fail("index " + i + " is out of range for axis " + axis + " of size "
                            + dim);
                }
                System.arraycopy(x.data(), (int) ((o * dim + j) * inner), out, pos, (int) inner);
                pos += (int) inner;
            }
        }
        return new Tensor[] {new Tensor(shape, out)};
    }

    static Tensor[] flatten(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long axis = n.intAttr("axis", 1);
        int a = (int) (axis < 0 ? axis + x.rank() : axis);
        if (a < 0 || a > x.rank()) {
            throw n.fail("axis " + axis + " is out of range for rank " + x.rank());
        }
        long outer = 1;
        for (int d = 0; d < a; d++) {
            outer *= x.dim(d);
        }
        return new Tensor[] {x.reshape(outer, outer == 0 ? 0 : x.size() / outer)};
    }

    private static long[] axesOf(NodeCall n) {
        if (n.inputCount() >= 2 && n.optionalInput(1) != null) {
            return n.input(1).data().clone();
        }
        return n.intsAttr("axes", null);
    }

    static Tensor[] unsqueeze(NodeCall n) {
        n.requireInputs(1, 2);
        Tensor x = n.input(0);
        long[] axes = axesOf(n);
        if (axes == null) {
            throw n.fail("has no axes (attribute or input 1)");
        }
        int rank = x.rank() + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int ax = n.axis(a, rank);
            if (inserted[ax]) {
                throw n.fail("axis " + a + " appears twice");
            }
            inserted[ax] = true;
        }
        long[] shape = new long[rank];
        for (int d = 0, s = 0; d < rank; d++) {
            shape[d] = inserted[d] ? 1 : x.dim(s++);
        }
        return new Tensor[] {x.reshape(shape)};
    }

    static Tensor[] squeeze(NodeCall n) {
        n.requireInputs(1, 2);
        Tensor x = n.input(0);
        long[] axes = axesOf(n);
        boolean[] drop = new boolean[x.rank()];
        if (axes == null) {
            for (int d = 0; d < x.rank(); d++) {
                drop[d] = x.dim(d) == 1;
            }
        } else {
            for (long a : axes) {
                int ax = n.axis(a, x.rank());
                if (x.dim(ax) != 1) {
                    throw n.fail("cannot squeeze axis " + ax + " of size " + x.dim(ax));
                }
                drop[ax] = true;
            }
        }
        long[] shape = java.util.stream.IntStream.range(0, x.rank()).filter(d -> !drop[d])
                .mapToLong(x::dim).toArray();
        return new Tensor[] {x.reshape(shape)};
    }
}
