package io.socsim.ita.math;

/**
 * Every intermediate of one attention head: accumulators (after bias and clamp) and their
 * requantised int8 values per step, the uint8 softmax {@code a}, and ITAmax's per-row final max,
 * denominator and inverse.
 */
public record HeadResult(
        Matrix32 qpAcc, Matrix8 qp,
        Matrix32 kpAcc, Matrix8 kp,
        Matrix32 vpAcc, Matrix8 vp,
        Matrix32 qkAcc, Matrix8 qk,
        Matrix8 a, int[] rowMax, int[] rowDen, int[] rowInv,
        Matrix32 avAcc, Matrix8 av,
        Matrix32 owAcc, Matrix8 ow) {
}
