package io.socsim.workloads.ita;

import java.util.List;

/**
 * Where a generated ITA program keeps its operands in L1 (every address 4-byte aligned).
 *
 * @param in            input X
 * @param kv            key/value input, or 0 when it is the input itself ({@code ITA_IN_KV = 0})
 * @param weights       W0 .. (linear: W; attention: Wq, Wk, Wv, Wo)
 * @param biases        B0 .. (linear: b; attention: bq, bk, bv, bo), int32 little-endian
 * @param out           output (preset to {@link ItaJobProgram#OUTPUT_POISON} so a job that writes
 *                      nothing cannot pass)
 * @param outBytes      output size
 * @param scratch       attention: the intermediates buffer ({@code ITA_SCRATCH}); 0 for linear
 * @param scratchBytes  {@code 4*S*P + S*S} for attention, 0 for linear
 * @param hammer        first hammer buffer (core 1), 0 without hammering
 * @param hammerStride  bytes between the hammer buffers of consecutive cores
 * @param end           first L1 byte after everything above
 */
public record ItaLayout(int in, int kv, List<Integer> weights, List<Integer> biases, int out, int outBytes,
        int scratch, int scratchBytes, int hammer, int hammerStride, int end) {

    public ItaLayout {
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
    }

    /** The hammer buffer of core {@code core} (1 .. cores-1). */
    public int hammerBuffer(int core) {
        return hammer + (core - 1) * hammerStride;
    }
}
