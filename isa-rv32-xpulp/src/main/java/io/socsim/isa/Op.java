package io.socsim.isa;

import java.util.function.IntPredicate;

/**
 * The encoding table: every instruction form the core decodes, as data (mnemonic, match, mask,
 * operand format, extension, cost class {@link OpClass}), in the style of Spike's and binutils' opcode tables. No two rows
 * may match the same word ({@code OpTableTest} proves it); assembler-only aliases such as
 * {@code p.lw rd,imm(rs1)} for {@code lw} or {@code p.muls} for {@code p.mulsn ...,0} live in the
 * assembler, not here.
 *
 * <p>Xpulp rows are generated from Table A of {@code shared/reference/xpulpv2-isa.md} (PULP
 * binutils {@code riscv-opc.c}, cross-checked against GVSoC {@code isa_pulpv2.py}).
 * Compressed rows carry an extra validity predicate for the reserved encodings of the RVC spec.
 */
public enum Op {
    // ---- RV32I
    LUI("lui", 0x00000037, 0x0000007f, Format.U, Ext.I, OpClass.ALU),
    AUIPC("auipc", 0x00000017, 0x0000007f, Format.U, Ext.I, OpClass.ALU),
    JAL("jal", 0x0000006f, 0x0000007f, Format.J, Ext.I, OpClass.JAL),
    JALR("jalr", 0x00000067, 0x0000707f, Format.JALR, Ext.I, OpClass.JALR),
    BEQ("beq", 0x00000063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    BNE("bne", 0x00001063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    BLT("blt", 0x00004063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    BGE("bge", 0x00005063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    BLTU("bltu", 0x00006063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    BGEU("bgeu", 0x00007063, 0x0000707f, Format.BRANCH, Ext.I, OpClass.BRANCH),
    LB("lb", 0x00000003, 0x0000707f, Format.LOAD, Ext.I, OpClass.LOAD_B),
    LH("lh", 0x00001003, 0x0000707f, Format.LOAD, Ext.I, OpClass.LOAD_H),
    LW("lw", 0x00002003, 0x0000707f, Format.LOAD, Ext.I, OpClass.LOAD_W),
    LBU("lbu", 0x00004003, 0x0000707f, Format.LOAD, Ext.I, OpClass.LOAD_B),
    LHU("lhu", 0x00005003, 0x0000707f, Format.LOAD, Ext.I, OpClass.LOAD_H),
    SB("sb", 0x00000023, 0x0000707f, Format.STORE, Ext.I, OpClass.STORE_B),
    SH("sh", 0x00001023, 0x0000707f, Format.STORE, Ext.I, OpClass.STORE_H),
    SW("sw", 0x00002023, 0x0000707f, Format.STORE, Ext.I, OpClass.STORE_W),
    ADDI("addi", 0x00000013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    SLTI("slti", 0x00002013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    SLTIU("sltiu", 0x00003013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    XORI("xori", 0x00004013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    ORI("ori", 0x00006013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    ANDI("andi", 0x00007013, 0x0000707f, Format.I, Ext.I, OpClass.ALU),
    SLLI("slli", 0x00001013, 0xfe00707f, Format.I_SHIFT, Ext.I, OpClass.ALU),
    SRLI("srli", 0x00005013, 0xfe00707f, Format.I_SHIFT, Ext.I, OpClass.ALU),
    SRAI("srai", 0x40005013, 0xfe00707f, Format.I_SHIFT, Ext.I, OpClass.ALU),
    ADD("add", 0x00000033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SUB("sub", 0x40000033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SLL("sll", 0x00001033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SLT("slt", 0x00002033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SLTU("sltu", 0x00003033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    XOR("xor", 0x00004033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SRL("srl", 0x00005033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    SRA("sra", 0x40005033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    OR("or", 0x00006033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    AND("and", 0x00007033, 0xfe00707f, Format.R, Ext.I, OpClass.ALU),
    // fm, rs1 and rd of fence are reserved; like binutils we only accept them as zero, plus the
    // one defined fm value (fence.tso, exactly "fence rw,rw" with fm=1000).
    FENCE("fence", 0x0000000f, 0xf00fffff, Format.FENCE, Ext.I, OpClass.ALU),
    FENCE_TSO("fence.tso", 0x8330000f, 0xffffffff, Format.NONE, Ext.I, OpClass.ALU),
    ECALL("ecall", 0x00000073, 0xffffffff, Format.NONE, Ext.I, OpClass.ALU),
    EBREAK("ebreak", 0x00100073, 0xffffffff, Format.NONE, Ext.I, OpClass.ALU),
    // ---- Zifencei, Zicsr, machine mode
    FENCE_I("fence.i", 0x0000100f, 0xffffffff, Format.NONE, Ext.ZIFENCEI, OpClass.ALU),
    CSRRW("csrrw", 0x00001073, 0x0000707f, Format.CSR, Ext.ZICSR, OpClass.CSR),
    CSRRS("csrrs", 0x00002073, 0x0000707f, Format.CSR, Ext.ZICSR, OpClass.CSR),
    CSRRC("csrrc", 0x00003073, 0x0000707f, Format.CSR, Ext.ZICSR, OpClass.CSR),
    CSRRWI("csrrwi", 0x00005073, 0x0000707f, Format.CSRI, Ext.ZICSR, OpClass.CSR),
    CSRRSI("csrrsi", 0x00006073, 0x0000707f, Format.CSRI, Ext.ZICSR, OpClass.CSR),
    CSRRCI("csrrci", 0x00007073, 0x0000707f, Format.CSRI, Ext.ZICSR, OpClass.CSR),
    MRET("mret", 0x30200073, 0xffffffff, Format.NONE, Ext.PRIV, OpClass.ALU),
    WFI("wfi", 0x10500073, 0xffffffff, Format.NONE, Ext.PRIV, OpClass.WFI),
    // ---- M
    MUL("mul", 0x02000033, 0xfe00707f, Format.R, Ext.M, OpClass.MUL),
    MULH("mulh", 0x02001033, 0xfe00707f, Format.R, Ext.M, OpClass.MULH),
    MULHSU("mulhsu", 0x02002033, 0xfe00707f, Format.R, Ext.M, OpClass.MULH),
    MULHU("mulhu", 0x02003033, 0xfe00707f, Format.R, Ext.M, OpClass.MULH),
    DIV("div", 0x02004033, 0xfe00707f, Format.R, Ext.M, OpClass.DIV),
    DIVU("divu", 0x02005033, 0xfe00707f, Format.R, Ext.M, OpClass.DIV),
    REM("rem", 0x02006033, 0xfe00707f, Format.R, Ext.M, OpClass.DIV),
    REMU("remu", 0x02007033, 0xfe00707f, Format.R, Ext.M, OpClass.DIV),
    // ---- C (RV32), with the reserved encodings excluded by predicates. HINTs (rd = x0 forms,
    // zero shift amounts, c.addi with a zero immediate) are legal encodings that execute as
    // their base instruction, so they decode like binutils decodes them. Shift amounts >= 32
    // (bit 12 set) are reserved on RV32 and stay illegal.
    C_ADDI4SPN("c.addi4spn", 0x0000, 0xe003, Format.C_ADDI4SPN, Ext.C, OpClass.ALU, h -> ((h >>> 5) & 0xff) != 0),
    C_LW("c.lw", 0x4000, 0xe003, Format.C_LW, Ext.C, OpClass.LOAD_W),
    C_SW("c.sw", 0xc000, 0xe003, Format.C_SW, Ext.C, OpClass.STORE_W),
    C_NOP("c.nop", 0x0001, 0xffff, Format.C_NONE, Ext.C, OpClass.ALU),
    C_ADDI("c.addi", 0x0001, 0xe003, Format.C_ADDI, Ext.C, OpClass.ALU, h -> h != 0x0001), // 0x0001 is c.nop; other rd = x0 forms are HINTs
    C_JAL("c.jal", 0x2001, 0xe003, Format.C_JAL, Ext.C, OpClass.JAL),
    C_LI("c.li", 0x4001, 0xe003, Format.C_LI, Ext.C, OpClass.ALU),
    C_ADDI16SP("c.addi16sp", 0x6101, 0xef83, Format.C_ADDI16SP, Ext.C, OpClass.ALU, h -> (h & 0x107c) != 0),
    C_LUI("c.lui", 0x6001, 0xe003, Format.C_LUI, Ext.C, OpClass.ALU, h -> rdField(h) != 2 && (h & 0x107c) != 0),
    C_SRLI("c.srli", 0x8001, 0xfc03, Format.C_SRLI, Ext.C, OpClass.ALU),
    C_SRAI("c.srai", 0x8401, 0xfc03, Format.C_SRAI, Ext.C, OpClass.ALU),
    C_ANDI("c.andi", 0x8801, 0xec03, Format.C_ANDI, Ext.C, OpClass.ALU),
    C_SUB("c.sub", 0x8c01, 0xfc63, Format.C_ARITH, Ext.C, OpClass.ALU),
    C_XOR("c.xor", 0x8c21, 0xfc63, Format.C_ARITH, Ext.C, OpClass.ALU),
    C_OR("c.or", 0x8c41, 0xfc63, Format.C_ARITH, Ext.C, OpClass.ALU),
    C_AND("c.and", 0x8c61, 0xfc63, Format.C_ARITH, Ext.C, OpClass.ALU),
    C_J("c.j", 0xa001, 0xe003, Format.C_J, Ext.C, OpClass.JAL),
    C_BEQZ("c.beqz", 0xc001, 0xe003, Format.C_BRANCH, Ext.C, OpClass.BRANCH),
    C_BNEZ("c.bnez", 0xe001, 0xe003, Format.C_BRANCH, Ext.C, OpClass.BRANCH),
    C_SLLI("c.slli", 0x0002, 0xf003, Format.C_SLLI, Ext.C, OpClass.ALU),
    C_LWSP("c.lwsp", 0x4002, 0xe003, Format.C_LWSP, Ext.C, OpClass.LOAD_W, h -> rdField(h) != 0),
    C_SWSP("c.swsp", 0xc002, 0xe003, Format.C_SWSP, Ext.C, OpClass.STORE_W),
    C_JR("c.jr", 0x8002, 0xf07f, Format.C_JR, Ext.C, OpClass.JALR, h -> rdField(h) != 0),
    C_MV("c.mv", 0x8002, 0xf003, Format.C_MV, Ext.C, OpClass.ALU, h -> rs2Field(h) != 0),
    C_EBREAK("c.ebreak", 0x9002, 0xffff, Format.C_NONE, Ext.C, OpClass.ALU),
    C_JALR("c.jalr", 0x9002, 0xf07f, Format.C_JALR, Ext.C, OpClass.JALR, h -> rdField(h) != 0),
    C_ADD("c.add", 0x9002, 0xf003, Format.C_ADD, Ext.C, OpClass.ALU, h -> rs2Field(h) != 0),
    // ---- XpulpV2 (RI5CY encoding), generated from Table A
    P_LB_IPOST("p.lb", 0x0000000b, 0x0000707f, Format.POST_LOAD_IMM, Ext.XPULP, OpClass.LOAD_B),
    P_LB_RR("p.lb", 0x00007003, 0xfe00707f, Format.LOAD_REG, Ext.XPULP, OpClass.LOAD_B),
    P_LB_RPOST("p.lb", 0x0000700b, 0xfe00707f, Format.POST_LOAD_REG, Ext.XPULP, OpClass.LOAD_B),
    P_LBU_IPOST("p.lbu", 0x0000400b, 0x0000707f, Format.POST_LOAD_IMM, Ext.XPULP, OpClass.LOAD_B),
    P_LBU_RR("p.lbu", 0x40007003, 0xfe00707f, Format.LOAD_REG, Ext.XPULP, OpClass.LOAD_B),
    P_LBU_RPOST("p.lbu", 0x4000700b, 0xfe00707f, Format.POST_LOAD_REG, Ext.XPULP, OpClass.LOAD_B),
    P_LH_IPOST("p.lh", 0x0000100b, 0x0000707f, Format.POST_LOAD_IMM, Ext.XPULP, OpClass.LOAD_H),
    P_LH_RR("p.lh", 0x10007003, 0xfe00707f, Format.LOAD_REG, Ext.XPULP, OpClass.LOAD_H),
    P_LH_RPOST("p.lh", 0x1000700b, 0xfe00707f, Format.POST_LOAD_REG, Ext.XPULP, OpClass.LOAD_H),
    P_LHU_IPOST("p.lhu", 0x0000500b, 0x0000707f, Format.POST_LOAD_IMM, Ext.XPULP, OpClass.LOAD_H),
    P_LHU_RR("p.lhu", 0x50007003, 0xfe00707f, Format.LOAD_REG, Ext.XPULP, OpClass.LOAD_H),
    P_LHU_RPOST("p.lhu", 0x5000700b, 0xfe00707f, Format.POST_LOAD_REG, Ext.XPULP, OpClass.LOAD_H),
    P_LW_IPOST("p.lw", 0x0000200b, 0x0000707f, Format.POST_LOAD_IMM, Ext.XPULP, OpClass.LOAD_W),
    P_LW_RR("p.lw", 0x20007003, 0xfe00707f, Format.LOAD_REG, Ext.XPULP, OpClass.LOAD_W),
    P_LW_RPOST("p.lw", 0x2000700b, 0xfe00707f, Format.POST_LOAD_REG, Ext.XPULP, OpClass.LOAD_W),
    P_SB_IPOST("p.sb", 0x0000002b, 0x0000707f, Format.POST_STORE_IMM, Ext.XPULP, OpClass.STORE_B),
    P_SB_RR("p.sb", 0x00004023, 0xfe00707f, Format.STORE_REG, Ext.XPULP, OpClass.STORE_B),
    P_SB_RPOST("p.sb", 0x0000402b, 0xfe00707f, Format.POST_STORE_REG, Ext.XPULP, OpClass.STORE_B),
    P_SH_IPOST("p.sh", 0x0000102b, 0x0000707f, Format.POST_STORE_IMM, Ext.XPULP, OpClass.STORE_H),
    P_SH_RR("p.sh", 0x00005023, 0xfe00707f, Format.STORE_REG, Ext.XPULP, OpClass.STORE_H),
    P_SH_RPOST("p.sh", 0x0000502b, 0xfe00707f, Format.POST_STORE_REG, Ext.XPULP, OpClass.STORE_H),
    P_SW_IPOST("p.sw", 0x0000202b, 0x0000707f, Format.POST_STORE_IMM, Ext.XPULP, OpClass.STORE_W),
    P_SW_RR("p.sw", 0x00006023, 0xfe00707f, Format.STORE_REG, Ext.XPULP, OpClass.STORE_W),
    P_SW_RPOST("p.sw", 0x0000602b, 0xfe00707f, Format.POST_STORE_REG, Ext.XPULP, OpClass.STORE_W),
    P_ELW("p.elw", 0x00006003, 0x0000707f, Format.LOAD, Ext.XPULP, OpClass.LOAD_W),
    LP_STARTI("lp.starti", 0x0000007b, 0x000ff07f, Format.HWLOOP_ADDR, Ext.XPULP, OpClass.ALU),
    LP_ENDI("lp.endi", 0x0000107b, 0x000ff07f, Format.HWLOOP_ADDR, Ext.XPULP, OpClass.ALU),
    LP_COUNT("lp.count", 0x0000207b, 0xfff0707f, Format.HWLOOP_COUNT, Ext.XPULP, OpClass.ALU),
    LP_COUNTI("lp.counti", 0x0000307b, 0x000ff07f, Format.HWLOOP_COUNTI, Ext.XPULP, OpClass.ALU),
    LP_SETUP("lp.setup", 0x0000407b, 0x0000707f, Format.HWLOOP_SETUP, Ext.XPULP, OpClass.ALU),
    LP_SETUPI("lp.setupi", 0x0000507b, 0x0000707f, Format.HWLOOP_SETUPI, Ext.XPULP, OpClass.ALU),
    P_ABS("p.abs", 0x04000033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_SLET("p.slet", 0x04002033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_SLETU("p.sletu", 0x04003033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_MIN("p.min", 0x04004033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_MINU("p.minu", 0x04005033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_MAX("p.max", 0x04006033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_MAXU("p.maxu", 0x04007033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_ROR("p.ror", 0x08005033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_FF1("p.ff1", 0x10000033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_FL1("p.fl1", 0x10001033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_CLB("p.clb", 0x10002033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_CNT("p.cnt", 0x10003033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_EXTHS("p.exths", 0x10004033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_EXTHZ("p.exthz", 0x10005033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_EXTBS("p.extbs", 0x10006033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_EXTBZ("p.extbz", 0x10007033, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.ALU),
    P_CLIP("p.clip", 0x14001033, 0xfe00707f, Format.R_UIMM5, Ext.XPULP, OpClass.ALU),
    P_CLIPR("p.clipr", 0x14005033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_CLIPU("p.clipu", 0x14002033, 0xfe00707f, Format.R_UIMM5, Ext.XPULP, OpClass.ALU),
    P_CLIPUR("p.clipur", 0x14006033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_EXTRACT("p.extract", 0xc0000033, 0xc000707f, Format.BITFIELD, Ext.XPULP, OpClass.ALU),
    P_EXTRACTR("p.extractr", 0x80000033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_EXTRACTU("p.extractu", 0xc0001033, 0xc000707f, Format.BITFIELD, Ext.XPULP, OpClass.ALU),
    P_EXTRACTUR("p.extractur", 0x80001033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_INSERT("p.insert", 0xc0002033, 0xc000707f, Format.BITFIELD, Ext.XPULP, OpClass.ALU_READS_RD),
    P_INSERTR("p.insertr", 0x80002033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_BSET("p.bset", 0xc0004033, 0xc000707f, Format.BITFIELD, Ext.XPULP, OpClass.ALU),
    P_BSETR("p.bsetr", 0x80004033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_BCLR("p.bclr", 0xc0003033, 0xc000707f, Format.BITFIELD, Ext.XPULP, OpClass.ALU),
    P_BCLRR("p.bclrr", 0x80003033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU),
    P_MAC("p.mac", 0x42000033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.MAC),
    P_MSU("p.msu", 0x42001033, 0xfe00707f, Format.R, Ext.XPULP, OpClass.MAC),
    P_MULSN("p.mulsn", 0x8000005b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULHHSN("p.mulhhsn", 0xc000005b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULSRN("p.mulsrn", 0x8000405b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULHHSRN("p.mulhhsrn", 0xc000405b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULUN("p.mulun", 0x0000005b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULHHUN("p.mulhhun", 0x4000005b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULURN("p.mulurn", 0x0000405b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MULHHURN("p.mulhhurn", 0x4000405b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MUL),
    P_MACSN("p.macsn", 0x8000105b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACHHSN("p.machhsn", 0xc000105b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACSRN("p.macsrn", 0x8000505b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACHHSRN("p.machhsrn", 0xc000505b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACUN("p.macun", 0x0000105b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACHHUN("p.machhun", 0x4000105b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACURN("p.macurn", 0x0000505b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_MACHHURN("p.machhurn", 0x4000505b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.MAC),
    P_ADDN("p.addn", 0x0000205b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_ADDNR("p.addnr", 0x4000205b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_ADDUN("p.addun", 0x8000205b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_ADDUNR("p.addunr", 0xc000205b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_ADDRN("p.addrn", 0x0000605b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_ADDRNR("p.addrnr", 0x4000605b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_ADDURN("p.addurn", 0x8000605b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_ADDURNR("p.addurnr", 0xc000605b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_SUBN("p.subn", 0x0000305b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_SUBNR("p.subnr", 0x4000305b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_SUBUN("p.subun", 0x8000305b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_SUBUNR("p.subunr", 0xc000305b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_SUBRN("p.subrn", 0x0000705b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_SUBRNR("p.subrnr", 0x4000705b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_SUBURN("p.suburn", 0x8000705b, 0xc000707f, Format.R_NORM, Ext.XPULP, OpClass.ALU),
    P_SUBURNR("p.suburnr", 0xc000705b, 0xfe00707f, Format.R, Ext.XPULP, OpClass.ALU_READS_RD),
    P_BEQIMM("p.beqimm", 0x00002063, 0x0000707f, Format.BRANCH_IMM, Ext.XPULP, OpClass.BRANCH),
    P_BNEIMM("p.bneimm", 0x00003063, 0x0000707f, Format.BRANCH_IMM, Ext.XPULP, OpClass.BRANCH),
    PV_ADD_H("pv.add.h", 0x00000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_ADD_SC_H("pv.add.sc.h", 0x00004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_ADD_SCI_H("pv.add.sci.h", 0x00006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_ADD_B("pv.add.b", 0x00001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_ADD_SC_B("pv.add.sc.b", 0x00005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_ADD_SCI_B("pv.add.sci.b", 0x00007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_SUB_H("pv.sub.h", 0x08000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SUB_SC_H("pv.sub.sc.h", 0x08004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SUB_SCI_H("pv.sub.sci.h", 0x08006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_SUB_B("pv.sub.b", 0x08001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SUB_SC_B("pv.sub.sc.b", 0x08005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SUB_SCI_B("pv.sub.sci.b", 0x08007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_AVG_H("pv.avg.h", 0x10000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVG_SC_H("pv.avg.sc.h", 0x10004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVG_SCI_H("pv.avg.sci.h", 0x10006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_AVG_B("pv.avg.b", 0x10001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVG_SC_B("pv.avg.sc.b", 0x10005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVG_SCI_B("pv.avg.sci.b", 0x10007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_H("pv.avgu.h", 0x18000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_SC_H("pv.avgu.sc.h", 0x18004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_SCI_H("pv.avgu.sci.h", 0x18006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_B("pv.avgu.b", 0x18001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_SC_B("pv.avgu.sc.b", 0x18005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AVGU_SCI_B("pv.avgu.sci.b", 0x18007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_MIN_H("pv.min.h", 0x20000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MIN_SC_H("pv.min.sc.h", 0x20004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MIN_SCI_H("pv.min.sci.h", 0x20006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_MIN_B("pv.min.b", 0x20001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MIN_SC_B("pv.min.sc.b", 0x20005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MIN_SCI_B("pv.min.sci.b", 0x20007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_MINU_H("pv.minu.h", 0x28000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MINU_SC_H("pv.minu.sc.h", 0x28004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MINU_SCI_H("pv.minu.sci.h", 0x28006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_MINU_B("pv.minu.b", 0x28001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MINU_SC_B("pv.minu.sc.b", 0x28005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MINU_SCI_B("pv.minu.sci.b", 0x28007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_MAX_H("pv.max.h", 0x30000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAX_SC_H("pv.max.sc.h", 0x30004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAX_SCI_H("pv.max.sci.h", 0x30006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_MAX_B("pv.max.b", 0x30001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAX_SC_B("pv.max.sc.b", 0x30005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAX_SCI_B("pv.max.sci.b", 0x30007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_H("pv.maxu.h", 0x38000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_SC_H("pv.maxu.sc.h", 0x38004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_SCI_H("pv.maxu.sci.h", 0x38006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_B("pv.maxu.b", 0x38001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_SC_B("pv.maxu.sc.b", 0x38005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_MAXU_SCI_B("pv.maxu.sci.b", 0x38007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SRL_H("pv.srl.h", 0x40000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRL_SC_H("pv.srl.sc.h", 0x40004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRL_SCI_H("pv.srl.sci.h", 0x40006057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_SRL_B("pv.srl.b", 0x40001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRL_SC_B("pv.srl.sc.b", 0x40005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRL_SCI_B("pv.srl.sci.b", 0x40007057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_SRA_H("pv.sra.h", 0x48000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRA_SC_H("pv.sra.sc.h", 0x48004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRA_SCI_H("pv.sra.sci.h", 0x48006057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_SRA_B("pv.sra.b", 0x48001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRA_SC_B("pv.sra.sc.b", 0x48005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SRA_SCI_B("pv.sra.sci.b", 0x48007057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_SLL_H("pv.sll.h", 0x50000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SLL_SC_H("pv.sll.sc.h", 0x50004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SLL_SCI_H("pv.sll.sci.h", 0x50006057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_SLL_B("pv.sll.b", 0x50001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SLL_SC_B("pv.sll.sc.b", 0x50005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SLL_SCI_B("pv.sll.sci.b", 0x50007057, 0xfc00707f, Format.SIMD_IMM5U, Ext.XPULP, OpClass.SIMD),
    PV_OR_H("pv.or.h", 0x58000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_OR_SC_H("pv.or.sc.h", 0x58004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_OR_SCI_H("pv.or.sci.h", 0x58006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_OR_B("pv.or.b", 0x58001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_OR_SC_B("pv.or.sc.b", 0x58005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_OR_SCI_B("pv.or.sci.b", 0x58007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_XOR_H("pv.xor.h", 0x60000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_XOR_SC_H("pv.xor.sc.h", 0x60004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_XOR_SCI_H("pv.xor.sci.h", 0x60006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_XOR_B("pv.xor.b", 0x60001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_XOR_SC_B("pv.xor.sc.b", 0x60005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_XOR_SCI_B("pv.xor.sci.b", 0x60007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_AND_H("pv.and.h", 0x68000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AND_SC_H("pv.and.sc.h", 0x68004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AND_SCI_H("pv.and.sci.h", 0x68006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_AND_B("pv.and.b", 0x68001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AND_SC_B("pv.and.sc.b", 0x68005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_AND_SCI_B("pv.and.sci.b", 0x68007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_ABS_H("pv.abs.h", 0x70000057, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.SIMD),
    PV_ABS_B("pv.abs.b", 0x70001057, 0xfff0707f, Format.R2, Ext.XPULP, OpClass.SIMD),
    PV_EXTRACT_H("pv.extract.h", 0x78006057, 0xfc00707f, Format.SIMD_IMM1U, Ext.XPULP, OpClass.SIMD),
    PV_EXTRACT_B("pv.extract.b", 0x78007057, 0xfc00707f, Format.SIMD_IMM2U, Ext.XPULP, OpClass.SIMD),
    PV_EXTRACTU_H("pv.extractu.h", 0x90006057, 0xfc00707f, Format.SIMD_IMM1U, Ext.XPULP, OpClass.SIMD),
    PV_EXTRACTU_B("pv.extractu.b", 0x90007057, 0xfc00707f, Format.SIMD_IMM2U, Ext.XPULP, OpClass.SIMD),
    PV_INSERT_H("pv.insert.h", 0xb0006057, 0xfc00707f, Format.SIMD_IMM1U, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_INSERT_B("pv.insert.b", 0xb0007057, 0xfc00707f, Format.SIMD_IMM2U, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_DOTSP_H("pv.dotsp.h", 0x98000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTSP_SC_H("pv.dotsp.sc.h", 0x98004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTSP_SCI_H("pv.dotsp.sci.h", 0x98006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT),
    PV_DOTSP_B("pv.dotsp.b", 0x98001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTSP_SC_B("pv.dotsp.sc.b", 0x98005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTSP_SCI_B("pv.dotsp.sci.b", 0x98007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_H("pv.dotup.h", 0x80000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_SC_H("pv.dotup.sc.h", 0x80004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_SCI_H("pv.dotup.sci.h", 0x80006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_B("pv.dotup.b", 0x80001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_SC_B("pv.dotup.sc.b", 0x80005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUP_SCI_B("pv.dotup.sci.b", 0x80007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_H("pv.dotusp.h", 0x88000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_SC_H("pv.dotusp.sc.h", 0x88004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_SCI_H("pv.dotusp.sci.h", 0x88006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_B("pv.dotusp.b", 0x88001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_SC_B("pv.dotusp.sc.b", 0x88005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT),
    PV_DOTUSP_SCI_B("pv.dotusp.sci.b", 0x88007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT),
    PV_SDOTSP_H("pv.sdotsp.h", 0xb8000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTSP_SC_H("pv.sdotsp.sc.h", 0xb8004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTSP_SCI_H("pv.sdotsp.sci.h", 0xb8006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTSP_B("pv.sdotsp.b", 0xb8001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTSP_SC_B("pv.sdotsp.sc.b", 0xb8005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTSP_SCI_B("pv.sdotsp.sci.b", 0xb8007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_H("pv.sdotup.h", 0xa0000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_SC_H("pv.sdotup.sc.h", 0xa0004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_SCI_H("pv.sdotup.sci.h", 0xa0006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_B("pv.sdotup.b", 0xa0001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_SC_B("pv.sdotup.sc.b", 0xa0005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUP_SCI_B("pv.sdotup.sci.b", 0xa0007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_H("pv.sdotusp.h", 0xa8000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_SC_H("pv.sdotusp.sc.h", 0xa8004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_SCI_H("pv.sdotusp.sci.h", 0xa8006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_B("pv.sdotusp.b", 0xa8001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_SC_B("pv.sdotusp.sc.b", 0xa8005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.DOT_ACC),
    PV_SDOTUSP_SCI_B("pv.sdotusp.sci.b", 0xa8007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.DOT_ACC),
    PV_SHUFFLE_H("pv.shuffle.h", 0xc0000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLE_SCI_H("pv.shuffle.sci.h", 0xc0006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLE_B("pv.shuffle.b", 0xc0001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLEI0_SCI_B("pv.shufflei0.sci.b", 0xc0007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLEI1_SCI_B("pv.shufflei1.sci.b", 0xe8007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLEI2_SCI_B("pv.shufflei2.sci.b", 0xf0007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLEI3_SCI_B("pv.shufflei3.sci.b", 0xf8007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_SHUFFLE2_H("pv.shuffle2.h", 0xc8000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_SHUFFLE2_B("pv.shuffle2.b", 0xc8001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_PACK_H("pv.pack.h", 0xd0000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_PACKHI_B("pv.packhi.b", 0xd8001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_PACKLO_B("pv.packlo.b", 0xe0001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD_READS_RD),
    PV_CMPEQ_H("pv.cmpeq.h", 0x04000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPEQ_SC_H("pv.cmpeq.sc.h", 0x04004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPEQ_SCI_H("pv.cmpeq.sci.h", 0x04006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPEQ_B("pv.cmpeq.b", 0x04001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPEQ_SC_B("pv.cmpeq.sc.b", 0x04005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPEQ_SCI_B("pv.cmpeq.sci.b", 0x04007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_H("pv.cmpne.h", 0x0c000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_SC_H("pv.cmpne.sc.h", 0x0c004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_SCI_H("pv.cmpne.sci.h", 0x0c006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_B("pv.cmpne.b", 0x0c001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_SC_B("pv.cmpne.sc.b", 0x0c005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPNE_SCI_B("pv.cmpne.sci.b", 0x0c007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_H("pv.cmpgt.h", 0x14000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_SC_H("pv.cmpgt.sc.h", 0x14004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_SCI_H("pv.cmpgt.sci.h", 0x14006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_B("pv.cmpgt.b", 0x14001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_SC_B("pv.cmpgt.sc.b", 0x14005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGT_SCI_B("pv.cmpgt.sci.b", 0x14007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_H("pv.cmpge.h", 0x1c000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_SC_H("pv.cmpge.sc.h", 0x1c004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_SCI_H("pv.cmpge.sci.h", 0x1c006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_B("pv.cmpge.b", 0x1c001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_SC_B("pv.cmpge.sc.b", 0x1c005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGE_SCI_B("pv.cmpge.sci.b", 0x1c007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_H("pv.cmplt.h", 0x24000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_SC_H("pv.cmplt.sc.h", 0x24004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_SCI_H("pv.cmplt.sci.h", 0x24006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_B("pv.cmplt.b", 0x24001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_SC_B("pv.cmplt.sc.b", 0x24005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLT_SCI_B("pv.cmplt.sci.b", 0x24007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_H("pv.cmple.h", 0x2c000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_SC_H("pv.cmple.sc.h", 0x2c004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_SCI_H("pv.cmple.sci.h", 0x2c006057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_B("pv.cmple.b", 0x2c001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_SC_B("pv.cmple.sc.b", 0x2c005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLE_SCI_B("pv.cmple.sci.b", 0x2c007057, 0xfc00707f, Format.SIMD_IMM6S, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_H("pv.cmpgtu.h", 0x34000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_SC_H("pv.cmpgtu.sc.h", 0x34004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_SCI_H("pv.cmpgtu.sci.h", 0x34006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_B("pv.cmpgtu.b", 0x34001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_SC_B("pv.cmpgtu.sc.b", 0x34005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGTU_SCI_B("pv.cmpgtu.sci.b", 0x34007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_H("pv.cmpgeu.h", 0x3c000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_SC_H("pv.cmpgeu.sc.h", 0x3c004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_SCI_H("pv.cmpgeu.sci.h", 0x3c006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_B("pv.cmpgeu.b", 0x3c001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_SC_B("pv.cmpgeu.sc.b", 0x3c005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPGEU_SCI_B("pv.cmpgeu.sci.b", 0x3c007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_H("pv.cmpltu.h", 0x44000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_SC_H("pv.cmpltu.sc.h", 0x44004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_SCI_H("pv.cmpltu.sci.h", 0x44006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_B("pv.cmpltu.b", 0x44001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_SC_B("pv.cmpltu.sc.b", 0x44005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLTU_SCI_B("pv.cmpltu.sci.b", 0x44007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_H("pv.cmpleu.h", 0x4c000057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_SC_H("pv.cmpleu.sc.h", 0x4c004057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_SCI_H("pv.cmpleu.sci.h", 0x4c006057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_B("pv.cmpleu.b", 0x4c001057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_SC_B("pv.cmpleu.sc.b", 0x4c005057, 0xfe00707f, Format.R, Ext.XPULP, OpClass.SIMD),
    PV_CMPLEU_SCI_B("pv.cmpleu.sci.b", 0x4c007057, 0xfc00707f, Format.SIMD_IMM6U, Ext.XPULP, OpClass.SIMD);

    private final String mnemonic;
    private final int match;
    private final int mask;
    private final Format format;
    private final Ext ext;
    private final OpClass opClass;
    private final IntPredicate valid;

    Op(String mnemonic, int match, int mask, Format format, Ext ext, OpClass opClass) {
        this(mnemonic, match, mask, format, ext, opClass, w -> true);
    }

    Op(String mnemonic, int match, int mask, Format format, Ext ext, OpClass opClass, IntPredicate valid) {
        this.mnemonic = mnemonic;
        this.match = match;
        this.mask = mask;
        this.format = format;
        this.ext = ext;
        this.opClass = opClass;
        this.valid = valid;
    }

    /** Timing kind, energy class, access size and destination read: the cost column. */
    public OpClass opClass() {
        return opClass;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public int match() {
        return match;
    }

    public int mask() {
        return mask;
    }

    public Format format() {
        return format;
    }

    public Ext ext() {
        return ext;
    }

    /** Instruction length in bytes. */
    public int length() {
        return format.compressed() ? 2 : 4;
    }

    /** True when {@code word} is this instruction: the fixed bits match and no reserved case applies. */
    public boolean matches(int word) {
        return (word & mask) == match && valid.test(word);
    }

    /** The 32-bit instruction a compressed one expands to (itself for 32-bit instructions). */
    public Op expanded() {
        switch (this) {
            case C_ADDI4SPN: case C_NOP: case C_ADDI: case C_LI: case C_ADDI16SP: return ADDI;
            case C_LW: case C_LWSP: return LW;
            case C_SW: case C_SWSP: return SW;
            case C_JAL: case C_J: return JAL;
            case C_LUI: return LUI;
            case C_SRLI: return SRLI;
            case C_SRAI: return SRAI;
            case C_ANDI: return ANDI;
            case C_SUB: return SUB;
            case C_XOR: return XOR;
            case C_OR: return OR;
            case C_AND: return AND;
            case C_BEQZ: return BEQ;
            case C_BNEZ: return BNE;
            case C_SLLI: return SLLI;
            case C_JR: case C_JALR: return JALR;
            case C_MV: case C_ADD: return ADD;
            case C_EBREAK: return EBREAK;
            default: return this;
        }
    }

    private static int rdField(int h) {
        return (h >>> 7) & 31;
    }

    private static int rs2Field(int h) {
        return (h >>> 2) & 31;
    }
}
