package org.iibalance.gui.budget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.report.Charts;
import org.iibalance.run.GatingTable;
import org.iibalance.run.Results;
import org.iibalance.run.RunSummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;

/**
 * The Fig. 3 view's state: per modality the budget score B_m and prior beta_m (from
 * {@code BudgetEstimated}), the mean fusion weight on train and validation (each
 * {@code EpochCompleted}) and on test (the run's results), and the test-clip weight histograms
 * (the run's gating table). {@link #versionProperty()} ticks on every change, and
 * the view redraws with {@link #budgetChart()}, the same {@link Charts#budgetVersusWeights} chart the
 * headless report draws.
 */
public final class BudgetViewModel {
    private List<String> modalities = List.of();
    private double[] scores;
    private double[] prior;
    private double[] train;
    private double[] val;
    private double[] test;
    private final Map<String, double[]> weightSamples = new LinkedHashMap<>();
    private org.iibalance.run.Capabilities capabilities;
    private String method = "";
    private final IntegerProperty version = new SimpleIntegerProperty(this, "version");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "no budget yet: train IIBalance to estimate it");

    /** Ticks on every change of the figures. */
    public IntegerProperty versionProperty() {
        return version;
    }

    /** One line per modality: B_m, beta_m and the mean weights. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Forgets everything (a new run starts). */
    public void reset() {
        modalities = List.of();
        scores = prior = train = val = test = null;
        capabilities = null;
        method = "";
        weightSamples.clear();
        summary.set("no budget yet");
        version.set(version.get() + 1);
    }

    /** Takes the figures an event carries (FX thread). Returns whether anything changed. */
    public boolean accept(TrainingEvent e) {
        if (e instanceof TrainingEvent.RunPlanned p) {
            capabilities = p.capabilities();
            if (modalities.isEmpty()) modalities = List.copyOf(p.modalities());
        } else if (e instanceof TrainingEvent.TrainingStarted t) {
            capabilities = t.capabilities();
            method = t.method();
        } else if (e instanceof TrainingEvent.BudgetEstimated b) {
            modalities = List.copyOf(b.modalities());
            scores = b.scores().clone();
            prior = b.prior().clone();
        } else if (e instanceof TrainingEvent.EpochCompleted ep) {
            if (ep.trainWeightMean() == null && ep.valWeightMean() == null) return false;
            train = ep.trainWeightMean() == null ? null : ep.trainWeightMean().clone();
            val = ep.valWeightMean() == null ? null : ep.valWeightMean().clone();
        } else if (e instanceof TrainingEvent.Finished f) {
            readResults(f.results());
            readGating(f.runDir());
        } else {
            return false;
        }
        changed();
        return true;
    }

    /** Shows a finished run folder (from the runs table). */
    public void showRun(Path runDir) throws IOException {
        reset();
        RunSummary run = RunSummary.open(runDir);
        Results r = run.results();
        if (r == null) throw new IOException(runDir + ": the run has no results (state " + run.state().state().label() + ")");
        modalities = r.modalities();
        capabilities = r.capabilities();
        method = r.method() == null ? "" : r.method();
        scores = values(r.budget().present() ? r.budget().entropyScore() : Map.of());
        prior = values(r.prior());
        train = values(r.weightMean("train"));
        val = values(r.weightMean("val"));
        test = values(r.weightMean("test"));
        readGating(runDir);
        changed();
    }

    private void readResults(Results r) {
        capabilities = r.capabilities();
        if (r.method() != null) method = r.method();
        if (modalities.isEmpty()) modalities = r.modalities();
        if (prior == null) prior = values(r.prior());
        if (scores == null) scores = values(r.budget().present() ? r.budget().entropyScore() : Map.of());
        train = orKeep(values(r.weightMean("train")), train);
        val = orKeep(values(r.weightMean("val")), val);
        test = values(r.weightMean("test"));
    }

    private static double[] orKeep(double[] a, double[] b) {
        return a == null ? b : a;
    }

    /** Per-modality figures in {@link #modalities} order; null when none is known. */
    private double[] values(Map<String, Double> byModality) {
        if (modalities.isEmpty()) return null;
        double[] v = new double[modalities.size()];
        boolean any = false;
        for (int m = 0; m < v.length; m++) {
            v[m] = Results.orNaN(byModality.get(modalities.get(m)));
            any |= !Double.isNaN(v[m]);
        }
        return any ? v : null;
    }

    private void readGating(Path runDir) {
        weightSamples.clear();
        try {
            RunSummary run = RunSummary.open(runDir);
            if (!run.hasGating()) return; // no gating table: no histogram
            GatingTable g = run.gating();
            for (String m : g.modalities()) {
                double[] w = g.weightsOf(m);
                if (w.length > 0) weightSamples.put(m, w);
            }
        } catch (IOException e) {
            // unreadable gating table: no histogram
        }
    }

    private void changed() {
        StringBuilder b = new StringBuilder();
        for (int m = 0; m < modalities.size(); m++) {
            b.append(String.format("%s: B=%s  beta=%s  w(train)=%s  w(val)=%s  w(test)=%s%n", modalities.get(m), f(scores, m), f(prior, m), f(train, m),
                    f(val, m), f(test, m)));
        }
        String who = method.isEmpty() ? "this method" : method;
        if (capabilities != null && !capabilities.budgetPrior() && !capabilities.fusionWeights()) {
            summary.set(who + " has no IIB prior (Eq. 1-2) and no per-clip fusion weights (Eq. 10): Fig. 3 compares the two, so there is nothing"
                    + " to draw for it. Train IIBalance (or an ablation) to see them.");
        } else if (capabilities != null && !capabilities.budgetPrior()) {
            summary.set(who + " has no IIB prior (Eq. 1-2): only its fusion weights are drawn.\n" + b.toString().trim());
        } else {
            summary.set(b.length() == 0 ? "no budget yet: the budget models are training" : b.toString().trim());
        }
        version.set(version.get() + 1);
    }

    /** Whether the run's method has something to draw in Fig. 3 (a prior or fusion weights); true until known. */
    public boolean hasFigure() {
        return capabilities == null || capabilities.budgetPrior() || capabilities.fusionWeights();
    }

    private static String f(double[] a, int m) {
        if (a == null || Double.isNaN(a[m])) return "-";
        double v = a[m];
        // small figures (a budget score of 3.6e-4) keep their digits instead of reading 0.000
        return v != 0 && Math.abs(v) < 0.01 ? String.format(java.util.Locale.ROOT, "%.2e", v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** The modalities known so far. */
    public List<String> modalities() {
        return modalities;
    }

    /** The prior beta_m, or null before the budget is known. */
    public double[] prior() {
        return prior;
    }

    /** The mean fusion weights per split ({@code train}, {@code val}, {@code test}) known so far. */
    public Map<String, double[]> weights() {
        Map<String, double[]> w = new LinkedHashMap<>();
        if (train != null) w.put("train", train);
        if (val != null) w.put("val", val);
        if (test != null) w.put("test", test);
        return w;
    }

    /** Test-clip weights per modality from the gating table (empty before the run finishes). */
    public Map<String, double[]> weightSamples() {
        return weightSamples;
    }

    /** Fig. 3 with what is known (a prior of NaN until the budget is estimated). */
    public JFreeChart budgetChart() {
        List<String> mods = modalities;
        double[] p = prior != null ? prior : new double[mods.size()];
        if (prior == null) java.util.Arrays.fill(p, Double.NaN);
        return Charts.budgetVersusWeights("IIB prior \u03b2 vs mean fusion weight (Fig. 3)", mods, p, weights());
    }

    /** A histogram of the test-clip fusion weights, one series per modality. */
    public JFreeChart histogramChart() {
        HistogramDataset ds = new HistogramDataset();
        for (Map.Entry<String, double[]> e : weightSamples.entrySet()) ds.addSeries(e.getKey(), e.getValue(), 20, 0.0, 1.0);
        JFreeChart c = ChartFactory.createHistogram("Fusion weight per test clip", "weight w_m", "clips", ds, PlotOrientation.VERTICAL,
                true, true, false);
        XYPlot p = c.getXYPlot();
        XYBarRenderer r = (XYBarRenderer) p.getRenderer();
        r.setShadowVisible(false);
        r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        for (int s = 0; s < ds.getSeriesCount(); s++) {
            java.awt.Color base = Charts.PALETTE[(s + 1) % Charts.PALETTE.length];
            r.setSeriesPaint(s, new java.awt.Color(base.getRed(), base.getGreen(), base.getBlue(), 150));
        }
        Charts.style(c);
        return c;
    }
}
