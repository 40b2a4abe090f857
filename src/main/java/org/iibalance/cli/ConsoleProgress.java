package org.iibalance.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.iibalance.experiment.TrainingEvent;
import org.iibalance.experiment.TrainingListener;
import org.iibalance.run.Results;
import org.iibalance.run.TrainingPhase;

/**
 * The headless view of a run: the run folder as soon as it exists, a progress bar within each epoch
 * of the budget models and of the multimodal model (clips/s, and an ETA for the whole run), and one
 * line per phase change and epoch. When stdout is not a terminal (a log file, a scheduler) there are
 * no bars, only the lines. {@code --quiet} keeps the run folder and the final lines only.
 *
 * <p>The whole-run ETA counts training steps: the budget phase as (modalities x method.budgetMaxEpochs
 * x steps per epoch), an upper bound because a budget model stops early, plus the multimodal epochs.
 */
final class ConsoleProgress implements TrainingListener, AutoCloseable {
    private final PrintStream out;
    private final boolean quiet;
    private final boolean bars;
    private List<String> modalities = List.of("audio", "visual");
    private ProgressBar bar;
    private TrainingPhase barPhase;
    private int barEpoch;
    private final RunClock clock;

    /** A view of a run of {@code trainEpochs} epochs at {@code batchSize}; bars when stdout is a terminal. */
    ConsoleProgress(PrintStream out, boolean quiet, int trainEpochs, int batchSize) {
        this(out, quiet, System.console() != null, trainEpochs, batchSize);
    }

    ConsoleProgress(PrintStream out, boolean quiet, boolean bars, int trainEpochs, int batchSize) {
        this.out = out;
        this.quiet = quiet;
        this.bars = bars && !quiet;
        this.clock = new RunClock(trainEpochs, batchSize);
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.RunStarted r) {
            modalities = r.modalities();
            clock.modalities = r.modalities();
            clock.trainClips = r.trainClips();
            out.println("run folder: " + r.runDir() + (r.resumed() ? " (resumed)" : ""));
        } else if (e instanceof TrainingEvent.StepCompleted s) {
            clock.step(s);
            if (bars) step(s);
        } else if (e instanceof TrainingEvent.TrainingStarted t) {
            modalities = t.modalities(); // the device and phase line follows as a PhaseChanged
        } else if (quiet && !(e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed || e instanceof TrainingEvent.Cancelled)) {
            return;
        } else if (e instanceof TrainingEvent.PhaseChanged p) {
            closeBar();
            out.printf(Locale.ROOT, "[%6.1fs] %-14s %s%n", p.elapsed(), p.phase().label(), p.description());
        } else if (e instanceof TrainingEvent.BudgetEpoch b) {
            closeBar();
            out.printf(Locale.ROOT, "[%6.1fs] budget:%-7s epoch %2d/%d  loss %.4f  val acc %.3f  %.0f clips/s  ETA run %s%n", b.elapsed(), b.modality(),
                    b.epoch(), b.maxEpochs(), b.trainLoss(), b.valAccuracy(), b.clipsPerSecond(), eta(clock.eta(b.elapsed())));
        } else if (e instanceof TrainingEvent.BudgetEstimated b) {
            closeBar();
            modalities = b.modalities();
            StringBuilder s = new StringBuilder();
            for (int m = 0; m < b.modalities().size(); m++) {
                s.append(String.format(Locale.ROOT, "  %s: B=%.3f beta=%.3f", b.modalities().get(m), b.scores()[m], b.prior()[m]));
            }
            out.printf(Locale.ROOT, "[%6.1fs] budget        %s  anchor=%s%n", b.elapsed(), s.toString().trim(), b.modalities().get(b.anchor()));
        } else if (e instanceof TrainingEvent.EpochCompleted ep) {
            closeBar();
            StringBuilder acc = new StringBuilder(String.format(Locale.ROOT, "Acc_m %.3f", ep.valAccuracy()));
            for (int m = 0; m < ep.valModalityAccuracy().length; m++) {
                String n = m < modalities.size() ? modalities.get(m) : "m" + m;
                acc.append(String.format(Locale.ROOT, " Acc_%s %s", n.substring(0, 1), fmt(ep.valModalityAccuracy()[m])));
            }
            out.printf(Locale.ROOT, "[%6.1fs] train  epoch %3d/%d  lambda %s  L_I %s  L_II %s  loss %.4f | val %s%s | %.0f clips/s  ETA %s%n",
                    ep.elapsed(), ep.epoch(), ep.epochs(), fmt(ep.lambda()), fmt(ep.lossStageI()), fmt(ep.lossStageII()), ep.trainLoss(), acc,
                    ep.best() ? " *" : "", ep.clipsPerSecond(), eta(ep.eta()));
        } else if (e instanceof TrainingEvent.Finished f) {
            closeBar();
            out.printf(Locale.ROOT, "[%6.1fs] done   test Acc_m %.3f  %s  (best epoch %s on validation)%n", f.elapsed(),
                    f.results().accMultimodal(), modalityAccuracies(f.results(), "%.4f"), f.results().valBestEpoch());
            out.println("run folder: " + f.runDir());
        } else if (e instanceof TrainingEvent.Failed f) {
            closeBar();
            out.println((f.diverged() ? "DIVERGED: " : "FAILED: ") + f.reason());
            out.println("run folder: " + f.runDir());
        } else if (e instanceof TrainingEvent.Cancelled c) {
            closeBar();
            out.println("CANCELLED after " + c.completedEpochs() + " epochs; resume with: train --resume " + c.runDir());
        }
    }

    private void step(TrainingEvent.StepCompleted s) {
        if (bar == null || !s.phase().equals(barPhase) || s.epoch() != barEpoch) {
            closeBar();
            barPhase = s.phase();
            barEpoch = s.epoch();
            bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "%s %d/%d", s.phase().label(), s.epoch(), s.epochs())).setInitialMax(s.steps())
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" steps", 1).setUpdateIntervalMillis(250).setMaxRenderedLength(110)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }
        bar.stepTo(s.step());
        double cps = s.clipsPerSecond();
        bar.setExtraMessage("run ETA " + eta(clock.eta(s.elapsed())) + (Double.isNaN(cps) ? "" : String.format(Locale.ROOT, ", %.0f clips/s", cps))
                + (Double.isNaN(s.loss()) ? "" : String.format(Locale.ROOT, ", loss %.3f", s.loss())));
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void close() {
        closeBar();
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

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String eta(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s)) return "-";
        if (s < 60) return String.format(Locale.ROOT, "%.0fs", s);
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", (int) s / 60, (int) s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", (int) s / 3600, (int) s % 3600 / 60);
    }

    /**
     * The whole run's ETA: seconds per step so far times the steps left, counting the budget phase as
     * modalities x method.budgetMaxEpochs x steps per epoch (an upper bound: a budget model stops
     * early) and the multimodal phase as training.epochs x steps per epoch.
     */
    static final class RunClock {
        final int trainEpochs;
        final int batchSize;
        List<String> modalities = List.of("audio", "visual");
        int trainClips;
        private long seen;
        private double firstElapsed = Double.NaN;
        private long remaining = -1;

        RunClock(int trainEpochs, int batchSize) {
            this.trainEpochs = trainEpochs;
            this.batchSize = batchSize;
        }

        void step(TrainingEvent.StepCompleted s) {
            if (Double.isNaN(firstElapsed)) firstElapsed = s.elapsed();
            seen++;
            long left = (long) (s.epochs() - s.epoch()) * s.steps() + (s.steps() - s.step());
            if (s.phase().isUnimodal()) {
                int m = modalities.indexOf(s.phase().modality());
                int after = m < 0 ? 0 : modalities.size() - m - 1;
                long trainSteps = trainClips > 0 ? (trainClips + batchSize - 1) / batchSize : s.steps();
                left += (long) after * s.epochs() * s.steps() + trainEpochs * trainSteps;
            }
            remaining = left;
        }

        /** Seconds to the end of the run; NaN before two steps. */
        double eta(double elapsed) {
            if (seen < 2 || remaining < 0 || !(elapsed > firstElapsed)) return Double.NaN;
            return (elapsed - firstElapsed) / (seen - 1) * remaining;
        }
    }
}
