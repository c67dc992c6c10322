package io.socsim.sim.sweep;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a sweep tells the user while it runs, on standard error: on a terminal one bar redrawn in
 * place (points done, running, the estimated time left); otherwise (a log, CI) one plain line per
 * finished point. The estimate is the wall time per point finished in this session times the
 * points left, which already accounts for the points running in parallel.
 */
public final class Progress {

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private int total;
    private int done;
    private int doneHere;
    private int running;
    private long startNanos;
    private ScheduledExecutorService ticker;

    /**
     * @param terminal draw a bar (standard error is a terminal) rather than lines
     * @param quiet    say nothing at all
     */
    public Progress(PrintStream err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    synchronized void begin(int total, int alreadyDone, int jobs) {
        this.total = total;
        this.done = alreadyDone;
        this.startNanos = System.nanoTime();
        if (quiet) {
            return;
        }
        err.printf(Locale.ROOT, "socsim: sweep of %d points%s, %d at a time%n", total,
                alreadyDone == 0 ? "" : " (resuming: " + alreadyDone + " of " + total + " already finished)", jobs);
        if (terminal && alreadyDone < total) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sweep-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 1, 1, TimeUnit.SECONDS);
        }
    }

    synchronized void started(Point p) {
        running++;
        draw();
    }

    synchronized void stopped(Point p) {
        running--;
        draw();
    }

    synchronized void finished(Point p, Map<String, Object> record) {
        running--;
        done++;
        doneHere++;
        if (quiet) {
            return;
        }
        if (terminal) {
            draw();
            return;
        }
        Object status = record.get("status");
        String what = "ok".equals(status) ? record.get("cycles") + " cycles" : status + ": " + record.get("reason");
        err.printf(Locale.ROOT, "socsim: sweep: %d/%d done (%s): %s%s%n", done, total, p.label(), what, eta());
    }

    synchronized void end() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (!quiet && terminal) {
            draw();
            err.println();
        }
    }

    private synchronized void draw() {
        if (quiet || !terminal || total == 0) {
            return;
        }
        int width = 30;
        int filled = (int) ((long) width * done / total);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        err.printf(Locale.ROOT, "\r[%s] %d/%d done, %d running%s   ", bar, done, total, running, eta());
        err.flush();
    }

    private String eta() {
        int left = total - done;
        if (left == 0 || doneHere == 0) {
            return "";
        }
        long seconds = Math.round((System.nanoTime() - startNanos) / 1e9 / doneHere * left);
        return String.format(Locale.ROOT, ", ETA %d:%02d", seconds / 60, seconds % 60);
    }
}
