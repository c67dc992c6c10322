package io.socsim.ita;

import java.util.ArrayList;
import java.util.List;

/** One queued ITA job: who started it, its registers, its steps, and its result waiting to land in L1. */
final class ItaJob {

    /** One matrix product of a job, or (with no tiles) a fixed-latency phase. */
    record Step(String name, int tiles, int kSlices, int outBytes, int loadBytes, int biasBytes, int fixedCycles) {
    }

    int id, core;
    int[] regs;
    List<Step> steps;
    long usefulMacs;
    long paddedMacs;       // tiles x tile^3 over its steps
    long softmaxElements;  // attention: S x S
    // functional result, written to L1 at completion
    final List<int[]> writes = new ArrayList<>(); // {address, offset-into-blob, length}
    byte[] blob;
}
