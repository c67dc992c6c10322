package io.socsim.isa.exec;

/** Exception cause codes of the privileged specification (mcause values, interrupt bit clear). */
public final class Trap {
    public static final int INSTRUCTION_MISALIGNED = 0;
    public static final int INSTRUCTION_ACCESS_FAULT = 1;
    public static final int ILLEGAL_INSTRUCTION = 2;
    public static final int BREAKPOINT = 3;
    public static final int LOAD_MISALIGNED = 4;
    public static final int LOAD_ACCESS_FAULT = 5;
    public static final int STORE_MISALIGNED = 6;
    public static final int STORE_ACCESS_FAULT = 7;
    public static final int ECALL_M = 11;

    private Trap() {
    }

    public static String describe(int cause) {
        switch (cause) {
            case INSTRUCTION_MISALIGNED: return "instruction address misaligned";
            case INSTRUCTION_ACCESS_FAULT: return "instruction access fault";
            case ILLEGAL_INSTRUCTION: return "illegal instruction";
            case BREAKPOINT: return "breakpoint (ebreak)";
            case LOAD_MISALIGNED: return "load address misaligned";
            case LOAD_ACCESS_FAULT: return "load access fault";
            case STORE_MISALIGNED: return "store address misaligned";
            case STORE_ACCESS_FAULT: return "store access fault";
            case ECALL_M: return "environment call from M-mode";
            default: return "exception " + cause;
        }
    }
}
