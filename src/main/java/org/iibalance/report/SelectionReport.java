package org.iibalance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iibalance.config.ConfigIO;
import org.iibalance.run.CsvFile;

/**
 * The selection report ({@code report --validation-only}): choosing a setting (epochs, tau, lr...)
 * from a grid of runs on validation only, blind to test. The same runs, skipped folders and grouping
 * as the results report ({@link ReportRuns}, {@link RunGroups}: one row per dataset, method and whole
 * configuration but the seed, duplicate seeds counted once and warned about), but each row shows only
 * validation figures: validation Acc_m of the epoch each run selected (mean ± sample std [95% t
 * interval], {@link Stat}), the selected epoch per seed and whether it was the last epoch trained, and
 * the per-modality validation accuracies at that epoch ({@link SelectedEpoch}). The best row is named
 * only when its interval lies above every other row's ({@link ReportStatistics#best}); otherwise the
 * tied rows are listed and the reader applies their own rule, stated beforehand.
 *
 * <p>No test figure enters: {@code gating.csv} and {@code predictions.csv} (test clips) are not opened,
 * and of {@code results.json} only method, dataset, seed, name, {@code val.accMultimodal} and
 * {@code val.bestEpoch} are used.
 */
public final class SelectionReport {
    /** Row order within a dataset: Table I's methods, then Table II's, then any other alphabetically. */
    private static final List<String> ORDER;

    static {
        List<String> o = new ArrayList<>(ReportStatistics.TABLE_ONE_ORDER);
        for (String m : ReportStatistics.TABLE_TWO_ORDER) if (!o.contains(m)) o.add(m);
        ORDER = List.copyOf(o);
    }

    /** A configuration key every row has in the method column already. */
    private static final String METHOD_KEY = "method.name";

    private final ReportRuns runs;
    private final RunGroups groups;
    private final Map<ReportRun, SelectedEpoch> selected = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, List<RunGroup>> rows = new java.util.HashMap<>();

    private SelectionReport(ReportRuns runs) {
        this.runs = runs;
        this.groups = RunGroups.of(runs.runs(), Metric.VAL_ACC_M);
        for (RunGroup g : groups.groups()) {
            for (ReportRun r : g.runs()) {
                SelectedEpoch e = SelectedEpoch.of(r);
                selected.put(r, e);
                if (e.problem() != null) problems.add(e.problem());
            }
        }
    }

    /** Reads every run folder under the roots (searched recursively), without opening any file of test clips. */
    public static SelectionReport read(List<Path> roots) {
        return new SelectionReport(ReportRuns.read(roots, false));
    }

    /** The completed runs read (duplicates of a seed included). */
    public int runCount() {
        return runs.runs().size();
    }

    /** Folder to reason, for every folder not used. */
    public Map<String, String> skipped() {
        return runs.skipped();
    }

    /** Duplicate seeds, mixed configurations, unreadable configurations or metrics. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(groups.warnings());
        w.addAll(problems);
        return w;
    }

    public List<String> datasets() {
        return runs.runs().stream().map(ReportRun::dataset).distinct().sorted().toList();
    }

    /**
     * The rows of a dataset: table and sweep groups of every method, in the paper's method order, then by
     * the values of the keys that differ between the rows (numbers as numbers: epochs 10, 16, 24, 32 in
     * that order), table before sweep, then by hash.
     */
    List<RunGroup> rows(String dataset) {
        return rows.computeIfAbsent(dataset, this::sortedRows); // asked for by every table, column and the best row
    }

    private List<RunGroup> sortedRows(String dataset) {
        List<RunGroup> of = groups.groups().stream().filter(g -> g.dataset().equals(dataset)).toList();
        List<String> keys = differingKeys(of);
        Comparator<RunGroup> byValues = (a, b) -> {
            for (String k : keys) {
                int c = compareValues(a.identity().keys().get(k), b.identity().keys().get(k));
                if (c != 0) return c;
            }
            return 0;
        };
        return of.stream()
                .sorted(Comparator.comparingInt((RunGroup g) -> order(g.method())).thenComparing(RunGroup::method)
                        .thenComparing(byValues).thenComparing(RunGroup::sensitivity).thenComparing(RunGroup::hash))
                .toList();
    }

    /** Two values of a configuration key: numerically when both are numbers, else as text; a missing value first. */
    static int compareValues(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        try {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    }

    private static int order(String method) {
        int i = ORDER.indexOf(method);
        return i < 0 ? ORDER.size() : i;
    }

    /** The configuration keys (other than the method) whose values differ between the rows of a dataset, sorted. */
    List<String> differingKeys(String dataset) {
        return differingKeys(rows(dataset));
    }

    private static List<String> differingKeys(List<RunGroup> groups) {
        List<RunGroup> rows = groups.stream().filter(g -> !g.hash().equals(ConfigIdentity.UNKNOWN)).toList();
        if (rows.isEmpty()) return List.of();
        Set<String> keys = new TreeSet<>();
        for (RunGroup g : rows) keys.addAll(g.identity().differingKeys(rows.get(0).identity()));
        keys.remove(METHOD_KEY);
        return List.copyOf(keys);
    }

    /** The best row of a dataset on validation Acc_m (a winner only when its interval lies above every other row's). */
    ReportStatistics.Best best(String dataset) {
        return ReportStatistics.best(rows(dataset), Metric.VAL_ACC_M);
    }

    /** The selected epochs of a row's counted runs, in seed order. */
    List<SelectedEpoch> selected(RunGroup g) {
        return g.runs().stream().map(selected::get).toList();
    }

    /** The modalities of the per-modality validation accuracies found, in first-seen order. */
    private List<String> modalities(String dataset) {
        Set<String> m = new LinkedHashSet<>();
        for (RunGroup g : rows(dataset)) for (SelectedEpoch e : selected(g)) m.addAll(e.valAccuracy().keySet());
        return List.copyOf(m);
    }

    /** Mean, std and interval of one modality's validation accuracy at the selected epochs of a row. */
    private Stat modalityStat(RunGroup g, String modality) {
        return Stat.of(selected(g).stream().map(e -> e.valAccuracy().get(modality)).toList());
    }

    /** The column label of a modality's validation accuracy ({@code Acc_a} for audio when first letters differ). */
    private static Map<String, String> labels(List<String> modalities) {
        Map<String, String> out = new LinkedHashMap<>();
        if (modalities.isEmpty()) return out;
        for (Metric m : Metric.forModalities(modalities)) if (m.modality() != null) out.put(m.modality(), m.label());
        return out;
    }

    /** A row's name: method label, hash, and "sweep" for a matrix sweep's runs. */
    private static String name(RunGroup g) {
        return ReportTables.label(g.method()) + " `" + g.hash() + "`" + (g.sensitivity() ? " (sweep)" : "");
    }

    /** "s1: 8 of 10, s2: 10 of 10 (last)": each seed's selected epoch and last trained epoch. */
    private static String epochs(List<SelectedEpoch> es) {
        List<String> parts = new ArrayList<>();
        for (SelectedEpoch e : es) {
            parts.add("s" + e.seed() + ": " + (e.bestEpoch() > 0 ? Integer.toString(e.bestEpoch()) : "?") + " of "
                    + (e.lastEpoch() > 0 ? Integer.toString(e.lastEpoch()) : "?") + (e.lastEpochSelected() ? " (last)" : ""));
        }
        return String.join(", ", parts);
    }

    /** "1 of 3 (s2)": how many seeds selected their last epoch. */
    private static String lastCount(List<SelectedEpoch> es) {
        List<String> last = es.stream().filter(SelectedEpoch::lastEpochSelected).map(e -> "s" + e.seed()).toList();
        return last.size() + " of " + es.size() + (last.isEmpty() ? "" : " (" + String.join(", ", last) + ")");
    }

    /** The selection table of every dataset, Markdown. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        for (String d : datasets()) b.append("### ").append(d).append("\n\n").append(markdown(d)).append('\n');
        return b.toString();
    }

    /** The selection table of a dataset, Markdown, with a last row naming the best or the tie. */
    String markdown(String dataset) {
        List<RunGroup> rows = rows(dataset);
        List<String> keys = differingKeys(dataset);
        List<String> mods = modalities(dataset);
        Map<String, String> labels = labels(mods);
        ReportStatistics.Best best = best(dataset);
        StringBuilder b = new StringBuilder();
        b.append(keys.isEmpty() ? "Keys differing between the rows: none besides the method.\n\n"
                : "Keys differing between the rows: " + String.join(", ", keys.stream().map(k -> "`" + k + "`").toList()) + ".\n\n");
        b.append("| Method | config |");
        for (String k : keys) b.append(' ').append(k).append(" |");
        b.append(" n | validation Acc_m (%) | selected epoch per seed (of epochs trained) | selected = last epoch |");
        for (String m : mods) b.append(" validation ").append(labels.get(m)).append(" (%) |");
        b.append("\n|---|---|").append("---|".repeat(keys.size())).append("---:|---:|---|---|").append("---:|".repeat(mods.size())).append('\n');
        for (RunGroup g : rows) {
            List<SelectedEpoch> es = selected(g);
            String cell = ReportTables.cell(g.stat(Metric.VAL_ACC_M), g.n());
            b.append("| ").append(ReportTables.label(g.method())).append(g.sensitivity() ? " (sweep)" : "").append(" | `").append(g.hash()).append("` |");
            for (String k : keys) b.append(' ').append(g.identity().keys().getOrDefault(k, "-")).append(" |");
            b.append(' ').append(g.n()).append(" | ").append(best.winner() == g ? "**" + cell + "**" : cell).append(" | ").append(epochs(es)).append(" | ")
                    .append(lastCount(es)).append(" |");
            for (String m : mods) b.append(' ').append(ReportTables.cell(modalityStat(g, m), g.n())).append(" |");
            b.append('\n');
        }
        b.append("| best | |").append(" |".repeat(keys.size())).append(" | ").append(bestText(best)).append(" | | |").append(" |".repeat(mods.size())).append('\n');
        return b.toString();
    }

    private static String bestText(ReportStatistics.Best best) {
        if (best.winner() != null) return "**" + name(best.winner()) + "**";
        if (best.top().size() < 2) return best.top().isEmpty() ? "- (no values)" : "- (one row only)";
        return "tie: " + String.join(", ", best.top().stream().map(SelectionReport::name).toList()) + " (" + best.why() + ")";
    }

    /** One row per dataset and row group; fractions, not %. */
    public String csv() {
        Set<String> allMods = new LinkedHashSet<>();
        for (String d : datasets()) allMods.addAll(modalities(d));
        List<String> h = new ArrayList<>(List.of("dataset", "method", "config", "sweep", "differing_keys", "n", "seeds", "val_accM_mean", "val_accM_std",
                "val_accM_ci95_low", "val_accM_ci95_high", "best", "selected_epochs", "last_epochs", "selected_is_last"));
        for (String m : allMods) {
            h.add("val_acc_" + m + "_mean");
            h.add("val_acc_" + m + "_std");
        }
        List<String[]> out = new ArrayList<>();
        for (String d : datasets()) {
            List<String> keys = differingKeys(d);
            ReportStatistics.Best best = best(d);
            for (RunGroup g : rows(d)) {
                List<SelectedEpoch> es = selected(g);
                Stat s = g.stat(Metric.VAL_ACC_M);
                String mark = best.winner() == g ? "best" : best.winner() == null && best.top().size() > 1 && best.top().contains(g) ? "tie" : "";
                List<String> c = new ArrayList<>(List.of(d, g.method(), g.hash(), Boolean.toString(g.sensitivity()),
                        String.join(" ", keys.stream().map(k -> k + "=" + g.identity().keys().getOrDefault(k, "-")).toList()), Integer.toString(g.n()),
                        join(es, e -> Long.toString(e.seed())), num(s.mean()), num(s.std()), num(s.lower()), num(s.upper()), mark,
                        join(es, e -> Integer.toString(e.bestEpoch())), join(es, e -> Integer.toString(e.lastEpoch())),
                        join(es, e -> Boolean.toString(e.lastEpochSelected()))));
                for (String m : allMods) {
                    Stat ms = modalityStat(g, m);
                    c.add(num(ms.mean()));
                    c.add(num(ms.std()));
                }
                out.add(c.toArray(String[]::new));
            }
        }
        return new CsvFile(h, out).text();
    }

    private static String join(List<SelectedEpoch> es, java.util.function.Function<SelectedEpoch, String> f) {
        return String.join(" ", es.stream().map(f).toList());
    }

    private static String num(double v) {
        return CsvFile.format("%.6f", v);
    }

    /** selection.md: what was read, the warnings, the tables, the skipped folders. */
    public String document() {
        StringBuilder md = new StringBuilder("# Selection report (validation only)\n\n");
        md.append("**No test figure was read into this report.** It is for choosing a setting (epochs, tau, lr, ...) on validation, blind to test. "
                + "Of each run it used `config.yaml`, `state.json`, `metrics.csv` (the `phase=epoch` rows: validation figures) and, of `results.json`, "
                + "only method, dataset, seed, name, `val.accMultimodal` and `val.bestEpoch`; `gating.csv` and `predictions.csv` (test clips) were not "
                + "opened. Report the chosen setting's test figures with `report` (without `--validation-only`) only after the choice is made.\n\n");
        Map<String, String> skipped = new TreeMap<>(skipped());
        List<String> warnings = warnings();
        md.append(String.format(Locale.ROOT, "%d completed runs read, %d folders skipped, %d warnings. A row is one configuration (`config`: a hash of the "
                + "whole resolved configuration minus the seed, paths, device and threads; a matrix sweep's runs are marked \"(sweep)\"); runs are pooled over "
                + "seeds only within a row, one run per seed. Validation figures (%%) of the epoch each run selected (its best validation Acc_m): mean "
                + "\u00b1 sample std [95%% Student-t interval] over the row's n seeds, or \"(n=1)\". \"(last)\" marks a seed whose selected epoch is the "
                + "last epoch it trained: its validation Acc_m was still rising, the run may have been too short. The last row names the best row only when "
                + "its interval lies above every other row's; otherwise it says \"tie\" and lists the rows that overlap: apply your own rule, stated "
                + "beforehand, to the tie.%n%n", runCount(), skipped.size(), warnings.size()));
        md.append("## Warnings\n\n");
        if (warnings.isEmpty()) md.append("none\n");
        for (String w : warnings) md.append("- ").append(w).append('\n');
        md.append("\n## Selection on validation\n\n").append(markdown());
        md.append("## Skipped folders\n\n");
        if (skipped.isEmpty()) md.append("none\n");
        for (Map.Entry<String, String> e : skipped.entrySet()) md.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        return md.toString();
    }

    /** Writes selection.md and selection.csv (each atomically); returns the files written. */
    public List<Path> write(Path out) throws IOException {
        Files.createDirectories(out);
        Path md = out.resolve("selection.md"), csv = out.resolve("selection.csv");
        ConfigIO.writeAtomically(csv, csv());
        ConfigIO.writeAtomically(md, document());
        return List.of(md, csv);
    }
}
