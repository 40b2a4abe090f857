package org.iibalance.gui.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Minimal CSV reading (the run folder's files) and writing (table export), RFC 4180 quoting. */
public final class Csv {
    private Csv() {}

    /** Reads a CSV file written by the engine (no quoted commas) as a header and rows. */
    public static List<String[]> read(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) out.add(line.split(",", -1));
        }
        return out;
    }

    /** Quotes a cell when it holds a comma, quote or line break. */
    public static String cell(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    /** Writes a header and one line per row (columns extracted by {@code columns}). */
    public static <R> void write(Path file, List<String> header, List<R> rows, List<Function<R, String>> columns) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", header.stream().map(Csv::cell).toList())).append('\n');
        for (R r : rows) {
            List<String> cells = new ArrayList<>();
            for (Function<R, String> c : columns) cells.add(cell(c.apply(r)));
            b.append(String.join(",", cells)).append('\n');
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** Parses a number, NaN for an empty or bad cell. */
    public static double number(String s) {
        if (s == null || s.isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
