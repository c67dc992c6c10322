package io.socsim.workloads.mobilebert;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.workloads.runtime.Lowering;

/** ITA's integer softmax on the cores, row by row: the kernel and its lowering. */
final class CoreSoftmax {

    private CoreSoftmax() {
    }

    static Label emit(ProgramBuilder b) {
        throw new UnsupportedOperationException("the cores' ITAmax kernel is not available yet");
    }

    static void lower(Lowering lowering, String name, Label kernel, int qk, int s, int a) {
        throw new UnsupportedOperationException("the cores' ITAmax kernel is not available yet");
    }
}
