package io.socsim.ita.math;

import java.util.List;

/** Multi-head attention output: per-head intermediates, the int32 head sum and its int8 form. */
public record AttentionResult(List<HeadResult> heads, Matrix32 osumAcc, Matrix8 osum) {

    public AttentionResult {
        heads = List.copyOf(heads);
    }
}
