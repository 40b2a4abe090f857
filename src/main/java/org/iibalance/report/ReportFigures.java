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
            RunGroup g = stats.groups().main(d, ReportStatistics.IIBALANCE);
            int configs = stats.groups().table(d, ReportStatistics.IIBALANCE).size();
            md.append("IIBalance runs of config `").append(g.hash()).append("` (").append(f.runs()).append(" runs)")
                    .append(configs > 1 ? ": the configuration with the most seeds among " + configs + " (others are not pooled)" : "").append(".\n\n");
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

    /**
     * Per dataset and row group: the confusion matrix (CSV and PNG) and the per-class Acc_m, F1 and mean
     * fusion weights (CSV, Markdown, and a PNG of the weights when the method has a gate), pooled over
     * the group's runs that have {@code gating.csv}.
     */
    String classFigures(Path out, List<Path> files) throws IOException {
        StringBuilder md = new StringBuilder();
        List<String> methods = new ArrayList<>(stats.tableOneMethods());
        for (String m : stats.tableTwoMethods()) if (!methods.contains(m)) methods.add(m);
        for (String d : stats.datasets()) {
            for (RunGroup g : stats.rows(d, methods)) {
                ClassFigures f = g.classes();
                String title = ReportTables.label(g.method()) + " [" + g.hash() + "], " + d;
                md.append("### ").append(title).append("\n\n");
                if (f == null) {
                    md.append("no gating table in its runs: no confusion matrix\n\n");
                    continue;
                }
                String base = fileName(d + "-" + g.method() + "-" + g.hash());
                files.add(write(out.resolve("confusion-" + base + ".csv"), ReportTables.confusionCsv(f)));
                files.add(write(out.resolve("classes-" + base + ".csv"), ReportTables.classesCsv(f)));
                Path png = out.resolve("confusion-" + base + ".png");
                Charts.exportPng(Charts.confusionMatrix("Confusion (test, " + g.runsWithClasses() + " runs pooled): " + title, f.confusion()), png, 560, 520);
                files.add(png);
                md.append(String.format(java.util.Locale.ROOT, "%d test clips of %d runs pooled; macro-F1 of the pooled clips %.4f.%n%n", f.clips(), g.runsWithClasses(),
                        f.macroF1()));
                md.append("![confusion ").append(title).append("](confusion-").append(base).append(".png)\n\n");
                if (f.hasWeights()) {
                    double[][] w = new double[f.classes()][f.modalities().size()];
                    for (int c = 0; c < f.classes(); c++) for (int k = 0; k < f.modalities().size(); k++) w[c][k] = f.meanWeight(c, f.modalities().get(k));
                    Path wp = out.resolve("weights-per-class-" + base + ".png");
                    Charts.exportPng(Charts.weightsPerClass("Mean fusion weight per class: " + title, f.modalities(), w), wp, 640, 420);
                    files.add(wp);
                    md.append("![weights per class ").append(title).append("](weights-per-class-").append(base).append(".png)\n\n");
                }
                md.append(ReportTables.classesMarkdown(f)).append('\n');
            }
        }
        return md.toString();
    }

    /** A name safe in a file name. */
    static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static Path write(Path file, String text) throws IOException {
        org.iibalance.config.ConfigIO.writeAtomically(file, text);
        return file;
    }

    private static List<Path> export(JFreeChart c, Path out, String base) throws IOException {
        Path png = out.resolve(base + ".png");
        Path svg = out.resolve(base + ".svg");
        Charts.exportPng(c, png, WIDTH, HEIGHT);
        Charts.exportSvg(c, svg, WIDTH, HEIGHT);
        return new ArrayList<>(List.of(png, svg));
    }
}
