package io.socsim.workloads.deploy;

import io.socsim.config.MemoryConfig;
import io.socsim.config.SocConfig;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.isa.asm.ProgramElf;
import io.socsim.workloads.onnx.DataType;
import io.socsim.workloads.onnx.IntType;
import io.socsim.workloads.onnx.Interpreter;
import io.socsim.workloads.onnx.OnnxGraph;
import io.socsim.workloads.onnx.OnnxGraphException;
import io.socsim.workloads.onnx.OnnxModel;
import io.socsim.workloads.onnx.OnnxNode;
import io.socsim.workloads.onnx.OnnxTensor;
import io.socsim.workloads.onnx.Tensor;
import io.socsim.workloads.onnx.ValueInfo;
import io.socsim.workloads.runtime.Runtime;
import io.socsim.workloads.runtime.Schedule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an integer ONNX graph for a configured cluster into one program: shapes and integer
 * types from the reference interpreter, constants (after folding every node that depends on
 * constants only) in L2 or, when they do not fit next to the activations, in L3; activations in
 * L2 with buffers reused once their last reader has run; data-movement operators that only
 * reinterpret a buffer (Reshape, Flatten, Squeeze, Unsqueeze, Identity) cost nothing; every other
 * node becomes a generated XpulpV2 kernel run by all cores on their share of the output, between
 * two runtime marks.
 */
public final class OnnxCompiler {

    /** A graph output: where the finished program leaves it. */
    public record Output(String name, long[] shape, int address, int bytes, boolean signed) {
    }

    /** A node and where it ran: "cores", "ita", "folded" (constant) or "view" (reinterpreted buffer). */
    public record NodeRun(String node, String op, String unit, long macs) {
    }

    /** What a compiled program needs to be run and checked: the marks name the node that starts at each. */
    public record Compiled(String name, byte[] elf, List<Output> outputs, int marksAddress, List<NodeRun> marks,
            List<NodeRun> nodes, long macs, Map<String, Tensor> expected, int codeBytes, long l2Bytes, long l3Bytes) {
    }

    private static final Set<String> VIEWS = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity");

    private final OnnxModel model;
    private final SocConfig soc;
    private final Interpreter.Result ref;
    private final boolean inputsGiven;
    private final Map<String, Val> vals = new LinkedHashMap<>();
    private final List<OnnxNode> order = new ArrayList<>();
    private final ProgramBuilder b;
    private final Emitter em;
    private final Schedule schedule = new Schedule();
    private final Map<String, Label> kernels = new HashMap<>();
    private final List<NodeRun> marks = new ArrayList<>();
    private final List<NodeRun> nodes = new ArrayList<>();
    private final Map<OnnxNode, Long> temps = new HashMap<>();
    private long macs;
    private long actBase;
    private long reserve;

    /** The code and tables did not fit below the data placed for the reserve. */
    private static final class CodeTooLarge extends RuntimeException {
        CodeTooLarge(String message) {
            super(message);
        }
    }

    /** One value: its shape and storage; constants carry their data; views point at their root's buffer. */
    static final class Val {
        final String name;
        final long[] shape;
        Elem elem;
        final long[] data; // constants only
        Val root = this;
        long offset = -1;  // activations: offset in the arena
        long address = -1; // constants: absolute
        int lastUse = -1;

        Val(String name, long[] shape, long[] data) {
            this.name = name;
            this.shape = shape;
            this.data = data;
        }

        boolean constant() {
            return data != null;
        }

        long bytes() {
            return OnnxTensor.elementCount(shape) * elem.bytes();
        }
    }

    private OnnxCompiler(OnnxModel model, List<Tensor> inputs, SocConfig soc) {
        this.model = model;
        this.soc = soc;
        Interpreter ip = new Interpreter(model);
        this.inputsGiven = inputs != null;
        if (inputs == null) {
            inputs = new ArrayList<>();
            for (ValueInfo v : model.graph().runtimeInputs()) {
                if (v.shape() == null || v.shape().contains(-1L)) {
                    throw new DeployException("graph input '" + v.name() + "' has no fixed declared shape; give --inputs");
                }
                inputs.add(Tensor.zeros(v.shape().stream().mapToLong(Long::longValue).toArray()));
            }
        }
        this.ref = ip.run(inputs);
        TcdmCheck.l1(soc);
        MemoryConfig l2 = soc.memory().l2().orElseThrow(() -> new DeployException(soc.name() + " has no L2"));
        this.b = new ProgramBuilder().textBase((int) l2.base());
        this.em = new Emitter(b, soc.cores().count());
    }

    /** Maps, places and generates the program; {@code inputs} null: zeros of the declared shapes (the program then carries zeros). */
    public static Compiled compile(String name, OnnxModel model, List<Tensor> inputs, SocConfig soc) {
        // code and tables grow from L2's base below the constants; when they need more room than
        // reserved, compile again with more (constants then move to L3 sooner)
        long l2 = soc.memory().l2().map(MemoryConfig::size).orElse(0L);
        for (long reserve = 96 * 1024; ; reserve *= 2) {
            try {
                OnnxCompiler c = new OnnxCompiler(model, inputs, soc);
                c.reserve = reserve;
                return c.build(name);
            } catch (OnnxGraphException e) {
                throw new DeployException(e.getMessage());
            } catch (CodeTooLarge e) {
                if (reserve * 2 > l2) {
                    throw new DeployException(e.getMessage());
                }
            }
        }
    }

    // ------------------------------------------------------------------ planning

    private Compiled build(String name) {
        OnnxGraph g = model.graph();
        Set<String> inits = new HashSet<>();
        for (OnnxTensor t : g.initializers()) {
            inits.add(t.name());
        }
        for (Map.Entry<String, Tensor> e : ref.values().entrySet()) {
            boolean runtimeInput = g.runtimeInputs().stream().anyMatch(v -> v.name().equals(e.getKey()));
            vals.put(e.getKey(), new Val(e.getKey(), e.getValue().shape(), inits.contains(e.getKey()) && !runtimeInput ? e.getValue().data() : null));
        }
        topologicalOrder(g);
        // constant folding: a node whose inputs are all constants is evaluated here
        for (OnnxNode n : order) {
            boolean folded = n.inputs().stream().allMatch(in -> in.isEmpty() || vals.get(in).constant());
            for (String out : n.outputs()) {
                if (folded) {
                    Val old = vals.get(out);
                    Val c = new Val(out, old.shape, ref.values().get(out).data());
                    vals.put(out, c);
                }
            }
        }
        assignTypes(g);
        for (OnnxNode n : order) {
            if (VIEWS.contains(n.opType()) && !isFolded(n)) {
                Val in = vals.get(n.inputs().get(0)), out = vals.get(n.outputs().get(0));
                if (in.elem.equals(out.elem)) {
                    out.root = in.root;
                }
            }
        }
        if (soc.itaEnabled()) {
            findItaChains(g);
        }
        long[] placement = placeActivations(g);
        long peak = placement[0];
        MemoryConfig l2 = soc.memory().l2().orElseThrow();
        long top = l2.base() + l2.size();
        actBase = (top - peak) & ~4095L;
        // constants read by kernels, in first-use order
        List<Val> consts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OnnxNode n : order) {
            if (isFolded(n) || VIEWS.contains(n.opType())) {
                continue;
            }
            for (int i = 0; i < n.inputs().size(); i++) {
                String in = n.inputs().get(i);
                if (!in.isEmpty() && vals.get(in).constant() && !parameterInput(n.opType(), i) && seen.add(in)) {
                    consts.add(vals.get(in));
                }
            }
        }
        for (Map.Entry<OnnxNode, ItaLinear> e : itaChains.entrySet()) {
            Val bias = new Val(e.getKey().outputs().get(0) + "^bias", new long[] {e.getValue().p()}, e.getValue().bias());
            bias.elem = Elem.I32;
            itaBias.put(e.getKey(), bias);
            consts.add(bias);
        }
        for (OnnxNode n : order) {
            Val t = isFolded(n) || itaChains.containsKey(n) ? null : transposeWeights(n);
            if (t != null) {
                transposed.put(n, t);
                consts.add(t);
            }
        }
        for (ValueInfo v : g.outputs()) {
            Val o = vals.get(v.name());
            if (o.root.constant() && seen.add(o.root.name)) {
                consts.add(o.root);
            }
        }
        long constBytes = 0;
        for (Val c : consts) {
            constBytes += align(c.bytes());
        }
        long l2Room = actBase - l2.base() - reserve;
        ByteArrayOutputStream l2Image = new ByteArrayOutputStream(), l3Image = new ByteArrayOutputStream();
        long constBase2 = (actBase - align(Math.min(constBytes, Math.max(0, l2Room)))) & ~15L;
        long l3Base = soc.memory().l3().map(MemoryConfig::base).orElse(-1L);
        long l3Size = soc.memory().l3().map(MemoryConfig::size).orElse(0L);
        boolean allL2 = constBytes <= l2Room;
        long at2 = 0, at3 = 0;
        long l2Used = 0;
        if (!allL2) {
            if (l3Base < 0) {
                throw new DeployException(String.format(Locale.ROOT,
                        "the graph's constants need %d bytes and its activations %d bytes; %s's L2 of %d bytes has room for %d and the system has no L3",
                        constBytes, peak, soc.name(), l2.size(), Math.max(0, l2Room)));
            }
            constBase2 = actBase - align(Math.max(0, l2Room)) & ~15L;
        }
        for (Val c : consts) {
            long sz = align(c.bytes());
            if (allL2 || (c.bytes() < 1024 && l2Used + sz <= Math.max(0, l2Room))) {
                c.address = constBase2 + at2;
                pad(l2Image, (int) at2);
                writeValues(l2Image, c);
                at2 += sz;
                l2Used += sz;
            } else {
                if (at3 + sz > l3Size) {
                    throw new DeployException("the graph's constants need more than L3's " + l3Size + " bytes");
                }
                c.address = l3Base + at3;
                pad(l3Image, (int) at3);
                writeValues(l3Image, c);
                at3 += sz;
            }
        }
        // runtime inputs: their buffers carry the given values
        ByteArrayOutputStream inImage = new ByteArrayOutputStream();
        for (ValueInfo v : g.runtimeInputs()) {
            Val in = vals.get(v.name());
            pad(inImage, (int) in.offset);
            Val copy = new Val(in.name, in.shape, ref.values().get(in.name).data());
            copy.elem = in.elem;
            writeValues(inImage, copy);
        }
        lower();
        Runtime.Layout layout = Runtime.emit(b, schedule, soc);
        if (l2Image.size() > 0) {
            b.sectionBase(".consts", (int) constBase2).section(".consts").bytes(l2Image.toByteArray());
        }
        if (l3Image.size() > 0) {
            b.sectionBase(".l3", (int) l3Base).section(".l3").bytes(l3Image.toByteArray());
        }
        if (inImage.size() > 0) {
            b.sectionBase(".inputs", (int) actBase).section(".inputs").bytes(inImage.toByteArray());
        }
        Program program;
        try {
            program = b.build();
        } catch (io.socsim.isa.asm.AssemblyException e) {
            throw new CodeTooLarge("the program's code and tables overlap its data in L2 (" + e.getMessage() + ")");
        }
        long lowest = l2Image.size() > 0 ? constBase2 : actBase;
        long programEnd = program.sections().stream()
                .filter(x -> x.size() > 0 && !x.name().equals(".consts") && !x.name().equals(".l3") && !x.name().equals(".inputs"))
                .mapToLong(x -> Integer.toUnsignedLong(x.base()) + x.size()).max().orElse(0);
        if (programEnd > lowest) {
            throw new CodeTooLarge(String.format(Locale.ROOT,
                    "the program's code and tables end at 0x%08x, above the constants and activations placed from 0x%08x: %s's L2 of %d bytes is too small",
                    programEnd, lowest, soc.name(), l2.size()));
        }
        List<Output> outs = new ArrayList<>();
        Map<String, Tensor> expected = new LinkedHashMap<>();
        for (ValueInfo v : g.outputs()) {
            Val o = vals.get(v.name());
            outs.add(new Output(v.name(), o.shape, (int) address(o), (int) o.bytes(), o.elem.signed()));
            expected.put(v.name(), ref.outputs().get(v.name()));
        }
        int code = program.sections().stream().filter(x -> x.name().equals(".text")).mapToInt(x -> (int) x.size()).sum();
        return new Compiled(name, ProgramElf.toBytes(program, false), outs, program.address(Runtime.MARKS_SYMBOL), List.copyOf(marks),
                List.copyOf(nodes), macs, expected, code, peak + l2Used, at3);
    }

    private static long align(long v) {
        return (v + 15) & ~15L;
    }

    private static void pad(ByteArrayOutputStream out, int to) {
        while (out.size() < to) {
            out.write(0);
        }
    }

    private static void writeValues(ByteArrayOutputStream out, Val v) {
        for (long x : v.data) {
            for (int i = 0; i < v.elem.bytes(); i++) {
                out.write((int) (x >> (8 * i)) & 0xff);
            }
        }
    }

    /** MatMul [+ Add] + RequantShift chains that run as ITA linear jobs, by their MatMul; the nodes folded into them. */
    private final Map<OnnxNode, ItaLinear> itaChains = new LinkedHashMap<>();
    private final Map<OnnxNode, Val> itaBias = new HashMap<>();
    private final Set<OnnxNode> onIta = new HashSet<>();

    private void findItaChains(OnnxGraph g) {
        Map<String, Integer> consumers = new HashMap<>();
        for (OnnxNode n : order) {
            for (String in : n.inputs()) {
                if (!in.isEmpty()) {
                    consumers.merge(in, 1, Integer::sum);
                }
            }
        }
        Set<String> outs = new HashSet<>();
        g.outputs().forEach(v -> outs.add(v.name()));
        for (int i = 0; i < order.size(); i++) {
            if (isFolded(order.get(i))) {
                continue;
            }
            ItaLinear chain = ItaLinear.match(order, i, consumers, name -> {
                Val v = vals.get(name);
                return new Object[] {v.shape, v.elem, v.root.constant() ? v.root.data : null};
            }, outs);
            if (chain != null) {
                itaChains.put(chain.matMul(), chain);
                if (chain.add() != null) {
                    onIta.add(chain.add());
                }
                onIta.add(chain.requant());
            }
        }
    }

    /** Constant int8 weights of MatMul/Gemm stored transposed, so that the reduction is contiguous for SIMD dot products. */
    private final Map<OnnxNode, Val> transposed = new HashMap<>();

    Val transposedWeights(OnnxNode n) {
        return transposed.get(n);
    }

    private Val transposeWeights(OnnxNode n) {
        if (!n.opType().equals("MatMul") && !n.opType().equals("Gemm")) {
            return null;
        }
        boolean transB = n.attribute("transB").map(a -> a.value() instanceof Long l && l != 0).orElse(false);
        Val a = vals.get(n.inputs().get(0)), w = vals.get(n.inputs().get(1));
        if (transB || !w.constant() || w.shape.length < 2 || w.elem.bytes() != 1 || a.elem.bytes() != 1) {
            return null;
        }
        int r = w.shape.length;
        long k = w.shape[r - 2], p = w.shape[r - 1];
        long batch = OnnxTensor.elementCount(w.shape) / (k * p);
        long[] data = new long[w.data.length];
        for (long bi = 0; bi < batch; bi++) {
            for (long i = 0; i < k; i++) {
                for (long j = 0; j < p; j++) {
                    data[(int) (bi * k * p + j * k + i)] = w.data[(int) (bi * k * p + i * p + j)];
                }
            }
        }
        long[] shape = w.shape.clone();
        shape[r - 2] = p;
        shape[r - 1] = k;
        Val t = new Val(w.name + "^T", shape, data);
        t.elem = w.elem;
        return t;
    }

    /** Inputs that are parameters read at compile time (shapes, axes, indices, pads), not data. */
    private static boolean parameterInput(String op, int i) {
        return switch (op) {
            case "Reshape", "Unsqueeze", "Squeeze", "ReduceMean", "ReduceSum" -> i >= 1;
            case "Slice", "Pad" -> i >= 1;
            case "Gather" -> i == 1;
            default -> false;
        };
    }

    private boolean isFolded(OnnxNode n) {
        return !n.outputs().isEmpty() && vals.get(n.outputs().get(0)).constant();
    }

    private void topologicalOrder(OnnxGraph g) {
        Set<String> defined = new HashSet<>();
        g.initializers().forEach(t -> defined.add(t.name()));
        g.inputs().forEach(v -> defined.add(v.name()));
        List<OnnxNode> rest = new ArrayList<>(g.nodes());
        while (!rest.isEmpty()) {
            for (int i = 0; i < rest.size(); i++) {
                OnnxNode n = rest.get(i);
                if (n.inputs().stream().allMatch(in -> in.isEmpty() || defined.contains(in))) {
                    order.add(n);
                    defined.addAll(n.outputs());
                    rest.remove(i);
                    break;
                }
            }
        }
    }

    private static IntType typeOf(Elem e) {
        return new IntType(8 * e.bytes(), e.signed());
    }

    private Elem storage(String value, IntType t) {
        Elem e = Elem.of(t);
        if (e == null) {
            throw new DeployException("value '" + value + "' needs " + t + ", wider than the cores' 32 bits");
        }
        return e;
    }

    private void assignTypes(OnnxGraph g) {
        for (Val v : vals.values()) {
            if (v.constant()) {
                v.elem = storage(v.name, IntType.fitting(v.data));
            }
        }
        for (ValueInfo in : g.runtimeInputs()) {
            Val v = vals.get(in.name());
            IntType t = inputsGiven ? ref.types().get(in.name()) : declared(in.elemType());
            v.elem = storage(in.name(), t);
        }
        for (OnnxNode n : order) {
            if (isFolded(n)) {
                continue;
            }
            for (String out : n.outputs()) {
                Val v = vals.get(out);
                IntType interp = ref.types().get(out);
                IntType t = switch (n.opType()) {
                    case "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Transpose", "Slice", "Gather", "MaxPool",
                            "ReduceMean", "IntegerMean", "Pad" -> IntType.union(typeOf(vals.get(n.inputs().get(0)).elem), interp);
                    case "Concat" -> {
                        IntType u = interp;
                        for (String in : n.inputs()) {
                            u = IntType.union(u, typeOf(vals.get(in).elem));
                        }
                        yield u;
                    }
                    default -> interp;
                };
                v.elem = storage(out, t);
            }
        }
    }

    private static IntType declared(DataType t) {
        if (t == null) {
            return IntType.INT32;
        }
        return switch (t) {
            case INT8 -> IntType.INT8;
            case UINT8 -> IntType.UINT8;
            case INT16 -> IntType.INT16;
            case UINT16 -> IntType.UINT16;
            default -> IntType.INT32;
        };
    }

    /** Liveness-based placement of the activation buffers; returns {peak}. */
    private long[] placeActivations(OnnxGraph g) {
        Map<Val, Integer> last = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            for (String in : order.get(i).inputs()) {
                if (!in.isEmpty()) {
                    Val r = vals.get(in).root;
                    if (!r.constant()) {
                        last.merge(r, i, Math::max);
                    }
                }
            }
        }
        for (ItaLinear chain : itaChains.values()) { // ITA reads x while the chain's output is written
            Val x = vals.get(chain.matMul().inputs().get(0)).root;
            if (!x.constant()) {
                last.merge(x, order.indexOf(chain.requant()), Math::max);
            }
        }
        for (ValueInfo v : g.outputs()) {
            last.put(vals.get(v.name()).root, Integer.MAX_VALUE);
        }
        Allocator a = new Allocator();
        for (ValueInfo in : g.runtimeInputs()) {
            Val v = vals.get(in.name());
            v.offset = a.take(v.bytes());
        }
        for (ValueInfo in : g.runtimeInputs()) {
            Val v = vals.get(in.name());
            if (!last.containsKey(v)) {
                a.give(v.offset, v.bytes());
            }
        }
        for (int i = 0; i < order.size(); i++) {
            OnnxNode n = order.get(i);
            if (isFolded(n)) {
                continue;
            }
            for (String out : n.outputs()) {
                Val v = vals.get(out);
                if (v.root == v) {
                    v.offset = a.take(v.bytes());
                }
            }
            long temp = tempBytes(n);
            if (temp > 0) {
                long t = a.take(temp);
                temps.put(n, t);
                a.give(t, temp);
            }
            for (String out : n.outputs()) {
                Val v = vals.get(out);
                if (v.root == v && !last.containsKey(v)) {
                    a.give(v.offset, v.bytes());
                }
            }
            final int at = i;
            for (Map.Entry<Val, Integer> e : last.entrySet()) {
                if (e.getValue() == at) {
                    a.give(e.getKey().offset, e.getKey().bytes());
                }
            }
        }
        return new long[] {a.peak()};
    }

    long address(Val v) {
        Val r = v.root;
        Long staged = inL1.get(r);
        if (staged != null) {
            return staged;
        }
        return r.constant() ? r.address : actBase + r.offset;
    }

    /** Buffers of the node being lowered that were brought into L1 (root value to L1 address). */
    private final Map<Val, Long> inL1 = new HashMap<>();
    private long tempInL1 = -1;
    private static final int OUT_SLOT = 40;

    private long address(String name) {
        return address(vals.get(name));
    }

    // ------------------------------------------------------------------ lowering

    private long tempBytes(OnnxNode n) {
        return switch (n.opType()) {
            case "Conv", "MaxPool" -> Windows.of(this, n).paddedBytes();
            default -> 0;
        };
    }

    Val val(String name) {
        return vals.get(name);
    }

    long[] shape(Val v) {
        return v.shape;
    }

    long[] shape(String name) {
        return vals.get(name).shape;
    }

    Elem elem(String name) {
        return vals.get(name).elem;
    }

    long[] constantData(String name, OnnxNode n) {
        Val v = vals.get(name);
        if (!v.constant()) {
            throw DeployException.at(n.name(), n.opType(), "input '" + name + "' must be a constant (it is computed at run time)");
        }
        return v.data;
    }

    boolean isConstant(String name) {
        return vals.get(name).constant();
    }

    long tempAddress(OnnxNode n) {
        return tempInL1 >= 0 ? tempInL1 : actBase + temps.get(n);
    }

    /**
     * When every buffer the node touches fits in L1 at once, its inputs are brought there by DMA
     * (all cores wait at a barrier until they have arrived), the kernels run on L1, and the outputs
     * go back to their L2 buffers before the next node; otherwise the kernels work on L2 and L3
     * directly. Returns the outputs to write back.
     */
    private List<Val> stageIn(OnnxNode n) {
        inL1.clear();
        tempInL1 = -1;
        var l1 = soc.memory().l1().orElseThrow();
        List<Val> ins = new ArrayList<>(), outs = new ArrayList<>();
        for (int i = 0; i < n.inputs().size(); i++) {
            String in = n.inputs().get(i);
            if (!in.isEmpty() && !parameterInput(n.opType(), i)) {
                Val r = i == 1 && transposed.containsKey(n) ? transposed.get(n) : vals.get(in).root;
                if (!ins.contains(r) && r.bytes() > 0) {
                    ins.add(r);
                }
            }
        }
        for (String out : n.outputs()) {
            outs.add(vals.get(out).root);
        }
        // as many buffers as fit, off-chip constants first (the slowest for a core to read),
        // then the inputs from the smallest, then the outputs, then the padding buffer
        long l3Base = soc.memory().l3().map(MemoryConfig::base).orElse(Long.MAX_VALUE);
        List<Val> order = new ArrayList<>(ins);
        order.sort(java.util.Comparator.comparing((Val v) -> v.constant() && v.address >= l3Base ? 0 : 1).thenComparingLong(Val::bytes));
        long room = l1.size();
        List<Val> stagedIns = new ArrayList<>(), stagedOuts = new ArrayList<>();
        for (Val v : order) {
            if (align(v.bytes()) <= room && stagedIns.size() < OUT_SLOT) {
                stagedIns.add(v);
                room -= align(v.bytes());
            }
        }
        for (Val v : outs) {
            if (align(v.bytes()) <= room && stagedOuts.size() < Schedule.SLOTS - OUT_SLOT) {
                stagedOuts.add(v);
                room -= align(v.bytes());
            }
        }
        boolean temp = temps.containsKey(n) && align(tempBytes(n)) <= room;
        long at = l1.base();
        for (int i = 0; i < stagedIns.size(); i++) {
            Val v = stagedIns.get(i);
            schedule.copy(i, (int) address(v), (int) at, (int) v.bytes());
            inL1.put(v, at);
            at += align(v.bytes());
        }
        for (Val v : stagedOuts) {
            inL1.put(v, at);
            at += align(v.bytes());
        }
        if (temp) {
            tempInL1 = at;
        }
        for (int i = 0; i < stagedIns.size(); i++) {
            schedule.dmaWait(i);
        }
        if (!stagedIns.isEmpty()) {
            schedule.barrier(); // every core sees the inputs before computing on them
        }
        return stagedOuts;
    }

    private void stageOut(List<Val> outs) {
        for (int i = 0; i < outs.size(); i++) {
            Val v = outs.get(i);
            long l1Addr = inL1.remove(v);
            schedule.copy(OUT_SLOT + i, (int) l1Addr, (int) address(v), (int) v.bytes());
        }
        for (int i = 0; i < outs.size(); i++) {
            schedule.dmaWait(OUT_SLOT + i); // L1 is reused by the next node
        }
        if (!outs.isEmpty()) {
            schedule.barrier(); // only core 0 waits for the DMA: the others must not read L2 before it is done
        }
        inL1.clear();
        tempInL1 = -1;
    }

    Emitter emitter() {
        return em;
    }

    /** The kernel for {@code key}, generated on first use. */
    Label kernel(String key, java.util.function.Supplier<Label> gen) {
        Label l = kernels.get(key);
        if (l == null) {
            int m = em.mark();
            l = gen.get();
            em.release(m);
            kernels.put(key, l);
        }
        return l;
    }

    void call(Label kernel, long... args) {
        int[] words = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = (int) args[i];
        }
        schedule.kernel(kernel, words);
    }

    void addMacs(long m) {
        macs += m;
        pendingMacs += m;
    }

    private long pendingMacs;

    private void lower() {
        for (OnnxNode n : order) {
            String label = n.name().isEmpty() ? n.opType() + "_" + n.outputs().get(0) : n.name();
            if (isFolded(n)) {
                nodes.add(new NodeRun(label, n.opType(), "folded", 0));
                continue;
            }
            Val out = vals.get(n.outputs().get(0));
            if (VIEWS.contains(n.opType()) && out.root != out) {
                nodes.add(new NodeRun(label, n.opType(), "view", 0));
                continue;
            }
            if (OnnxTensor.elementCount(out.shape) == 0) {
                nodes.add(new NodeRun(label, n.opType(), "empty", 0));
                continue;
            }
            if (onIta.contains(n)) {
                nodes.add(new NodeRun(label, n.opType(), "ita", 0));
                continue;
            }
            ItaLinear chain = itaChains.get(n);
            if (chain != null) {
                schedule.mark(label);
                int tile = soc.ita().map(i -> i.tileSize()).orElse(64);
                var l1 = soc.memory().l1().orElseThrow();
                io.socsim.workloads.runtime.Lowering lowering = new io.socsim.workloads.runtime.Lowering(schedule, (int) l1.base(), (int) l1.size(), tile);
                try {
                    lowering.itaLinear(label, (int) address(n.inputs().get(0)), (int) chain.rows(), (int) chain.k(), (int) address(n.inputs().get(1)),
                            (int) chain.p(), (int) address(itaBias.get(n)), chain.requantWord(), 0, 0, (int) address(chain.requant().outputs().get(0)));
                } catch (IllegalArgumentException e) {
                    throw DeployException.at(label, n.opType(), e.getMessage());
                }
                schedule.barrier(); // only core 0 waits for ITA and the DMA: the others must not read the output before
                long m = chain.rows() * chain.k() * chain.p();
                macs += m;
                marks.add(new NodeRun(label, n.opType(), "ita", m));
                nodes.add(new NodeRun(label, n.opType(), "ita", m));
                continue;
            }
            schedule.mark(label);
            pendingMacs = 0;
            List<Val> staged = stageIn(n);
            String unit = Lower.node(this, n, label);
            stageOut(staged);
            marks.add(new NodeRun(label, n.opType(), unit, pendingMacs));
            nodes.add(new NodeRun(label, n.opType(), unit, pendingMacs));
        }
        schedule.mark("end");
        marks.add(new NodeRun("end", "end", "", 0));
    }

    /** The system must have an L1 and cluster peripherals. */
    private static final class TcdmCheck {
        static void l1(SocConfig soc) {
            soc.memory().l1().orElseThrow(() -> new DeployException(soc.name() + " has no L1: the generated program needs the cluster"));
        }
    }
}
