package io.socsim.workloads.deploy;

import io.socsim.ita.math.Requant;
import io.socsim.workloads.onnx.OnnxAttribute;
import io.socsim.workloads.onnx.OnnxNode;
import io.socsim.workloads.onnx.OnnxTensor;
import java.util.List;
import java.util.Map;

/**
 * The chain {@code MatMul(x, W) [+ Add(c)] -> RequantShift} as one ITA linear job, where ITA
 * computes exactly the same: x int8 rows, W a constant int8 {@code [K, P]}, c a constant per
 * column, and a requantisation to int8 (256 signed levels) with one multiplier in 0..255, a
 * power-of-two divisor {@code 2^s} (1 <= s <= 22) and an offset that ITA's int8 add or its bias can
 * carry: {@code floor((y mul + add + div/2) / div) = clamp(((y + q) mul + 2^(s-1)) >> s) + a} when
 * {@code add = q mul + a div}. ITA clamps its accumulator to 26 bits, so the chain is taken only
 * when the accumulator's bound from the operands' ranges stays inside.
 */
record ItaLinear(OnnxNode matMul, OnnxNode add, OnnxNode requant, long rows, long k, long p, long[] bias, int requantWord) {

    /** The chain starting at {@code order[i]}, or null when it is not one ITA can run. */
    static ItaLinear match(List<OnnxNode> order, int i, Map<String, Integer> consumers, java.util.function.Function<String, Object[]> info,
            java.util.Set<String> graphOutputs) {
        OnnxNode mm = order.get(i);
        if (!mm.opType().equals("MatMul") || i + 1 >= order.size()) {
            return null;
        }
        Object[] a = info.apply(mm.inputs().get(0)), w = info.apply(mm.inputs().get(1));
        // info: {shape, elem, constant data or null}
        long[] as = (long[]) a[0], ws = (long[]) w[0];
        Elem ae = (Elem) a[1], we = (Elem) w[1];
        long[] wd = (long[]) w[2];
        if (a[2] != null || wd == null || ws.length != 2 || as.length < 2 || !ae.equals(new Elem(1, true)) || !we.equals(new Elem(1, true))) {
            return null;
        }
        long k = ws[0], p = ws[1], rows = OnnxTensor.elementCount(as) / k;
        if (as[as.length - 1] != k || rows > 4096 || k > 4096 || p > 4096) {
            return null;
        }
        String y = mm.outputs().get(0);
        int j = i + 1;
        OnnxNode add = null;
        long[] c = new long[(int) p];
        if (order.get(j).opType().equals("Add") && order.get(j).inputs().contains(y) && single(y, consumers, graphOutputs)) {
            add = order.get(j);
            String other = add.inputs().get(0).equals(y) ? add.inputs().get(1) : add.inputs().get(0);
            Object[] ci = info.apply(other);
            long[] cs = (long[]) ci[0];
            long[] cd = (long[]) ci[2];
            if (cd == null || OnnxTensor.elementCount(cs) != p || cs.length > 0 && cs[cs.length - 1] != p || add.inputs().get(0).equals(add.inputs().get(1))) {
                return null;
            }
            c = cd.clone();
            y = add.outputs().get(0);
            j++;
        }
        if (j >= order.size() || !single(y, consumers, graphOutputs)) {
            return null;
        }
        OnnxNode rq = order.get(j);
        if (!rq.opType().equals("RequantShift") || !rq.inputs().get(0).equals(y)) {
            return null;
        }
        long[] mul = (long[]) info.apply(rq.inputs().get(1))[2], off = (long[]) info.apply(rq.inputs().get(2))[2];
        if (mul == null || off == null || mul.length != 1 || off.length != 1) {
            return null;
        }
        long div = attr(rq, "div"), levels = rq.attribute("n_levels").isPresent() ? attr(rq, "n_levels") : attr(rq, "n_levels_out");
        if (attr(rq, "signed") == 0 || levels != 256 || Long.bitCount(div) != 1 || div < 2 || div > (1L << 22) || mul[0] < 0 || mul[0] > 255) {
            return null;
        }
        int s = Long.numberOfTrailingZeros(div);
        long q = 0, a8;
        if (off[0] % div == 0 && off[0] / div >= -128 && off[0] / div <= 127) {
            a8 = off[0] / div;
        } else if (mul[0] != 0 && off[0] % mul[0] == 0) {
            q = off[0] / mul[0];
            a8 = 0;
        } else {
            return null;
        }
        long wmax = 0;
        for (long v : wd) {
            wmax = Math.max(wmax, Math.abs(v));
        }
        long[] bias = new long[(int) p];
        long bmax = 0;
        for (int col = 0; col < p; col++) {
            bias[col] = c[col] + q;
            bmax = Math.max(bmax, Math.abs(bias[col]));
        }
        if (k * 128 * wmax + bmax >= (1L << 25)) {
            return null; // ITA's 26-bit accumulator clamp could bite
        }
        return new ItaLinear(mm, add, rq, rows, k, p, bias, io.socsim.workloads.ita.ItaRegisters.requantWord(new Requant((int) mul[0], s, (int) a8)));
    }

    private static boolean single(String value, Map<String, Integer> consumers, java.util.Set<String> graphOutputs) {
        return consumers.getOrDefault(value, 0) == 1 && !graphOutputs.contains(value);
    }

    private static long attr(OnnxNode n, String name) {
        OnnxAttribute a = n.attribute(name).orElse(null);
        if (a == null) {
            return 0;
        }
        return switch (a.kind()) {
            case INT -> (Long) a.value();
            case FLOAT -> (long) (double) (Double) a.value();
            case TENSOR -> (long) ((OnnxTensor) a.value()).real(0);
            default -> 0;
        };
    }
}
