package io.socsim.sim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socsim.config.SocConfig;
import io.socsim.sim.Interrupts;
import io.socsim.sim.OutputFile;
import io.socsim.sim.RunEnd;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.ClusterReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the points of a grid not yet in the folder's results file, {@code jobs} at a time in this
 * JVM, each on a fresh simulator; writes each point's report and then its results line as it
 * finishes; and, once every point is recorded, the tables and plots in grid order. Everything
 * written is a function of the grid alone, never of the completion order or the host.
 */
public final class Sweep {

    private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);
    static final String RESULTS_LOG = "results.jsonl";
    static final String MANIFEST = "sweep.json";

    /** A point's system, resolved (and validated) before the sweep starts. */
    public record Resolved(SocConfig soc, SystemDescription description) {
    }

    private Sweep() {
    }

    /**
     * @param manifest what identifies the sweep (workload, base system, axes): a folder holding another is an error
     * @param systems  the resolved system of each point, in grid order
     * @return the records of every point, in grid order
     */
    public static List<Map<String, Object>> run(Path dir, Map<String, Object> manifest, Grid grid, List<Resolved> systems,
            Workload workload, long maxCycles, int jobs, Progress progress) {
        List<Point> points = grid.points();
        prepare(dir, manifest);
        Map<Integer, Map<String, Object>> done = new TreeMap<>();
        try (ResultsLog log = ResultsLog.open(dir.resolve(RESULTS_LOG))) {
            for (Map<String, Object> r : log.existing()) {
                Object index = r.get("index");
                if (index instanceof Integer i && i >= 0 && i < points.size()
                        && points.get(i).parameters().equals(r.get("parameters"))) {
                    done.putIfAbsent(i, r);
                }
            }
            List<Point> todo = points.stream().filter(p -> !done.containsKey(p.index())).toList();
            progress.begin(points.size(), done.size(), Math.min(jobs, Math.max(1, todo.size())));
            AtomicReference<RuntimeException> bug = new AtomicReference<>();
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
                // a large stack as the test JVMs have (-Xss8m): the compiler's passes are not written for a small one
                Thread t = new Thread(null, task, "sweep-" + threads.incrementAndGet(), 64L << 20);
                t.setDaemon(true);
                return t;
            });
            for (Point p : todo) {
                pool.execute(() -> {
                    if (Interrupts.requested() || bug.get() != null) {
                        return;
                    }
                    try {
                        Map<String, Object> record = runPoint(dir, p, systems.get(p.index()), workload, maxCycles, progress);
                        if (record != null) {
                            log.append(record);
                            synchronized (done) {
                                done.put(p.index(), record);
                            }
                            progress.finished(p, record);
                        }
                    } catch (RuntimeException e) {
                        bug.compareAndSet(null, e);
                        progress.stopped(p);
                    }
                });
            }
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                    // points of a long sweep: keep waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sweep's points", e);
            }
            progress.end();
            if (bug.get() != null) {
                throw bug.get();
            }
            if (done.size() < points.size()) {
                throw new UserError(String.format(java.util.Locale.ROOT,
                        "interrupted: %d of %d points finished and recorded in %s; run the same command again to resume",
                        done.size(), points.size(), dir), RunEnd.INTERRUPTED_CODE);
            }
        }
        List<Map<String, Object>> records = new ArrayList<>(done.values());
        SweepOutputs.write(dir, manifest, grid, records);
        return records;
    }

    /** Creates the folder, or checks that the sweep it holds is this one. */
    private static void prepare(Path dir, Map<String, Object> manifest) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError("-o " + dir + ": not a directory");
            }
            Files.createDirectories(dir.resolve("points"));
        } catch (IOException e) {
            throw new UserError("-o " + dir + ": cannot create the folder (" + e.getMessage() + ")");
        }
        Path file = dir.resolve(MANIFEST);
        if (Files.exists(file)) {
            Map<String, Object> there;
            try {
                there = normalise(new ObjectMapper().readValue(file.toFile(), LinkedHashMap.class));
            } catch (IOException e) {
                throw new UserError(file + ": not a sweep manifest (" + e.getMessage() + "); use another -o folder");
            }
            List<String> differences = Manifest.differences(there, normalise(manifest));
            if (!differences.isEmpty()) {
                throw new UserError(dir + " holds a different sweep (" + MANIFEST + "); use another -o folder or remove it:\n"
                        + String.join("\n", differences));
            }
            return;
        }
        OutputFile out = OutputFile.check("sweep manifest", file);
        ClusterReport.writeJson(manifest, out);
    }

    /** Runs one point: the record of its result, or null when it was interrupted (it is then redone by a resume). */
    private static Map<String, Object> runPoint(Path dir, Point p, Resolved system, Workload workload, long maxCycles, Progress progress) {
        progress.started(p);
        long t0 = System.nanoTime();
        LOG.info("point {} ({}) on {}", p.index(), p.label(), system.description().label());
        LOG.debug("point {}: {} cores, L1 {}", p.index(), system.soc().cores().count(), system.soc().memory().l1().map(l -> l.size() + " B").orElse("none"));
        Map<String, Object> record;
        try {
            Workload.Outcome outcome = workload.run(p, system.soc(), system.description(), maxCycles);
            if (outcome.interrupted()) {
                progress.stopped(p);
                return null;
            }
            Map<String, Object> report = new LinkedHashMap<>();
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("index", p.index());
            where.put("parameters", p.parameters());
            report.put("sweep_point", where);
            report.putAll(outcome.report());
            ClusterReport.writeJson(report, OutputFile.check("sweep point report", dir.resolve(p.reportName())));
            record = Records.of(p, outcome.reason() == null ? "ok" : "failed", outcome.reason(), p.reportName(), outcome.report());
        } catch (UserError e) {
            if (e.exitCode() == RunEnd.INTERRUPTED_CODE) {
                progress.stopped(p);
                return null;
            }
            record = Records.of(p, "not-run", e.getMessage(), null, Map.of());
        }
        LOG.info("point {} {} in {} s", p.index(), record.get("status"), String.format(java.util.Locale.ROOT, "%.1f",
                (System.nanoTime() - t0) / 1e9));
        return normalise(record);
    }

    /** The record as it reads back from JSON (integers as Integer or Long, maps ordered): what a resumed sweep sees. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalise(Map<?, ?> m) {
        ObjectMapper json = new ObjectMapper();
        try {
            return json.readValue(json.writeValueAsString(m), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
