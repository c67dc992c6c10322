package io.socsim.isa.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One RV32IMC + Zicsr + XpulpV2 hart in machine mode: registers, CSRs, hardware loops, traps,
 * and the interpreter loop. Purely functional: it knows nothing of time; a timing model drives
 * it one instruction at a time ({@link #run(long)} with 1) and charges cycles from what it
 * executed ({@link #peek()}).
 *
 * <p>Hot path: one pre-decoded {@code long} per instruction ({@link DecodeCache}), a dense
 * {@code switch}, RAM accesses straight into a byte array, nothing allocated and nothing logged.
 * Xpulp ALU and SIMD families live in {@link PulpAlu} and {@link Simd} so that each method stays
 * small enough for the JIT to compile.
 */
public final class Hart {

    /** Hart states. */
    public static final int RUNNING = 0;
    /** Stopped by an exit host call or tohost; {@link #exitCode()} holds the code. */
    public static final int EXITED = 1;
    /** Stopped by an error (exception without handler, unsupported host call, ...). */
    public static final int HALTED = 2;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    /** misa: MXL = 1 (32-bit), extensions I, M, C and X (non-standard). */
    public static final int MISA = 0x40000000 | (1 << 8) | (1 << 12) | (1 << 2) | (1 << 23);

    private static final int MSTATUS_MIE = 1 << 3;
    private static final int MSTATUS_MPIE = 1 << 7;
    private static final int MSTATUS_MPP = 3 << 11;

    /** General-purpose registers; x[0] is forced back to zero after every instruction. */
    private final int[] x = new int[32];
    private int pc;
    private final int hartId;
    private final DecodeCache code;
    private long[] page;   // decode-cache page of the last fetch
    private int pageNo;
    private final Bus bus;
    private final HostInterface host;

    // fast RAM window
    private byte[] ram = new byte[0];
    private int ramBase;
    private int ramLast4 = -1; // size - 4: highest offset of a word access
    private int ramSize;
    private int tohost = 1; // odd: never a store address, so disabled

    // machine state
    private int state = RUNNING;
    private int exitCode;
    private String haltReason;
    private long instret;
    private long minstretOffset;
    private long mcycleOffset;
    private java.util.function.LongSupplier clock;
    private int mstatus = MSTATUS_MPP;
    private int mie, mip, mtvec, mscratch, mepc, mcause, mtval;
    // hardware loops as plain fields: the hot loop compares the end addresses every instruction
    private int lpStart0, lpEnd0, lpCount0, lpStart1, lpEnd1, lpCount1;
    private final int[] perfCounters = new int[32];
    private int pcer, pcmr;

    // the last trap taken or fatal exception, for reports
    private int lastCause = -1;
    private int lastTrapPc;
    private int lastTval;

    public Hart(int hartId, DecodeCache code, Bus bus, HostInterface host) {
        this.hartId = hartId;
        this.code = code;
        this.bus = bus;
        this.host = host;
    }

    /** Maps {@code ram} at {@code base} for direct access (the common case: no bus call). */
    public void mapRam(int base, byte[] ram) {
        this.ram = ram;
        this.ramBase = base;
        this.ramSize = ram.length;
        this.ramLast4 = ram.length - 4;
    }

    /** Enables the riscv-tests {@code tohost} mailbox at {@code address}. */
    public void tohost(int address) {
        this.tohost = address;
    }

    /** Makes {@code mcycle} follow a timing model's clock instead of the retired-instruction count. */
    public void clock(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ interpreter

    /**
     * Executes up to {@code max} instructions while the hart is running.
     *
     * @return the number of instructions executed
     */
    public long run(long max) {
        final int[] x = this.x;
        final DecodeCache code = this.code;
        int pc = this.pc;
        long n = 0;
        while (n < max) {
            long d;
            try {
                d = decoded(pc);
            } catch (FetchFault fault) {
                pc = trap(Trap.INSTRUCTION_ACCESS_FAULT, pc, fault.address);
                if (state != RUNNING) {
                    break;
                }
                continue;
            }
            int sem = (int) d & 0x3ff;
            int rd = (int) (d >>> 11) & 63;
            int rs1 = (int) (d >>> 17) & 31;
            int rs2 = (int) (d >>> 22) & 31;
            int imm = (int) (d >>> 32);
            int next = pc + ((d & DecodeCache.COMPRESSED) != 0 ? 2 : 4);
            try {
                switch (sem) {
                    case Sem.LUI: x[rd] = imm << 12; break;
                    case Sem.AUIPC: x[rd] = pc + (imm << 12); break;
                    case Sem.JAL: x[rd] = next; next = pc + imm; break;
                    case Sem.JALR: {
                        int target = (x[rs1] + imm) & ~1;
                        x[rd] = next;
                        next = target;
                        break;
                    }
                    case Sem.BEQ: if (x[rs1] == x[rs2]) next = pc + imm; break;
                    case Sem.BNE: if (x[rs1] != x[rs2]) next = pc + imm; break;
                    case Sem.BLT: if (x[rs1] < x[rs2]) next = pc + imm; break;
                    case Sem.BGE: if (x[rs1] >= x[rs2]) next = pc + imm; break;
                    case Sem.BLTU: if (Integer.compareUnsigned(x[rs1], x[rs2]) < 0) next = pc + imm; break;
                    case Sem.BGEU: if (Integer.compareUnsigned(x[rs1], x[rs2]) >= 0) next = pc + imm; break;
                    case Sem.LB: x[rd] = (byte) load8(x[rs1] + imm); break;
                    case Sem.LH: x[rd] = (short) load16(x[rs1] + imm); break;
                    case Sem.LW: case Sem.P_ELW: x[rd] = load32(x[rs1] + imm); break;
                    case Sem.LBU: x[rd] = load8(x[rs1] + imm); break;
                    case Sem.LHU: x[rd] = load16(x[rs1] + imm); break;
                    case Sem.SB: store8(x[rs1] + imm, x[rs2]); break;
                    case Sem.SH: store16(x[rs1] + imm, x[rs2]); break;
                    case Sem.SW: store32(x[rs1] + imm, x[rs2]); break;
                    case Sem.ADDI: x[rd] = x[rs1] + imm; break;
                    case Sem.SLTI: x[rd] = x[rs1] < imm ? 1 : 0; break;
                    case Sem.SLTIU: x[rd] = Integer.compareUnsigned(x[rs1], imm) < 0 ? 1 : 0; break;
                    case Sem.XORI: x[rd] = x[rs1] ^ imm; break;
                    case Sem.ORI: x[rd] = x[rs1] | imm; break;
                    case Sem.ANDI: x[rd] = x[rs1] & imm; break;
                    case Sem.SLLI: x[rd] = x[rs1] << imm; break;
                    case Sem.SRLI: x[rd] = x[rs1] >>> imm; break;
                    case Sem.SRAI: x[rd] = x[rs1] >> imm; break;
                    case Sem.ADD: x[rd] = x[rs1] + x[rs2]; break;
                    case Sem.SUB: x[rd] = x[rs1] - x[rs2]; break;
                    case Sem.SLL: x[rd] = x[rs1] << x[rs2]; break;
                    case Sem.SLT: x[rd] = x[rs1] < x[rs2] ? 1 : 0; break;
                    case Sem.SLTU: x[rd] = Integer.compareUnsigned(x[rs1], x[rs2]) < 0 ? 1 : 0; break;
                    case Sem.XOR: x[rd] = x[rs1] ^ x[rs2]; break;
                    case Sem.SRL: x[rd] = x[rs1] >>> x[rs2]; break;
                    case Sem.SRA: x[rd] = x[rs1] >> x[rs2]; break;
                    case Sem.OR: x[rd] = x[rs1] | x[rs2]; break;
                    case Sem.AND: x[rd] = x[rs1] & x[rs2]; break;
                    case Sem.MUL: x[rd] = x[rs1] * x[rs2]; break;
                    case Sem.MULH: x[rd] = (int) (((long) x[rs1] * (long) x[rs2]) >> 32); break;
                    case Sem.MULHSU: x[rd] = (int) (((long) x[rs1] * Integer.toUnsignedLong(x[rs2])) >> 32); break;
                    case Sem.MULHU: x[rd] = (int) ((Integer.toUnsignedLong(x[rs1]) * Integer.toUnsignedLong(x[rs2])) >>> 32); break;
                    case Sem.DIV: x[rd] = div(x[rs1], x[rs2]); break;
                    case Sem.DIVU: x[rd] = x[rs2] == 0 ? -1 : Integer.divideUnsigned(x[rs1], x[rs2]); break;
                    case Sem.REM: x[rd] = rem(x[rs1], x[rs2]); break;
                    case Sem.REMU: x[rd] = x[rs2] == 0 ? x[rs1] : Integer.remainderUnsigned(x[rs1], x[rs2]); break;
                    // ---- Xpulp memory: the base register is updated after the access, from its old value
                    case Sem.P_LB_IPOST: { int a = x[rs1]; x[rs1] = a + imm; x[rd] = (byte) load8(a); break; }
                    case Sem.P_LBU_IPOST: { int a = x[rs1]; x[rs1] = a + imm; x[rd] = load8(a); break; }
                    case Sem.P_LH_IPOST: { int a = x[rs1]; x[rs1] = a + imm; x[rd] = (short) load16(a); break; }
                    case Sem.P_LHU_IPOST: { int a = x[rs1]; x[rs1] = a + imm; x[rd] = load16(a); break; }
                    case Sem.P_LW_IPOST: { int a = x[rs1]; x[rs1] = a + imm; x[rd] = load32(a); break; }
                    case Sem.P_LB_RPOST: { int a = x[rs1]; x[rs1] = a + x[rs2]; x[rd] = (byte) load8(a); break; }
                    case Sem.P_LBU_RPOST: { int a = x[rs1]; x[rs1] = a + x[rs2]; x[rd] = load8(a); break; }
                    case Sem.P_LH_RPOST: { int a = x[rs1]; x[rs1] = a + x[rs2]; x[rd] = (short) load16(a); break; }
                    case Sem.P_LHU_RPOST: { int a = x[rs1]; x[rs1] = a + x[rs2]; x[rd] = load16(a); break; }
                    case Sem.P_LW_RPOST: { int a = x[rs1]; x[rs1] = a + x[rs2]; x[rd] = load32(a); break; }
                    case Sem.P_LB_RR: x[rd] = (byte) load8(x[rs1] + x[rs2]); break;
                    case Sem.P_LBU_RR: x[rd] = load8(x[rs1] + x[rs2]); break;
                    case Sem.P_LH_RR: x[rd] = (short) load16(x[rs1] + x[rs2]); break;
                    case Sem.P_LHU_RR: x[rd] = load16(x[rs1] + x[rs2]); break;
                    case Sem.P_LW_RR: x[rd] = load32(x[rs1] + x[rs2]); break;
                    case Sem.P_SB_IPOST: { int a = x[rs1]; store8(a, x[rs2]); x[rs1] = a + imm; break; }
                    case Sem.P_SH_IPOST: { int a = x[rs1]; store16(a, x[rs2]); x[rs1] = a + imm; break; }
                    case Sem.P_SW_IPOST: { int a = x[rs1]; store32(a, x[rs2]); x[rs1] = a + imm; break; }
                    // register-offset stores: the offset register rs3 sits in the rd field
                    case Sem.P_SB_RPOST: { int a = x[rs1]; store8(a, x[rs2]); x[rs1] = a + x[rd]; break; }
                    case Sem.P_SH_RPOST: { int a = x[rs1]; store16(a, x[rs2]); x[rs1] = a + x[rd]; break; }
                    case Sem.P_SW_RPOST: { int a = x[rs1]; store32(a, x[rs2]); x[rs1] = a + x[rd]; break; }
                    case Sem.P_SB_RR: store8(x[rs1] + x[rd], x[rs2]); break;
                    case Sem.P_SH_RR: store16(x[rs1] + x[rd], x[rs2]); break;
                    case Sem.P_SW_RR: store32(x[rs1] + x[rd], x[rs2]); break;
                    // ---- hardware loops (rd holds the loop index)
                    case Sem.LP_STARTI: loopCsr(rd, 0, pc + imm); break;
                    case Sem.LP_ENDI: loopCsr(rd, 1, pc + imm); break;
                    case Sem.LP_COUNT: loopCsr(rd, 2, x[rs1]); break;
                    case Sem.LP_COUNTI: loopCsr(rd, 2, imm); break;
                    case Sem.LP_SETUP: loopCsr(rd, 0, next); loopCsr(rd, 1, pc + imm); loopCsr(rd, 2, x[rs1]); break;
                    case Sem.LP_SETUPI:
                        loopCsr(rd, 0, next);
                        loopCsr(rd, 1, pc + ((int) (d >>> 27) & 31) * 2);
                        loopCsr(rd, 2, imm);
                        break;
                    case Sem.P_BEQIMM: if (x[rs1] == ((int) (d >>> 27) << 27) >> 27) next = pc + imm; break;
                    case Sem.P_BNEIMM: if (x[rs1] != ((int) (d >>> 27) << 27) >> 27) next = pc + imm; break;
                    // ---- system
                    case Sem.FENCE: case Sem.FENCE_TSO: break;
                    case Sem.FENCE_I: code.flush(); break;
                    case Sem.WFI: break; // no interrupt sources on a lone hart: a legal no-op
                    case Sem.MRET: {
                        int mpie = (mstatus & MSTATUS_MPIE) != 0 ? MSTATUS_MIE : 0;
                        mstatus = (mstatus & ~MSTATUS_MIE) | mpie | MSTATUS_MPIE;
                        next = mepc;
                        break;
                    }
                    case Sem.CSRRW: case Sem.CSRRS: case Sem.CSRRC: case Sem.CSRRWI: case Sem.CSRRSI: case Sem.CSRRCI: {
                        this.pc = pc;
                        if (!csrInstruction(sem, rd, rs1, imm, (int) (d >>> 27) & 31, n)) {
                            next = trap(Trap.ILLEGAL_INSTRUCTION, pc, rawBits(pc, d));
                        }
                        break;
                    }
                    case Sem.ECALL:
                        if (mtvec == 0) {
                            this.pc = pc;
                            host.ecall(this);
                        } else {
                            next = trap(Trap.ECALL_M, pc, 0);
                        }
                        break;
                    case Sem.EBREAK: next = trap(Trap.BREAKPOINT, pc, pc); break;
                    case Sem.ILLEGAL: next = trap(Trap.ILLEGAL_INSTRUCTION, pc, imm); break;
                    default:
                        if (sem >= Sem.FIRST_SIMD) {
                            x[rd] = Simd.exec(sem, x[rs1], x[rs2], x[rd], imm);
                        } else {
                            x[rd] = PulpAlu.exec(sem, x[rs1], x[rs2], x[rd], imm, (int) (d >>> 27) & 31);
                        }
                }
            } catch (BusFault fault) {
                next = trap(fault.write() ? Trap.STORE_ACCESS_FAULT : Trap.LOAD_ACCESS_FAULT, pc, fault.address());
            }
            x[0] = 0;
            if (state != RUNNING) {
                if (state == EXITED) { // exit host call or tohost store: the instruction completed
                    pc = next;
                    n++;
                }
                break;
            }
            // zero-overhead hardware loops: loop 0 (inner) is checked first
            if (pc == lpEnd0 && lpCount0 != 0) {
                if (--lpCount0 != 0) {
                    next = lpStart0;
                } else if (pc == lpEnd1 && lpCount1 != 0 && --lpCount1 != 0) {
                    next = lpStart1;
                }
            } else if (pc == lpEnd1 && lpCount1 != 0 && --lpCount1 != 0) {
                next = lpStart1;
            }
            pc = next;
            n++;
        }
        this.pc = pc;
        instret += n;
        return n;
    }

    /**
     * The packed instruction at the current pc (decoding it if needed), for timing models; 0 when
     * it cannot be fetched (executing it then raises the access fault).
     */
    public long peek() {
        try {
            return decoded(pc);
        } catch (FetchFault fault) {
            return 0;
        }
    }

    /** The packed instruction at {@code pc}; the page of the last lookup is kept at hand. */
    private long decoded(int pc) {
        int pageNo = DecodeCache.pageNumber(pc);
        long[] page = this.page;
        if (pageNo != this.pageNo || page == null) {
            page = code.page(pc);
            this.page = page;
            this.pageNo = pageNo;
        }
        long d = page[DecodeCache.slot(pc)];
        return d != 0 ? d : DecodeCache.fill(page, pc, this);
    }

    private static int div(int a, int b) {
        if (b == 0) {
            return -1;
        }
        return (a == Integer.MIN_VALUE && b == -1) ? a : a / b;
    }

    private static int rem(int a, int b) {
        if (b == 0) {
            return a;
        }
        return (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
    }

    // ------------------------------------------------------------------ traps

    /**
     * Takes an exception at {@code pc}: into the handler when {@code mtvec} is set, otherwise
     * the hart halts (there is nobody to handle it).
     *
     * @return the next pc
     */
    private int trap(int cause, int pc, int tval) {
        lastCause = cause;
        lastTrapPc = pc;
        lastTval = tval;
        if (mtvec == 0) {
            this.pc = pc;
            state = HALTED;
            haltReason = Trap.describe(cause);
            return pc;
        }
        mepc = pc;
        mcause = cause;
        mtval = tval;
        int mpie = (mstatus & MSTATUS_MIE) != 0 ? MSTATUS_MPIE : 0;
        mstatus = (mstatus & ~(MSTATUS_MIE | MSTATUS_MPIE)) | mpie | MSTATUS_MPP;
        return mtvec & ~3; // exceptions always enter at the base, in direct and vectored mode
    }

    private int rawBits(int pc, long d) {
        int low = fetch16(pc);
        return (d & DecodeCache.COMPRESSED) != 0 ? low : low | (fetch16(pc + 2) << 16);
    }

    /** Stops the hart with an exit code (host call or tohost). */
    public void exit(int code) {
        state = EXITED;
        exitCode = code;
    }

    /** Stops the hart with an error. */
    public void halt(String reason) {
        state = HALTED;
        haltReason = reason;
    }

    // ------------------------------------------------------------------ CSRs

    /** Executes a CSR instruction; false when the CSR does not exist or is read-only and written. */
    private boolean csrInstruction(int sem, int rd, int rs1, int csr, int uimm, long executedInRun) {
        boolean immediate = sem == Sem.CSRRWI || sem == Sem.CSRRSI || sem == Sem.CSRRCI;
        int operand = immediate ? uimm : x[rs1];
        boolean writes = sem == Sem.CSRRW || sem == Sem.CSRRWI || (immediate ? uimm != 0 : rs1 != 0);
        long retired = instret + executedInRun;
        if (!csrExists(csr) || (writes && (csr >>> 10) == 3)) {
            return false;
        }
        int old = csrRead(csr, retired);
        if (writes) {
            int value;
            if (sem == Sem.CSRRW || sem == Sem.CSRRWI) {
                value = operand;
            } else if (sem == Sem.CSRRS || sem == Sem.CSRRSI) {
                value = old | operand;
            } else {
                value = old & ~operand;
            }
            csrWrite(csr, value, retired);
        }
        x[rd] = old;
        return true;
    }

    private static boolean csrExists(int csr) {
        switch (csr) {
            case 0x300: case 0x301: case 0x304: case 0x305: case 0x340: case 0x341: case 0x342: case 0x343: case 0x344:
            case 0xB00: case 0xB02: case 0xB80: case 0xB82: case 0xC00: case 0xC02: case 0xC80: case 0xC82:
            case 0xF11: case 0xF12: case 0xF13: case 0xF14:
            case 0x7C0: case 0x7C1: case 0x7C2: case 0x7C4: case 0x7C5: case 0x7C6:
            case 0xCC0: case 0xCC1:
                return true;
            default:
                return csr >= 0x780 && csr <= 0x79F;
        }
    }

    private long cycles(long retired) {
        return (clock == null ? retired : clock.getAsLong()) + mcycleOffset;
    }

    /** Writes a CSR from outside the program (loaders, debuggers, tests); unknown CSRs are ignored. */
    public void csr(int csr, int value) {
        if (csrExists(csr)) {
            csrWrite(csr, value, instret);
        }
    }

    /** Reads a CSR as a program would (no side effects); unknown CSRs read as zero. */
    public int csrRead(int csr) {
        return csrExists(csr) ? csrRead(csr, instret) : 0;
    }

    private int csrRead(int csr, long retired) {
        switch (csr) {
            case 0x300: return mstatus;
            case 0x301: return MISA;
            case 0x304: return mie;
            case 0x305: return mtvec;
            case 0x340: return mscratch;
            case 0x341: return mepc;
            case 0x342: return mcause;
            case 0x343: return mtval;
            case 0x344: return mip;
            case 0xB00: case 0xC00: return (int) cycles(retired);
            case 0xB80: case 0xC80: return (int) (cycles(retired) >>> 32);
            case 0xB02: case 0xC02: return (int) (retired + minstretOffset);
            case 0xB82: case 0xC82: return (int) ((retired + minstretOffset) >>> 32);
            case 0xF14: return hartId;
            case 0x7C0: return lpStart0;
            case 0x7C1: return lpEnd0;
            case 0x7C2: return lpCount0;
            case 0x7C4: return lpStart1;
            case 0x7C5: return lpEnd1;
            case 0x7C6: return lpCount1;
            case 0xCC0: return pcer;
            case 0xCC1: return pcmr;
            default: return csr >= 0x780 && csr <= 0x79F ? perfCounters[csr - 0x780] : 0;
        }
    }

    private void csrWrite(int csr, int v, long retired) {
        switch (csr) {
            case 0x300: mstatus = (v & (MSTATUS_MIE | MSTATUS_MPIE)) | MSTATUS_MPP; break;
            case 0x304: mie = v; break;
            case 0x305: mtvec = v; break;
            case 0x340: mscratch = v; break;
            case 0x341: mepc = v & ~1; break;
            case 0x342: mcause = v; break;
            case 0x343: mtval = v; break;
            // the write happens as the CSR instruction retires: the counter shows v afterwards
            case 0xB00: case 0xB80: {
                long now = cycles(retired);
                mcycleOffset += withHalf(now, v, csr == 0xB80) - now - 1;
                break;
            }
            case 0xB02: case 0xB82: {
                long now = retired + minstretOffset;
                minstretOffset += withHalf(now, v, csr == 0xB82) - now - 1;
                break;
            }
            case 0x7C0: case 0x7C1: case 0x7C2: loopCsr(0, csr - 0x7C0, v); break;
            case 0x7C4: case 0x7C5: case 0x7C6: loopCsr(1, csr - 0x7C4, v); break;
            case 0xCC0: pcer = v; break;
            case 0xCC1: pcmr = v; break;
            default:
                if (csr >= 0x780 && csr <= 0x79F) {
                    perfCounters[csr - 0x780] = v;
                } // misa, mip, mhartid & co: writes ignored (WARL / read-only values)
        }
    }

    /**
     * {@code counter} with one 32-bit half replaced by {@code v}. A counter write takes effect as
     * the writing instruction retires, so callers subtract the one increment it would add.
     */
    private static long withHalf(long counter, int v, boolean high) {
        return high ? ((long) v << 32) | (counter & 0xffffffffL) : (counter & 0xffffffff00000000L) | Integer.toUnsignedLong(v);
    }

    /** Sets hardware-loop register {@code which} (0 start, 1 end, 2 count) of loop {@code loop}. */
    private void loopCsr(int loop, int which, int v) {
        if (loop == 0) {
            if (which == 0) lpStart0 = v; else if (which == 1) lpEnd0 = v; else lpCount0 = v;
        } else {
            if (which == 0) lpStart1 = v; else if (which == 1) lpEnd1 = v; else lpCount1 = v;
        }
    }

    /** Performance counter storage, driven by a timing model. */
    public int[] perfCounters() {
        return perfCounters;
    }

    /** Performance counter event enable mask (PCER). */
    public int pcer() {
        return pcer;
    }

    /** Performance counter mode (PCMR): bit 0 global enable. */
    public int pcmr() {
        return pcmr;
    }

    // ------------------------------------------------------------------ memory

    int fetch16(int address) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramSize - 2) <= 0) {
            return (short) SHORT.get(ram, off) & 0xffff;
        }
        try {
            return bus.read(address, 2);
        } catch (BusFault f) {
            throw new FetchFault(address);
        }
    }

    int load8(int address) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramSize - 1) <= 0) {
            return ram[off] & 0xff;
        }
        return bus.read(address, 1);
    }

    int load16(int address) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramSize - 2) <= 0) {
            return (short) SHORT.get(ram, off) & 0xffff;
        }
        return bus.read(address, 2);
    }

    int load32(int address) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramLast4) <= 0) {
            return (int) INT.get(ram, off);
        }
        return bus.read(address, 4);
    }

    void store8(int address, int value) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramSize - 1) <= 0) {
            ram[off] = (byte) value;
            if ((address & ~3) == tohost) {
                host.tohost(this, load32(tohost));
            }
            return;
        }
        bus.write(address, 1, value);
    }

    void store16(int address, int value) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramSize - 2) <= 0) {
            SHORT.set(ram, off, (short) value);
            if ((address & ~3) == tohost) {
                host.tohost(this, load32(tohost));
            }
            return;
        }
        bus.write(address, 2, value);
    }

    void store32(int address, int value) {
        int off = address - ramBase;
        if (Integer.compareUnsigned(off, ramLast4) <= 0) {
            INT.set(ram, off, value);
            if (address == tohost) {
                host.tohost(this, value);
            }
            return;
        }
        bus.write(address, 4, value);
    }

    /** Reads memory as the hart sees it (RAM window first, then the bus). */
    public int readMemory(int address, int size) {
        switch (size) {
            case 1: return load8(address);
            case 2: return load16(address);
            default: return load32(address);
        }
    }

    /** Writes memory as the hart sees it. */
    public void writeMemory(int address, int size, int value) {
        switch (size) {
            case 1: store8(address, value); break;
            case 2: store16(address, value); break;
            default: store32(address, value);
        }
    }

    /** Instruction fetch failed: becomes an instruction access fault. */
    static final class FetchFault extends RuntimeException {
        final int address;

        FetchFault(int address) {
            super(null, null, false, false);
            this.address = address;
        }
    }

    // ------------------------------------------------------------------ accessors

    public int pc() {
        return pc;
    }

    public void pc(int pc) {
        this.pc = pc;
    }

    public int reg(int i) {
        return x[i];
    }

    public void reg(int i, int value) {
        if (i != 0) {
            x[i] = value;
        }
    }

    public int hartId() {
        return hartId;
    }

    public int state() {
        return state;
    }

    public boolean running() {
        return state == RUNNING;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Why the hart halted (null unless {@link #HALTED}). */
    public String haltReason() {
        return haltReason;
    }

    /** Instructions retired so far. */
    public long instret() {
        return instret;
    }

    /** Cause of the last exception taken or fatal (-1 if none). */
    public int lastCause() {
        return lastCause;
    }

    public int lastTrapPc() {
        return lastTrapPc;
    }

    public int lastTval() {
        return lastTval;
    }

    public int mtvec() {
        return mtvec;
    }
}
