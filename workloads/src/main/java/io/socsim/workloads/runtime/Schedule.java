package io.socsim.workloads.runtime;

import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's work as a table that every core walks (see {@link Runtime}): DMA transfers and ITA
 * jobs (started by core 0, each into a numbered slot that a later wait names), kernels (run by all
 * cores on their share, then a barrier), barriers, and marks (core 0 samples {@code mcycle}, for
 * per-operation accounting). Entries are 8 words.
 */
public final class Schedule {

    static final int END = 0, DMA = 1, DMA_WAIT = 2, ITA = 3, ITA_WAIT = 4, BARRIER = 5, KERNEL = 6, MARK = 7;
    static final int ENTRY_BYTES = 32;
    /** Slots for transfer and job ids. */
    public static final int SLOTS = 64;

    /** One table entry; a kernel entry names its routine and argument block by label. */
    private record Entry(int op, int[] args, Label routine, Label argBlock) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<String> marks = new ArrayList<>();
    private final List<int[]> itaImages = new ArrayList<>();
    private final List<int[]> kernelArgs = new ArrayList<>();

    /** A 1D or 2D transfer ({@code rows} rows of {@code len} bytes) whose id goes to {@code slot}. */
    public Schedule dma(int slot, int src, int dst, int len, int rows, int srcStride, int dstStride) {
        if (len <= 0 || len > 0xffff || rows <= 0) {
            throw new IllegalArgumentException("DMA of " + rows + " rows of " + len + " bytes");
        }
        entries.add(new Entry(DMA, new int[] {slot(slot), src, dst, len, rows, srcStride, dstStride}, null, null));
        return this;
    }

    /** A contiguous copy of {@code bytes}, cut into rows the DMA can take; id in {@code slot}. */
    public Schedule copy(int slot, int src, int dst, int bytes) {
        int row = 1;
        while (bytes / row > 0xffff || bytes % row != 0) {
            row++;
        }
        return dma(slot, src, dst, bytes / row, row, bytes / row, bytes / row);
    }

    /** Core 0 waits for the transfer in {@code slot}. */
    public Schedule dmaWait(int slot) {
        entries.add(new Entry(DMA_WAIT, new int[] {slot(slot)}, null, null));
        return this;
    }

    /**
     * Starts an ITA job; {@code registers} is the staging image indexed by register offset / 4
     * (offsets 0x00-0x54 and 0x64-0x68 are written, the rest ignored).
     */
    public Schedule ita(int slot, int[] registers) {
        int index = itaImages.size();
        itaImages.add(registers.clone());
        entries.add(new Entry(ITA, new int[] {slot(slot), index}, null, null));
        return this;
    }

    public Schedule itaWait(int slot) {
        entries.add(new Entry(ITA_WAIT, new int[] {slot(slot)}, null, null));
        return this;
    }

    public Schedule barrier() {
        entries.add(new Entry(BARRIER, new int[0], null, null));
        return this;
    }

    /** All cores run {@code routine} on the argument block {@code args}, then meet at a barrier. */
    public Schedule kernel(Label routine, int[] args) {
        int index = kernelArgs.size();
        kernelArgs.add(args.clone());
        entries.add(new Entry(KERNEL, new int[] {index}, routine, null));
        return this;
    }

    /** Core 0 records {@code mcycle} under {@code name}; returns the mark's index. */
    public int mark(String name) {
        marks.add(name);
        entries.add(new Entry(MARK, new int[] {marks.size() - 1}, null, null));
        return marks.size() - 1;
    }

    public List<String> markNames() {
        return List.copyOf(marks);
    }

    public int size() {
        return entries.size();
    }

    /** The table so far, one array per entry: its op, then its arguments (a kernel's: its argument block's index). */
    List<int[]> entries() {
        List<int[]> all = new ArrayList<>();
        for (Entry e : entries) {
            int[] row = new int[1 + e.args().length];
            row[0] = e.op();
            System.arraycopy(e.args(), 0, row, 1, e.args().length);
            all.add(row);
        }
        return all;
    }

    private static int slot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("slot " + slot + " outside 0.." + (SLOTS - 1));
        }
        return slot;
    }

    /** Emits the table, the ITA register images and kernel argument blocks into the current section. */
    void emit(ProgramBuilder b, Label table) {
        List<Label> images = new ArrayList<>();
        List<Label> argBlocks = new ArrayList<>();
        b.balign(4);
        b.bind(table);
        for (Entry e : entries) {
            int[] w = new int[8];
            w[0] = e.op();
            Label labelWord = null;
            int labelAt = -1;
            if (e.op() == ITA) {
                w[1] = e.args()[0];
                labelAt = 2;
                while (images.size() <= e.args()[1]) {
                    images.add(b.newLabel());
                }
                labelWord = images.get(e.args()[1]);
            } else if (e.op() == KERNEL) {
                while (argBlocks.size() <= e.args()[0]) {
                    argBlocks.add(b.newLabel());
                }
                b.word(w[0]);
                b.word(e.routine());
                b.word(argBlocks.get(e.args()[0]));
                b.word(0, 0, 0, 0, 0);
                continue;
            } else {
                System.arraycopy(e.args(), 0, w, 1, e.args().length);
            }
            for (int i = 0; i < 8; i++) {
                if (i == labelAt) {
                    b.word(labelWord);
                } else {
                    b.word(w[i]);
                }
            }
        }
        b.word(END, 0, 0, 0, 0, 0, 0, 0);
        for (int i = 0; i < itaImages.size(); i++) {
            b.bind(i < images.size() ? images.get(i) : b.newLabel());
            b.word(itaImages.get(i));
        }
        for (int i = 0; i < kernelArgs.size(); i++) {
            b.bind(i < argBlocks.size() ? argBlocks.get(i) : b.newLabel());
            b.word(kernelArgs.get(i));
        }
    }
}
