package io.socsim.workloads.ita;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A4;
import static io.socsim.isa.Reg.A5;
import static io.socsim.isa.Reg.A6;
import static io.socsim.isa.Reg.A7;
import static io.socsim.isa.Reg.S0;
import static io.socsim.isa.Reg.S1;
import static io.socsim.isa.Reg.S2;
import static io.socsim.isa.Reg.S3;
import static io.socsim.isa.Reg.S4;
import static io.socsim.isa.Reg.S5;
import static io.socsim.isa.Reg.S6;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.T2;
import static io.socsim.isa.Reg.T3;
import static io.socsim.isa.Reg.ZERO;

import io.socsim.config.AddressWindow;
import io.socsim.config.MemoryConfig;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.SocConfig;
import io.socsim.config.TcdmConfig;
import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.isa.asm.ProgramElf;
import io.socsim.ita.golden.GoldenFile;
import io.socsim.ita.golden.GoldenReader;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.workloads.ita.ItaJobSpec.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates a complete cluster program that runs one ITA job (a linear layer or an attention
 * head) and checks its output. See {@code docs/ita-programs.md}.
 *
 * <p>All operands are preloaded into L1 by the ELF loader (section {@code .ita.l1} at the L1
 * base); code, the expected output and the messages live in L2. Core 0 writes the ITA staging
 * registers, starts the job, sleeps on {@code ITA_WAIT}, compares the output with the expected
 * bytes, prints {@code ita: ok} (or the mismatch count and first index) and exits with 0 or 1.
 * The other cores sleep, or with {@link ItaJobSpec#hammer()} first load words from their own L1
 * buffers to contend with ITA for the banks. Core 0 never waits for them: its exit ends the run.
 */
public final class ItaJobProgram {

    /** Byte the output buffer starts with, so a job that never writes its output fails the check. */
    public static final byte OUTPUT_POISON = (byte) 0xA5;
    /** Bytes of one hammer buffer: one word per bank of a 32-bank L1. */
    static final int HAMMER_BUFFER_BYTES = 4 * ItaJobSpec.HAMMER_PASS_WORDS;
    /** Hammer buffers are 16 bytes (4 banks) further apart than their size so that cores running in step hit different banks. */
    static final int HAMMER_STRIDE = HAMMER_BUFFER_BYTES + 16;

    private static final int MHARTID = 0xF14, MCYCLE = 0xB00;
    private static final int SYS_WRITE = 64, SYS_EXIT = 93, STDOUT = 1;
    static final String MSG_OK = "ita: ok\n";

    private final ItaJobSpec spec;
    private final ItaOperands ops;
    private final ItaLayout layout;
    private final int textBase, l1Base, itaBase, euBase;

    /** A job with generated inputs (see {@link ItaOperands#generate}). */
    public ItaJobProgram(ItaJobSpec spec, SocConfig soc) {
        this(spec, ItaOperands.generate(spec), soc);
    }

    /**
     * A job on given operands; {@code spec} supplies the cores and the hammering, and must agree
     * with the operands' mode and shape.
     *
     * @throws IllegalArgumentException when the operands do not fit L1, or the configuration lacks
     *     L1, L2, the event unit or the ITA window
     */
    public ItaJobProgram(ItaJobSpec spec, ItaOperands ops, SocConfig soc) {
        if (spec.mode() != ops.mode() || spec.s() != ops.s() || spec.e() != ops.e() || spec.p() != ops.p()) {
            throw new IllegalArgumentException("spec " + spec + " does not match the operands " + ops);
        }
        this.spec = spec;
        this.ops = ops;
        TcdmConfig l1 = soc.memory().l1().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L1"));
        MemoryConfig l2 = soc.memory().l2().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L2"));
        PeripheralsConfig per = soc.memory().peripherals()
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no cluster peripherals"));
        this.euBase = (int) per.eventUnit().map(AddressWindow::base)
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no event unit")).longValue();
        this.itaBase = (int) per.ita().map(AddressWindow::base)
                .orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no ITA register window (use ita-cluster)"))
                .longValue();
        if (spec.cores() > soc.cores().count()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "ITA program for %d cores but %s has %d",
                    spec.cores(), soc.name(), soc.cores().count()));
        }
        this.textBase = (int) l2.base();
        this.l1Base = (int) l1.base();
        this.layout = plan(l1.size());
    }

    /**
     * A job whose inputs, weights, requant constants and expected output all come from a golden
     * file of the accelerator authors' model (see {@link ItaOperands#fromGolden}).
     */
    public static ItaJobProgram fromGolden(Path file, int head, SocConfig soc, int cores, boolean hammer)
            throws IOException {
        return fromGolden(GoldenReader.read(file), head, soc, cores, hammer);
    }

    public static ItaJobProgram fromGolden(GoldenFile file, int head, SocConfig soc, int cores, boolean hammer) {
        ItaOperands ops = ItaOperands.fromGolden(file, head);
        ItaJobSpec spec = new ItaJobSpec(ops.mode(), ops.s(), ops.e(), ops.p(), ops.activation(), ops.requants(), 0,
                cores, hammer, 0);
        return new ItaJobProgram(spec, ops, soc);
    }

    private ItaLayout plan(long l1Size) {
        int s = spec.s(), e = spec.e(), p = spec.p();
        boolean att = spec.mode() == Mode.ATTENTION;
        long at = l1Base;
        long in = at;
        at += align4((long) s * e);
        long kv = 0;
        if (ops.kv() != null) {
            kv = at;
            at += align4((long) s * e);
        }
        List<Integer> w = new ArrayList<>(), b = new ArrayList<>();
        for (Matrix8 m : ops.weights()) {
            w.add((int) at);
            at += align4((long) m.rows() * m.cols());
        }
        for (Matrix32 m : ops.biases()) {
            b.add((int) at);
            at += 4L * m.cols();
        }
        long out = at;
        long outBytes = (long) s * (att ? e : p);
        at += align4(outBytes);
        long scratch = 0, scratchBytes = 0;
        if (att) {
            scratch = at;
            scratchBytes = 4L * s * p + (long) s * s;
            at += align4(scratchBytes);
        }
        long hammer = 0;
        if (spec.hammer() && spec.cores() > 1) {
            hammer = at;
            at += (long) (spec.cores() - 1) * HAMMER_STRIDE;
        }
        long need = at - l1Base;
        if (need > l1Size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "ITA %s job S=%d E=%d P=%d needs %d bytes of L1 (inputs, weights, biases, output%s%s) but L1 holds %d",
                    spec.mode(), s, e, p, need, att ? ", scratch" : "", hammer != 0 ? ", hammer buffers" : "", l1Size));
        }
        return new ItaLayout((int) in, (int) kv, w, b, (int) out, (int) outBytes, (int) scratch, (int) scratchBytes,
                (int) hammer, HAMMER_STRIDE, (int) at);
    }

    public ItaJobSpec spec() {
        return spec;
    }

    public ItaOperands operands() {
        return ops;
    }

    public ItaLayout layout() {
        return layout;
    }

    /** L1 address of the job's output ({@code ITA_OUT}). */
    public int outputAddress() {
        return layout.out();
    }

    /** What ITA must leave at {@link #outputAddress()}: linear S x P, attention S x E, int8 row-major. */
    public byte[] expectedOutput() {
        return ops.expected().data().clone();
    }

    /** Useful MACs of the job ({@link ItaJobSpec#macs()}). */
    public long macs() {
        return spec.macs();
    }

    /**
     * The ITA registers core 0 writes before {@code ITA_START}, in program order: offset to
     * value. Attention: mode, sizes, inputs, the four weights and biases, output, RQ0..RQ5,
     * scratch. Linear: mode, sizes, activation, input, W0, B0, output, RQ0.
     */
    public Map<Integer, Integer> stagedRegisters() {
        Map<Integer, Integer> r = new LinkedHashMap<>();
        boolean att = spec.mode() == Mode.ATTENTION;
        r.put(ItaRegisters.MODE, spec.mode().register);
        r.put(ItaRegisters.S, spec.s());
        r.put(ItaRegisters.E, spec.e());
        r.put(ItaRegisters.P, spec.p());
        if (!att) {
            r.put(ItaRegisters.ACT, ItaRegisters.activationCode(ops.activation()));
        }
        r.put(ItaRegisters.IN, layout.in());
        if (att) {
            r.put(ItaRegisters.IN_KV, layout.kv());
        }
        for (int i = 0; i < layout.weights().size(); i++) {
            r.put(ItaRegisters.W0 + 4 * i, layout.weights().get(i));
        }
        for (int i = 0; i < layout.biases().size(); i++) {
            r.put(ItaRegisters.B0 + 4 * i, layout.biases().get(i));
        }
        r.put(ItaRegisters.OUT, layout.out());
        for (int i = 0; i < ops.requants().size(); i++) {
            r.put(ItaRegisters.RQ0 + 4 * i, ItaRegisters.requantWord(ops.requants().get(i)));
        }
        if (att) {
            r.put(ItaRegisters.SCRATCH, layout.scratch());
        }
        return r;
    }

    /** The program as an ELF image. */
    public byte[] elf() {
        return ProgramElf.toBytes(build(), false);
    }

    public void writeElf(Path path) throws IOException {
        Files.write(path, elf());
    }

    /** Generates the program (a fresh one on every call). */
    public Program build() {
        ProgramBuilder b = new ProgramBuilder().textBase(textBase);
        emitL1Data(b);
        emitL2Data(b);
        b.text();
        b.bind(b.label("_start")).global(b.label("_start"));
        b.csrr(T0, MHARTID);
        b.bnez(T0, b.label("ita_other"));
        emitCore0(b);
        emitOthers(b);
        return b.build();
    }

    // ------------------------------------------------------------------ data

    private void emitL1Data(ProgramBuilder b) {
        b.sectionBase(".ita.l1", l1Base).section(".ita.l1");
        b.bind(b.label("ita_in")).bytes(ops.x().data()).balign(4);
        if (ops.kv() != null) {
            b.bind(b.label("ita_kv")).bytes(ops.kv().data()).balign(4);
        }
        for (int i = 0; i < ops.weights().size(); i++) {
            b.bind(b.label("ita_w" + i)).bytes(ops.weights().get(i).data()).balign(4);
        }
        for (int i = 0; i < ops.biases().size(); i++) {
            b.bind(b.label("ita_b" + i)).word(ops.biases().get(i).data());
        }
        b.bind(b.label("ita_out")).space(layout.outBytes(), OUTPUT_POISON & 0xff).balign(4);
        if (layout.scratchBytes() > 0) {
            b.bind(b.label("ita_scratch")).space(layout.scratchBytes()).balign(4);
        }
        if (layout.hammer() != 0) {
            b.bind(b.label("ita_hammer")).space(layout.end() - layout.hammer());
        }
    }

    private void emitL2Data(ProgramBuilder b) {
        b.data().balign(4);
        b.bind(b.label("ita_cycles")).word(0, 0);
        b.bind(b.label("ita_expected")).bytes(ops.expected().data()).balign(4);
        b.bind(b.label("ita_msg_ok")).bytes(ascii(MSG_OK));
        b.bind(b.label("ita_msg_head")).bytes(ascii("ita: "));
        b.bind(b.label("ita_msg_mid")).bytes(ascii(" mismatches, first at "));
        b.bind(b.label("ita_msg_nl")).bytes(ascii("\n"));
        b.balign(4);
        b.space(12);                                   // room for the digits of an unsigned int
        b.bind(b.label("ita_digits_end")).space(4);
    }

    // ------------------------------------------------------------------ core 0

    private void emitCore0(ProgramBuilder b) {
        b.bind(b.label("ita_core0"));
        b.csrr(S5, MCYCLE);                            // job window: first staging write .. wake-up
        b.li(S0, itaBase);
        for (Map.Entry<Integer, Integer> r : stagedRegisters().entrySet()) {
            if (r.getValue() == 0) {
                b.sw(ZERO, r.getKey(), S0);
            } else {
                b.li(T1, r.getValue());
                b.sw(T1, r.getKey(), S0);
            }
        }
        b.lw(S1, ItaRegisters.START, S0);              // job id
        b.sw(S1, ItaRegisters.WAIT, S0);
        b.emit(Op.P_ELW, T1, S0, 0, ItaRegisters.WAIT, 0);
        b.csrr(S6, MCYCLE);
        b.la(T0, b.label("ita_cycles"));
        b.sw(S5, 0, T0);
        b.sw(S6, 4, T0);
        emitCompare(b);
        emitReport(b);
    }

    /**
     * Word-by-word comparison of the output (L1) with the expected bytes (L2), s4 = byte index;
     * a differing word is taken apart out of line. Leaves s2 = mismatching bytes, s3 = first one
     * (-1 when none).
     */
    private void emitCompare(ProgramBuilder b) {
        int n = layout.outBytes(), words = n / 4, rest = n % 4;
        Label wordLoop = b.newLabel(), wordNext = b.newLabel(), wordDiff = b.newLabel(), tail = b.newLabel();
        b.bind(b.label("ita_compare"));
        b.la(A4, b.label("ita_expected"));
        b.li(A5, layout.out());
        b.li(S2, 0);
        b.li(S3, -1);
        b.li(S4, 0);
        if (words > 0) {
            b.li(A6, words);
            b.bind(wordLoop);
            b.pLwPostInc(T0, 4, A4);
            b.pLwPostInc(T1, 4, A5);
            b.bne(T0, T1, wordDiff);
            b.bind(wordNext);
            b.addi(S4, S4, 4);
            b.addi(A6, A6, -1);
            b.bnez(A6, wordLoop);
        }
        b.j(tail);
        if (words > 0) {
            b.bind(wordDiff);
            b.xor(T2, T0, T1);
            for (int j = 0; j < 4; j++) {
                Label same = b.newLabel();
                if (j > 0) {
                    b.srli(T3, T2, 8 * j);
                    b.andi(T3, T3, 0xff);
                } else {
                    b.andi(T3, T2, 0xff);
                }
                b.beqz(T3, same);
                emitMismatch(b, j);
                b.bind(same);
            }
            b.j(wordNext);
        }
        b.bind(tail);
        for (int j = 0; j < rest; j++) {               // a4, a5 point at the leftover bytes
            Label same = b.newLabel();
            b.lbu(T0, j, A4);
            b.lbu(T1, j, A5);
            b.beq(T0, T1, same);
            emitMismatch(b, j);
            b.bind(same);
        }
    }

    /** Counts a mismatch at byte s4 + j and keeps the first index. */
    private static void emitMismatch(ProgramBuilder b, int j) {
        Label seen = b.newLabel();
        b.bge(S3, ZERO, seen);
        b.addi(S3, S4, j);
        b.bind(seen);
        b.addi(S2, S2, 1);
    }

    private void emitReport(ProgramBuilder b) {
        Label fail = b.label("ita_fail");
        b.bnez(S2, fail);
        emitPrint(b, "ita_msg_ok", MSG_OK.length());
        b.li(A0, 0);
        b.li(A7, SYS_EXIT);
        b.ecall();
        b.bind(fail);
        emitPrint(b, "ita_msg_head", 5);
        emitPrintNumber(b, S2);
        emitPrint(b, "ita_msg_mid", " mismatches, first at ".length());
        emitPrintNumber(b, S3);
        emitPrint(b, "ita_msg_nl", 1);
        b.li(A0, 1);
        b.li(A7, SYS_EXIT);
        b.ecall();
    }

    private static void emitPrint(ProgramBuilder b, String label, int length) {
        b.li(A0, STDOUT);
        b.la(A1, b.label(label));
        b.li(A2, length);
        b.li(A7, SYS_WRITE);
        b.ecall();
    }

    /** Prints the unsigned decimal value of {@code reg}, digits written backwards before ita_digits_end. */
    private static void emitPrintNumber(ProgramBuilder b, int reg) {
        Label digit = b.newLabel();
        b.mv(T0, reg);
        b.li(T2, 10);
        b.la(A1, b.label("ita_digits_end"));
        b.mv(T3, A1);
        b.bind(digit);
        b.remu(T1, T0, T2);
        b.divu(T0, T0, T2);
        b.addi(T1, T1, '0');
        b.addi(A1, A1, -1);
        b.sb(T1, 0, A1);
        b.bnez(T0, digit);
        b.sub(A2, T3, A1);
        b.li(A0, STDOUT);
        b.li(A7, SYS_WRITE);
        b.ecall();
    }

    // ------------------------------------------------------------------ other cores

    /**
     * Cores 1 .. cores-1: with hammering, {@link ItaJobSpec#effectiveHammerLoads()} word loads
     * from this core's buffer, one pass of 32 {@code lw} per hardware-loop iteration (no load
     * result is used, so there are no load-use stalls); then, like every other core, sleep with
     * an event mask of 0, for good.
     */
    private void emitOthers(ProgramBuilder b) {
        Label park = b.label("ita_park");
        b.bind(b.label("ita_other"));
        if (layout.hammer() != 0) {
            Label end = b.newLabel();
            b.li(T1, spec.cores());
            b.bgeu(T0, T1, park);
            b.addi(T1, T0, -1);
            b.li(T2, layout.hammerStride());
            b.mul(T1, T1, T2);
            b.li(T2, layout.hammer());
            b.add(A0, T2, T1);                          // this core's buffer
            b.li(T1, spec.effectiveHammerLoads() / ItaJobSpec.HAMMER_PASS_WORDS);
            b.bind(b.label("ita_hammer_loop"));
            b.lpSetup(0, T1, end);
            for (int i = 0; i < ItaJobSpec.HAMMER_PASS_WORDS; i++) {
                if (i == ItaJobSpec.HAMMER_PASS_WORDS - 1) {
                    b.bind(end);
                }
                b.lw(T2, 4 * i, A0);
            }
        }
        b.bind(park);
        b.li(T0, euBase);
        b.sw(ZERO, ItaRegisters.EU_EVENT_MASK, T0);
        b.emit(Op.P_ELW, T1, T0, 0, ItaRegisters.EU_EVENT_WAIT, 0);
        b.j(park);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long align4(long v) {
        return (v + 3) & ~3L;
    }
}
