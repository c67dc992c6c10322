package io.socsim.ita.math;

/** One linear step: accumulator, requantised value and activation output. */
public record LinearResult(Matrix32 acc, Matrix8 requantized, Matrix8 out) {
}
