package io.socsim.sim.cluster;

import io.socsim.isa.Format;
import io.socsim.isa.Op;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Sem;
import java.util.Set;

/**
 * What the timing model needs to know of each semantic id, derived once from the encoding table:
 * its timing kind, which registers it reads, whether it writes rd, and for memory instructions
 * how the address is formed and how many bytes move.
 */
final class InsnClass {

    static final int ALU = 0, LOAD = 1, STORE = 2, BRANCH = 3, JAL = 4, JALR = 5, MULH = 6, DIV = 7, CSR = 8, WFI = 9;
    static final int READS_RS1 = 1, READS_RS2 = 2, READS_RD = 4;
    /** Address forms: rs1 + imm, rs1 + rs2, rs1 (post-increment), rs1 + rd-field register. */
    static final int ADDR_IMM = 0, ADDR_RS2 = 1, ADDR_BASE = 2, ADDR_RD = 3;

    static final byte[] KIND = new byte[Sem.COUNT];
    static final byte[] READS = new byte[Sem.COUNT];
    static final boolean[] WRITES_RD = new boolean[Sem.COUNT];
    static final byte[] ADDR = new byte[Sem.COUNT];
    static final byte[] SIZE = new byte[Sem.COUNT];
    /**
     * Instructions that touch nothing shared with other cores or the host (no memory, CSR,
     * system or sleep): a core may execute them ahead of the cluster's cycle loop.
     */
    static final boolean[] PRIVATE = new boolean[Sem.COUNT];
    /** Energy classes of the power model (EventCounts): what an instruction costs to execute. */
    static final int E_ALU = 0, E_LOAD = 1, E_STORE = 2, E_MUL = 3, E_MAC = 4, E_SIMD_DOT = 5, E_SIMD_OTHER = 6, E_BRANCH = 7;
    static final int ENERGY_CLASSES = 8;
    static final byte[] ENERGY = new byte[Sem.COUNT];

    /** Operations that also read their destination (accumulate, insert, shuffle into, register-shift forms). */
    private static final Set<String> READS_DEST = Set.of("p.mac", "p.msu", "p.insert", "p.insertr",
            "p.addnr", "p.addunr", "p.addrnr", "p.addurnr", "p.subnr", "p.subunr", "p.subrnr", "p.suburnr",
            "pv.insert.h", "pv.insert.b", "pv.shuffle2.h", "pv.shuffle2.b", "pv.packhi.b", "pv.packlo.b");

    static {
        for (Op op : Op.values()) {
            if (op.length() == 2) {
                continue; // compressed rows share their expansion's id
            }
            int sem = DecodeCache.semOf(op);
            String mn = op.mnemonic();
            Format f = op.format();
            KIND[sem] = (byte) kind(op, f);
            READS[sem] = (byte) reads(mn, f);
            WRITES_RD[sem] = writesRd(f, mn);
            ADDR[sem] = (byte) addressForm(f);
            SIZE[sem] = (byte) accessSize(mn);
            ENERGY[sem] = (byte) energyClass(op, mn, KIND[sem]);
            int k = KIND[sem];
            PRIVATE[sem] = (k == ALU || k == BRANCH || k == JAL || k == JALR || k == MULH || k == DIV)
                    && f != Format.NONE && f != Format.FENCE;
        }
    }

    private InsnClass() {
    }

    private static int energyClass(Op op, String mn, int kind) {
        switch (kind) {
            case LOAD: return E_LOAD;
            case STORE: return E_STORE;
            case BRANCH: case JAL: case JALR: return E_BRANCH;
            case MULH: case DIV: return E_MUL;
            default: break;
        }
        if (op == Op.MUL || mn.startsWith("p.mul")) {
            return E_MUL;
        }
        if (mn.equals("p.mac") || mn.equals("p.msu") || mn.startsWith("p.mac")) {
            return E_MAC;
        }
        if (mn.startsWith("pv.dot") || mn.startsWith("pv.sdot")) {
            return E_SIMD_DOT;
        }
        return mn.startsWith("pv.") ? E_SIMD_OTHER : E_ALU;
    }

    private static int accessSize(String mnemonic) {
        String m = mnemonic.startsWith("p.") ? mnemonic.substring(2) : mnemonic;
        switch (m) {
            case "lb": case "lbu": case "sb": return 1;
            case "lh": case "lhu": case "sh": return 2;
            default: return 4;
        }
    }

    private static int kind(Op op, Format f) {
        switch (f) {
            case LOAD: case LOAD_REG: case POST_LOAD_IMM: case POST_LOAD_REG: return LOAD;
            case STORE: case STORE_REG: case POST_STORE_IMM: case POST_STORE_REG: return STORE;
            case BRANCH: case BRANCH_IMM: return BRANCH;
            case J: return JAL;
            case JALR: return JALR;
            case CSR: case CSRI: return CSR;
            default: break;
        }
        switch (op) {
            case MULH: case MULHSU: case MULHU: return MULH;
            case DIV: case DIVU: case REM: case REMU: return DIV;
            case WFI: return WFI;
            default: return ALU;
        }
    }

    private static int reads(String mn, Format f) {
        int r;
        switch (f) {
            case R: case LOAD_REG: case POST_LOAD_REG: case BRANCH: case STORE: case POST_STORE_IMM: case R_NORM:
                r = READS_RS1 | READS_RS2;
                break;
            case STORE_REG: case POST_STORE_REG: r = READS_RS1 | READS_RS2 | READS_RD; break;
            case U: case J: case NONE: case FENCE: case CSRI: case HWLOOP_ADDR: case HWLOOP_COUNTI: case HWLOOP_SETUPI:
                r = 0;
                break;
            default: r = READS_RS1;
        }
        boolean accumulates = mn.startsWith("pv.sdot") || mn.startsWith("p.mac") || mn.startsWith("p.machh");
        if (accumulates || READS_DEST.contains(mn)) {
            r |= READS_RD;
        }
        return r;
    }

    private static boolean writesRd(Format f, String mn) {
        switch (f) {
            case STORE: case STORE_REG: case POST_STORE_IMM: case POST_STORE_REG: case BRANCH: case BRANCH_IMM:
            case NONE: case FENCE: case HWLOOP_ADDR: case HWLOOP_COUNT: case HWLOOP_COUNTI: case HWLOOP_SETUP: case HWLOOP_SETUPI:
                return false;
            default: return true;
        }
    }

    private static int addressForm(Format f) {
        switch (f) {
            case LOAD_REG: return ADDR_RS2;
            case POST_LOAD_IMM: case POST_LOAD_REG: case POST_STORE_IMM: case POST_STORE_REG: return ADDR_BASE;
            case STORE_REG: return ADDR_RD;
            default: return ADDR_IMM;
        }
    }
}
