package org.iibalance.method;

import java.util.Locale;
import org.iibalance.run.TrainingPhase;

/**
 * When a run has diverged. A step diverges when its loss is NaN or infinite, or when it exploded:
 * {@code loss > factor * max(1, first)}, where {@code first} is the loss of the first step this
 * process trained in the phase (the first step of the phase, or the first after a resume) and
 * {@code factor} is {@code training.divergenceFactor} (100 by default). The floor of 1 keeps a small
 * first loss from making the rule twitchy; cross-entropy starts at about log C (2.1 for 8 classes), so
 * the default stops a run whose loss passes about 200, which a healthy run never reaches, while a run
 * that keeps a finite loss around 1e29 (joint training at lr 1e6) stops at its second or third step.
 *
 * <p>One rule per phase: the multimodal training ({@code train}) and each unimodal model
 * ({@code budget:<m>}, {@code pretrain:<m>}: {@link UnimodalPretraining}) start from their own first
 * loss, so an explosion in the pre-training is caught there and does not hide behind a huge first
 * multimodal loss. The reason names the phase.
 */
public final class DivergenceRule {
    private final double factor;
    private final TrainingPhase phase;
    private double first = Double.NaN;

    /**
     * @param factor {@code training.divergenceFactor}
     * @param phase  the phase whose steps this rule checks (named in the reason)
     */
    public DivergenceRule(double factor, TrainingPhase phase) {
        this.factor = factor;
        this.phase = phase;
    }

    /**
     * Checks one multimodal step's loss (with its Stage I and Stage II parts, for the reason).
     *
     * @param epoch 1-based epoch, for the reason
     * @param step  1-based step within the epoch, for the reason
     * @return null when the step is fine, else why the run diverged (with the losses, for state.json)
     */
    public String check(double loss, double lossStageI, double lossStageII, int epoch, int step) {
        return check(loss, epoch, step, true, lossStageI, lossStageII);
    }

    /** Checks one step's loss of a unimodal model's phase (cross-entropy only); null when fine, else why. */
    public String check(double loss, int epoch, int step) {
        return check(loss, epoch, step, false, Double.NaN, Double.NaN);
    }

    /** The rule; the reason is formatted only when the step diverged (this runs on every training step). */
    private String check(double loss, int epoch, int step, boolean withParts, double lossStageI, double lossStageII) {
        if (!Double.isFinite(loss)) {
            return "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " " + where(epoch, step, withParts, lossStageI, lossStageII)
                    + "; lower training.lr or check the data";
        }
        if (Double.isNaN(first)) first = loss;
        double limit = factor * Math.max(1, first);
        if (loss > limit) {
            return String.format(Locale.ROOT, "the loss exploded to %.4g %s, above training.divergenceFactor (%s) x max(1, the phase's first step loss %.4g) = %.4g; "
                    + "lower training.lr", loss, where(epoch, step, withParts, lossStageI, lossStageII), factor, first, limit);
        }
        return null;
    }

    /** Where the step was, for the reason: phase, epoch, step, and the Stage I / II losses of a multimodal step. */
    private String where(int epoch, int step, boolean withParts, double lossStageI, double lossStageII) {
        String parts = withParts ? String.format(Locale.ROOT, " (L_I=%s, L_II=%s)", lossStageI, lossStageII) : "";
        return String.format(Locale.ROOT, "in phase %s at epoch %d, step %d%s", phase.label(), epoch, step, parts);
    }

    /** Thrown from inside a training step when the rule fires; the run ends {@code diverged} with the message as its reason. */
    public static final class DivergedException extends RuntimeException {
        public DivergedException(String reason) {
            super(reason);
        }
    }
}
