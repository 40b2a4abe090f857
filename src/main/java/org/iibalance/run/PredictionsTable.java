package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code predictions.csv}: the class probabilities of every test clip, from the fused branch
 * ({@code head = fused}) and from each modality's head ({@code head = <m>}): {@code id, head, p0..p<C-1>}.
 *
 * @param classes number of classes C
 * @param rows    one per clip and head
 */
public record PredictionsTable(int classes, List<Row> rows) {
    /** The head name of the fused branch. */
    public static final String FUSED = "fused";

    public PredictionsTable {
        rows = List.copyOf(rows);
    }

    /**
     * One clip's probabilities from one head.
     *
     * @param id    clip id
     * @param head  {@link #FUSED} or a modality name
     * @param probs class probabilities
     */
    public record Row(String id, String head, float[] probs) {}

    /** Per clip id, per head, the probabilities (the inspector's bars). */
    public Map<String, Map<String, double[]>> byClip() {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] p = new double[r.probs().length];
            for (int i = 0; i < p.length; i++) p[i] = r.probs()[i];
            out.computeIfAbsent(r.id(), k -> new LinkedHashMap<>()).put(r.head(), p);
        }
        return out;
    }

    CsvFile csv() {
        List<String> h = new ArrayList<>(List.of("id", "head"));
        for (int c = 0; c < classes; c++) h.add("p" + c);
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            String[] cells = new String[2 + r.probs().length];
            cells[0] = r.id();
            cells[1] = r.head();
            // formatted from the float itself, as this file has always been written
            for (int c = 0; c < r.probs().length; c++) cells[2 + c] = String.format(java.util.Locale.ROOT, "%.5f", r.probs()[c]);
            out.add(cells);
        }
        return new CsvFile(h, out);
    }

    static PredictionsTable read(Path file) throws IOException {
        CsvFile f = CsvFile.read(file);
        if (f.header().size() < 2 || !f.header().get(0).equals("id") || !f.header().get(1).equals("head")) {
            throw new IOException(file + ": the header must start with id,head (got " + String.join(",", f.header()) + ")");
        }
        int classes = f.header().size() - 2;
        List<Row> rows = new ArrayList<>();
        for (String[] r : f.rows()) {
            float[] p = new float[classes];
            for (int c = 0; c < classes; c++) p[c] = (float) CsvFile.number(CsvFile.cell(r, 2 + c));
            rows.add(new Row(CsvFile.cell(r, 0), CsvFile.cell(r, 1), p));
        }
        return new PredictionsTable(classes, rows);
    }
}
