package io.socsim.workloads.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one node on the interpreter through a graph written by the project's ONNX writer and
 * read back, so that every operator test also exercises the reader.
 */
final class OneNode {

    private OneNode() {
    }

    /** Inputs given as tensors become graph inputs; {@code null} leaves an optional slot empty. */
    static Tensor run(String op, List<OnnxAttribute> attrs, Tensor... inputs) {
        return runAll(op, attrs, 1, inputs).get(0);
    }

    static List<Tensor> runAll(String op, List<OnnxAttribute> attrs, int outputs,
            Tensor... inputs) {
        GraphBuilder b = new GraphBuilder("one_" + op);
        List<String> names = new ArrayList<>();
        List<Tensor> given = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                names.add("");
                continue;
            }
            names.add("in" + i);
            b.input("in" + i, DataType.INT64, inputs[i].shape());
            given.add(inputs[i]);
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            outs.add("out" + i);
            b.output("out" + i);
        }
        b.node("n", op, names, outs, attrs.toArray(OnnxAttribute[]::new));
        OnnxModel m = OnnxReader.parse(OnnxWriter.toBytes(b.build()), "one_" + op + ".onnx");
        return new ArrayList<>(new Interpreter(m).run(given).outputs().values());
    }

    static Tensor t(long[] shape, long... data) {
        return Tensor.of(shape, data);
    }

    static long[] s(long... dims) {
        return dims;
    }
}
