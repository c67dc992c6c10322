package io.socsim.config;

/**
 * The Integer Transformer Accelerator (pulp-platform/ITA; platform.md section 6).
 *
 * @param enabled               false keeps the description but leaves the accelerator out
 * @param engines               processing engines
 * @param dotWidth              int8 products per engine per cycle
 * @param tileSize              output tile edge and inner depth (a tile is tile x tile over tile)
 * @param portWidthBits         width of the L1 port, spanning adjacent banks
 * @param pipelineLatencyCycles cycles from first input to first output
 * @param outputFifoDepth       entries of the output FIFO
 * @param softmaxDividers       serial dividers computing the softmax inverse
 * @param softmaxDividerCycles  cycles one serial divider takes for one row's inverse
 * @param jobContexts           register contexts that can be queued
 */
public record ItaConfig(
        boolean enabled,
        int engines,
        int dotWidth,
        int tileSize,
        int portWidthBits,
        int pipelineLatencyCycles,
        int outputFifoDepth,
        int softmaxDividers,
        int softmaxDividerCycles,
        int jobContexts) {

    /** Peak multiply-accumulates per cycle (1024 for the published ITA). */
    public int peakMacsPerCycle() {
        return engines * dotWidth;
    }

    /** Compute cycles of one full tile: tile^3 MACs at peak rate (256 for the published ITA). */
    public long tileComputeCycles() {
        long t = tileSize;
        return t * t * t / peakMacsPerCycle();
    }
}
