package io.socsim.workloads.ita;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.ita.math.Activation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the ELF of one ITA job program (a command-line entry until the CLI grows a subcommand):
 *
 * <pre>
 * java -cp simulator/target/socsim.jar io.socsim.workloads.ita.ItaJobElf \
 *     attention 128 128 32 [--seed N] [--cores N] [--hammer] [--hammer-loads N] [-o prog.elf]
 * ... ItaJobElf linear 128 512 128 gelu ...
 * ... ItaJobElf golden FILE [--head H] ...
 * </pre>
 *
 * Prints one line: the job, its MAC count and the output address. Exit 2 on a usage error.
 */
public final class ItaJobElf {

    private ItaJobElf() {
    }

    public static void main(String[] args) throws IOException {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("ita-job: " + e.getMessage());
            System.err.println("usage: ItaJobElf (attention S E P | linear S E P [identity|relu|gelu] | golden FILE [--head H])"
                    + " [--seed N] [--cores N] [--hammer] [--hammer-loads N] [--preset NAME] [-o FILE]");
            System.exit(2);
        }
    }

    /** Parses {@code args}, writes the ELF and returns the summary line. */
    static String run(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("missing job");
        }
        String kind = args[0];
        int i = 1;
        int s = 0, e = 0, p = 0, head = 0;
        Activation act = Activation.IDENTITY;
        Path golden = null;
        switch (kind) {
            case "attention", "linear" -> {
                if (args.length < 4) {
                    throw new IllegalArgumentException(kind + " needs S E P");
                }
                s = Integer.parseInt(args[1]);
                e = Integer.parseInt(args[2]);
                p = Integer.parseInt(args[3]);
                i = 4;
                if (kind.equals("linear") && i < args.length && !args[i].startsWith("-")) {
                    act = Activation.parse(args[i++]);
                }
            }
            case "golden" -> golden = Path.of(args[i++]);
            default -> throw new IllegalArgumentException("unknown job kind '" + kind + "'");
        }
        long seed = 1;
        int cores = 8, hammerLoads = 0;
        boolean hammer = false;
        String preset = "ita-cluster";
        Path out = Path.of("ita-job.elf");
        for (; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--cores" -> cores = Integer.parseInt(value(args, ++i));
                case "--hammer" -> hammer = true;
                case "--hammer-loads" -> hammerLoads = Integer.parseInt(value(args, ++i));
                case "--head" -> head = Integer.parseInt(value(args, ++i));
                case "--preset" -> preset = value(args, ++i);
                case "-o" -> out = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        SocConfig soc = Presets.load(preset);
        ItaJobProgram job;
        if (golden != null) {
            job = ItaJobProgram.fromGolden(golden, head, soc, cores, hammer);
        } else {
            ItaJobSpec spec = kind.equals("attention") ? ItaJobSpec.attention(s, e, p) : ItaJobSpec.linear(s, e, p, act);
            job = new ItaJobProgram(spec.withSeed(seed).withCores(cores).withHammer(hammer).withHammerLoads(hammerLoads),
                    soc);
        }
        job.writeElf(out);
        ItaJobSpec sp = job.spec();
        return String.format(Locale.ROOT, "wrote %s: %s S=%d E=%d P=%d %s, %d MACs, output 0x%08x (%d bytes)%s",
                out, sp.mode(), sp.s(), sp.e(), sp.p(), sp.activation().name().toLowerCase(Locale.ROOT), job.macs(),
                job.outputAddress(), job.layout().outBytes(),
                sp.hammer() ? String.format(Locale.ROOT, ", %d hammer loads per core", sp.effectiveHammerLoads()) : "");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
