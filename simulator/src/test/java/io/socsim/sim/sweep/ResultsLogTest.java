package io.socsim.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.sim.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLogTest {

    @TempDir
    Path tmp;

    @Test
    void aLineTornByACrashIsDroppedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
        Path file = tmp.resolve("results.jsonl");
        Files.writeString(file, "{\"index\":0,\"status\":\"ok\"}\n{\"index\":1,\"sta");
        try (ResultsLog log = ResultsLog.open(file)) {
            assertThat(log.existing()).hasSize(1);
            assertThat(log.existing().get(0).get("index")).isEqualTo(0);
            log.append(Map.of("index", 1));
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"index\":0,\"status\":\"ok\"}", "{\"index\":1}");
    }

    @Test
    void twoSweepsCannotAppendToOneFolder() throws Exception {
        Path file = tmp.resolve("results.jsonl");
        try (ResultsLog log = ResultsLog.open(file)) {
            assertThatThrownBy(() -> ResultsLog.open(file)).isInstanceOf(UserError.class).hasMessageContaining("another sweep");
        }
    }

    @Test
    void theParetoFrontKeepsThePointsNoOtherBeatsInBoth() {
        double[] x = {1, 2, 3, 2, 0.5};
        double[] y = {5, 4, 1, 2, 6};
        assertThat(ParetoFront.of(x, y)).containsExactly(4, 0, 1, 2);
    }
}
