package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.csv} read back: one row per logged training step ({@code phase = step}), per epoch
 * ({@code epoch}, with validation accuracies), per budget-model epoch ({@code budget:<m>}) and per
 * pre-training epoch of a baseline ({@code pretrain:<m>}). Columns:
 * {@code epoch, step, phase, lambda, L_I, L_II, loss, weight_<m>..., valAcc_multimodal,
 * valAcc_<m>..., clipsPerSec, elapsedSec}, then any extra named columns. Empty cells are NaN.
 *
 * @param modalities   the modalities, in column order
 * @param extraColumns extra named columns after {@code elapsedSec}, in file order
 * @param rows         the rows
 */
public record MetricsTable(List<String> modalities, List<String> extraColumns, List<Row> rows) {
    static final List<String> LEAD = List.of("epoch", "step", "phase", "lambda", "L_I", "L_II", "loss");
    static final String WEIGHT = "weight_", VAL_ACC = "valAcc_", VAL_ACC_M = "valAcc_multimodal", CPS = "clipsPerSec", ELAPSED = "elapsedSec";

    public MetricsTable {
        modalities = List.copyOf(modalities);
        extraColumns = List.copyOf(extraColumns);
        rows = List.copyOf(rows);
    }

    /** What a row is. */
    public enum Kind { STEP, EPOCH, BUDGET, PRETRAIN }

    /**
     * One row.
     *
     * @param epoch            1-based epoch (of the unimodal model for BUDGET and PRETRAIN rows)
     * @param step             global step (0 for unimodal rows)
     * @param kind             step, epoch, budget-model epoch or pre-training epoch
     * @param budgetModality   the unimodal model's modality (BUDGET and PRETRAIN rows only)
     * @param lambda           lambda(t) of Eq. 12 (NaN: none)
     * @param lossStageI       L_I
     * @param lossStageII      L_II
     * @param loss             total loss
     * @param weights          mean fusion weight per modality (empty: none)
     * @param valAccMultimodal validation Acc_m (epoch and budget rows)
     * @param valAccuracy      validation accuracy per modality (empty: none)
     * @param clipsPerSec      throughput
     * @param elapsedSec       seconds since the run started
     * @param extras           extra named figures (columns after elapsedSec)
     */
    public record Row(int epoch, long step, Kind kind, String budgetModality, double lambda, double lossStageI, double lossStageII, double loss,
            Map<String, Double> weights, double valAccMultimodal, Map<String, Double> valAccuracy, double clipsPerSec, double elapsedSec,
            Map<String, Double> extras) {
        public Row {
            if (unimodal(kind) != (budgetModality != null)) throw new IllegalArgumentException("a modality belongs to budget and pretrain rows only");
            weights = weights == null ? Map.of() : Map.copyOf(weights);
            valAccuracy = valAccuracy == null ? Map.of() : Map.copyOf(valAccuracy);
            extras = extras == null ? Map.of() : Map.copyOf(extras);
        }

        /** A logged training step. */
        public static Row step(int epoch, long step, double lambda, double lossI, double lossII, double loss, Map<String, Double> weights,
                double clipsPerSec, double elapsed, Map<String, Double> extras) {
            return new Row(epoch, step, Kind.STEP, null, lambda, lossI, lossII, loss, weights, Double.NaN, null, clipsPerSec, elapsed, extras);
        }

        /** The end of a multimodal epoch, with its validation accuracies. */
        public static Row epoch(int epoch, long step, double lambda, double lossI, double lossII, double loss, Map<String, Double> weights,
                double valAcc, Map<String, Double> valAccuracy, double clipsPerSec, double elapsed, Map<String, Double> extras) {
            return new Row(epoch, step, Kind.EPOCH, null, lambda, lossI, lossII, loss, weights, valAcc, valAccuracy, clipsPerSec, elapsed, extras);
        }

        /** The end of a budget model's epoch (Eq. 1). */
        public static Row budget(String modality, int epoch, double trainLoss, double valAcc, double clipsPerSec, double elapsed) {
            return new Row(epoch, 0, Kind.BUDGET, modality, Double.NaN, Double.NaN, Double.NaN, trainLoss, null, valAcc, null, clipsPerSec, elapsed, null);
        }

        /**
         * The end of a unimodal model's epoch: a budget model (Eq. 1) or a baseline's pre-training
         * ({@link TrainingPhase#pretrain}), with extras such as its validation loss.
         */
        public static Row unimodal(TrainingPhase phase, int epoch, double trainLoss, double valAcc, double clipsPerSec, double elapsed,
                Map<String, Double> extras) {
            if (!phase.isUnimodal()) throw new IllegalArgumentException("not a unimodal phase: " + phase);
            return new Row(epoch, 0, phase.isBudget() ? Kind.BUDGET : Kind.PRETRAIN, phase.modality(), Double.NaN, Double.NaN, Double.NaN, trainLoss,
                    null, valAcc, null, clipsPerSec, elapsed, extras);
        }

        /** The text of the phase column: {@code step}, {@code epoch}, {@code budget:<m>} or {@code pretrain:<m>}. */
        public String phaseText() {
            if (kind == Kind.BUDGET) return TrainingPhase.budget(budgetModality).label();
            if (kind == Kind.PRETRAIN) return TrainingPhase.pretrain(budgetModality).label();
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        private static boolean unimodal(Kind k) {
            return k == Kind.BUDGET || k == Kind.PRETRAIN;
        }
    }

    /** Per-modality values of an array in modality order (null array: empty; NaN entries kept). */
    public static Map<String, Double> byModality(List<String> modalities, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (values == null) return m;
        for (int i = 0; i < modalities.size() && i < values.length; i++) m.put(modalities.get(i), values[i]);
        return m;
    }

    /** The rows of one kind. */
    public List<Row> rows(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }

    static List<String> header(List<String> modalities, List<String> extras) {
        List<String> h = new ArrayList<>(LEAD);
        for (String m : modalities) h.add(WEIGHT + m);
        h.add(VAL_ACC_M);
        for (String m : modalities) h.add(VAL_ACC + m);
        h.add(CPS);
        h.add(ELAPSED);
        h.addAll(extras);
        return h;
    }

    static String[] cells(Row r, List<String> modalities, List<String> extras) {
        for (String k : r.extras().keySet()) {
            if (!extras.contains(k)) throw new IllegalArgumentException("metrics.csv has no column '" + k + "' (declared extras: " + extras + ")");
        }
        List<String> c = new ArrayList<>(List.of(Integer.toString(r.epoch()), Long.toString(r.step()), r.phaseText()));
        for (double v : new double[] {r.lambda(), r.lossStageI(), r.lossStageII(), r.loss()}) c.add(num(v));
        for (String m : modalities) c.add(num(r.weights().getOrDefault(m, Double.NaN)));
        c.add(num(r.valAccMultimodal()));
        for (String m : modalities) c.add(num(r.valAccuracy().getOrDefault(m, Double.NaN)));
        c.add(num(r.clipsPerSec()));
        c.add(num(r.elapsedSec()));
        for (String x : extras) c.add(num(r.extras().getOrDefault(x, Double.NaN)));
        return c.toArray(String[]::new);
    }

    private static String num(double v) {
        return CsvFile.format("%.6g", v);
    }

    /** Reads a metrics.csv; rows shorter than the header (a torn last line) and rows of unknown phase are skipped. */
    static MetricsTable read(Path file) throws IOException {
        CsvFile f = CsvFile.read(file);
        Map<String, Integer> col = f.columns();
        for (String k : List.of("epoch", "step", "phase")) {
            if (!col.containsKey(k)) throw new IOException(file + ": column '" + k + "' is missing (header: " + String.join(",", f.header()) + ")");
        }
        List<String> mods = new ArrayList<>();
        for (String h : f.header()) if (h.startsWith(WEIGHT)) mods.add(h.substring(WEIGHT.length()));
        int elapsedAt = f.header().indexOf(ELAPSED);
        List<String> extras = elapsedAt < 0 ? List.of() : f.header().subList(elapsedAt + 1, f.header().size());
        List<Row> rows = new ArrayList<>();
        for (String[] r : f.rows()) {
            if (r.length < f.header().size()) continue;
            Row row = parse(r, col, mods, extras);
            if (row != null) rows.add(row);
        }
        return new MetricsTable(mods, extras, rows);
    }

    private static Row parse(String[] r, Map<String, Integer> col, List<String> mods, List<String> extras) {
        String phase = CsvFile.cell(r, col.get("phase"));
        Kind kind;
        String budget = null;
        TrainingPhase p = TrainingPhase.ofLabel(phase);
        if (p != null && p.isUnimodal()) {
            kind = p.isBudget() ? Kind.BUDGET : Kind.PRETRAIN;
            budget = p.modality();
        } else if ("step".equals(phase)) {
            kind = Kind.STEP;
        } else if ("epoch".equals(phase)) {
            kind = Kind.EPOCH;
        } else {
            return null;
        }
        double epoch = CsvFile.number(CsvFile.cell(r, col.get("epoch"))), step = CsvFile.number(CsvFile.cell(r, col.get("step")));
        if (Double.isNaN(epoch) || Double.isNaN(step)) return null;
        Map<String, Double> w = new LinkedHashMap<>(), acc = new LinkedHashMap<>(), x = new LinkedHashMap<>();
        for (String m : mods) {
            double v = value(r, col, WEIGHT + m);
            if (!Double.isNaN(v)) w.put(m, v);
            double a = value(r, col, VAL_ACC + m);
            if (!Double.isNaN(a)) acc.put(m, a);
        }
        for (String e : extras) {
            double v = value(r, col, e);
            if (!Double.isNaN(v)) x.put(e, v);
        }
        return new Row((int) epoch, (long) step, kind, budget, value(r, col, "lambda"), value(r, col, "L_I"), value(r, col, "L_II"), value(r, col, "loss"),
                w, value(r, col, VAL_ACC_M), acc, value(r, col, CPS), value(r, col, ELAPSED), x);
    }

    private static double value(String[] r, Map<String, Integer> col, String name) {
        return CsvFile.number(CsvFile.cell(r, col.getOrDefault(name, -1)));
    }
}
