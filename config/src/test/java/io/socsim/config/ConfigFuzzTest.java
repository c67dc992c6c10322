package io.socsim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every preset, mutated line by line, through {@link ConfigLoader} (with, now and then, random
 * {@code --set} overrides). Each input either loads, and then its {@link ConfigWriter} dump loads
 * back to an equal configuration, or fails with a {@link ConfigException} whose every problem is
 * one line starting {@code file:line[:column]: } (or {@code --set key=value: } for an override).
 * Any other exception is a bug. Seed and size: {@link Fuzz}, docs/fuzzing.md.
 */
class ConfigFuzzTest {

    static final long INPUTS = 4_000;
    private static final String FILE = "fuzz.yaml";

    /** Values that tend to break a loader: limits, wrong types, YAML syntax, odd text. */
    private static final String[] VALUES = {"0", "1", "-1", "2", "3", "16", "17", "1000", "1024", "1025", "0x0",
        "0x10000000", "0xffffffff", "0x100000000", "-0x1", "0x", "0b1", "0b2", "1_000", "_1", "1_",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999", "1e308",
        "1e309", "-0.0", "0.3", "1.5", "1.6", "NaN", ".nan", ".inf", "-.inf", "1.0f", "true", "false", "yes", "no",
        "null", "~", "", "''", "\"\"", "[]", "{}", "[1, 2]", "[2.0, 1.0]", "[a, a]", "{a: 1}", "0KiB", "1KiB",
        "4GiB", "5GiB", "1kB", "1 MiB", "-4KiB", "8589934592GiB", "\"a\\nb\"", "\"\\t\"", "'x''y'", "\"\\u0000\"",
        "\"\\x07\"", "\"\\u2028\"", "&a 1", "*a", "*undefined", "!!binary AAAA", "!!str 1", "!!int x", "|", ">-",
        "- 1", "? a", "%", "@", "`", "\"", "'", "[", "{", ":", "#", "\t", "rv32imc", "rv32imc_xpulpv2", "RV32",
        "ita-cluster", "pulp-cluster", "rv32-bare", "round_robin", "cores", "accelerator", "l1", "l2", "l9",
        "ASSUMPTION", "ASSUMPTION: because", "x.yaml", "../x.yml", "/", "\"\\0.yaml\"", "\u00e9", "\ud83d\ude00"};
    private static final String[] KEYS = {"extends", "name", "bogus", "cores", "count", "memory", "l1", "size",
        "base", "banks", "power", "value", "source", "range", "assumptions", "ita", "enabled", "csr_slow"};
    private static final String[] OVERRIDE_PATHS = {"cores.count", "memory.l1.size", "memory.l1.banks",
        "memory.l2.base", "clock.frequency_mhz", "clock.voltage_v", "ita.enabled", "ita.port_width_bits",
        "dma.ports", "power.core.alu_pj.value", "power.core.alu_pj", "assumptions.memory.l1.size", "cores",
        "cores.count.x", "memory..size", "nonexistent.key", "extends", "", " "};
    private static final char[] EDIT_CHARS = " :-#'\"[]{},&*!|>%@`?\t0x1aZ_.\u00e9".toCharArray();
    private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*[^#:\\s][^#:]*:[ \\t]*)([^#]*?)([ \\t]*#.*)?$");

    @Test
    void mutatedPresetsLoadOrReportFileAndLine() {
        List<String> names = Presets.names();
        List<List<String>> presets = new ArrayList<>();
        for (String name : names) {
            presets.add(List.of(ConfigSource.preset(name).text().split("\n", -1)));
        }
        SplittableRandom rnd = Fuzz.random("config");
        Fuzz.Failures failures = new Fuzz.Failures();
        long n = Fuzz.size(INPUTS);
        long loaded = 0;
        for (long i = 0; i < n; i++) {
            int p = rnd.nextInt(names.size());
            List<String> edits = new ArrayList<>();
            String yaml = mutate(rnd, presets.get(p), edits);
            List<String> overrides = rnd.nextInt(8) == 0 ? overrides(rnd) : List.of();
            String input = names.get(p) + " with " + edits + (overrides.isEmpty() ? "" : " and --set " + overrides);
            loaded += check(yaml, overrides, input, failures) ? 1 : 0;
        }
        assertThat(failures.report()).as(Fuzz.reproduce("config")).isEmpty();
        // Sanity: some mutations are harmless, others are caught.
        assertThat(loaded).isBetween(1L, n - 1);
    }

    /** Returns whether the input loaded. */
    private static boolean check(String yaml, List<String> overrides, String input, Fuzz.Failures failures) {
        SocConfig config;
        try {
            config = ConfigLoader.load(ConfigSource.string(FILE, yaml), overrides);
        } catch (ConfigException e) {
            if (!e.getMessage().equals(String.join("\n", e.problems()))) {
                failures.add("message is not the problems joined by newlines, for " + input);
            }
            for (String problem : e.problems()) {
                String bad = badProblem(problem, overrides);
                if (bad != null) {
                    failures.add(bad + ": '" + problem + "' for " + input);
                }
            }
            return false;
        } catch (RuntimeException | Error e) {
            failures.add(Fuzz.describe(e) + " for " + input);
            return false;
        }
        try {
            SocConfig back = ConfigLoader.loadString("dump.yaml", ConfigWriter.toYaml(config));
            if (!back.equals(config)) {
                failures.add("the written configuration loads back different, for " + input);
            }
        } catch (RuntimeException | Error e) {
            failures.add("writing and reloading: " + Fuzz.describe(e) + " for " + input);
        }
        return true;
    }

    /** Why a problem line breaks the message format, or null when it is fine. */
    static String badProblem(String problem, List<String> overrides) {
        if (problem.indexOf('\n') >= 0 || problem.indexOf('\r') >= 0) {
            return "line break inside a problem";
        }
        for (String o : overrides) {
            if (problem.startsWith("--set " + ConfigException.oneLine(o) + ": ")) {
                return null;
            }
        }
        for (String file : files()) {
            if (problem.startsWith(file + ":")) {
                Matcher m = Pattern.compile("([1-9][0-9]*)(:[1-9][0-9]*)?: \\S.*").matcher(problem.substring(file.length() + 1));
                return m.matches() ? null : "no line number after the file name";
            }
        }
        return "does not start with the file name";
    }

    /** Where a problem may point: the fuzzed file, or a preset it extends. */
    private static List<String> files() {
        List<String> files = new ArrayList<>(List.of(FILE));
        Presets.names().forEach(p -> files.add(p + ".yaml"));
        return files;
    }

    static String mutate(SplittableRandom rnd, List<String> original, List<String> edits) {
        List<String> lines = new ArrayList<>(original);
        for (int e = 1 + rnd.nextInt(3); e > 0 && !lines.isEmpty(); e--) {
            int i = rnd.nextInt(lines.size());
            String line = lines.get(i);
            Matcher kv = KEY_VALUE.matcher(line);
            switch (rnd.nextInt(10)) {
                case 0:
                    lines.remove(i);
                    edits.add("delete line " + (i + 1));
                    break;
                case 1:
                    lines.add(i, line);
                    edits.add("duplicate line " + (i + 1));
                    break;
                case 2: case 3: {
                    String v = VALUES[rnd.nextInt(VALUES.length)];
                    lines.set(i, kv.matches() ? kv.group(1) + v + (kv.group(3) == null ? "" : kv.group(3)) : line + " " + v);
                    edits.add("line " + (i + 1) + " value " + v);
                    break;
                }
                case 4: {
                    int shift = rnd.nextInt(-2, 3);
                    String indent = rnd.nextInt(6) == 0 ? "\t" : " ".repeat(Math.max(0, shift));
                    lines.set(i, shift < 0 ? line.replaceFirst("^ {1," + -shift + "}", "") : indent + line);
                    edits.add("line " + (i + 1) + " indent " + (shift < 0 ? shift : "+" + (indent.equals("\t") ? "tab" : shift)));
                    break;
                }
                case 5: case 6: {
                    if (line.isEmpty()) {
                        break;
                    }
                    int at = rnd.nextInt(line.length());
                    char c = rnd.nextInt(12) == 0 ? (char) rnd.nextInt(0x20) : EDIT_CHARS[rnd.nextInt(EDIT_CHARS.length)];
                    int how = rnd.nextInt(3);
                    lines.set(i, how == 0 ? line.substring(0, at) + line.substring(at + 1)
                            : line.substring(0, at) + c + line.substring(how == 1 ? at : at + 1));
                    edits.add("line " + (i + 1) + (how == 0 ? " delete char " : how == 1 ? " insert char " : " set char ")
                            + (at + 1) + (how == 0 ? "" : " " + (int) c));
                    break;
                }
                case 7: {
                    int j = rnd.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                    edits.add("swap lines " + (i + 1) + " and " + (j + 1));
                    break;
                }
                case 8: {
                    String indent = line.replaceFirst("^(\\s*).*$", "$1");
                    String key = KEYS[rnd.nextInt(KEYS.length)];
                    String v = VALUES[rnd.nextInt(VALUES.length)];
                    lines.add(i, indent + key + ": " + v);
                    edits.add("insert at line " + (i + 1) + " '" + key + ": " + v + "'");
                    break;
                }
                default:
                    if (kv.matches() && !kv.group(2).isEmpty()) {
                        // the value moves to a line of its own, at a random indentation
                        lines.set(i, kv.group(1).stripTrailing());
                        lines.add(i + 1, " ".repeat(rnd.nextInt(8)) + kv.group(2));
                        edits.add("line " + (i + 1) + " value on the next line");
                    }
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> overrides(SplittableRandom rnd) {
        List<String> out = new ArrayList<>();
        for (int k = 1 + rnd.nextInt(2); k > 0; k--) {
            String path = OVERRIDE_PATHS[rnd.nextInt(OVERRIDE_PATHS.length)];
            out.add(rnd.nextInt(10) == 0 ? path : path + "=" + VALUES[rnd.nextInt(VALUES.length)]);
        }
        return out;
    }
}
