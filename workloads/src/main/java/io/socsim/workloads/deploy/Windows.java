package io.socsim.workloads.deploy;

import io.socsim.workloads.onnx.OnnxAttribute;
import io.socsim.workloads.onnx.OnnxNode;
import io.socsim.workloads.onnx.OnnxTensor;
import java.util.Arrays;

/**
 * The geometry of a Conv or MaxPool node over {@code [N, C, spatial...]}: strides, dilations, the
 * leading pads and the padded extent every window stays inside. A padded node first copies its
 * input into a buffer of that extent filled with the pad value (0 for Conv, the type's minimum
 * for MaxPool), so the window loops need no bounds checks.
 */
record Windows(long[] in, long[] kernel, long[] strides, long[] dilations, long[] begin, long[] out, long[] padded,
        boolean needsPad, long paddedBytes) {

    static Windows of(OnnxCompiler c, OnnxNode n) {
        long[] x = c.shape(n.inputs().get(0));
        long[] y = c.shape(n.outputs().get(0));
        int k = x.length - 2;
        long[] in = Arrays.copyOfRange(x, 2, x.length);
        long[] out = Arrays.copyOfRange(y, 2, y.length);
        long[] kernel = n.opType().equals("Conv") ? Arrays.copyOfRange(c.shape(n.inputs().get(1)), 2, x.length) : ints(n, "kernel_shape", null);
        long[] strides = ints(n, "strides", ones(k));
        long[] dil = ints(n, "dilations", ones(k));
        String auto = n.attribute("auto_pad").map(a -> (String) a.value()).orElse("NOTSET");
        long[] begin = new long[k];
        if (auto.equals("NOTSET")) {
            long[] pads = ints(n, "pads", new long[2 * k]);
            System.arraycopy(pads, 0, begin, 0, k);
        } else if (auto.startsWith("SAME")) {
            for (int d = 0; d < k; d++) {
                long span = (kernel[d] - 1) * dil[d] + 1;
                long total = Math.max(0, (out[d] - 1) * strides[d] + span - in[d]);
                begin[d] = auto.equals("SAME_UPPER") ? total / 2 : total - total / 2;
            }
        }
        long[] padded = new long[k];
        boolean needs = false;
        for (int d = 0; d < k; d++) {
            long span = (kernel[d] - 1) * dil[d] + 1;
            padded[d] = Math.max(begin[d] + in[d], (out[d] - 1) * strides[d] + span);
            needs |= begin[d] != 0 || padded[d] != in[d];
        }
        long bytes = needs ? x[0] * x[1] * OnnxTensor.elementCount(padded) * c.elem(n.inputs().get(0)).bytes() : 0;
        return new Windows(in, kernel, strides, dil, begin, out, padded, needs, bytes);
    }

    private static long[] ones(int k) {
        long[] r = new long[k];
        Arrays.fill(r, 1);
        return r;
    }

    private static long[] ints(OnnxNode n, String name, long[] fallback) {
        return n.attribute(name).map(a -> switch (a.kind()) {
            case INTS -> ((long[]) a.value()).clone();
            case INT -> new long[] {(Long) a.value()};
            default -> fallback;
        }).orElse(fallback);
    }

    @SuppressWarnings("unused")
    private static OnnxAttribute.Kind kind(OnnxAttribute a) {
        return a.kind();
    }
}
