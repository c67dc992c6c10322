package io.socsim.ita.math;

/**
 * Feed-forward intermediates: FF1 accumulator, its requantised value before the activation,
 * the activation output (FF2's input), and the FF2 accumulator and int8 output.
 */
public record FfnResult(Matrix32 ff1Acc, Matrix8 ff1Rq, Matrix8 ff1, Matrix32 ff2Acc,
        Matrix8 ff2) {
}
