package org.iibalance.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Fig. 3 and Fig. 4 of the report, drawn by {@link Charts} and exported as PNG and SVG; each method
 * returns the Markdown that shows what it wrote (or says why nothing was drawn).
 */
final class ReportFigures {
    private static final int WIDTH = 640, HEIGHT = 420;
    private final ReportStatistics stats;

    ReportFigures(ReportStatistics stats) {
        this.stats = stats;
    }

    /** Fig. 3 per dataset: the IIB prior against the averaged fusion weights. */
    String budgetFigures(Path out, List<Path> files) throws IOException {
        StringBuilder md = new StringBuilder();
        for (String d : stats.datasets()) {
            BudgetFigure f = stats.budgetFigure(d);
            if (f == null) {
                md.append("- ").append(d).append(": no completed iibalance run with a budget\n");
                continue;
            }
            JFreeChart c = Charts.budgetVersusWeights("IIB prior vs averaged fusion weights: " + d + " (" + f.runs() + " runs)", f.modalities(), f.prior(),
                    f.weights());
            files.addAll(export(c, out, "fig3-" + d));
            md.append("![Fig. 3 ").append(d).append("](fig3-").append(d).append(".png)\n\n");
        }
        return md.toString();
    }

    /** Fig. 4 per dataset and parameter (tau, gamma); the marked value is the best on validation. */
    String sensitivityFigures(Path out, List<Path> files) throws IOException {
        StringBuilder md = new StringBuilder();
        for (String d : stats.datasets()) {
            for (String p : List.of("tau", "gamma")) {
                List<double[]> pts = stats.sensitivity(d, p);
                if (pts.isEmpty()) {
                    md.append("- ").append(d).append(", ").append(p).append(": fewer than two values among the completed iibalance runs\n");
                    continue;
                }
                // the marked value is the best on VALIDATION: the report selects nothing on test
                double[] best = pts.stream().max(Comparator.comparingDouble(x -> Double.isNaN(x[4]) ? Double.NEGATIVE_INFINITY : x[4])).orElseThrow();
                boolean logX = p.equals("tau") && pts.stream().allMatch(x -> x[0] > 0);
                JFreeChart c = Charts.sensitivity("Acc_m against " + p + ": " + d, p, pts, best[0], logX);
                files.addAll(export(c, out, "fig4-" + p + "-" + d));
                md.append("![Fig. 4 ").append(p).append(' ').append(d).append("](fig4-").append(p).append('-').append(d).append(".png)\n\n");
            }
        }
        return md.toString();
    }

    private static List<Path> export(JFreeChart c, Path out, String base) throws IOException {
        Path png = out.resolve(base + ".png");
        Path svg = out.resolve(base + ".svg");
        Charts.exportPng(c, png, WIDTH, HEIGHT);
        Charts.exportSvg(c, svg, WIDTH, HEIGHT);
        return new ArrayList<>(List.of(png, svg));
    }
}
