package io.socsim.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a resolved {@link SocConfig} as YAML: every key present (defaults included), fixed key
 * order, addresses in hex and sizes in binary units. Stored next to each report so a run can be
 * repeated; loading the text gives back an equal record.
 */
public final class ConfigWriter {

    private final StringBuilder out = new StringBuilder();

    private ConfigWriter() {
    }

    public static String toYaml(SocConfig c) {
        return new ConfigWriter().write(c);
    }

    private String write(SocConfig c) {
        out.append("# socsim resolved configuration: every default filled in (load with --config)\n");
        str(0, "name", c.name());
        str(0, "description", c.description());
        head(0, "clock");
        raw(1, "frequency_mhz", Values.formatDecimal(c.clock().frequencyMhz()));
        raw(1, "voltage_v", Values.formatDecimal(c.clock().voltageV()));
        cores(c.cores());
        memory(c.memory());
        c.interconnect().ifPresent(i -> {
            head(0, "interconnect");
            raw(1, "arbitration", i.arbitration().yamlName());
            num(1, "cluster_to_l2_latency_cycles", i.clusterToL2LatencyCycles());
            raw(1, "hwpe_priority", i.hwpePriority().yamlName());
            num(1, "hwpe_max_stall_cycles", i.hwpeMaxStallCycles());
        });
        c.dma().ifPresent(d -> {
            head(0, "dma");
            num(1, "ports", d.ports());
            num(1, "port_width_bytes", d.portWidthBytes());
            num(1, "max_burst_bytes", d.maxBurstBytes());
            num(1, "per_core_queue_depth", d.perCoreQueueDepth());
            num(1, "shared_queue_depth", d.sharedQueueDepth());
            num(1, "outstanding_reads", d.outstandingReads());
            num(1, "outstanding_writes", d.outstandingWrites());
            num(1, "l2_bandwidth_bytes_per_cycle", d.l2BandwidthBytesPerCycle());
        });
        c.eventUnit().ifPresent(e -> {
            head(0, "event_unit");
            num(1, "wait_entry_cycles", e.waitEntryCycles());
            num(1, "wakeup_cycles", e.wakeupCycles());
        });
        c.ita().ifPresent(i -> {
            head(0, "ita");
            raw(1, "enabled", Boolean.toString(i.enabled()));
            num(1, "engines", i.engines());
            num(1, "dot_width", i.dotWidth());
            num(1, "tile_size", i.tileSize());
            num(1, "port_width_bits", i.portWidthBits());
            num(1, "pipeline_latency_cycles", i.pipelineLatencyCycles());
            num(1, "output_fifo_depth", i.outputFifoDepth());
            num(1, "softmax_dividers", i.softmaxDividers());
            num(1, "softmax_divider_cycles", i.softmaxDividerCycles());
            num(1, "job_contexts", i.jobContexts());
        });
        c.power().ifPresent(this::power);
        if (!c.assumptions().isEmpty()) {
            head(0, "assumptions");
            for (Map.Entry<String, String> a : c.assumptions().entrySet()) {
                raw(1, quote(a.getKey()), quote(a.getValue()));
            }
        }
        return out.toString();
    }

    private void power(PowerConfig p) {
        head(0, "power");
        raw(1, "reference_voltage_v", Values.formatDecimal(p.referenceVoltageV()));
        PowerConfig.Group open = null;
        for (Map.Entry<PowerConfig.Key, PowerConfig.Coefficient> e : p.coefficients().entrySet()) {
            PowerConfig.Key k = e.getKey();
            if (k.group() != open) {
                open = k.group();
                head(1, open.yamlName());
            }
            PowerConfig.Coefficient c = e.getValue();
            head(2, k.yamlName());
            raw(3, "value", Values.formatDecimal(c.value()));
            str(3, "source", c.source());
            c.range().ifPresent(r -> raw(3, "range",
                    "[" + Values.formatDecimal(r.low()) + ", " + Values.formatDecimal(r.high()) + "]"));
        }
    }

    private void cores(CoresConfig c) {
        head(0, "cores");
        num(1, "count", c.count());
        str(1, "isa", c.isa());
        if (c.bootAddress().isPresent()) {
            raw(1, "boot_address", Values.formatAddress(c.bootAddress().getAsLong()));
        }
        CoreTiming t = c.timing();
        head(1, "timing");
        num(2, "load_use_penalty_cycles", t.loadUsePenaltyCycles());
        num(2, "taken_branch_cycles", t.takenBranchCycles());
        num(2, "not_taken_branch_cycles", t.notTakenBranchCycles());
        num(2, "jal_cycles", t.jalCycles());
        num(2, "jalr_cycles", t.jalrCycles());
        num(2, "jalr_after_write_penalty_cycles", t.jalrAfterWritePenaltyCycles());
        num(2, "mul_cycles", t.mulCycles());
        num(2, "mulh_cycles", t.mulhCycles());
        num(2, "div_base_cycles", t.divBaseCycles());
        raw(2, "div_adds_clz", Boolean.toString(t.divAddsClz()));
        num(2, "div_by_zero_cycles", t.divByZeroCycles());
        num(2, "misaligned_extra_cycles", t.misalignedExtraCycles());
        num(2, "csr_slow_cycles", t.csrSlowCycles());
        num(2, "csr_fast_cycles", t.csrFastCycles());
        raw(2, "csr_slow", list(t.csrSlow()));
        num(2, "hwloop_backedge_cycles", t.hwloopBackedgeCycles());
        num(2, "elw_extra_cycles", t.elwExtraCycles());
    }

    private void memory(MemoryMapConfig m) {
        head(0, "memory");
        m.l1().ifPresent(l1 -> {
            head(1, "l1");
            raw(2, "base", Values.formatAddress(l1.base()));
            raw(2, "size", Values.formatSize(l1.size()));
            num(2, "banks", l1.banks());
            num(2, "bank_width_bytes", l1.bankWidthBytes());
            num(2, "latency_cycles", l1.latencyCycles());
        });
        region("l2", m.l2());
        region("l3", m.l3());
        region("ram", m.ram());
        m.peripherals().ifPresent(p -> {
            head(1, "peripherals");
            raw(2, "base", Values.formatAddress(p.base()));
            raw(2, "size", Values.formatSize(p.size()));
            window("event_unit", p.eventUnit());
            window("dma", p.dma());
            window("ita", p.ita());
        });
        m.weightsIn().ifPresent(w -> raw(1, "weights_in", w));
    }

    private void region(String key, Optional<MemoryConfig> region) {
        region.ifPresent(r -> {
            head(1, key);
            raw(2, "base", Values.formatAddress(r.base()));
            raw(2, "size", Values.formatSize(r.size()));
            num(2, "latency_cycles", r.latencyCycles());
            num(2, "bandwidth_bytes_per_cycle", r.bandwidthBytesPerCycle());
        });
    }

    private void window(String key, Optional<AddressWindow> window) {
        window.ifPresent(w -> {
            head(2, key);
            raw(3, "base", Values.formatAddress(w.base()));
            raw(3, "size", Values.formatSize(w.size()));
        });
    }

    private void head(int depth, String key) {
        indent(depth).append(key).append(":\n");
    }

    private void num(int depth, String key, long value) {
        raw(depth, key, Long.toString(value));
    }

    private void str(int depth, String key, String value) {
        raw(depth, key, quote(value));
    }

    private void raw(int depth, String key, String value) {
        indent(depth).append(key).append(": ").append(value).append('\n');
    }

    private StringBuilder indent(int depth) {
        return out.append("  ".repeat(depth));
    }

    private static String list(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(items.get(i)));
        }
        return b.append(']').toString();
    }

    /** A YAML double-quoted scalar: always quoted so no string is read back as a number or boolean. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                case '\r': b.append("\\r"); break;
                default:
                    if (ch < 0x20 || ch == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
            }
        }
        return b.append('"').toString();
    }
}
