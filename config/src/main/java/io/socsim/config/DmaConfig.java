package io.socsim.config;

/**
 * The cluster DMA (MCHAN v7 by default; platform.md section 4).
 *
 * @param ports                    TCDM ports
 * @param portWidthBytes           bytes per TCDM port per cycle
 * @param maxBurstBytes            largest burst on the L2 side
 * @param perCoreQueueDepth        commands each core may queue
 * @param sharedQueueDepth         commands in the shared queue
 * @param outstandingReads         reads in flight on the L2 side
 * @param outstandingWrites        writes in flight on the L2 side
 * @param l2BandwidthBytesPerCycle bytes per cycle on the SoC (AXI) side
 */
public record DmaConfig(
        int ports,
        int portWidthBytes,
        int maxBurstBytes,
        int perCoreQueueDepth,
        int sharedQueueDepth,
        int outstandingReads,
        int outstandingWrites,
        int l2BandwidthBytesPerCycle) {

    /** Peak bytes per cycle on the TCDM side. */
    public int tcdmBytesPerCycle() {
        return ports * portWidthBytes;
    }
}
