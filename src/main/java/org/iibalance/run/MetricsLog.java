package org.iibalance.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code metrics.csv} (see {@link MetricsTable} for its columns), appending and flushing one
 * row at a time so that a live reader (the runs table) sees every finished row. Extra named columns
 * (declared when the log is made, written after {@code elapsedSec} in that order) carry figures other
 * methods log; a row leaves the extras it does not have empty.
 */
public final class MetricsLog implements AutoCloseable {
    private final Path file;
    private final List<String> modalities;
    private final List<String> extras;
    private BufferedWriter out;

    MetricsLog(Path file, List<String> modalities, List<String> extras) {
        this.file = file;
        this.modalities = List.copyOf(modalities);
        this.extras = List.copyOf(extras);
    }

    /** The header line (without line break). */
    public String header() {
        return String.join(",", MetricsTable.header(modalities, extras));
    }

    /** Opens for appending; writes the header to a new file. */
    public void open() throws IOException {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) {
                out.write(CsvFile.line(MetricsTable.header(modalities, extras)));
                out.flush();
            }
        } catch (IOException e) {
            throw SafeFiles.failure(file, e);
        }
    }

    /** Appends one row and flushes it. */
    public void row(MetricsTable.Row r) throws IOException {
        if (out == null) throw new IllegalStateException("metrics log not open: " + file);
        try {
            out.write(CsvFile.line(List.of(MetricsTable.cells(r, modalities, extras))));
            out.flush();
        } catch (IOException e) {
            throw SafeFiles.failure(file, e); // names the file and the free space (a full disk)
        }
    }

    /**
     * Keeps the header, the unimodal rows ({@code budget:<m>}, {@code pretrain:<m>}) and the rows of epochs up to {@code epochs} (used when resuming
     * from the checkpoint of that epoch, so the log matches an uninterrupted run). Rewritten atomically.
     */
    static void truncateAfterEpoch(Path file, int epochs) throws IOException {
        if (!Files.exists(file)) return;
        CsvFile f;
        try {
            f = CsvFile.read(file);
        } catch (IOException e) {
            Files.delete(file); // nothing readable to keep: the resumed run starts a fresh log
            return;
        }
        int phase = f.header().indexOf("phase"), epoch = f.header().indexOf("epoch");
        List<String[]> keep = new ArrayList<>();
        for (String[] r : f.rows()) {
            if (r.length < f.header().size()) continue; // a torn last line
            TrainingPhase p = TrainingPhase.ofLabel(CsvFile.cell(r, phase));
            double e = CsvFile.number(CsvFile.cell(r, epoch));
            if ((p != null && p.isUnimodal()) || (!Double.isNaN(e) && e <= epochs)) keep.add(r);
        }
        new CsvFile(f.header(), keep).write(file);
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
    }
}
