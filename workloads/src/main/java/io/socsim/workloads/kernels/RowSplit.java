package io.socsim.workloads.kernels;

import io.socsim.isa.asm.ProgramBuilder;

/** The static row split every kernel uses: core {@code id} of {@code p} gets rows {@code [id*R/p, (id+1)*R/p)}. */
final class RowSplit {

    private RowSplit() {
    }

    /**
     * {@code first = id*rows/p}, {@code count = (id+1)*rows/p - first} (unsigned; rows * p < 2^32).
     * {@code first} and {@code count} must differ from the inputs; {@code id} is left unchanged.
     */
    static void emit(ProgramBuilder b, int rows, int id, int p, int first, int count) {
        b.mul(first, id, rows);
        b.divu(first, first, p);
        b.addi(count, id, 1);
        b.mul(count, count, rows);
        b.divu(count, count, p);
        b.sub(count, count, first);
    }
}
