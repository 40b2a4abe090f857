package org.iibalance.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The paper's figures as JFreeChart charts (shared by {@code report} and the GUI), and their export
 * to PNG and SVG (JFreeSVG). Works headless.
 */
public final class Charts {
    /** Series colours, stable across charts: prior, then train / val / test weights. */
    public static final Color[] PALETTE = {
        new Color(0x44, 0x44, 0x44), new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
        new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd)
    };

    private Charts() {}

    /**
     * Fig. 3: per modality, the IIB prior beta_m beside the averaged fusion weights (one bar group per
     * modality; one series for the prior and one per entry of {@code weights}, e.g. train/val/test).
     */
    public static JFreeChart budgetVersusWeights(String title, List<String> modalities, double[] prior, Map<String, double[]> weights) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int m = 0; m < modalities.size(); m++) {
            ds.addValue(prior[m], "IIB prior \u03b2", modalities.get(m));
            for (Map.Entry<String, double[]> e : weights.entrySet()) {
                if (e.getValue() != null) ds.addValue(e.getValue()[m], "mean weight (" + e.getKey() + ")", modalities.get(m));
            }
        }
        JFreeChart c = org.jfree.chart.ChartFactory.createBarChart(title, "modality", "weight", ds, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot p = c.getCategoryPlot();
        p.getRangeAxis().setRange(0, 1);
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int s = 0; s < ds.getRowCount(); s++) r.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
        style(c);
        return c;
    }

    /**
     * Fig. 4: Acc_m against one hyper-parameter; each point {x, mean, std} (std 0 for one seed),
     * the band is mean +- std, and {@code bestX} (when not null) is marked.
     */
    public static JFreeChart sensitivity(String title, String parameter, List<double[]> points, Double bestX, boolean logX) {
        YIntervalSeries s = new YIntervalSeries("Acc_m (mean \u00b1 std over seeds)");
        for (double[] p : points) s.add(p[0], p[1], p[1] - p[2], p[1] + p[2]);
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        ds.addSeries(s);
        NumberAxis x = logX ? new org.jfree.chart.axis.LogarithmicAxis(parameter) : new NumberAxis(parameter);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("test Acc_m");
        y.setAutoRangeIncludesZero(false);
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setSeriesPaint(0, PALETTE[1]);
        r.setSeriesFillPaint(0, new Color(0x1f, 0x77, 0xb4, 60));
        r.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(ds, x, y, r);
        if (bestX != null) {
            ValueMarker mk = new ValueMarker(bestX, PALETTE[4], new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            mk.setLabel("best");
            plot.addDomainMarker(mk);
        }
        JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        style(c);
        return c;
    }

    /** A plain white style that prints well. */
    public static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getPlot().setBackgroundPaint(Color.WHITE);
        if (c.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            xy.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        } else if (c.getPlot() instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        }
        if (c.getTitle() != null) c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }

    /** Writes the chart as PNG, atomically. */
    public static void exportPng(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path tmp = tmp(file);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the chart as SVG (JFreeSVG), atomically. */
    public static void exportSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        Path tmp = tmp(file);
        Files.writeString(tmp, g.getSVGDocument());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path tmp(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
    }
}
