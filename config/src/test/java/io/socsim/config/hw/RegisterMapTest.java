package io.socsim.config.hw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RegisterMapTest {

    private static final String HEADER = "sdk/socsim_regs.h";

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sdk"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sdk/ above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void theCommittedSdkHeaderIsTheOneGeneratedFromTheRegisterMap() throws IOException {
        Path header = repositoryRoot().resolve(HEADER);
        String generated = RegisterMap.cHeader();
        if (Boolean.getBoolean("socsim.regs.update")) {
            Files.writeString(header, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(header, StandardCharsets.UTF_8))
                .as(HEADER + " (regenerate with -Dsocsim.regs.update=true)").isEqualTo(generated);
    }

    @Test
    void everyDmaIdHasItsStatusBitAndTheItaRegisterFileEndsWithActRq() {
        assertThat(RegisterMap.Dma.IDS).isLessThanOrEqualTo(Integer.SIZE);
        assertThat(RegisterMap.Ita.SIZE).isEqualTo(RegisterMap.Ita.ACT_RQ + 4);
        assertThat(RegisterMap.Ita.RQ0 + 4 * RegisterMap.Ita.RQ_STEPS).isEqualTo(RegisterMap.Ita.START);
    }

    @Test
    void aRequantWordPacksItsFieldsAndTheAddIsSigned() {
        int w = RegisterMap.requantWord(93, 13, -3);
        assertThat(w).isEqualTo(93 | 13 << 8 | 0xfd << 16);
        assertThat(RegisterMap.requantMult(w)).isEqualTo(93);
        assertThat(RegisterMap.requantShift(w)).isEqualTo(13);
        assertThat(RegisterMap.requantAdd(w)).isEqualTo(-3);
    }
}
