package org.iibalance.gui.util;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.iibalance.run.CsvFile;

/** Table export as CSV (RFC 4180 quoting through jackson-dataformat-csv, see {@link CsvFile}). */
public final class Csv {
    private Csv() {}

    /** Reads any CSV file (quoted cells included) as its header followed by the rows. */
    public static List<String[]> read(Path file) throws IOException {
        CsvFile f = CsvFile.read(file);
        List<String[]> out = new ArrayList<>();
        out.add(f.header().toArray(String[]::new));
        out.addAll(f.rows());
        return out;
    }

    /** Writes a header and one line per row (columns extracted by {@code columns}), atomically. */
    public static <R> void write(Path file, List<String> header, List<R> rows, List<Function<R, String>> columns) throws IOException {
        List<String[]> cells = new ArrayList<>();
        for (R r : rows) {
            String[] c = new String[columns.size()];
            for (int i = 0; i < c.length; i++) c[i] = columns.get(i).apply(r);
            cells.add(c);
        }
        new CsvFile(header, cells).write(file);
    }

    /** Parses a number, NaN for an empty or bad cell. */
    public static double number(String s) {
        return CsvFile.number(s);
    }
}
