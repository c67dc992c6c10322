package io.socsim.workloads.ita;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.isa.asm.Program;
import io.socsim.workloads.FunctionalCluster;
import io.socsim.workloads.FunctionalCluster.DmaMode;
import java.util.function.Consumer;

/** Runs a generated ITA program on the functional cluster with the {@link StubIta} attached. */
record ItaRun(FunctionalCluster cluster, StubIta ita, byte[] output) {

    static final SocConfig SOC = Presets.load("ita-cluster");
    static final long MAX_INSTRUCTIONS = 20_000_000;

    static ItaRun run(ItaJobProgram job) {
        return run(job, true, c -> { }, false);
    }

    /**
     * @param computes  false: the stub starts the job but never writes memory
     * @param poke      applied to the loaded cluster before it runs (e.g. corrupting data)
     * @param quiesce   also run the other cores until they sleep (see {@link FunctionalCluster#runToQuiescence})
     */
    static ItaRun run(ItaJobProgram job, boolean computes, Consumer<FunctionalCluster> poke, boolean quiesce) {
        Program program = job.build();
        int harts = SOC.cores().count();
        FunctionalCluster cluster = new FunctionalCluster(SOC, harts, program, DmaMode.IMMEDIATE).countInstructions();
        StubIta ita = StubIta.attach(cluster, SOC, harts, computes);
        poke.accept(cluster);
        if (quiesce) {
            cluster.runToQuiescence(MAX_INSTRUCTIONS);
        } else {
            cluster.run(MAX_INSTRUCTIONS);
        }
        return new ItaRun(cluster, ita, cluster.read(job.outputAddress(), job.layout().outBytes()));
    }

    int exitCode() {
        return cluster.exitCode();
    }

    String stdout() {
        return cluster.stdout();
    }
}
