package io.socsim.sim.mobilebert;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.Presets;
import io.socsim.isa.elf.ElfFile;
import io.socsim.sim.cluster.Cluster;
import io.socsim.sim.cluster.ClusterResult;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MobileBertOnClusterTest {

    @Test
    void oneLayerAtSequence64MatchesTheGoldenModel() {
        var soc = Presets.load("ita-cluster");
        var compiled = MobileBertCompiler.compile(MobileBertConfig.defaults().withLayers(1).withSeq(64), soc);
        Cluster cluster = new Cluster(soc, ElfFile.read(compiled.elf(), "mobilebert.elf"), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        ClusterResult r = cluster.run(2_000_000_000L);
        assertThat(r.exitCode()).isZero();
        byte[] out = cluster.readMemory(compiled.outputAddress(), compiled.outputBytes());
        int diff = 0;
        for (int i = 0; i < out.length; i++) {
            diff += out[i] != compiled.expectedOutput()[i] ? 1 : 0;
        }
        assertThat(diff).as("bytes differing from the golden model, of %d; cycles %d", out.length, r.cycles()).isZero();
    }
}
