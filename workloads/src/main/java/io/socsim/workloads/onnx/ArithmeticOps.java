package io.socsim.workloads.onnx;

import java.util.Arrays;

/**
 * Add, Sub, Mul (numpy broadcasting), MatMul (numpy matmul with batch broadcasting), Gemm and the
 * flow's integer divisions. Everything is computed exactly in 64 bits: a deployment's int32
 * accumulators never overflow on graphs that the flow itself verified.
 */
final class ArithmeticOps {

    private ArithmeticOps() {
    }

    static Tensor[] add(NodeCall n) {
        n.requireInputs(2, 2);
        return new Tensor[] {Broadcast.apply(n, n.input(0), n.input(1), Long::sum)};
    }

    static Tensor[] sub(NodeCall n) {
        n.requireInputs(2, 2);
        return new Tensor[] {Broadcast.apply(n, n.input(0), n.input(1), (a, b) -> a - b)};
    }

    static Tensor[] mul(NodeCall n) {
        n.requireInputs(2, 2);
        return new Tensor[] {Broadcast.apply(n, n.input(0), n.input(1), (a, b) -> a * b)};
    }

    static Tensor[] matMul(NodeCall n) {
        n.requireInputs(2, 2);
        return new Tensor[] {matMul(n, n.input(0), n.input(1))};
    }

    /** numpy.matmul: 1-D operands gain (and lose) a unit dimension, batch dimensions broadcast. */
    static Tensor matMul(NodeCall n, Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw n.fail("MatMul operands must have rank >= 1, got " + a.shapeString() + " and "
                    + b.shapeString());
        }
        long[] as = a.rank() == 1 ? new long[] {1, a.dim(0)} : a.shape();
        long[] bs = b.rank() == 1 ? new long[] {b.dim(0), 1} : b.shape();
        long m = as[as.length - 2];
        long k = as[as.length - 1];
        long k2 = bs[bs.length - 2];
        long p = bs[bs.length - 1];
        if (k != k2) {
            throw n.fail("inner dimensions differ: " + a.shapeString() + " x " + b.shapeString());
        }
        long[] ab = Arrays.copyOf(as, as.length - 2);
        long[] bb = Arrays.copyOf(bs, bs.length - 2);
        long[] batch = Broadcast.shape(ab, bb);
        if (batch == null) {
            throw n.fail("batch dimensions of " + a.shapeString() + " and " + b.shapeString()
                    + " do not broadcast");
        }
        int[] oa = Broadcast.offsets(ab, batch);
        int[] ob = Broadcast.offsets(bb, batch);
        int mi = (int) m;
        int ki = (int) k;
        int pi = (int) p;
        long[] out = new long[oa.length * mi * pi];
        long[] ad = a.data();
        long[] bd = b.data();
        for (int t = 0; t < oa.length; t++) {
            int abase = oa[t] * mi * ki;
            int bbase = ob[t] * ki * pi;
            int obase = t * mi * pi;
            for (int i = 0; i < mi; i++) {
                for (int kk = 0; kk < ki; kk++) {
                    long av = ad[abase + i * ki + kk];
                    if (av == 0) {
                        continue;
                    }
                    int brow = bbase + kk * pi;
                    int orow = obase + i * pi;
                    for (int j = 0; j < pi; j++) {
                        out[orow + j] += av * bd[brow + j];
                    }
                }
            }
        }
        long[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = m;
        shape[batch.length + 1] = p;
        if (a.rank() == 1) {
            shape = drop(shape, shape.length - 2);
        }
        if (b.rank() == 1) {
            shape = drop(shape, shape.length - 1);
        }
        return new Tensor(shape, out);
    }

    private static long[] drop(long[] s, int axis) {
        long[] r = new long[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != axis) {
                r[j++] = s[i];
            }
        }
        return r;
    }

    /** Gemm: alpha * A' B' + beta * C, with integral alpha and beta (the flow's integer Gemm). */
    static Tensor[] gemm(NodeCall n) {
        n.requireInputs(2, 3);
        Tensor a = n.input(0);
        Tensor b = n.input(1);
        if (a.rank() != 2 || b.rank() != 2) {
            throw n.fail("Gemm takes 2-D A and B, got " + a.shapeString() + " and "
                    + b.shapeString());
        }
        long alpha = integral(n, "alpha");
        long beta = integral(n, "beta");
        if (n.intAttr("transA", 0) != 0) {
            a = ShapeOps.transpose(a, new int[] {1, 0});
        }
        if (n.intAttr("transB", 0) != 0) {
            b = ShapeOps.transpose(b, new int[] {1, 0});
        }
        Tensor y = matMul(n, a, b);
        long[] out = y.data().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= alpha;
        }
        Tensor c = n.optionalInput(2);
        if (c != null) {
            long[] cv = Broadcast.expand(n, c, y.shape(), "C");
            for (int i = 0; i < out.length; i++) {
                out[i] += beta * cv[i];
            }
        }
        return new Tensor[] {new Tensor(y.shape(), out)};
    }

    private static long integral(NodeCall n, String name) {
        double v = n.realAttr(name, 1.0);
        if (v != Math.rint(v)) {
            throw n.fail(name + " = " + v + " is not an integer; the integer Gemm needs integral"
                    + " scales");
        }
        return (long) v;
    }

    /** round-half-up of {@code num / den}: floor(num / den + 1/2), exactly. */
    static long roundHalfUp(long num, long den) {
        if (den < 0) {
            num = -num;
            den = -den;
        }
        return Math.floorDiv(Math.addExact(Math.multiplyExact(2, num), den),
                Math.multiplyExact(2, den));
    }

    /**
     * IntegerDiv: {@code x * Delta * eta / (y * eta + eps)} rounded to nearest, halves away from
     * zero, as the deployment compiler's division kernel computes it (quantlib's definition,
     * {@code floor(q + 1/2)}, differs only on negative halves).
     */
    static Tensor[] integerDiv(NodeCall n) {
        n.requireInputs(2, 2);
        long delta = n.intAttr("Delta");
        long eps = n.intAttr("eps");
        long eta = n.intAttr("eta");
        return new Tensor[] {Broadcast.apply(n, n.input(0), n.input(1), (x, y) -> {
            long den = y * eta + eps;
            if (den == 0) {
                throw n.fail("division by zero (y * eta + eps = 0 for y = " + y + ")");
            }
            return roundHalfAway(Math.multiplyExact(Math.multiplyExact(x, delta), eta), den);
        })};
    }

    /** {@code num / den} rounded to nearest with halves away from zero. */
    static long roundHalfAway(long num, long den) {
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long q = Math.abs(num) / den;
        long r = Math.abs(num) % den;
        if (2 * r >= den) {
            q++;
        }
        return num < 0 ? -q : q;
    }

    /**
     * TrueIntegerDiv (division by the constant attribute {@code y}):
     * {@code x * floor(Delta * eta / (y * eta + eps))}. This is how the deployment compiler
     * realises it (the factor folded into the following RequantShift), and the flow's test
     * vectors follow it; quantlib's float form {@code round(x Delta eta / (y eta + eps))}
     * differs from it by the fraction of the factor.
     */
    static Tensor[] trueIntegerDiv(NodeCall n) {
        n.requireInputs(1, 1);
        long delta = n.intAttr("Delta");
        long eps = n.intAttr("eps");
        long eta = n.intAttr("eta");
        long y = n.intAttr("y");
        long den = y * eta + eps;
        if (den == 0) {
            throw n.fail("y * eta + eps is 0");
        }
        Tensor x = n.input(0);
        long coeff = Math.floorDiv(delta * eta, den);
        long[] out = new long[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.data()[i] * coeff;
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }
}
