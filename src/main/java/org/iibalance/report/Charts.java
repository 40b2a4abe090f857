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
     * Fig. 4: Acc_m against one hyper-parameter; each point {x, mean, std} (std NaN or 0 for one seed: no band),
     * the band is mean +- std, and {@code bestX} (when not null) is marked.
     */
    public static JFreeChart sensitivity(String title, String parameter, List<double[]> points, Double bestX, boolean logX) {
        YIntervalSeries s = new YIntervalSeries("Acc_m (mean \u00b1 std over seeds)");
        for (double[] p : points) {
            double sd = Double.isNaN(p[2]) ? 0 : p[2]; // one seed: no band
            s.add(p[0], p[1], p[1] - sd, p[1] + sd);
        }
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

    /**
     * A confusion matrix as a heat map: rows (y) the true class, columns (x) the predicted class; the
     * shade is the row-normalised share (per-class recall on the diagonal) and each cell shows its count
     * when there are at most 20 classes.
     */
    public static JFreeChart confusionMatrix(String title, long[][] counts) {
        int c = counts.length;
        double[] xs = new double[c * c], ys = new double[c * c], zs = new double[c * c];
        for (int i = 0; i < c; i++) {
            long row = 0;
            for (long v : counts[i]) row += v;
            for (int j = 0; j < c; j++) {
                xs[i * c + j] = j;
                ys[i * c + j] = i;
                zs[i * c + j] = row == 0 ? 0 : (double) counts[i][j] / row;
            }
        }
        org.jfree.data.xy.DefaultXYZDataset ds = new org.jfree.data.xy.DefaultXYZDataset();
        ds.addSeries("share of the true class", new double[][] {xs, ys, zs});
        NumberAxis x = new NumberAxis("predicted class");
        NumberAxis y = new NumberAxis("true class");
        for (NumberAxis a : List.of(x, y)) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setRange(-0.5, c - 0.5);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        y.setInverted(true); // class 0 at the top, as a matrix is read
        org.jfree.chart.renderer.xy.XYBlockRenderer r = new org.jfree.chart.renderer.xy.XYBlockRenderer();
        org.jfree.chart.renderer.LookupPaintScale scale = new org.jfree.chart.renderer.LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int k = 0; k <= 20; k++) {
            float t = k / 20f;
            scale.add(k / 20.0, new Color(1 - 0.88f * t, 1 - 0.6f * t, 1 - 0.3f * t));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(ds, x, y, r);
        if (c <= 20) {
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(Long.toString(counts[i][j]), j, i);
                    a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, c <= 10 ? 12 : 9));
                    a.setPaint(zs[i * c + j] > 0.6 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart ch = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        style(ch);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return ch;
    }

    /** Per class, the mean fusion weight of each modality (stacked to 1): how the gate routes each class. */
    public static JFreeChart weightsPerClass(String title, List<String> modalities, double[][] weights) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int c = 0; c < weights.length; c++) {
            for (int m = 0; m < modalities.size(); m++) {
                double w = weights[c][m];
                ds.addValue(Double.isNaN(w) ? null : w, modalities.get(m), Integer.toString(c));
            }
        }
        JFreeChart ch = org.jfree.chart.ChartFactory.createStackedBarChart(title, "true class", "mean fusion weight", ds, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot p = ch.getCategoryPlot();
        p.getRangeAxis().setRange(0, 1);
        BarRenderer r = (BarRenderer) p.getRenderer();
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        for (int s = 0; s < modalities.size(); s++) r.setSeriesPaint(s, PALETTE[(s + 1) % PALETTE.length]);
        style(ch);
        return ch;
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
