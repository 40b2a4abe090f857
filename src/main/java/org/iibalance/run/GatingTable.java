package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gating.csv}: one row per test clip: {@code id, label, prediction, correct}, then per modality
 * its fusion weight {@code weight_<m>} (Eq. 10), its normalised entropy {@code u_<m>} (Eq. 7) and its
 * head's prediction {@code prediction_<m>}; empty cells where the method has none. Columns are read by
 * name, so any number of modalities in any order reads back.
 *
 * @param modalities the modalities, in column order
 * @param rows       one per test clip
 */
public record GatingTable(List<String> modalities, List<Row> rows) {
    private static final String WEIGHT = "weight_", ENTROPY = "u_", PREDICTION = "prediction_";

    public GatingTable {
        modalities = List.copyOf(modalities);
        rows = List.copyOf(rows);
    }

    /**
     * One test clip.
     *
     * @param id                  clip id (any text: commas, quotes, accents round-trip)
     * @param label               true class
     * @param prediction          fused prediction
     * @param correct             whether the fused prediction is right
     * @param weights             fusion weight w_m per modality (NaN when the method has no gate)
     * @param uncertainty         normalised entropy u_m per modality (NaN when none)
     * @param modalityPredictions each head's prediction (-1 when the method has no such head)
     */
    public record Row(String id, int label, int prediction, boolean correct, Map<String, Double> weights, Map<String, Double> uncertainty,
            Map<String, Integer> modalityPredictions) {
        public Row {
            weights = Map.copyOf(weights);
            uncertainty = Map.copyOf(uncertainty);
            modalityPredictions = Map.copyOf(modalityPredictions);
        }

        /** The weight w_m of a modality, NaN when none. */
        public double weight(String modality) {
            return weights.getOrDefault(modality, Double.NaN);
        }

        /** The entropy u_m of a modality, NaN when none. */
        public double u(String modality) {
            return uncertainty.getOrDefault(modality, Double.NaN);
        }

        /** The prediction of a modality's head, -1 when none. */
        public int prediction(String modality) {
            return modalityPredictions.getOrDefault(modality, -1);
        }
    }

    /** The weights of every clip for one modality, NaN skipped (the histogram of the Fig. 3 view). */
    public double[] weightsOf(String modality) {
        return rows.stream().mapToDouble(r -> r.weight(modality)).filter(w -> !Double.isNaN(w)).toArray();
    }

    /** Writes these rows as a gating.csv elsewhere (an export of some rows: same columns, same precision). */
    public void write(Path file) throws IOException {
        csv().write(file);
    }

    CsvFile csv() {
        List<String> h = new ArrayList<>(List.of("id", "label", "prediction", "correct"));
        for (String m : modalities) h.add(WEIGHT + m);
        for (String m : modalities) h.add(ENTROPY + m);
        for (String m : modalities) h.add(PREDICTION + m);
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>(List.of(r.id(), Integer.toString(r.label()), Integer.toString(r.prediction()), Boolean.toString(r.correct())));
            for (String m : modalities) c.add(CsvFile.format("%.6f", r.weight(m)));
            for (String m : modalities) c.add(CsvFile.format("%.6f", r.u(m)));
            for (String m : modalities) c.add(r.prediction(m) < 0 ? "" : Integer.toString(r.prediction(m)));
            out.add(c.toArray(String[]::new));
        }
        return new CsvFile(h, out);
    }

    /** Reads a gating.csv; a missing column or a bad label is refused naming the file, row and column. */
    static GatingTable read(Path file) throws IOException {
        CsvFile f = CsvFile.read(file);
        Map<String, Integer> col = f.columns();
        for (String k : List.of("id", "label", "prediction", "correct")) {
            if (!col.containsKey(k)) throw new IOException(file + ": column '" + k + "' is missing (header: " + String.join(",", f.header()) + ")");
        }
        List<String> mods = new ArrayList<>();
        for (String h : f.header()) if (h.startsWith(WEIGHT)) mods.add(h.substring(WEIGHT.length()));
        List<Row> rows = new ArrayList<>();
        int line = 1;
        for (String[] r : f.rows()) {
            line++;
            Map<String, Double> w = new LinkedHashMap<>(), u = new LinkedHashMap<>();
            Map<String, Integer> p = new LinkedHashMap<>();
            for (String m : mods) {
                w.put(m, CsvFile.number(CsvFile.cell(r, col.get(WEIGHT + m))));
                u.put(m, CsvFile.number(CsvFile.cell(r, col.getOrDefault(ENTROPY + m, -1))));
                double pm = CsvFile.number(CsvFile.cell(r, col.getOrDefault(PREDICTION + m, -1)));
                p.put(m, Double.isNaN(pm) ? -1 : (int) pm);
            }
            try {
                rows.add(new Row(CsvFile.cell(r, col.get("id")), Integer.parseInt(CsvFile.cell(r, col.get("label")).trim()),
                        Integer.parseInt(CsvFile.cell(r, col.get("prediction")).trim()), Boolean.parseBoolean(CsvFile.cell(r, col.get("correct")).trim()), w, u, p));
            } catch (NumberFormatException e) {
                throw new IOException(file + ", line " + line + ": label and prediction must be class indices (" + e.getMessage() + ")", e);
            }
        }
        return new GatingTable(mods, rows);
    }
}
