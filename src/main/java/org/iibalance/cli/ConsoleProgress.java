package org.iibalance.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.experiment.TrainingListener;
import org.iibalance.run.Results;

/** Prints one line per phase change, budget epoch and multimodal epoch (the headless view of a run). */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private List<String> modalities = List.of("audio", "visual");

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.PhaseChanged p) {
            out.printf(Locale.ROOT, "[%6.1fs] %-14s %s%n", p.elapsed(), p.phase().label(), p.description());
        } else if (e instanceof TrainingEvent.TrainingStarted t) {
            modalities = t.modalities(); // the device and phase line follows as a PhaseChanged
        } else if (e instanceof TrainingEvent.BudgetEpoch b) {
            out.printf(Locale.ROOT, "[%6.1fs] budget:%-7s epoch %2d/%d  loss %.4f  val acc %.3f  %.0f clips/s%n", b.elapsed(), b.modality(),
                    b.epoch(), b.maxEpochs(), b.trainLoss(), b.valAccuracy(), b.clipsPerSecond());
        } else if (e instanceof TrainingEvent.BudgetEstimated b) {
            modalities = b.modalities();
            StringBuilder s = new StringBuilder();
            for (int m = 0; m < b.modalities().size(); m++) {
                s.append(String.format(Locale.ROOT, "  %s: B=%.3f beta=%.3f", b.modalities().get(m), b.scores()[m], b.prior()[m]));
            }
            out.printf(Locale.ROOT, "[%6.1fs] budget        %s  anchor=%s%n", b.elapsed(), s.toString().trim(), b.modalities().get(b.anchor()));
        } else if (e instanceof TrainingEvent.EpochCompleted ep) {
            StringBuilder acc = new StringBuilder(String.format(Locale.ROOT, "Acc_m %.3f", ep.valAccuracy()));
            for (int m = 0; m < ep.valModalityAccuracy().length; m++) {
                String n = m < modalities.size() ? modalities.get(m) : "m" + m;
                acc.append(String.format(Locale.ROOT, " Acc_%s %s", n.substring(0, 1), fmt(ep.valModalityAccuracy()[m])));
            }
            out.printf(Locale.ROOT, "[%6.1fs] train  epoch %3d/%d  lambda %s  L_I %s  L_II %s  loss %.4f | val %s%s | %.0f clips/s  ETA %s%n",
                    ep.elapsed(), ep.epoch(), ep.epochs(), fmt(ep.lambda()), fmt(ep.lossStageI()), fmt(ep.lossStageII()), ep.trainLoss(), acc,
                    ep.best() ? " *" : "", ep.clipsPerSecond(), eta(ep.eta()));
        } else if (e instanceof TrainingEvent.Finished f) {
            out.printf(Locale.ROOT, "[%6.1fs] done   test Acc_m %.3f  %s  (best epoch %s on validation)%n", f.elapsed(),
                    f.results().accMultimodal(), modalityAccuracies(f.results(), "%.4f"), f.results().valBestEpoch());
            out.println("run folder: " + f.runDir());
        } else if (e instanceof TrainingEvent.Failed f) {
            out.println((f.diverged() ? "DIVERGED: " : "FAILED: ") + f.reason());
            out.println("run folder: " + f.runDir());
        } else if (e instanceof TrainingEvent.Cancelled c) {
            out.println("CANCELLED after " + c.completedEpochs() + " epochs; resume with: train --resume " + c.runDir());
        }
    }

    /** {@code Acc_a 0.5000  Acc_v 0.4000}: each modality's test accuracy, by its first letter ("-" when none). */
    static String modalityAccuracies(Results r, String format) {
        StringBuilder b = new StringBuilder();
        for (String m : r.modalities()) {
            double a = r.accuracy(m);
            if (b.length() > 0) b.append("  ");
            b.append("Acc_").append(m, 0, 1).append(' ').append(Double.isNaN(a) ? "-" : String.format(Locale.ROOT, format, a));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String eta(double s) {
        if (Double.isNaN(s)) return "-";
        return s < 60 ? String.format(Locale.ROOT, "%.0fs", s) : String.format(Locale.ROOT, "%dm%02ds", (int) s / 60, (int) s % 60);
    }
}
