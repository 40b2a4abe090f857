package org.iibalance.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.iibalance.config.ConfigIO;
import org.iibalance.run.RobustnessTable;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The robustness figures and table from a {@link RobustnessTable}: per corruption with a severity,
 * test Acc_m against the severity, one line per method with its mean +- std band over seeds (runs);
 * per method with fusion weights (the rows say so, not the name), its mean weight per modality
 * against the severity; and a Markdown table of Acc_m per spec and method (clean first).
 */
public final class RobustnessFigures {
    private static final int WIDTH = 640, HEIGHT = 420;

    private RobustnessFigures() {}

    /** Writes robustness.md and the figures (PNG + SVG) into {@code out}; returns the files. */
    public static List<Path> write(RobustnessTable t, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        String md = "# Robustness\n\n" + section(t, out, files, "");
        Path f = out.resolve("robustness.md");
        ConfigIO.writeAtomically(f, md);
        files.add(f);
        return files;
    }

    /**
     * The Markdown of the robustness results, with the figures written into {@code out} (added to
     * {@code files}); {@code prefix} goes before the figure file names.
     */
    public static String section(RobustnessTable t, Path out, List<Path> files, String prefix) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Test Acc_m (%) of each run's best checkpoint, clean and with one modality corrupted (`evaluate --corrupt SPEC`); mean \u00b1 std over the runs "
                + "(seeds) of each method.\n\n");
        md.append(table(t)).append('\n');
        Map<String, String> params = new LinkedHashMap<>();
        for (RobustnessTable.Row r : t.rows()) if (!r.parameter().isEmpty()) params.putIfAbsent(r.corruption(), r.parameter());
        for (Map.Entry<String, String> e : params.entrySet()) {
            String corruption = e.getKey(), param = e.getValue();
            String base = prefix + "robustness-" + corruption;
            files.addAll(export(accuracy(t, corruption, param), out, base));
            md.append("![").append(corruption).append("](").append(base).append(".png)\n\n");
            for (String method : methodsWithWeights(t, corruption)) {
                String wb = prefix + "robustness-weights-" + method + "-" + corruption;
                files.addAll(export(weights(t, method, corruption, param), out, wb));
                md.append("![").append(method).append(" weights under ").append(corruption).append("](").append(wb).append(".png)\n\n");
            }
        }
        return md.toString();
    }

    /** Acc_m per spec (rows, clean first) and method (columns), mean +- std over runs, in %. */
    public static String table(RobustnessTable t) {
        List<String> methods = methods(t);
        Map<String, Map<String, List<Double>>> bySpec = new LinkedHashMap<>();
        bySpec.put(RobustnessTable.CLEAN, new LinkedHashMap<>());
        for (RobustnessTable.Row r : t.rows()) bySpec.computeIfAbsent(r.spec(), k -> new LinkedHashMap<>()).computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r.accMultimodal());
        StringBuilder b = new StringBuilder("| corruption |");
        for (String m : methods) b.append(' ').append(m).append(" |");
        b.append("\n|---|");
        for (int i = 0; i < methods.size(); i++) b.append("---:|");
        b.append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> e : bySpec.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            b.append("| ").append(e.getKey()).append(" |");
            for (String m : methods) {
                Stat s = Stat.of(e.getValue().getOrDefault(m, List.of()));
                b.append(s.n() == 0 ? " - |" : String.format(Locale.ROOT, " %.1f \u00b1 %.1f |", 100 * s.mean(), 100 * s.std()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Acc_m against the severity of one corruption: one line (mean +- std over runs) per method. */
    public static JFreeChart accuracy(RobustnessTable t, String corruption, String parameter) {
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        for (String method : methods(t)) {
            Map<Double, List<Double>> at = new TreeMap<>();
            for (RobustnessTable.Row r : t.rows()) {
                if (r.method().equals(method) && r.corruption().equals(corruption)) at.computeIfAbsent(r.severity(), k -> new ArrayList<>()).add(r.accMultimodal());
            }
            if (at.isEmpty()) continue;
            YIntervalSeries s = new YIntervalSeries(method);
            at.forEach((x, v) -> {
                Stat st = Stat.of(v);
                s.add(x, st.mean(), st.mean() - st.std(), st.mean() + st.std());
            });
            ds.addSeries(s);
        }
        return chart(corruption + ": test Acc_m (mean \u00b1 std over seeds)", parameter, "test Acc_m", ds);
    }

    /** A method's mean fusion weight per modality against the severity of one corruption. */
    public static JFreeChart weights(RobustnessTable t, String method, String corruption, String parameter) {
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        for (String m : t.modalities()) {
            Map<Double, List<Double>> at = new TreeMap<>();
            for (RobustnessTable.Row r : t.rows()) {
                if (r.method().equals(method) && r.corruption().equals(corruption)) at.computeIfAbsent(r.severity(), k -> new ArrayList<>()).add(r.weights().getOrDefault(m, Double.NaN));
            }
            YIntervalSeries s = new YIntervalSeries("w_" + m);
            at.forEach((x, v) -> {
                Stat st = Stat.of(v);
                if (st.n() > 0) s.add(x, st.mean(), st.mean() - st.std(), st.mean() + st.std());
            });
            if (s.getItemCount() > 0) ds.addSeries(s);
        }
        JFreeChart c = chart(method + ": mean fusion weights under " + corruption, parameter, "mean fusion weight", ds);
        ((XYPlot) c.getPlot()).getRangeAxis().setRange(0, 1);
        return c;
    }

    private static JFreeChart chart(String title, String xLabel, String yLabel, YIntervalSeriesCollection ds) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer r = new DeviationRenderer(true, true);
        for (int s = 0; s < ds.getSeriesCount(); s++) {
            Color c = Charts.PALETTE[(s + 1) % Charts.PALETTE.length];
            r.setSeriesPaint(s, c);
            r.setSeriesFillPaint(s, new Color(c.getRed(), c.getGreen(), c.getBlue(), 50));
            r.setSeriesStroke(s, new BasicStroke(2f));
        }
        JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, new XYPlot(ds, x, y, r), true);
        Charts.style(c);
        return c;
    }

    private static List<String> methods(RobustnessTable t) {
        Set<String> m = new LinkedHashSet<>();
        for (RobustnessTable.Row r : t.rows()) m.add(r.method());
        return new ArrayList<>(m);
    }

    private static List<String> methodsWithWeights(RobustnessTable t, String corruption) {
        Set<String> m = new LinkedHashSet<>();
        for (RobustnessTable.Row r : t.rows()) if (r.corruption().equals(corruption) && r.hasWeights()) m.add(r.method());
        return new ArrayList<>(m);
    }

    private static List<Path> export(JFreeChart c, Path out, String base) throws IOException {
        java.nio.file.Files.createDirectories(out);
        Path png = out.resolve(base + ".png");
        Path svg = out.resolve(base + ".svg");
        Charts.exportPng(c, png, WIDTH, HEIGHT);
        Charts.exportSvg(c, svg, WIDTH, HEIGHT);
        return new ArrayList<>(List.of(png, svg));
    }
}
