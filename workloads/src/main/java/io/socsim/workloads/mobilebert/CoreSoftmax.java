package io.socsim.workloads.mobilebert;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.workloads.kernels.ItaMaxKernel;
import io.socsim.workloads.runtime.Lowering;

/** ITA's integer softmax on the cores, row by row: the kernel and its lowering. */
final class CoreSoftmax {

    private CoreSoftmax() {
    }

    static Label emit(ProgramBuilder b) {
        return ItaMaxKernel.emit(b);
    }

    /** a[s x s] (uint8) = ITAmax(qk[s x s]) in row tiles; rows are independent. */
    static void lower(Lowering lowering, String name, Label kernel, int qk, int s, int a) {
        lowering.elementwise(name, kernel, new int[] {qk}, s, s, new int[0], new int[0],
                (bufs, rows) -> new ItaMaxKernel.Args(bufs[0], s, bufs[1], s, rows, s).encode(), a);
    }
}
