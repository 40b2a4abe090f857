package org.iibalance.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per logged training step and one per epoch. Columns: epoch, step,
 * phase ({@code step}, {@code epoch}, or {@code budget:<m>}), lambda, L_I, L_II, loss, the mean fusion
 * weight per modality, validation Acc_m and per-modality accuracy, clips/s, elapsed seconds, then the
 * extra columns the run declares: {@code valLoss} (validation cross-entropy: of the fused prediction on
 * epoch rows, of the unimodal model on {@code budget:<m>} and {@code pretrain:<m>} rows) and the
 * method's control signals ({@code ctrl_*}, epoch rows). Empty cells are figures a row does not have.
 */
public final class MetricsLog implements AutoCloseable {
    private final Path file;
    private final List<String> modalities;
    private final List<String> extra;
    private BufferedWriter out;

    public MetricsLog(Path file, List<String> modalities) {
        this(file, modalities, List.of());
    }

    /** A log with extra columns after the standard ones (filled from {@link #row}'s map by name). */
    public MetricsLog(Path file, List<String> modalities, List<String> extraColumns) {
        this.file = file;
        this.modalities = List.copyOf(modalities);
        this.extra = List.copyOf(extraColumns);
    }

    public String header() {
        List<String> h = new ArrayList<>(List.of("epoch", "step", "phase", "lambda", "L_I", "L_II", "loss"));
        for (String m : modalities) h.add("weight_" + m);
        h.add("valAcc_multimodal");
        for (String m : modalities) h.add("valAcc_" + m);
        h.add("clipsPerSec");
        h.add("elapsedSec");
        h.addAll(extra);
        return String.join(",", h);
    }

    /** Opens for appending; writes the header to a new file. */
    public void open() throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            out.write(header());
            out.newLine();
            out.flush();
        }
    }

    /**
     * Keeps the header, the budget rows and the rows of epochs up to {@code epochs} (used when resuming
     * from the checkpoint of that epoch, so the log matches an uninterrupted run).
     */
    public static void truncateAfterEpoch(Path file, int epochs) throws IOException {
        if (!Files.exists(file)) return;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0) {
                keep.add(l);
                continue;
            }
            String[] c = l.split(",", -1);
            if (c.length < 3) continue; // a torn last line
            if (c[2].startsWith("budget:") || c[2].startsWith("pretrain:")) {
                keep.add(l);
                continue;
            }
            try {
                if (Integer.parseInt(c[0]) <= epochs) keep.add(l);
            } catch (NumberFormatException e) {
                // not a row of ours
            }
        }
        org.iibalance.config.ConfigIO.writeAtomically(file, String.join("\n", keep) + "\n");
    }

    public void row(int epoch, long step, String phase, double lambda, double lossI, double lossII, double loss, double[] weights,
            double valAcc, double[] valModAcc, double clipsPerSec, double elapsed) throws IOException {
        row(epoch, step, phase, lambda, lossI, lossII, loss, weights, valAcc, valModAcc, clipsPerSec, elapsed, Map.of());
    }

    /** A row with values for the extra columns (missing ones left empty). */
    public void row(int epoch, long step, String phase, double lambda, double lossI, double lossII, double loss, double[] weights,
            double valAcc, double[] valModAcc, double clipsPerSec, double elapsed, Map<String, Double> extras) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(epoch).append(',').append(step).append(',').append(phase);
        num(b, lambda);
        num(b, lossI);
        num(b, lossII);
        num(b, loss);
        for (int m = 0; m < modalities.size(); m++) num(b, weights == null ? Double.NaN : weights[m]);
        num(b, valAcc);
        for (int m = 0; m < modalities.size(); m++) num(b, valModAcc == null ? Double.NaN : valModAcc[m]);
        num(b, clipsPerSec);
        num(b, elapsed);
        for (String x : extra) {
            Double v = extras.get(x);
            num(b, v == null ? Double.NaN : v);
        }
        out.write(b.toString());
        out.newLine();
        out.flush();
    }

    private static void num(StringBuilder b, double v) {
        b.append(',');
        if (!Double.isNaN(v)) b.append(String.format(Locale.ROOT, "%.6g", v));
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
    }
}
