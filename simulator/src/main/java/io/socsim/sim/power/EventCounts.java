package io.socsim.sim.power;

/**
 * Everything the power model charges energy for, counted by the simulator over one run. The
 * contract between the timing model (which counts) and {@code EnergyModel} (which prices).
 *
 * @param cycles              cluster cycles of the run
 * @param cores               cores in the cluster
 * @param aluInstructions     integer ALU, shifts, compares, bit manipulation, Xpulp scalar ALU, CSR and system
 * @param loadInstructions    loads (incl. post-increment, p.elw)
 * @param storeInstructions   stores
 * @param mulInstructions     mul, mulh*, div*, rem*, p.mul*N
 * @param macInstructions     p.mac/p.msu and the p.mac*N family
 * @param simdDotInstructions pv.dot* and pv.sdot* (4 int8 or 2 int16 MACs each)
 * @param simdOtherInstructions every other pv.* instruction
 * @param branchInstructions  branches and jumps
 * @param coreActiveCycles    sum over cores of cycles spent issuing or executing
 * @param coreStallCycles     sum over cores of cycles stalled while clocked (hazards, bank conflicts, memory)
 * @param coreGatedCycles     sum over cores of cycles clock-gated in the event unit
 * @param coreIdleCycles      sum over cores of cycles before start or after the end
 * @param l1Reads             32-bit L1 bank reads (cores, DMA, ITA port beats count as bank accesses)
 * @param l1Writes            32-bit L1 bank writes
 * @param l2Bytes             bytes read from or written to L2 (cores and DMA)
 * @param l3Bytes             bytes read from or written to L3, the off-chip memory
 * @param dmaBytes            bytes moved by the cluster DMA
 * @param itaMacs             ITA multiply-accumulates executed (padded tiles included)
 * @param itaSoftmaxElements  softmax elements ITA computed (S x S per head)
 * @param itaBusyCycles       cycles ITA had a job
 * @param itaIdleCycles       cycles ITA was present but idle
 */
public record EventCounts(long cycles, int cores,
        long aluInstructions, long loadInstructions, long storeInstructions, long mulInstructions, long macInstructions,
        long simdDotInstructions, long simdOtherInstructions, long branchInstructions,
        long coreActiveCycles, long coreStallCycles, long coreGatedCycles, long coreIdleCycles,
        long l1Reads, long l1Writes, long l2Bytes, long l3Bytes, long dmaBytes,
        long itaMacs, long itaSoftmaxElements, long itaBusyCycles, long itaIdleCycles) {

    public long instructions() {
        return aluInstructions + loadInstructions + storeInstructions + mulInstructions + macInstructions
                + simdDotInstructions + simdOtherInstructions + branchInstructions;
    }

    /** Every count multiplied by {@code k} (cycles too): for tests of linearity. */
    public EventCounts scaled(long k) {
        return new EventCounts(cycles * k, cores, aluInstructions * k, loadInstructions * k, storeInstructions * k,
                mulInstructions * k, macInstructions * k, simdDotInstructions * k, simdOtherInstructions * k,
                branchInstructions * k, coreActiveCycles * k, coreStallCycles * k, coreGatedCycles * k, coreIdleCycles * k,
                l1Reads * k, l1Writes * k, l2Bytes * k, l3Bytes * k, dmaBytes * k, itaMacs * k, itaSoftmaxElements * k,
                itaBusyCycles * k, itaIdleCycles * k);
    }

    /** The events between {@code earlier} and this snapshot. */
    public EventCounts minus(EventCounts e) {
        return new EventCounts(cycles - e.cycles, cores, aluInstructions - e.aluInstructions, loadInstructions - e.loadInstructions,
                storeInstructions - e.storeInstructions, mulInstructions - e.mulInstructions, macInstructions - e.macInstructions,
                simdDotInstructions - e.simdDotInstructions, simdOtherInstructions - e.simdOtherInstructions,
                branchInstructions - e.branchInstructions, coreActiveCycles - e.coreActiveCycles, coreStallCycles - e.coreStallCycles,
                coreGatedCycles - e.coreGatedCycles, coreIdleCycles - e.coreIdleCycles, l1Reads - e.l1Reads, l1Writes - e.l1Writes,
                l2Bytes - e.l2Bytes, l3Bytes - e.l3Bytes, dmaBytes - e.dmaBytes, itaMacs - e.itaMacs,
                itaSoftmaxElements - e.itaSoftmaxElements, itaBusyCycles - e.itaBusyCycles, itaIdleCycles - e.itaIdleCycles);
    }
}
