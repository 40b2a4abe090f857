package org.iibalance.experiment;

import java.util.List;
import java.util.Locale;
import org.iibalance.run.Results;
import org.iibalance.run.RunLogRoute;

/**
 * Writes a run's event stream to its {@code run.log}: one line per phase change, budget epoch,
 * budget estimate, multimodal epoch and the end (the lines a console shows, without the step-level
 * progress). Attached by {@link ExperimentRunner} to every run, so GUI runs have the same log; it writes
 * through the run's {@link RunLogRoute}, so the data phase's lines (before the folder exists) are kept too.
 */
final class RunLogListener implements TrainingListener {
    private final RunLogRoute log;
    private List<String> modalities = List.of();

    RunLogListener(RunLogRoute log) {
        this.log = log;
    }

    @Override
    public void onEvent(TrainingEvent e) {
        String line = format(e);
        if (line != null) log.line(line);
    }

    private String format(TrainingEvent e) {
        if (e instanceof TrainingEvent.PhaseChanged p) {
            return String.format(Locale.ROOT, "[%6.1fs] %-14s %s", p.elapsed(), p.phase().label(), p.description());
        } else if (e instanceof TrainingEvent.TrainingStarted t) {
            modalities = t.modalities();
            return String.format(Locale.ROOT, "[%6.1fs] start          %s on %s, %d epochs, modalities %s", t.elapsed(), t.method(), t.device(), t.epochs(),
                    String.join(", ", t.modalities()));
        } else if (e instanceof TrainingEvent.BudgetEpoch b) {
            return String.format(Locale.ROOT, "[%6.1fs] budget:%-7s epoch %2d/%d  loss %.4f  val acc %.3f  %.0f clips/s", b.elapsed(), b.modality(), b.epoch(),
                    b.maxEpochs(), b.trainLoss(), b.valAccuracy(), b.clipsPerSecond());
        } else if (e instanceof TrainingEvent.BudgetEstimated b) {
            StringBuilder s = new StringBuilder();
            for (int m = 0; m < b.modalities().size(); m++) {
                s.append(String.format(Locale.ROOT, "  %s: B=%.3f beta=%.3f", b.modalities().get(m), b.scores()[m], b.prior()[m]));
            }
            return String.format(Locale.ROOT, "[%6.1fs] budget        %s  anchor=%s", b.elapsed(), s.toString().trim(), b.modalities().get(b.anchor()));
        } else if (e instanceof TrainingEvent.EpochCompleted ep) {
            StringBuilder acc = new StringBuilder(String.format(Locale.ROOT, "Acc_m %.3f", ep.valAccuracy()));
            for (int m = 0; m < ep.valModalityAccuracy().length; m++) {
                acc.append(String.format(Locale.ROOT, " Acc_%s %s", m < modalities.size() ? modalities.get(m) : "m" + m, fmt(ep.valModalityAccuracy()[m])));
            }
            return String.format(Locale.ROOT, "[%6.1fs] train  epoch %3d/%d  lambda %s  L_I %s  L_II %s  loss %.4f | val %s%s | %.0f clips/s", ep.elapsed(),
                    ep.epoch(), ep.epochs(), fmt(ep.lambda()), fmt(ep.lossStageI()), fmt(ep.lossStageII()), ep.trainLoss(), acc, ep.best() ? " *" : "",
                    ep.clipsPerSecond());
        } else if (e instanceof TrainingEvent.Finished f) {
            Results r = f.results();
            StringBuilder acc = new StringBuilder();
            for (String m : r.modalities()) acc.append(String.format(Locale.ROOT, "  Acc_%s %s", m, fmt(r.accuracy(m))));
            return String.format(Locale.ROOT, "[%6.1fs] done   test Acc_m %.4f%s  (best epoch %s on validation)", f.elapsed(), r.accMultimodal(), acc,
                    r.valBestEpoch());
        } else if (e instanceof TrainingEvent.Failed f) {
            return String.format(Locale.ROOT, "[%6.1fs] %s %s", f.elapsed(), f.diverged() ? "DIVERGED:" : "FAILED:", f.reason());
        } else if (e instanceof TrainingEvent.Cancelled c) {
            return String.format(Locale.ROOT, "[%6.1fs] CANCELLED after %d epochs; resume with: train --resume %s", c.elapsed(), c.completedEpochs(), c.runDir());
        }
        return null;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
