package io.socsim.workloads.gemm;

/**
 * Where a generated GEMM program keeps its data, for loaders and tests.
 *
 * <p>A is stored row-major M x Kp and B transposed (B^T, N x Kp), both with rows zero-padded to
 * {@code kPadded} bytes so that the inner loop reads whole words; C is row-major M x N int8.
 *
 * @param placement  L1 (operands preloaded in L1) or L2 with DMA tiling
 * @param kPadded    row length of A and B^T in bytes (K rounded up to 4)
 * @param aAddress   packed A (L1 or L2, per placement)
 * @param btAddress  packed B^T
 * @param cAddress   the output C, M x N bytes
 * @param tiles      the tiling and the L1 buffers
 */
public record GemmLayout(GemmSpec.Placement placement, int rowStride, int aAddress, int btAddress, int cAddress,
        TilePlan tiles) {
}
