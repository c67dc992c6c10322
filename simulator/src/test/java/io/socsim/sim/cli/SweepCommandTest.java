package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim sweep} end to end on small points (one MobileBERT layer at S=32, two of the four points too small for any tiling). */
class SweepCommandTest {

    private static final String[] GRID = {"sweep", "mobilebert", "--layers", "1", "--seq", "32", "--set", "cores.count=1,2",
        "--set", "memory.l1.size=32KiB,64KiB"};

    @TempDir
    static Path tmp;

    /** The reference: the grid run uninterrupted, two points at a time. */
    static Path reference;

    @BeforeAll
    static void runTheGridOnce() {
        reference = tmp.resolve("jobs2");
        CliRunner.Result r = CliRunner.run(args(reference, "--jobs", "2"));
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static String[] args(Path dir, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(GRID));
        a.add("-o");
        a.add(dir.toString());
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    private static List<String> csv(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("results.csv"));
    }

    @Test
    void resultsAreByteIdenticalWhateverTheNumberOfJobs() throws IOException {
        Path one = tmp.resolve("jobs1");
        CliRunner.Result r = CliRunner.run(args(one, "--jobs", "1", "--quiet"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : List.of("results.csv", "results.json", "points/0001.json", "points/0003.json")) {
            assertThat(Files.readAllBytes(one.resolve(f))).as(f).isEqualTo(Files.readAllBytes(reference.resolve(f)));
        }
    }

    @Test
    void csvHasOneRowPerPointInGridOrderAndRecordsWhyAPointCouldNotRun() throws IOException {
        List<String> lines = csv(reference);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).startsWith("index", "cores.count", "memory.l1.size", "status").contains("cycles", "gops_per_s",
                "inferences_per_s", "energy_j", "power_mw", "gop_per_j", "cycles_linear", "cores_busy_fraction", "reason");
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(1, 5)).extracting(l -> String.join(",", Arrays.asList(l.split(",")).subList(0, 4)))
                .containsExactly("0,1,32KiB,not-run", "1,1,64KiB,ok", "2,2,32KiB,not-run", "3,2,64KiB,ok");
        assertThat(lines.get(1)).contains("does not fit").contains("32 KiB");
        int cycles = header.indexOf("cycles");
        long oneCore = Long.parseLong(lines.get(2).split(",")[cycles]), twoCores = Long.parseLong(lines.get(4).split(",")[cycles]);
        assertThat(twoCores).isPositive().isLessThan(oneCore);
        JsonNode point = new ObjectMapper().readTree(reference.resolve("points/0003.json").toFile());
        assertThat(point.get("sweep_point").get("parameters").get("cores.count").asText()).isEqualTo("2");
        assertThat(point.get("system").get("cores").asInt()).as("re-resolved for the point").isEqualTo(2);
        assertThat(point.get("output_matches_golden").asBoolean()).isTrue();
        for (String plot : List.of("gops_vs_cores", "energy_vs_cores", "cycles_by_operator", "throughput_vs_efficiency")) {
            byte[] png = Files.readAllBytes(reference.resolve("plots/" + plot + ".png"));
            assertThat(png).as(plot).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(reference.resolve("plots/" + plot + ".svg"))).as(plot).contains("<svg");
        }
    }

    @Test
    void rerunningTheSameCommandSkipsEveryFinishedPointAndKeepsTheResults() throws IOException {
        Path dir = tmp.resolve("rerun");
        copy(reference, dir);
        byte[] before = Files.readAllBytes(dir.resolve("results.json"));
        CliRunner.Result r = CliRunner.run(args(dir, "--jobs", "2"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("resuming: 4 of 4 already finished").doesNotContain("done (");
        assertThat(Files.readAllBytes(dir.resolve("results.json"))).isEqualTo(before);
        assertThat(r.out()).contains("cores.count").contains("not-run").contains("GOp/s");
    }

    @Test
    void aDifferentGridInTheSameFolderIsAnErrorNamingWhatDiffers() throws IOException {
        Path dir = tmp.resolve("other");
        copy(reference, dir);
        List<String> a = new ArrayList<>(Arrays.asList(args(dir)));
        a.set(a.indexOf("cores.count=1,2"), "cores.count=1,2,4");
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("holds a different sweep").contains("axis cores.count").contains("[1, 2, 4]")
                .doesNotContain("\tat ");
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSize(4);
    }

    @Test
    void killedMidwaySweepLosesNothingFinishedAndResumesToTheUninterruptedResults() throws Exception {
        Path dir = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss8m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(Arrays.asList(args(dir, "--jobs", "1")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path log = dir.resolve("results.jsonl");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(log) || Files.readAllLines(log).isEmpty())) {
                Thread.sleep(20);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            p.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> kept = Files.readAllLines(log);
        assertThat(kept).as(Files.readString(tmp.resolve("killed.log"))).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (String line : kept) {
            JsonNode record = json.readTree(line);
            if (!record.get("report").isNull()) {
                assertThat(dir.resolve(record.get("report").asText())).as("a recorded point's report is on disk").exists();
            }
        }
        CliRunner.Result r = CliRunner.run(args(dir, "--jobs", "2"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        if (kept.size() < 4) {
            assertThat(r.err()).contains("resuming: " + kept.size() + " of 4 already finished");
        }
        assertThat(Files.readAllBytes(dir.resolve("results.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("results.csv")));
        assertThat(Files.readAllBytes(dir.resolve("results.json"))).isEqualTo(Files.readAllBytes(reference.resolve("results.json")));
    }

    @Test
    void programSweepRunsTheElfOnEachSystemAndLogsEachPointWhenAsked() throws IOException {
        Path dir = tmp.resolve("elf");
        Path elf = CliRunner.repositoryRoot().resolve("tests/programs/cluster/elf/parallel_sum.elf");
        CliRunner.Result r = CliRunner.run("--log-level", "info", "sweep", elf.toString(), "--set", "cores.count=1,2", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("INFO Sweep: point 0 (cores.count=1)").contains("INFO Sweep: point 1 (cores.count=2)");
        List<String> lines = csv(dir);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("0,1,ok,");
        assertThat(lines.get(2)).startsWith("1,2,ok,");
        assertThat(new ObjectMapper().readTree(dir.resolve("points/0001.json").toFile()).get("program").asText()).isEqualTo("parallel_sum.elf");
        CliRunner.Result quiet = CliRunner.run("sweep", elf.toString(), "--set", "cores.count=1,2", "-o", dir.toString());
        assertThat(quiet.err()).as("warnings only by default").doesNotContain("INFO");
    }

    @Test
    void workloadOptionsOnAProgramAndBadValuesAreBadInput() {
        Path elf = CliRunner.repositoryRoot().resolve("tests/programs/cluster/elf/parallel_sum.elf");
        CliRunner.Result r = CliRunner.run("sweep", elf.toString(), "--layers", "1,2", "-o", tmp.resolve("bad1").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apply to 'socsim sweep mobilebert' only");
        r = CliRunner.run("sweep", "mobilebert", "--set", "cores.count=1,0", "-o", tmp.resolve("bad2").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("point 1 (cores.count=0)").contains("cores.count");
        assertThat(tmp.resolve("bad2")).as("nothing runs before every point is checked").doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
