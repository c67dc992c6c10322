package io.socsim.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a resolved tree into a {@link SocConfig}, checking every value and every cross-section
 * rule. Keys documented in {@code docs/configuration.md}; keep the two in step.
 */
final class ConfigMapper {

    private static final Pattern ISA = Pattern.compile("rv32[ie][a-z]*(_[a-z][a-z0-9]*)*");
    private static final Pattern CSR_NAME = Pattern.compile("[a-z][a-z0-9]*");
    private static final long ADDRESS_SPACE = 1L << 32;
    private static final double MIN_VOLTAGE = 0.3;
    private static final double MAX_VOLTAGE = 1.5;
    private static final double MAX_FREQUENCY_MHZ = 10_000;

    private final Problems problems = new Problems();
    private final Set<String> knownPaths = new HashSet<>();
    private final Map<String, Origin> assumptionOrigins = new LinkedHashMap<>();

    private ConfigMapper() {
    }

    static SocConfig map(Node.MapNode root, Origin rootOrigin) {
        return new ConfigMapper().mapRoot(root, rootOrigin);
    }

    private SocConfig mapRoot(Node.MapNode root, Origin rootOrigin) {
        Section s = new Section(root, "", rootOrigin, problems, knownPaths);
        String name = s.text("name", null);
        String description = s.text("description", "");
        ClockConfig clock = s.requiredSection("clock").map(this::clock).orElse(null);
        CoresConfig cores = s.requiredSection("cores").map(this::cores).orElse(null);
        Optional<Section> memorySection = s.requiredSection("memory");
        MemoryMapConfig memory = memorySection.map(this::memory).orElse(null);
        Optional<Section> interconnectSection = s.section("interconnect");
        Optional<InterconnectConfig> interconnect = interconnectSection.map(this::interconnect);
        Optional<Section> dmaSection = s.section("dma");
        Optional<DmaConfig> dma = dmaSection.map(this::dma);
        Optional<Section> euSection = s.section("event_unit");
        Optional<EventUnitConfig> eventUnit = euSection.map(this::eventUnit);
        Optional<Section> itaSection = s.section("ita");
        Optional<ItaConfig> ita = itaSection.map(this::ita);
        Optional<Section> powerSection = s.section("power");
        Optional<PowerConfig> power = powerSection.map(PowerMapper::map);
        Map<String, String> assumptions = assumptions(s, root);
        s.finish();
        if (!problems.isEmpty() || memory == null || cores == null || clock == null) {
            problems.throwIfAny();
        }

        crossChecks(s, memorySection.get(), cores, memory, interconnect, dma, dmaSection,
                eventUnit, euSection, ita, itaSection);
        powerSection.ifPresent(ps -> {
            if (ita.map(ItaConfig::enabled).orElse(false) && power.map(p -> !p.hasIta()).orElse(false)) {
                ps.error("the system has an enabled ITA: define power.ita to price it");
            }
        });
        problems.throwIfAny();
        return new SocConfig(name, description, clock, cores, memory, interconnect, dma, eventUnit, ita, power,
                assumptions);
    }

    private ClockConfig clock(Section s) {
        double f = s.decimal("frequency_mhz", null);
        if (!Double.isNaN(f) && (f <= 0 || f > MAX_FREQUENCY_MHZ)) {
            s.error("frequency_mhz", fmt(f) + " MHz is outside (0, " + fmt(MAX_FREQUENCY_MHZ) + "]");
        }
        double v = s.decimal("voltage_v", null);
        if (!Double.isNaN(v) && (v < MIN_VOLTAGE || v > MAX_VOLTAGE)) {
            s.error("voltage_v", fmt(v) + " V is outside the sane range " + fmt(MIN_VOLTAGE) + " to " + fmt(MAX_VOLTAGE) + " V");
        }
        s.finish();
        return new ClockConfig(f, v);
    }

    private CoresConfig cores(Section s) {
        // Checked as a long: a cast first would turn 0x100000000 into 0 cores and pass.
        long count = s.integer("count", null, 1, Long.MAX_VALUE);
        if (count > 16) {
            s.error("count", count + " is outside 1 to 16 cores");
            count = 16;
        }
        String isa = s.text("isa", null);
        if (s.has("isa") && !ISA.matcher(isa).matches()) {
            s.error("isa", "'" + isa + "' is not an ISA string like rv32imc or rv32imc_xpulpv2");
        }
        OptionalLong boot = s.has("boot_address") ? OptionalLong.of(s.address("boot_address", null)) : OptionalLong.empty();
        if (boot.isPresent() && boot.getAsLong() % 2 != 0) {
            s.error("boot_address", Values.formatAddress(boot.getAsLong()) + " is not 2-byte aligned");
        }
        CoreTiming timing = s.section("timing").map(this::timing).orElse(CoreTiming.RI5CY);
        s.finish();
        return new CoresConfig((int) count, isa, boot, timing);
    }

    private CoreTiming timing(Section s) {
        CoreTiming d = CoreTiming.RI5CY;
        CoreTiming t = new CoreTiming(
                s.cycles("load_use_penalty_cycles", d.loadUsePenaltyCycles(), 0),
                s.cycles("taken_branch_cycles", d.takenBranchCycles(), 1),
                s.cycles("not_taken_branch_cycles", d.notTakenBranchCycles(), 1),
                s.cycles("jal_cycles", d.jalCycles(), 1),
                s.cycles("jalr_cycles", d.jalrCycles(), 1),
                s.cycles("jalr_after_write_penalty_cycles", d.jalrAfterWritePenaltyCycles(), 0),
                s.cycles("mul_cycles", d.mulCycles(), 1),
                s.cycles("mulh_cycles", d.mulhCycles(), 1),
                s.cycles("div_base_cycles", d.divBaseCycles(), 1),
                s.bool("div_adds_clz", d.divAddsClz()),
                s.cycles("div_by_zero_cycles", d.divByZeroCycles(), 1),
                s.cycles("misaligned_extra_cycles", d.misalignedExtraCycles(), 0),
                s.cycles("csr_slow_cycles", d.csrSlowCycles(), 1),
                s.cycles("csr_fast_cycles", d.csrFastCycles(), 1),
                s.words("csr_slow", d.csrSlow(),
                        w -> CSR_NAME.matcher(w).matches() ? null : "'" + w + "' is not a CSR name"),
                s.cycles("hwloop_backedge_cycles", d.hwloopBackedgeCycles(), 0),
                s.cycles("elw_extra_cycles", d.elwExtraCycles(), 0));
        s.finish();
        return t;
    }

    private MemoryMapConfig memory(Section s) {
        Optional<TcdmConfig> l1 = s.section("l1").map(this::tcdm);
        Optional<MemoryConfig> l2 = s.section("l2").map(m -> memoryRegion(m, null));
        Optional<MemoryConfig> l3 = s.section("l3").map(m -> memoryRegion(m, null));
        // A bare-metal RAM defaults to one word per cycle at single-cycle latency.
        Optional<MemoryConfig> ram = s.section("ram").map(m -> memoryRegion(m, 1));
        Optional<PeripheralsConfig> peripherals = s.section("peripherals").map(this::peripherals);
        Optional<String> weightsIn = s.has("weights_in")
                ? Optional.of(s.choice("weights_in", null, words("l1", "l2", "l3", "ram"))) : Optional.empty();
        s.finish();
        return new MemoryMapConfig(l1, l2, l3, ram, peripherals, weightsIn);
    }

    private TcdmConfig tcdm(Section s) {
        long base = s.address("base", null);
        long size = s.size("size", null, 1, ADDRESS_SPACE);
        int banks = (int) s.integer("banks", null, 1, 1024);
        int width = (int) s.integer("bank_width_bytes", 4L, 1, 64);
        int latency = s.cycles("latency_cycles", 1, 1);
        if (s.ok("banks") && !Values.isPowerOfTwo(banks)) {
            s.error("banks", banks + " is not a power of two");
        }
        if (s.ok("bank_width_bytes") && !Values.isPowerOfTwo(width)) {
            s.error("bank_width_bytes", width + " is not a power of two");
        }
        if (s.ok("base", "size", "banks", "bank_width_bytes")) {
            long stripe = (long) banks * width;
            if (size % stripe != 0) {
                s.error("size", Values.formatSize(size) + " (" + size + " B) is not a multiple of banks x bank_width_bytes = "
                        + stripe + " B, so banks would differ in size");
            }
            if (base % stripe != 0) {
                s.error("base", Values.formatAddress(base) + " is not aligned to banks x bank_width_bytes = " + stripe
                        + " B, so bank 0 would not start the interleaving");
            }
        }
        s.finish();
        return new TcdmConfig(base, size, banks, width, latency);
    }

    private MemoryConfig memoryRegion(Section s, Integer defaultLatency) {
        long base = s.address("base", null);
        long size = s.size("size", null, 1, ADDRESS_SPACE);
        int latency = s.cycles("latency_cycles", defaultLatency, 1);
        int bandwidth = (int) s.integer("bandwidth_bytes_per_cycle", defaultLatency == null ? null : 4L, 1, 4096);
        if (s.ok("base") && base % 4 != 0) {
            s.error("base", Values.formatAddress(base) + " is not word (4-byte) aligned");
        }
        s.finish();
        return new MemoryConfig(base, size, latency, bandwidth);
    }

    private PeripheralsConfig peripherals(Section s) {
        long base = s.address("base", null);
        long size = s.size("size", null, 1, ADDRESS_SPACE);
        Map<String, Optional<AddressWindow>> windows = new LinkedHashMap<>();
        for (String w : List.of("event_unit", "dma", "ita")) {
            windows.put(w, s.section(w).map(ws -> {
                AddressWindow win = new AddressWindow(ws.address("base", null), ws.size("size", null, 1, ADDRESS_SPACE));
                ws.finish();
                if (s.ok("base", "size") && ws.ok("base", "size")
                        && (win.base() < base || win.base() + win.size() > base + size)) {
                    s.error(w, "window " + range(win.base(), win.size()) + " is not inside the peripheral region "
                            + range(base, size));
                }
                return win;
            }));
        }
        List<String> names = new ArrayList<>(windows.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < i; j++) {
                Optional<AddressWindow> a = windows.get(names.get(i));
                Optional<AddressWindow> b = windows.get(names.get(j));
                if (a.isPresent() && b.isPresent() && overlaps(a.get().base(), a.get().size(), b.get().base(), b.get().size())) {
                    s.error(names.get(i), "window " + range(a.get().base(), a.get().size()) + " overlaps "
                            + s.pathOf(names.get(j)) + " " + range(b.get().base(), b.get().size()));
                }
            }
        }
        s.finish();
        return new PeripheralsConfig(base, size, windows.get("event_unit"), windows.get("dma"), windows.get("ita"));
    }

    private InterconnectConfig interconnect(Section s) {
        InterconnectConfig c = new InterconnectConfig(
                s.choice("arbitration", InterconnectConfig.Arbitration.ROUND_ROBIN,
                        Map.of("round_robin", InterconnectConfig.Arbitration.ROUND_ROBIN)),
                s.cycles("cluster_to_l2_latency_cycles", null, 0),
                s.choice("hwpe_priority", null, words2("cores", InterconnectConfig.Side.CORES,
                        "accelerator", InterconnectConfig.Side.ACCELERATOR)),
                s.cycles("hwpe_max_stall_cycles", null, 1));
        s.finish();
        return c;
    }

    private DmaConfig dma(Section s) {
        DmaConfig d = new DmaConfig(
                (int) s.integer("ports", 4L, 1, 64),
                (int) s.integer("port_width_bytes", 4L, 1, 128),
                (int) s.size("max_burst_bytes", 256L, 1, 1 << 20),
                (int) s.integer("per_core_queue_depth", 2L, 1, 1024),
                (int) s.integer("shared_queue_depth", 8L, 1, 1024),
                (int) s.integer("outstanding_reads", 8L, 1, 1024),
                (int) s.integer("outstanding_writes", 8L, 1, 1024),
                (int) s.integer("l2_bandwidth_bytes_per_cycle", 8L, 1, 4096));
        if (s.ok("port_width_bytes") && !Values.isPowerOfTwo(d.portWidthBytes())) {
            s.error("port_width_bytes", d.portWidthBytes() + " is not a power of two");
        }
        if (s.ok("max_burst_bytes") && !Values.isPowerOfTwo(d.maxBurstBytes())) {
            s.error("max_burst_bytes", d.maxBurstBytes() + " is not a power of two");
        }
        s.finish();
        return d;
    }

    private EventUnitConfig eventUnit(Section s) {
        EventUnitConfig e = new EventUnitConfig(s.cycles("wait_entry_cycles", 6, 0), s.cycles("wakeup_cycles", 2, 0));
        s.finish();
        return e;
    }

    private ItaConfig ita(Section s) {
        ItaConfig i = new ItaConfig(
                s.bool("enabled", true),
                (int) s.integer("engines", 16L, 1, 1024),
                (int) s.integer("dot_width", 64L, 1, 4096),
                (int) s.integer("tile_size", 64L, 1, 4096),
                (int) s.integer("port_width_bits", 1024L, 32, 65536),
                s.cycles("pipeline_latency_cycles", 7, 0),
                (int) s.integer("output_fifo_depth", 12L, 1, 4096),
                (int) s.integer("softmax_dividers", 10L, 1, 1024),
                s.cycles("softmax_divider_cycles", 16, 1),
                (int) s.integer("job_contexts", 4L, 1, 64));
        if (s.ok("port_width_bits") && i.portWidthBits() % 32 != 0) {
            s.error("port_width_bits", i.portWidthBits() + " is not a multiple of 32");
        }
        s.finish();
        return i;
    }

    /** Free-text notes keyed by the path of the value they explain; keys must name real keys. */
    private Map<String, String> assumptions(Section s, Node.MapNode root) {
        Map<String, String> out = new TreeMap<>();
        if (!s.has("assumptions")) {
            return out;
        }
        Node.Entry e = root.entries().get("assumptions");
        if (!(e.value() instanceof Node.MapNode m)) {
            s.error("assumptions", "expected a section of 'key.path: reasoning' lines, got " + e.value().kind());
            return out;
        }
        for (Map.Entry<String, Node.Entry> a : m.entries().entrySet()) {
            Node v = a.getValue().value();
            if (!(v instanceof Node.ScalarNode sc) || sc.isNull() || sc.text().isBlank()) {
                problems.add(a.getValue().keyOrigin(), "assumptions." + a.getKey(), "expected the reasoning as text");
                continue;
            }
            out.put(a.getKey(), sc.text());
            assumptionOrigins.put(a.getKey(), a.getValue().keyOrigin());
        }
        return out;
    }

    /** Rules that involve several sections; run only when every section mapped cleanly. */
    private void crossChecks(Section root, Section memorySection, CoresConfig cores, MemoryMapConfig m,
                             Optional<InterconnectConfig> interconnect, Optional<DmaConfig> dma, Optional<Section> dmaSection,
                             Optional<EventUnitConfig> eventUnit, Optional<Section> euSection,
                             Optional<ItaConfig> ita, Optional<Section> itaSection) {
        Section mem = memorySection;
        // Regions: inside the 32-bit space, and disjoint.
        Map<String, long[]> regions = new LinkedHashMap<>();
        m.l1().ifPresent(r -> regions.put("l1", new long[] {r.base(), r.size()}));
        m.l2().ifPresent(r -> regions.put("l2", new long[] {r.base(), r.size()}));
        m.l3().ifPresent(r -> regions.put("l3", new long[] {r.base(), r.size()}));
        m.ram().ifPresent(r -> regions.put("ram", new long[] {r.base(), r.size()}));
        m.peripherals().ifPresent(r -> regions.put("peripherals", new long[] {r.base(), r.size()}));
        List<String> names = new ArrayList<>(regions.keySet());
        for (int i = 0; i < names.size(); i++) {
            long[] a = regions.get(names.get(i));
            Origin at = sub(mem, names.get(i)).at("base");
            String path = mem.pathOf(names.get(i));
            if (a[0] + a[1] > ADDRESS_SPACE) {
                problems.add(at, path, "region " + range(a[0], a[1]) + " ends beyond the 32-bit address space");
            }
            for (int j = 0; j < i; j++) {
                long[] b = regions.get(names.get(j));
                if (overlaps(a[0], a[1], b[0], b[1])) {
                    problems.add(at, path, "region " + range(a[0], a[1]) + " overlaps " + mem.pathOf(names.get(j))
                            + " " + range(b[0], b[1]));
                }
            }
        }
        if (m.l2().isEmpty() && m.ram().isEmpty()) {
            mem.error("no memory for code and data: define memory.l2 or memory.ram");
        }
        m.weightsIn().ifPresent(w -> {
            if (!regions.containsKey(w)) {
                mem.error("weights_in", "names memory." + w + ", which this configuration does not define");
            }
        });
        if (cores.bootAddress().isPresent()) {
            long boot = cores.bootAddress().getAsLong();
            boolean inside = m.l1().map(r -> r.contains(boot)).orElse(false)
                    || m.l2().map(r -> r.contains(boot)).orElse(false)
                    || m.ram().map(r -> r.contains(boot)).orElse(false);
            if (!inside) {
                problems.add(sub(root, "cores").at("boot_address"), "cores.boot_address",
                        Values.formatAddress(boot) + " is not inside memory.l1, memory.l2 or memory.ram");
            }
        }
        if (m.l1().isPresent() && interconnect.isEmpty()) {
            mem.error("l1", "a cluster L1 needs an 'interconnect' section (arbitration and L2 latency)");
        }
        if (cores.count() > 1 && eventUnit.isEmpty()) {
            problems.add(sub(root, "cores").at("count"), "cores.count",
                    cores.count() + " cores need an 'event_unit' section to synchronize");
        }
        Optional<PeripheralsConfig> p = m.peripherals();
        euSection.ifPresent(s -> {
            if (p.flatMap(PeripheralsConfig::eventUnit).isEmpty()) {
                s.error("the event unit needs a register window: define memory.peripherals.event_unit");
            }
        });
        dmaSection.ifPresent(s -> {
            if (m.l1().isEmpty()) {
                s.error("the DMA moves data to and from the cluster L1: define memory.l1");
            }
            if (p.flatMap(PeripheralsConfig::dma).isEmpty()) {
                s.error("the DMA needs a register window: define memory.peripherals.dma");
            }
            if (m.l1().isPresent() && dma.get().portWidthBytes() % m.l1().get().bankWidthBytes() != 0
                    && m.l1().get().bankWidthBytes() % dma.get().portWidthBytes() != 0) {
                s.error("port_width_bytes", dma.get().portWidthBytes() + " B does not fit the L1 bank width of "
                        + m.l1().get().bankWidthBytes() + " B");
            }
        });
        itaSection.ifPresent(s -> {
            ItaConfig c = ita.get();
            if (!c.enabled()) {
                return;
            }
            if (m.l1().isEmpty()) {
                s.error("the ITA works on the cluster L1: define memory.l1");
                return;
            }
            if (p.flatMap(PeripheralsConfig::ita).isEmpty()) {
                s.error("the ITA needs a register window: define memory.peripherals.ita");
            }
            TcdmConfig l1 = m.l1().get();
            long bankBits = 8L * l1.bankWidthBytes();
            if (c.portWidthBits() % bankBits != 0) {
                s.error("port_width_bits", c.portWidthBits() + " is not a multiple of the L1 bank width ("
                        + bankBits + " bits)");
            } else if (c.portWidthBits() / bankBits > l1.banks()) {
                s.error("port_width_bits", c.portWidthBits() + " bits span " + c.portWidthBits() / bankBits
                        + " adjacent banks but memory.l1.banks is " + l1.banks());
            }
        });
        // Every assumption must point at a key this schema knows.
        for (Map.Entry<String, Origin> a : assumptionOrigins.entrySet()) {
            String key = a.getKey();
            if (!knownPaths.contains(key)) {
                problems.add(a.getValue(), "assumptions." + key,
                        "names no configuration key" + closestHint(key));
            }
        }
    }

    private String closestHint(String key) {
        String best = Suggest.closest(key, knownPaths.stream().sorted().toList());
        return best == null ? " (keys are dotted paths such as memory.l1.size)" : "; did you mean '" + best + "'?";
    }

    private static Section sub(Section parent, String key) {
        return parent.section(key).orElse(parent);
    }

    private static Map<String, String> words(String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, n);
        }
        return m;
    }

    private static <E> Map<String, E> words2(String a, E va, String b, E vb) {
        Map<String, E> m = new LinkedHashMap<>();
        m.put(a, va);
        m.put(b, vb);
        return m;
    }

    private static boolean overlaps(long aBase, long aSize, long bBase, long bSize) {
        return aBase < bBase + bSize && bBase < aBase + aSize;
    }

    private static String range(long base, long size) {
        return "[" + Values.formatAddress(base) + ", " + Values.formatAddress(base + size) + ")";
    }

    private static String fmt(double d) {
        return Values.formatDecimal(d);
    }
}
