package io.socsim.sim.sweep;

import io.socsim.sim.OutputFile;
import io.socsim.sim.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sweep's plots, PNG and SVG, of the points that ran correctly: throughput against cores (a
 * line per value of the other axes, e.g. per L1 size), energy per inference against cores, cycles
 * by operator stacked per point, and throughput against efficiency with the Pareto front (no
 * other point is better in both) marked. A plot whose figures the workload does not have (GOp/s
 * of an ELF) is left out. Drawn off-screen: the JVM runs headless.
 */
final class SweepPlots {

    private SweepPlots() {
    }

    static void write(Path dir, Grid grid, List<Map<String, Object>> all) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create " + dir + ": " + e.getMessage());
        }
        List<Map<String, Object>> ok = all.stream().filter(r -> "ok".equals(r.get("status"))).toList();
        if (ok.isEmpty()) {
            return;
        }
        boolean rates = ok.stream().allMatch(r -> r.get("gops_per_s") instanceof Number);
        boolean energy = ok.stream().allMatch(r -> r.get("energy_j") instanceof Number);
        Axis x = xAxis(grid);
        if (x != null) {
            save(dir, rates ? "gops_vs_cores" : "cycles_vs_cores",
                    lines(grid, x, ok, rates ? "GOp/s" : "cycles", r -> number(r, rates ? "gops_per_s" : "cycles")));
            if (energy) {
                save(dir, "energy_vs_cores", lines(grid, x, ok, rates ? "energy per inference (mJ)" : "energy per run (mJ)",
                        r -> rates && r.get("energy_per_inference_mj") instanceof Number n ? n.doubleValue() : number(r, "energy_j") * 1e3));
            }
        }
        List<String> ops = SweepOutputs.keysOf(ok, "cycles_by_operator");
        if (!ops.isEmpty()) {
            save(dir, "cycles_by_operator", stacked(grid, ok, ops));
        }
        if (rates && energy) {
            save(dir, "throughput_vs_efficiency", pareto(grid, ok));
        }
    }

    /** The x axis of the line plots: cores.count when swept, else the first axis whose values are all numbers. */
    private static Axis xAxis(Grid grid) {
        for (Axis a : grid.axes()) {
            if (a.name().equals("cores.count")) {
                return a;
            }
        }
        for (Axis a : grid.axes()) {
            if (a.values().stream().allMatch(v -> v.matches("-?[0-9]+(\\.[0-9]+)?"))) {
                return a;
            }
        }
        return null;
    }

    private static XYChart lines(Grid grid, Axis x, List<Map<String, Object>> ok, String yTitle,
            java.util.function.ToDoubleFunction<Map<String, Object>> y) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(yTitle + " against " + x.name())
                .xAxisTitle(x.name()).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Map<String, List<Map<String, Object>>> series = new LinkedHashMap<>();
        for (Map<String, Object> r : ok) {
            series.computeIfAbsent(others(grid, x, r), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Map<String, Object>>> s : series.entrySet()) {
            List<Map<String, Object>> points = new ArrayList<>(s.getValue());
            points.sort(Comparator.comparingDouble(r -> Double.parseDouble(param(r, x.name()))));
            double[] xs = points.stream().mapToDouble(r -> Double.parseDouble(param(r, x.name()))).toArray();
            double[] ys = points.stream().mapToDouble(y).toArray();
            chart.addSeries(s.getKey().isEmpty() ? yTitle : s.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static CategoryChart stacked(Grid grid, List<Map<String, Object>> ok, List<String> ops) {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(800, 60 * ok.size() + 200)).height(550)
                .title("cycles by operator").xAxisTitle(grid.axes().stream().map(Axis::name).reduce((a, b) -> a + " / " + b).orElse("point"))
                .yAxisTitle("cycles").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        List<String> labels = ok.stream().map(r -> shortLabel(grid, r)).toList();
        for (String op : ops) {
            List<Number> ys = new ArrayList<>();
            for (Map<String, Object> r : ok) {
                Map<?, ?> m = (Map<?, ?>) r.get("cycles_by_operator");
                ys.add(m.get(op) instanceof Number n ? n.doubleValue() : 0.0);
            }
            chart.addSeries(op, labels, ys);
        }
        return chart;
    }

    private static XYChart pareto(Grid grid, List<Map<String, Object>> ok) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title("throughput against efficiency")
                .xAxisTitle("GOp/J").yAxisTitle("GOp/s").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] xs = ok.stream().mapToDouble(r -> number(r, "gop_per_j")).toArray();
        double[] ys = ok.stream().mapToDouble(r -> number(r, "gops_per_s")).toArray();
        chart.addSeries("points", xs, ys).setMarker(SeriesMarkers.CIRCLE);
        List<Integer> front = ParetoFront.of(xs, ys);
        XYSeries f = chart.addSeries("Pareto front", front.stream().mapToDouble(i -> xs[i]).toArray(),
                front.stream().mapToDouble(i -> ys[i]).toArray());
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        f.setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    private static String others(Grid grid, Axis x, Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        for (Axis a : grid.axes()) {
            if (a != x) {
                parts.add(a.name() + "=" + param(r, a.name()));
            }
        }
        return String.join(", ", parts);
    }

    private static String shortLabel(Grid grid, Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        grid.axes().forEach(a -> parts.add(param(r, a.name())));
        return parts.isEmpty() ? "point " + r.get("index") : String.join(" / ", parts);
    }

    private static String param(Map<String, Object> r, String name) {
        return String.valueOf(((Map<?, ?>) r.get("parameters")).get(name));
    }

    private static double number(Map<String, Object> r, String field) {
        return r.get(field) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void save(Path dir, String name, Chart<?, ?> chart) {
        try {
            OutputFile.check("sweep plot", dir.resolve(name + ".png")).write(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            OutputFile.check("sweep plot", dir.resolve(name + ".svg")).write(svg.toByteArray());
        } catch (IOException e) {
            throw new UserError("cannot draw " + name + ": " + e.getMessage());
        }
    }
}
