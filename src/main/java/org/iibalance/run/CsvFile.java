package org.iibalance.run;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 4180 CSV through jackson-dataformat-csv, for every CSV the project writes or reads (the run
 * folder's tables, the report's tables, the GUI's exports). A cell is quoted only when it must be
 * (a comma, a quote, a line break), so files of plain ids and numbers are byte for byte what the
 * hand-written writer produced; ids with commas, quotes and accents round-trip. UTF-8, {@code \n}.
 *
 * @param header the column names
 * @param rows   the rows (each as long as the header, or shorter for a torn last line)
 */
public record CsvFile(List<String> header, List<String[]> rows) {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final ObjectWriter LINE = MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema());
    private static final ObjectReader ROWS = MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY);

    public CsvFile {
        header = List.copyOf(header);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** One CSV line with its {@code \n}. */
    public static String line(List<String> cells) {
        try {
            return LINE.writeValueAsString(cells.stream().map(c -> c == null ? "" : c).toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole text: header line, then one line per row. */
    public String text() {
        StringBuilder b = new StringBuilder(line(header));
        for (String[] r : rows) b.append(line(List.of(r)));
        return b.toString();
    }

    /** Writes the file atomically (temporary file, then rename). */
    public void write(Path file) throws IOException {
        Json.writeAtomically(file, text());
    }

    /**
     * Reads a CSV file: the first record is the header; blank lines are skipped.
     *
     * @throws IOException naming the file when it is missing, empty or not CSV
     */
    public static CsvFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        List<String[]> all = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); MappingIterator<String[]> it = ROWS.readValues(in)) {
            while (it.hasNext()) {
                String[] r = it.next();
                if (r.length == 0 || (r.length == 1 && r[0].isBlank())) continue;
                all.add(r);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not valid CSV (" + e.getMessage() + ")", e);
        }
        if (all.isEmpty()) throw new IOException(file + ": empty (no header line)");
        return new CsvFile(List.of(all.get(0)), all.subList(1, all.size()));
    }

    /** Column index by name (-1 when absent). */
    public Map<String, Integer> columns() {
        Map<String, Integer> c = new HashMap<>();
        for (int i = 0; i < header.size(); i++) c.putIfAbsent(header.get(i), i);
        return c;
    }

    /** A cell of a row, "" when the row is short. */
    public static String cell(String[] row, int column) {
        return column >= 0 && column < row.length ? row[column] : "";
    }

    /** Parses a number; NaN for an empty or bad cell. */
    public static double number(String s) {
        if (s == null || s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A number as the run folder writes it: {@code format} with Locale.ROOT, empty for NaN. */
    public static String format(String format, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
