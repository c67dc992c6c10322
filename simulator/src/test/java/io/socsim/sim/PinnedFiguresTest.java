package io.socsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.bench.GemmBenchmark;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cycle counts are a contract: the figures of the full MobileBERT inference, the GEMM benchmark at
 * every core count and the SDK's cluster programs are pinned in {@code pinned-figures.txt}. A change
 * meant to leave timing alone must leave every line as it is; one meant to change timing regenerates
 * the file ({@code -Dsocsim.pin.update=true}) and says why, with the before/after lines, in its commit.
 */
class PinnedFiguresTest {

    private static final String FILE = "simulator/src/test/resources/pinned-figures.txt";

    @Test
    void everyPinnedFigureIsUnchanged() throws IOException {
        Map<String, String> now = new TreeMap<>();
        mobileBert(now);
        for (int cores : new int[] {1, 2, 4, 8, 16}) {
            gemm(now, cores, false);
        }
        gemm(now, 8, true);
        sdkPrograms(now);

        Path pinned = RepositoryRoot.find().resolve(FILE);
        StringBuilder text = new StringBuilder("# figures pinned by PinnedFiguresTest: key value, one per line\n");
        now.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
        if (Boolean.getBoolean("socsim.pin.update")) {
            Files.writeString(pinned, text, StandardCharsets.UTF_8);
        }
        Map<String, String> before = new TreeMap<>();
        for (String line : Files.readAllLines(pinned, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.indexOf(' ');
                before.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        List<String> moved = new ArrayList<>();
        for (String k : union(before, now)) {
            if (!String.valueOf(before.get(k)).equals(String.valueOf(now.get(k)))) {
                moved.add(k + ": pinned " + before.get(k) + ", now " + now.get(k));
            }
        }
        assertThat(moved).as("figures that moved (regenerate with -Dsocsim.pin.update=true only for a timing change)").isEmpty();
    }

    private static void mobileBert(Map<String, String> out) {
        SocConfig soc = ConfigLoader.load(ConfigSource.preset("ita-cluster"), List.of());
        MobileBertRun.Result r = MobileBertRun.run(MobileBertConfig.defaults(), soc, 10_000_000_000L);
        assertThat(r.compiled().config().layers()).isEqualTo(24);
        assertThat(r.compiled().config().seq()).isEqualTo(128);
        assertThat(r.mismatches()).as("bytes of the output differing from the golden model").isZero();
        cluster(out, "mobilebert", r.cluster());
        List<MobileBertCompiler.MarkInfo> marks = r.compiled().marks();
        Map<String, Long> byLayer = new TreeMap<>(), byOperator = new TreeMap<>();
        for (int i = 0; i + 1 < marks.size(); i++) {
            long d = r.marks()[i + 1] - r.marks()[i];
            MobileBertCompiler.MarkInfo m = marks.get(i);
            byLayer.merge(String.format(Locale.ROOT, "%02d", m.layer() + 1), d, Long::sum); // 00: embedding
            byOperator.merge(m.kind(), d, Long::sum);
        }
        byLayer.forEach((k, v) -> out.put("mobilebert.layer." + k + ".cycles", Long.toString(v)));
        byOperator.forEach((k, v) -> out.put("mobilebert.operator." + k + ".cycles", Long.toString(v)));
        out.put("mobilebert.energy_j", Double.toString(r.energy().totalJ()));
        out.put("mobilebert.energy_on_chip_j", Double.toString(r.energy().onChipJ()));
    }

    private static void gemm(Map<String, String> out, int cores, boolean l2) {
        GemmBenchmark.Measurement m = GemmBenchmark.measure("pulp-cluster", cores, 128, 128, 128, l2);
        cluster(out, "gemm." + (l2 ? "l2." : "l1.") + String.format(Locale.ROOT, "%02d", cores) + "cores", m.result());
    }

    private static void sdkPrograms(Map<String, String> out) throws IOException {
        Path dir = RepositoryRoot.find().resolve("tests/programs/cluster");
        try (Stream<Path> files = Files.list(dir.resolve("elf"))) {
            for (Path elf : files.filter(p -> p.toString().endsWith(".elf")).sorted().toList()) {
                String name = elf.getFileName().toString().replace(".elf", "");
                Path presetFile = dir.resolve("expected/" + name + ".preset");
                String preset = Files.exists(presetFile) ? Files.readString(presetFile).strip() : "pulp-cluster";
                SocConfig soc = ConfigLoader.load(ConfigSource.preset(preset), List.of());
                ClusterResult r = new Cluster(soc, ElfFile.read(elf), OutputStream.nullOutputStream(), OutputStream.nullOutputStream())
                        .run(1_000_000_000L);
                cluster(out, "sdk." + name, r);
            }
        }
    }

    private static void cluster(Map<String, String> out, String prefix, ClusterResult r) {
        out.put(prefix + ".cycles", Long.toString(r.cycles()));
        out.put(prefix + ".instructions", Long.toString(r.instructions()));
        for (ClusterResult.CoreStats c : r.cores()) {
            out.put(prefix + ".core" + String.format(Locale.ROOT, "%02d", c.id()) + ".instructions", Long.toString(c.instructions()));
        }
        out.put(prefix + ".tcdm.accesses", Long.toString(r.tcdmAccesses()));
        out.put(prefix + ".tcdm.conflicts", Long.toString(r.tcdmConflicts()));
        out.put(prefix + ".dma.bytes", Long.toString(r.dmaBytes()));
        out.put(prefix + ".dma.transfers", Long.toString(r.dmaTransfers()));
        out.put(prefix + ".dma.busy_cycles", Long.toString(r.dmaBusyCycles()));
        out.put(prefix + ".dma.conflict_cycles", Long.toString(r.dmaConflictCycles()));
        if (r.ita() != null && r.ita().jobs() > 0) {
            out.put(prefix + ".ita.jobs", Long.toString(r.ita().jobs()));
            out.put(prefix + ".ita.tiles", Long.toString(r.ita().tiles()));
            out.put(prefix + ".ita.busy_cycles", Long.toString(r.ita().busyCycles()));
            out.put(prefix + ".ita.compute_cycles", Long.toString(r.ita().computeCycles()));
            out.put(prefix + ".ita.input_stalls", Long.toString(r.ita().inputStalls()));
            out.put(prefix + ".ita.output_stalls", Long.toString(r.ita().outputStalls()));
            out.put(prefix + ".ita.port_denied", Long.toString(r.ita().portDenied()));
        }
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        all.putAll(b);
        return new ArrayList<>(all.keySet());
    }
}
