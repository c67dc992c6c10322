package io.socsim.isa.asm;

import io.socsim.isa.Op;
import io.socsim.isa.Reg;
import io.socsim.isa.elf.ElfWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link Program} from Java: instructions (always encoded through
 * {@link io.socsim.isa.Format#encode}), data, labels and sections. References to labels are
 * recorded as fix-ups and resolved in {@link #build()}, after the sections have been placed; the
 * text {@link Assembler} is a front end on top of this class, so both share one relocation path.
 *
 * <p>Layout: {@code .text} at {@link #textBase} (default 0x80000000), then {@code .data}, any other
 * named sections in order of first use and finally {@code .bss}, each aligned to 16 bytes (or its
 * own larger {@code .align}) unless given a fixed address with {@link #sectionBase}.
 *
 * <p>Operands use the field conventions of {@link io.socsim.isa.Insn}. Instructions are never
 * compressed automatically; {@code emit(Op.C_ADDI, ...)} asks for a compressed one explicitly.
 * Errors in an emission call throw {@link AssemblyException} at once (or, when driven by the text
 * assembler, are collected with their source line); errors found while resolving labels are all
 * reported together by {@link #build()}.
 */
public final class ProgramBuilder {

    public static final int DEFAULT_TEXT_BASE = 0x80000000;
    /**
     * Largest section {@link #space} and {@link #balign} may build: sections are held in memory while assembling, and
     * no memory of the modelled systems comes near this (the largest preset memory is 32 MiB), so a
     * bigger reservation is a mistake to report rather than an allocation to attempt.
     */
    static final long MAX_SECTION_BYTES = 256L << 20;
    private static final int NOP = 0x00000013;
    private static final int C_NOP = 0x0001;

    /** A section being filled. */
    static final class Sec {
        final String name;
        final boolean bss;
        byte[] buf = new byte[256];
        int size;
        int align = 1;
        int base;
        boolean placed;
        /** The line that first switched to this section, where layout errors about it point. */
        final Source opened;

        Sec(String name, Source opened) {
            this.name = name;
            this.bss = name.equals(".bss");
            this.opened = opened;
        }

        void put(int offset, int value, int bytes) {
            for (int i = 0; i < bytes; i++) {
                buf[offset + i] = (byte) (value >>> (8 * i));
            }
        }

        int grow(int n) {
            int at = size;
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
            size += n;
            return at;
        }
    }

    /** An immediate operand: a constant, or an expression resolved at build time (pc-relative or absolute). */
    record Operand(int constant, Expr expr, boolean pcRel) {
        static final Operand ZERO = new Operand(0, null, false);

        static Operand of(int v) {
            return v == 0 ? ZERO : new Operand(v, null, false);
        }

        static Operand abs(Expr e) {
            return new Operand(0, e, false);
        }

        static Operand pcRel(Expr e) {
            return new Operand(0, e, true);
        }

        static Operand target(Label l) {
            return pcRel(Expr.sym(l));
        }
    }

    private record InsnFix(Sec sec, int offset, Op op, int rd, int rs1, int rs2, Operand imm, Operand imm2, Source src) {
    }

    private record DataFix(Sec sec, int offset, int bytes, Expr expr, Source src) {
    }

    private final Map<String, Sec> sections = new LinkedHashMap<>();
    private final Map<String, Label> named = new LinkedHashMap<>();
    private final Map<String, Integer> fixedBase = new HashMap<>();
    private final List<InsnFix> insnFixes = new ArrayList<>();
    private final List<DataFix> dataFixes = new ArrayList<>();
    private final List<AssemblyException.Diagnostic> errors = new ArrayList<>();
    private Sec current;
    private int textBase = DEFAULT_TEXT_BASE;
    private boolean collect;
    private Source source = Source.BUILDER;
    private boolean built;

    public ProgramBuilder() {
        current = sec(".text");
    }

    // ---------------------------------------------------------------- configuration and sections

    /** Address of {@code .text} (default 0x80000000). */
    public ProgramBuilder textBase(int address) {
        textBase = address;
        return this;
    }

    /** Places {@code .data} at a fixed address instead of right after {@code .text}. */
    public ProgramBuilder dataBase(int address) {
        return sectionBase(".data", address);
    }

    /** Places section {@code name} at a fixed address. */
    public ProgramBuilder sectionBase(String name, int address) {
        if (name.equals(".text")) {
            textBase = address;
        } else {
            fixedBase.put(name, address);
        }
        return this;
    }

    /**
     * Switches to section {@code name}, creating it on first use. A name the ELF file could not
     * carry (empty, with a NUL, or one of the file's own tables such as {@code .symtab}) is an
     * error, and the current section stays.
     */
    public ProgramBuilder section(String name) {
        if (!ElfWriter.isUsableSectionName(name)) {
            error(name.isEmpty() ? "a section needs a name"
                    : name.indexOf('\0') >= 0 ? "section name '" + name.replace("\0", "\\0") + "' contains a NUL"
                    : "section name '" + name + "' is reserved: the ELF writer makes that section itself");
            return this;
        }
        current = sec(name);
        return this;
    }

    public ProgramBuilder text() {
        return section(".text");
    }

    public ProgramBuilder data() {
        return section(".data");
    }

    public ProgramBuilder bss() {
        return section(".bss");
    }

    /** Name of the current section. */
    public String currentSection() {
        return current.name;
    }

    private Sec sec(String name) {
        return sections.computeIfAbsent(name, n -> new Sec(n, source));
    }

    // ---------------------------------------------------------------- labels

    /** A new anonymous label (not in the symbol table). */
    public Label newLabel() {
        return new Label(this, null);
    }

    /**
     * The label named {@code name}, created on first use; named labels appear in the program's
     * symbol table once bound.
     */
    public Label label(String name) {
        return named.computeIfAbsent(name, n -> new Label(this, n));
    }

    /** True when a label of that name has been bound. */
    public boolean isDefined(String name) {
        Label l = named.get(name);
        return l != null && l.isBound();
    }

    /** Binds {@code label} to the current position. */
    public ProgramBuilder bind(Label label) {
        if (checkBindable(label)) {
            label.section = current;
            label.offset = current.size;
            label.definedAt = source;
        }
        return this;
    }

    /** Binds {@code label} to the current position and returns it. */
    public Label here() {
        Label l = newLabel();
        bind(l);
        return l;
    }

    /** Gives {@code label} a constant value (an absolute symbol, like {@code .equ}). */
    public ProgramBuilder define(Label label, int value) {
        return define(label, Expr.num(value));
    }

    ProgramBuilder define(Label label, Expr value) {
        if (checkBindable(label)) {
            label.value = value;
            label.definedAt = source;
        }
        return this;
    }

    /** Marks {@code label} global in the symbol table. */
    public ProgramBuilder global(Label label) {
        label.global = true;
        return this;
    }

    private boolean checkBindable(Label label) {
        if (label.owner != this) {
            throw new IllegalArgumentException("label " + label + " belongs to another builder");
        }
        if (label.isBound()) {
            Source first = label.definedAt;
            error("duplicate label '" + label + "'" + (first != null && first.line() > 0 ? " (first defined at line " + first.line() + ")" : ""));
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- instructions

    /** Emits {@code op} with constant operands (meanings as in {@link io.socsim.isa.Insn}). */
    public ProgramBuilder emit(Op op, int rd, int rs1, int rs2, int imm, int imm2) {
        return emit(op, rd, rs1, rs2, Operand.of(imm), Operand.of(imm2));
    }

    /** Emits {@code op} whose {@code imm} is the byte offset from this instruction to {@code target}. */
    public ProgramBuilder emit(Op op, int rd, int rs1, int rs2, Label target, int imm2) {
        return emit(op, rd, rs1, rs2, Operand.target(target), Operand.of(imm2));
    }

    ProgramBuilder emit(Op op, int rd, int rs1, int rs2, Operand imm, Operand imm2) {
        int len = op.length();
        if ((current.size & 1) != 0) {
            error("instruction at odd offset " + current.size + " in " + current.name + " (misaligned)");
            return this;
        }
        if (current.bss) {
            error("instructions cannot go in .bss");
            return this;
        }
        int at = current.grow(len);
        InsnFix fix = new InsnFix(current, at, op, rd, rs1, rs2, imm, imm2, source);
        if (needsFix(imm) || needsFix(imm2)) {
            insnFixes.add(fix);
        } else {
            encodeInto(fix, imm.constant(), imm2.constant());
        }
        return this;
    }

    private static boolean needsFix(Operand o) {
        return o.expr() != null;
    }

    private void encodeInto(InsnFix f, int imm, int imm2) {
        try {
            int w = f.op().format().encode(f.op(), f.rd(), f.rs1(), f.rs2(), imm, imm2);
            if (!f.op().matches(w)) {
                throw new IllegalArgumentException("these operands give a reserved encoding of " + f.op().mnemonic());
            }
            f.sec().put(f.offset(), w, f.op().length());
        } catch (IllegalArgumentException e) {
            error(f.src(), f.op().mnemonic() + ": " + e.getMessage());
        }
    }

    // Typed conveniences. Register arguments are numbers (see io.socsim.isa.Reg).

    public ProgramBuilder lui(int rd, int imm20) { return emit(Op.LUI, rd, 0, 0, imm20, 0); }
    public ProgramBuilder auipc(int rd, int imm20) { return emit(Op.AUIPC, rd, 0, 0, imm20, 0); }
    public ProgramBuilder addi(int rd, int rs1, int imm) { return emit(Op.ADDI, rd, rs1, 0, imm, 0); }
    public ProgramBuilder andi(int rd, int rs1, int imm) { return emit(Op.ANDI, rd, rs1, 0, imm, 0); }
    public ProgramBuilder ori(int rd, int rs1, int imm) { return emit(Op.ORI, rd, rs1, 0, imm, 0); }
    public ProgramBuilder xori(int rd, int rs1, int imm) { return emit(Op.XORI, rd, rs1, 0, imm, 0); }
    public ProgramBuilder slti(int rd, int rs1, int imm) { return emit(Op.SLTI, rd, rs1, 0, imm, 0); }
    public ProgramBuilder sltiu(int rd, int rs1, int imm) { return emit(Op.SLTIU, rd, rs1, 0, imm, 0); }
    public ProgramBuilder slli(int rd, int rs1, int sh) { return emit(Op.SLLI, rd, rs1, 0, sh, 0); }
    public ProgramBuilder srli(int rd, int rs1, int sh) { return emit(Op.SRLI, rd, rs1, 0, sh, 0); }
    public ProgramBuilder srai(int rd, int rs1, int sh) { return emit(Op.SRAI, rd, rs1, 0, sh, 0); }
    public ProgramBuilder add(int rd, int rs1, int rs2) { return emit(Op.ADD, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder sub(int rd, int rs1, int rs2) { return emit(Op.SUB, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder and(int rd, int rs1, int rs2) { return emit(Op.AND, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder or(int rd, int rs1, int rs2) { return emit(Op.OR, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder xor(int rd, int rs1, int rs2) { return emit(Op.XOR, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder sll(int rd, int rs1, int rs2) { return emit(Op.SLL, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder srl(int rd, int rs1, int rs2) { return emit(Op.SRL, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder sra(int rd, int rs1, int rs2) { return emit(Op.SRA, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder slt(int rd, int rs1, int rs2) { return emit(Op.SLT, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder sltu(int rd, int rs1, int rs2) { return emit(Op.SLTU, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder mul(int rd, int rs1, int rs2) { return emit(Op.MUL, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder mulh(int rd, int rs1, int rs2) { return emit(Op.MULH, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder div(int rd, int rs1, int rs2) { return emit(Op.DIV, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder divu(int rd, int rs1, int rs2) { return emit(Op.DIVU, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder rem(int rd, int rs1, int rs2) { return emit(Op.REM, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder remu(int rd, int rs1, int rs2) { return emit(Op.REMU, rd, rs1, rs2, 0, 0); }

    public ProgramBuilder lw(int rd, int imm, int rs1) { return emit(Op.LW, rd, rs1, 0, imm, 0); }
    public ProgramBuilder lh(int rd, int imm, int rs1) { return emit(Op.LH, rd, rs1, 0, imm, 0); }
    public ProgramBuilder lhu(int rd, int imm, int rs1) { return emit(Op.LHU, rd, rs1, 0, imm, 0); }
    public ProgramBuilder lb(int rd, int imm, int rs1) { return emit(Op.LB, rd, rs1, 0, imm, 0); }
    public ProgramBuilder lbu(int rd, int imm, int rs1) { return emit(Op.LBU, rd, rs1, 0, imm, 0); }
    /** {@code sw rs2, imm(rs1)}. */
    public ProgramBuilder sw(int rs2, int imm, int rs1) { return emit(Op.SW, 0, rs1, rs2, imm, 0); }
    public ProgramBuilder sh(int rs2, int imm, int rs1) { return emit(Op.SH, 0, rs1, rs2, imm, 0); }
    public ProgramBuilder sb(int rs2, int imm, int rs1) { return emit(Op.SB, 0, rs1, rs2, imm, 0); }

    public ProgramBuilder beq(int rs1, int rs2, Label l) { return emit(Op.BEQ, 0, rs1, rs2, l, 0); }
    public ProgramBuilder bne(int rs1, int rs2, Label l) { return emit(Op.BNE, 0, rs1, rs2, l, 0); }
    public ProgramBuilder blt(int rs1, int rs2, Label l) { return emit(Op.BLT, 0, rs1, rs2, l, 0); }
    public ProgramBuilder bge(int rs1, int rs2, Label l) { return emit(Op.BGE, 0, rs1, rs2, l, 0); }
    public ProgramBuilder bltu(int rs1, int rs2, Label l) { return emit(Op.BLTU, 0, rs1, rs2, l, 0); }
    public ProgramBuilder bgeu(int rs1, int rs2, Label l) { return emit(Op.BGEU, 0, rs1, rs2, l, 0); }
    public ProgramBuilder beqz(int rs1, Label l) { return beq(rs1, 0, l); }
    public ProgramBuilder bnez(int rs1, Label l) { return bne(rs1, 0, l); }
    public ProgramBuilder jal(int rd, Label l) { return emit(Op.JAL, rd, 0, 0, l, 0); }
    public ProgramBuilder j(Label l) { return jal(0, l); }
    public ProgramBuilder jalr(int rd, int rs1, int imm) { return emit(Op.JALR, rd, rs1, 0, imm, 0); }
    public ProgramBuilder ret() { return jalr(0, Reg.RA, 0); }

    public ProgramBuilder mv(int rd, int rs) { return addi(rd, rs, 0); }
    public ProgramBuilder nop() { return addi(0, 0, 0); }
    public ProgramBuilder ecall() { return emit(Op.ECALL, 0, 0, 0, 0, 0); }
    public ProgramBuilder ebreak() { return emit(Op.EBREAK, 0, 0, 0, 0, 0); }
    public ProgramBuilder wfi() { return emit(Op.WFI, 0, 0, 0, 0, 0); }
    public ProgramBuilder mret() { return emit(Op.MRET, 0, 0, 0, 0, 0); }
    /** {@code fence iorw,iorw}. */
    public ProgramBuilder fence() { return emit(Op.FENCE, 0, 0, 0, 15, 15); }
    public ProgramBuilder csrr(int rd, int csr) { return emit(Op.CSRRS, rd, 0, 0, csr, 0); }
    public ProgramBuilder csrw(int csr, int rs1) { return emit(Op.CSRRW, 0, rs1, 0, csr, 0); }

    /** Loads any 32-bit constant: {@code addi} when it fits 12 bits, else {@code lui} (+ {@code addi} when the low part is not zero). */
    public ProgramBuilder li(int rd, int value) {
        if (value >= -2048 && value <= 2047) {
            return addi(rd, 0, value);
        }
        lui(rd, Expr.hi20(value));
        int lo = Expr.lo12(value);
        return lo == 0 ? this : addi(rd, rd, lo);
    }

    /** {@code la}: the pc-relative address of {@code target} ({@code auipc} + {@code addi}). */
    public ProgramBuilder la(int rd, Label target) {
        return pcRelPair(Op.ADDI, rd, rd, Expr.sym(target));
    }

    /** {@code call}: {@code auipc ra} + {@code jalr ra}; always 8 bytes, reaches the whole address space. */
    public ProgramBuilder call(Label target) {
        return pcRelPair(Op.JALR, Reg.RA, Reg.RA, Expr.sym(target));
    }

    /** {@code tail}: {@code auipc t1} + {@code jalr x0,t1}. */
    public ProgramBuilder tail(Label target) {
        return pcRelPair(Op.JALR, Reg.T1, 0, Expr.sym(target));
    }

    /** {@code auipc tmp,%pcrel_hi(target)} then {@code op rd,tmp,%pcrel_lo}; shared by la/call/tail. */
    ProgramBuilder pcRelPair(Op second, int tmp, int rd, Expr target) {
        Label anchor = here();
        Expr delta = Expr.minus(target, Expr.sym(anchor));
        emit(Op.AUIPC, tmp, 0, 0, Operand.abs(new Expr.Hi(delta)), Operand.ZERO);
        return emit(second, rd, tmp, 0, Operand.abs(new Expr.Lo(delta)), Operand.ZERO);
    }

    // Xpulp conveniences.

    /** {@code p.lw rd, imm(rs1!)}: load, then rs1 += imm. */
    public ProgramBuilder pLwPostInc(int rd, int imm, int rs1) { return emit(Op.P_LW_IPOST, rd, rs1, 0, imm, 0); }
    public ProgramBuilder pLhPostInc(int rd, int imm, int rs1) { return emit(Op.P_LH_IPOST, rd, rs1, 0, imm, 0); }
    public ProgramBuilder pLbPostInc(int rd, int imm, int rs1) { return emit(Op.P_LB_IPOST, rd, rs1, 0, imm, 0); }
    public ProgramBuilder pLbuPostInc(int rd, int imm, int rs1) { return emit(Op.P_LBU_IPOST, rd, rs1, 0, imm, 0); }
    /** {@code p.lw rd, rs2(rs1!)}: load, then rs1 += rs2. */
    public ProgramBuilder pLwPostIncReg(int rd, int rs2, int rs1) { return emit(Op.P_LW_RPOST, rd, rs1, rs2, 0, 0); }
    /** {@code p.lw rd, rs2(rs1)}. */
    public ProgramBuilder pLwReg(int rd, int rs2, int rs1) { return emit(Op.P_LW_RR, rd, rs1, rs2, 0, 0); }
    /** {@code p.sw rs2, imm(rs1!)}: store, then rs1 += imm. */
    public ProgramBuilder pSwPostInc(int rs2, int imm, int rs1) { return emit(Op.P_SW_IPOST, 0, rs1, rs2, imm, 0); }
    public ProgramBuilder pShPostInc(int rs2, int imm, int rs1) { return emit(Op.P_SH_IPOST, 0, rs1, rs2, imm, 0); }
    public ProgramBuilder pSbPostInc(int rs2, int imm, int rs1) { return emit(Op.P_SB_IPOST, 0, rs1, rs2, imm, 0); }
    /** {@code p.sw rs2, rs3(rs1)}. */
    public ProgramBuilder pSwReg(int rs2, int rs3, int rs1) { return emit(Op.P_SW_RR, rs3, rs1, rs2, 0, 0); }

    /** {@code lp.setupi L, count, end}: loop body from the next instruction to {@code end}, the LAST body instruction. */
    public ProgramBuilder lpSetupi(int loop, int count, Label end) {
        return emit(Op.LP_SETUPI, loop, 0, 0, Operand.of(count), Operand.target(end));
    }

    /** {@code lp.setup L, rs1, end}: count from a register; {@code end} is the last body instruction. */
    public ProgramBuilder lpSetup(int loop, int rs1, Label end) { return emit(Op.LP_SETUP, loop, rs1, 0, end, 0); }
    public ProgramBuilder lpStarti(int loop, Label start) { return emit(Op.LP_STARTI, loop, 0, 0, start, 0); }
    public ProgramBuilder lpEndi(int loop, Label end) { return emit(Op.LP_ENDI, loop, 0, 0, end, 0); }
    public ProgramBuilder lpCount(int loop, int rs1) { return emit(Op.LP_COUNT, loop, rs1, 0, 0, 0); }
    public ProgramBuilder lpCounti(int loop, int count) { return emit(Op.LP_COUNTI, loop, 0, 0, count, 0); }

    public ProgramBuilder pMac(int rd, int rs1, int rs2) { return emit(Op.P_MAC, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pClip(int rd, int rs1, int bits) { return emit(Op.P_CLIP, rd, rs1, 0, bits, 0); }
    public ProgramBuilder pMin(int rd, int rs1, int rs2) { return emit(Op.P_MIN, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pMax(int rd, int rs1, int rs2) { return emit(Op.P_MAX, rd, rs1, rs2, 0, 0); }
    /** {@code p.extract rd, rs1, is3, is2}: sign-extended field of is3+1 bits at bit is2. */
    public ProgramBuilder pExtract(int rd, int rs1, int is3, int is2) { return emit(Op.P_EXTRACT, rd, rs1, 0, is2, is3); }
    public ProgramBuilder pBeqimm(int rs1, int imm5, Label l) { return emit(Op.P_BEQIMM, 0, rs1, 0, l, imm5); }
    public ProgramBuilder pBneimm(int rs1, int imm5, Label l) { return emit(Op.P_BNEIMM, 0, rs1, 0, l, imm5); }
    public ProgramBuilder pvSdotspB(int rd, int rs1, int rs2) { return emit(Op.PV_SDOTSP_B, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvSdotspH(int rd, int rs1, int rs2) { return emit(Op.PV_SDOTSP_H, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvSdotupB(int rd, int rs1, int rs2) { return emit(Op.PV_SDOTUP_B, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvSdotuspB(int rd, int rs1, int rs2) { return emit(Op.PV_SDOTUSP_B, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvDotspB(int rd, int rs1, int rs2) { return emit(Op.PV_DOTSP_B, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvAddB(int rd, int rs1, int rs2) { return emit(Op.PV_ADD_B, rd, rs1, rs2, 0, 0); }
    public ProgramBuilder pvAddH(int rd, int rs1, int rs2) { return emit(Op.PV_ADD_H, rd, rs1, rs2, 0, 0); }

    // ---------------------------------------------------------------- data

    public ProgramBuilder word(int... values) {
        for (int v : values) {
            data(v, 4);
        }
        return this;
    }

    /** A 32-bit word holding the address of {@code label}. */
    public ProgramBuilder word(Label label) {
        return data(Expr.sym(label), 4);
    }

    public ProgramBuilder half(int... values) {
        for (int v : values) {
            data(v, 2);
        }
        return this;
    }

    public ProgramBuilder bytes(byte... values) {
        if (nonZeroInBss(values.length)) {
            return this;
        }
        int at = current.grow(values.length);
        System.arraycopy(values, 0, current.buf, at, values.length);
        return this;
    }

    /** {@code n} zero bytes (the only kind of content {@code .bss} accepts). */
    public ProgramBuilder space(int n) {
        return space(n, 0);
    }

    public ProgramBuilder space(int n, int fill) {
        if (n < 0) {
            error("negative size " + n);
            return this;
        }
        if (!roomFor(n)) {
            return this;
        }
        if (fill != 0 && nonZeroInBss(n)) {
            return this;
        }
        int at = current.grow(n);
        Arrays.fill(current.buf, at, at + n, (byte) fill);
        return this;
    }

    /** Aligns to 2^{@code log2} bytes (GNU RISC-V {@code .align} / {@code .p2align}). */
    public ProgramBuilder align(int log2) {
        if (log2 < 0 || log2 > 16) {
            error(".align exponent " + log2 + " is out of range [0, 16]");
            return this;
        }
        return balign(1 << log2);
    }

    /** Aligns to {@code n} bytes (a power of two); {@code .text} is padded with nops, data with zeros. */
    public ProgramBuilder balign(int n) {
        if (n <= 0 || Integer.bitCount(n) != 1) {
            error("alignment " + n + " is not a power of two");
            return this;
        }
        int pad = (n - (current.size & (n - 1))) & (n - 1);
        if (!roomFor(pad)) {
            return this;
        }
        current.align = Math.max(current.align, n);
        int at = current.grow(pad);
        if (current.name.equals(".text") && (at & 1) == 0) {
            // Pad code with executable nops so that falling through the gap is harmless.
            int p = at;
            if ((pad & 2) != 0 && (p & 3) != 0) {
                current.put(p, C_NOP, 2);
                p += 2;
            }
            for (; p + 4 <= at + pad; p += 4) {
                current.put(p, NOP, 4);
            }
            if (p < at + pad) {
                current.put(p, C_NOP, 2);
            }
        }
        return this;
    }

    /** Whether the current section may grow by {@code n} more bytes; records the error when not. */
    private boolean roomFor(long n) {
        if (current.size + n <= MAX_SECTION_BYTES) {
            return true;
        }
        error(String.format(Locale.ROOT, "%s would grow to %d bytes, more than the limit of %d MiB",
                current.name, current.size + n, MAX_SECTION_BYTES >> 20));
        return false;
    }

    ProgramBuilder data(int value, int bytes) {
        if (value != 0 && nonZeroInBss(bytes)) {
            return this;
        }
        int at = current.grow(bytes);
        current.put(at, value, bytes);
        return this;
    }

    ProgramBuilder data(Expr e, int bytes) {
        if (current.bss) {
            error("initialized data cannot go in .bss (use .space/.zero)");
            return this;
        }
        int at = current.grow(bytes);
        dataFixes.add(new DataFix(current, at, bytes, e, source));
        return this;
    }

    private boolean nonZeroInBss(int n) {
        if (current.bss) {
            error("initialized data cannot go in .bss (use .space/.zero)");
            current.grow(n);
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- errors and sources

    /** Text-assembler mode: record errors with their source line instead of throwing. */
    void collectErrors() {
        collect = true;
    }

    void source(Source s) {
        source = s;
    }

    Source source() {
        return source;
    }

    void error(String message) {
        error(source, message);
    }

    void error(Source src, String message) {
        errors.add(new AssemblyException.Diagnostic(src.file(), src.line(), src.text(), message));
        if (!collect && !building) {
            List<AssemblyException.Diagnostic> one = List.copyOf(errors);
            errors.clear();
            throw new AssemblyException(one);
        }
    }

    List<AssemblyException.Diagnostic> errors() {
        return errors;
    }

    private boolean building;

    // ---------------------------------------------------------------- build

    /** Places the sections, resolves every label reference and returns the program. */
    public Program build() {
        if (built) {
            throw new IllegalStateException("build() may be called only once");
        }
        built = true;
        building = true;
        List<Sec> order = layout();
        for (InsnFix f : insnFixes) {
            Integer imm = resolve(f, f.imm()), imm2 = resolve(f, f.imm2());
            if (imm != null && imm2 != null) {
                encodeInto(f, imm, imm2);
            }
        }
        for (DataFix f : dataFixes) {
            Long v = eval(f.expr(), f.src());
            if (v != null) {
                long min = -(1L << (8 * f.bytes() - 1)), max = (1L << (8 * f.bytes())) - 1;
                if (v < min || v > max) {
                    error(f.src(), String.format(Locale.ROOT, "value %d does not fit in %d byte(s)", v, f.bytes()));
                } else {
                    f.sec().put(f.offset(), (int) (long) v, f.bytes());
                }
            }
        }
        Map<String, Program.Symbol> symbols = new TreeMap<>();
        for (Label l : named.values()) {
            if (l.isBound()) {
                Long v = eval(Expr.sym(l), l.definedAt);
                if (v != null) {
                    symbols.put(l.name(), new Program.Symbol(l.name(), (int) (long) v, l.global));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new AssemblyException(errors);
        }
        List<Program.Section> out = new ArrayList<>();
        for (Sec s : order) {
            out.add(new Program.Section(s.name, s.base, Arrays.copyOf(s.buf, s.size)));
        }
        out.sort(Comparator.comparingLong(s -> Integer.toUnsignedLong(s.base())));
        Program.Symbol start = symbols.get("_start");
        return new Program(out, symbols, start != null ? start.address() : textBase);
    }

    private List<Sec> layout() {
        List<Sec> order = new ArrayList<>();
        order.add(sec(".text"));
        if (sections.containsKey(".data")) {
            order.add(sections.get(".data"));
        }
        for (Sec s : sections.values()) {
            if (!s.name.equals(".text") && !s.name.equals(".data") && !s.bss) {
                order.add(s);
            }
        }
        if (sections.containsKey(".bss")) {
            order.add(sections.get(".bss"));
        }
        long cursor = Integer.toUnsignedLong(textBase);
        for (Sec s : order) {
            Integer fixed = s.name.equals(".text") ? Integer.valueOf(textBase) : fixedBase.get(s.name);
            long base;
            if (fixed != null) {
                base = Integer.toUnsignedLong(fixed);
                if ((base & (s.align - 1)) != 0) {
                    error(s.opened, String.format(Locale.ROOT, "section %s at 0x%08x is not aligned to its .align of %d", s.name, base, s.align));
                }
            } else {
                long a = Math.max(16, s.align);
                base = (cursor + a - 1) & -a;
            }
            if (base + s.size > 0x1_0000_0000L) {
                error(s.opened, "section " + s.name + " does not fit below 4 GiB");
            }
            s.base = (int) base;
            s.placed = true;
            cursor = base + s.size;
        }
        for (int i = 0; i < order.size(); i++) {
            for (int k = i + 1; k < order.size(); k++) {
                Sec a = order.get(i), b = order.get(k);
                long a0 = Integer.toUnsignedLong(a.base), b0 = Integer.toUnsignedLong(b.base);
                if (a.size > 0 && b.size > 0 && a0 < b0 + b.size && b0 < a0 + a.size) {
                    error(b.opened, "sections " + a.name + " and " + b.name + " overlap");
                }
            }
        }
        return order;
    }

    private Integer resolve(InsnFix f, Operand o) {
        if (o.expr() == null) {
            return o.constant();
        }
        Long v = eval(o.expr(), f.src());
        if (v == null) {
            return null;
        }
        long value = o.pcRel() ? v - Integer.toUnsignedLong(f.sec().base + f.offset()) : v;
        if (o.pcRel()) {
            value = (int) value; // pc-relative offsets wrap modulo 2^32 like the hardware adder
        } else if (value < Integer.MIN_VALUE || value > 0xffffffffL) {
            error(f.src(), "value " + value + " does not fit in 32 bits");
            return null;
        }
        return (int) value;
    }

    private Long eval(Expr e, Source src) {
        try {
            return e.eval(new Resolver());
        } catch (Expr.Unresolved u) {
            error(src, u.getMessage());
        } catch (ArithmeticException a) {
            error(src, a.getMessage());
        }
        return null;
    }

    /** Label values after layout; detects .equ cycles. */
    private final class Resolver implements Expr.Resolver {
        private int depth;

        @Override
        public long valueOf(Label l) {
            if (l.section != null) {
                return Integer.toUnsignedLong(l.section.base + l.offset);
            }
            if (l.value == null) {
                throw new Expr.Unresolved(l, "undefined label '" + l + "'");
            }
            if (++depth > Expr.Constants.MAX_DEPTH) {
                throw new Expr.Unresolved(l, "symbol '" + l + "' is defined in terms of itself");
            }
            try {
                return l.value.eval(this);
            } finally {
                depth--;
            }
        }
    }
}
