package io.socsim.workloads.ita;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.isa.elf.ElfFile;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItaJobElfTest {

    @Test
    void writesTheElfAndSummarisesTheJob(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("head.elf");
        String line = ItaJobElf.run(new String[] {"attention", "128", "128", "32", "--hammer", "-o", out.toString()});
        assertThat(line).startsWith("wrote " + out + ": ATTENTION S=128 E=128 P=32 identity, 3145728 MACs, output 0x1")
                .endsWith("hammer loads per core");
        assertThat(ElfFile.read(Files.readAllBytes(out), "head").entry()).isEqualTo(0x1C00_0000);
    }

    @Test
    void buildsFromAGoldenFileAndParsesActivations(@TempDir Path dir) throws IOException {
        String golden = ItaGoldenVectors.file("attention_S64_E64_P64_H1_seed0.txt").toString();
        assertThat(ItaJobElf.run(new String[] {"golden", golden, "-o", dir.resolve("g.elf").toString()}))
                .contains("ATTENTION S=64 E=64 P=64");
        assertThat(ItaJobElf.run(new String[] {"linear", "40", "72", "24", "gelu", "-o", dir.resolve("l.elf").toString()}))
                .contains("LINEAR S=40 E=72 P=24 gelu, 69120 MACs");
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> ItaJobElf.run(new String[] {"linear", "4", "4", "4", "--fast"}))
                .hasMessageContaining("--fast");
    }
}
