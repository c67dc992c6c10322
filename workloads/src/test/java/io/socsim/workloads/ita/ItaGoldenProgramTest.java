package io.socsim.workloads.ita;

import static io.socsim.workloads.ita.ItaRun.SOC;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.ita.golden.GoldenReader;
import io.socsim.ita.testdata.ItaGoldenVectors;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programs built from the accelerator authors' golden files: the check in the program compares
 * against the file's output tensor, so a pass means the stub's math (ours) reproduced their numbers
 * through the generated register programming and L1 layout.
 */
class ItaGoldenProgramTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attention_S64_E64_P64_H1_seed0.txt", "attention_S128_E128_P64_H1_seed1.txt",
        "ffn_S64_E64_F128_gelu_seed4.txt", "ffn_S64_E64_F64_identity_seed0.txt"})
    void programBuiltFromAGoldenFilePassesItsOwnCheck(String name) throws IOException {
        ItaJobProgram job = ItaJobProgram.fromGolden(ItaGoldenVectors.file(name), 0, SOC, 8, false);
        ItaRun run = ItaRun.run(job);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
        assertThat(run.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"attention_S64_E64_P64_H1_seed0.txt"})
    void goldenAttentionUsesASeparateKeyValueInputAndTheFilesOutputTensor(String name) throws IOException {
        var file = GoldenReader.read(ItaGoldenVectors.file(name));
        ItaJobProgram job = ItaJobProgram.fromGolden(file, 0, SOC, 8, true);
        assertThat(job.stagedRegisters().get(ItaRegisters.IN_KV)).isNotZero().isEqualTo(job.layout().kv());
        assertThat(job.expectedOutput()).isEqualTo(file.tensor("OW_h0").toInt8().data());
        assertThat(job.build().section(".ita.l1").orElseThrow().bytes())
                .startsWith(file.tensor("Q").toInt8().data());
        ItaRun run = ItaRun.run(job, true, c -> { }, true);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
    }

    @ParameterizedTest(name = "head {0}")
    @ValueSource(ints = {0, 3})
    void eachHeadOfAMultiHeadGoldenFileIsAJobOfItsOwn(int head) throws IOException {
        var file = GoldenReader.read(ItaGoldenVectors.file("attention_S64_E64_P64_H4_seed2.txt"));
        ItaJobProgram job = ItaJobProgram.fromGolden(file, head, SOC, 8, false);
        assertThat(job.expectedOutput()).isEqualTo(file.tensor("OW_h" + head).toInt8().data());
        assertThat(ItaRun.run(job).stdout()).isEqualTo("ita: ok\n");
    }
}
