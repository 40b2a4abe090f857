package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code robustness.csv}, from {@code robustness}: one row per run x corruption x severity:
 * {@code run, name, method, seed, dataset, corruption, parameter, severity, spec, clips,
 * accMultimodal}, then per modality {@code acc_<m>} (its head's accuracy) and {@code weight_<m>}
 * (its mean fusion weight; empty for methods without weights). The clean evaluation has corruption
 * {@code clean}. Columns are read by name, so any number of modalities reads back.
 *
 * @param modalities the modalities, in column order (the union over the rows)
 * @param rows       the rows
 */
public record RobustnessTable(List<String> modalities, List<Row> rows) {
    /** The corruption name of the uncorrupted evaluation. */
    public static final String CLEAN = "clean";
    private static final List<String> FIXED = List.of("run", "name", "method", "seed", "dataset", "corruption", "parameter", "severity", "spec", "clips",
            "accMultimodal");
    private static final String ACC = "acc_", WEIGHT = "weight_";

    public RobustnessTable {
        modalities = List.copyOf(modalities);
        rows = List.copyOf(rows);
    }

    /**
     * One run under one corruption at one severity.
     *
     * @param run           the run folder
     * @param name          the run's name
     * @param method        its method
     * @param seed          its seed
     * @param dataset       its dataset
     * @param corruption    {@code <modality>-<kind>}, or {@link #CLEAN}
     * @param parameter     the severity parameter (empty when none)
     * @param severity      the severity value (NaN when none)
     * @param spec          the full spec (the key a resumed run skips by)
     * @param clips         clips evaluated
     * @param accMultimodal Acc_m
     * @param accuracy      each head's accuracy (NaN where none)
     * @param weights       mean fusion weight per modality (NaN where none)
     */
    public record Row(String run, String name, String method, long seed, String dataset, String corruption, String parameter, double severity,
            String spec, int clips, double accMultimodal, Map<String, Double> accuracy, Map<String, Double> weights) {
        public Row {
            accuracy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
            weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }

        /** Whether the row has fusion weights. */
        public boolean hasWeights() {
            return weights.values().stream().anyMatch(w -> !Double.isNaN(w));
        }
    }

    /** The file in an output folder. */
    public static Path file(Path outDir) {
        return outDir.resolve(RunFiles.ROBUSTNESS);
    }

    /** The table of an output folder, empty when it has none yet (resume). */
    public static RobustnessTable readOrEmpty(Path outDir) throws IOException {
        Path f = file(outDir);
        return Files.isRegularFile(f) ? read(f) : new RobustnessTable(List.of(), List.of());
    }

    /** Every {@code robustness.csv} under the given folders (the report includes them). */
    public static List<Path> find(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root, 6)) {
                s.filter(p -> p.getFileName().toString().equals(RunFiles.ROBUSTNESS) && Files.isRegularFile(p)).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** This table with more rows (modality columns: the union). */
    public RobustnessTable plus(List<Row> more) {
        Set<String> mods = new LinkedHashSet<>(modalities);
        for (Row r : more) {
            mods.addAll(r.accuracy().keySet());
            mods.addAll(r.weights().keySet());
        }
        List<Row> all = new ArrayList<>(rows);
        all.addAll(more);
        return new RobustnessTable(new ArrayList<>(mods), all);
    }

    /** Whether a row for this run and spec exists. */
    public boolean has(String run, String spec) {
        return rows.stream().anyMatch(r -> r.run().equals(run) && r.spec().equals(spec));
    }

    /** Writes the whole table atomically. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        List<String> h = new ArrayList<>(FIXED);
        for (String m : modalities) h.add(ACC + m);
        for (String m : modalities) h.add(WEIGHT + m);
        List<String[]> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>(List.of(r.run(), r.name(), r.method(), Long.toString(r.seed()), r.dataset(), r.corruption(), r.parameter(),
                    CsvFile.format("%s", r.severity()), r.spec(), Integer.toString(r.clips()), CsvFile.format("%.6f", r.accMultimodal())));
            for (String m : modalities) c.add(CsvFile.format("%.6f", r.accuracy().getOrDefault(m, Double.NaN)));
            for (String m : modalities) c.add(CsvFile.format("%.6f", r.weights().getOrDefault(m, Double.NaN)));
            out.add(c.toArray(String[]::new));
        }
        new CsvFile(h, out).write(file);
    }

    /** Reads a robustness.csv; a missing column or a bad number is refused naming the file, line and column. */
    public static RobustnessTable read(Path file) throws IOException {
        CsvFile f = CsvFile.read(file);
        Map<String, Integer> col = f.columns();
        for (String k : FIXED) {
            if (!col.containsKey(k)) throw new IOException(file + ": column '" + k + "' is missing (header: " + String.join(",", f.header()) + ")");
        }
        List<String> mods = new ArrayList<>();
        for (String h : f.header()) if (h.startsWith(ACC)) mods.add(h.substring(ACC.length()));
        List<Row> rows = new ArrayList<>();
        int line = 1;
        for (String[] r : f.rows()) {
            line++;
            Map<String, Double> acc = new LinkedHashMap<>(), w = new LinkedHashMap<>();
            for (String m : mods) {
                acc.put(m, CsvFile.number(CsvFile.cell(r, col.get(ACC + m))));
                w.put(m, CsvFile.number(CsvFile.cell(r, col.getOrDefault(WEIGHT + m, -1))));
            }
            try {
                rows.add(new Row(CsvFile.cell(r, col.get("run")), CsvFile.cell(r, col.get("name")), CsvFile.cell(r, col.get("method")),
                        Long.parseLong(CsvFile.cell(r, col.get("seed")).trim()), CsvFile.cell(r, col.get("dataset")), CsvFile.cell(r, col.get("corruption")),
                        CsvFile.cell(r, col.get("parameter")), CsvFile.number(CsvFile.cell(r, col.get("severity"))), CsvFile.cell(r, col.get("spec")),
                        Integer.parseInt(CsvFile.cell(r, col.get("clips")).trim()), CsvFile.number(CsvFile.cell(r, col.get("accMultimodal"))), acc, w));
            } catch (NumberFormatException e) {
                throw new IOException(file + ", line " + line + ": seed and clips must be integers (" + e.getMessage() + ")", e);
            }
        }
        return new RobustnessTable(mods, rows);
    }
}
