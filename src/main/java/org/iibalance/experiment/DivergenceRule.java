package org.iibalance.experiment;

import java.util.Locale;

/**
 * When a run has diverged. A step diverges when its loss is NaN or infinite, or when it exploded:
 * {@code loss > factor * max(1, first)}, where {@code first} is the loss of the first step this
 * process trained (the first step of the run, or the first after a resume) and {@code factor} is
 * {@code training.divergenceFactor} (100 by default). The floor of 1 keeps a small first loss from
 * making the rule twitchy; cross-entropy starts at about log C (2.1 for 8 classes), so the default
 * stops a run whose loss passes about 200, which a healthy run never reaches, while a run that keeps
 * a finite loss around 1e29 (joint training at lr 1e6) stops at its second or third step.
 */
final class DivergenceRule {
    private final double factor;
    private double first = Double.NaN;

    DivergenceRule(double factor) {
        this.factor = factor;
    }

    /**
     * Checks one step's loss.
     *
     * @param epoch 1-based epoch, for the reason
     * @param step  1-based step within the epoch, for the reason
     * @return null when the step is fine, else why the run diverged (with the losses, for state.json)
     */
    String check(double loss, double lossStageI, double lossStageII, int epoch, int step) {
        String where = String.format(Locale.ROOT, "at epoch %d, step %d (L_I=%s, L_II=%s)", epoch, step, lossStageI, lossStageII);
        if (!Double.isFinite(loss)) {
            return "the loss became " + (Double.isNaN(loss) ? "NaN" : "infinite") + " " + where + "; lower training.lr or check the data";
        }
        if (Double.isNaN(first)) first = loss;
        double limit = factor * Math.max(1, first);
        if (loss > limit) {
            return String.format(Locale.ROOT, "the loss exploded to %.4g %s, above training.divergenceFactor (%s) x max(1, first step's loss %.4g) = %.4g; "
                    + "lower training.lr", loss, where, factor, first, limit);
        }
        return null;
    }
}
