package io.socsim.sim.sweep;

import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.ElfFormatException;
import io.socsim.sim.RunEnd;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.UserError;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterReport;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.sim.power.EnergyModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RISC-V ELF run on the cluster model of each point's system. The program is the same at every
 * point (its code reads the core count from the hardware); what it prints is discarded, its exit
 * status is in the report's {@code end} record.
 */
public final class ElfWorkload implements Workload {

    private final Path program;
    private final byte[] image;

    public ElfWorkload(Path program) {
        this.program = program;
        try {
            this.image = Files.readAllBytes(program);
            ElfFile.read(image, program.getFileName().toString()); // bad input before any point runs
        } catch (IOException e) {
            throw new UserError(program + ": cannot read (" + e.getMessage() + ")");
        } catch (ElfFormatException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "elf " + program;
    }

    @Override
    public Map<String, Object> options() {
        return Map.of();
    }

    @Override
    public List<String> axes() {
        return List.of();
    }

    @Override
    public Outcome run(Point point, SocConfig soc, SystemDescription system, long maxCycles) {
        if (soc.memory().l1().isEmpty()) {
            throw new UserError("system '" + soc.name() + "' has no L1 TCDM: a sweep runs on the cluster model (try --preset pulp-cluster)");
        }
        String name = program.getFileName().toString();
        Cluster cluster = new Cluster(soc, ElfFile.read(image, name), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        ClusterResult result = cluster.run(maxCycles);
        Map<String, Object> report = ClusterReport.toMap(result, name, system);
        report.put("utilisation", utilisation(result));
        soc.power().ifPresent(p -> report.putAll(EnergyModel.compute(p, soc.clock().voltageV(), soc.clock().frequencyMhz(), result.events()).toMap()));
        RunEnd end = result.end();
        if (end.reason() == RunEnd.Reason.INTERRUPTED) {
            return new Outcome(report, "interrupted", true);
        }
        return new Outcome(report, end.success() ? null : end.message(), false);
    }

    /** The same fractions as MobileBERT's report: cores busy, DMA busy, ITA busy and its MAC utilisation. */
    private static Map<String, Object> utilisation(ClusterResult r) {
        Map<String, Object> u = new LinkedHashMap<>();
        long total = Math.max(1, r.cycles());
        long busy = r.cores().stream().mapToLong(ClusterResult.CoreStats::busy).sum();
        u.put("cores_busy_fraction", Numbers4.round((double) busy / (total * r.cores().size())));
        u.put("dma_busy_fraction", Numbers4.round((double) r.dmaBusyCycles() / total));
        if (r.ita() != null) {
            u.put("ita_busy_fraction", Numbers4.round((double) r.ita().busyCycles() / total));
            u.put("ita_utilisation", Numbers4.round(r.ita().utilisation()));
        }
        return u;
    }
}
