package org.iibalance.method;

import java.util.List;

/**
 * The Intrinsic Information Budget (Sec. III-B).
 *
 * <p>B_m = E[1 - H(p_m(.|x_m))] over the training clips, with H the entropy normalised by log C
 * (Eq. 1); the relative budget prior beta = softmax(B / tau) (Eq. 2); the anchor modality
 * m* = argmax_m beta_m. Estimated once from the unimodal models, then fixed.
 *
 * @param modalities modality names, in order
 * @param scores     B_m
 * @param prior      beta_m
 * @param anchor     index of m*
 * @param tau        the temperature used
 */
public record InformationBudget(List<String> modalities, double[] scores, double[] prior, int anchor, double tau) {

    /** Eq. 1: B_m as the mean of 1 - H over the given normalised entropies. */
    public static double score(double[] normalizedEntropies) {
        if (normalizedEntropies.length == 0) throw new IllegalArgumentException("no clips to estimate a budget from");
        double s = 0;
        for (double h : normalizedEntropies) s += 1 - h;
        return s / normalizedEntropies.length;
    }

    /** Eq. 2: beta = softmax(B / tau), computed stably. */
    public static double[] prior(double[] scores, double tau) {
        if (!(tau > 0)) throw new IllegalArgumentException("tau must be > 0");
        double max = Double.NEGATIVE_INFINITY;
        for (double b : scores) max = Math.max(max, b / tau);
        double[] e = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            e[i] = Math.exp(scores[i] / tau - max);
            sum += e[i];
        }
        for (int i = 0; i < e.length; i++) e[i] /= sum;
        return e;
    }

    /** m* = argmax beta (the first on ties). */
    public static int anchorOf(double[] prior) {
        int best = 0;
        for (int i = 1; i < prior.length; i++) if (prior[i] > prior[best]) best = i;
        return best;
    }

    /** The budget from the scores B_m. */
    public static InformationBudget of(List<String> modalities, double[] scores, double tau) {
        double[] beta = prior(scores, tau);
        return new InformationBudget(List.copyOf(modalities), scores.clone(), beta, anchorOf(beta), tau);
    }

    /** The "w/o IIB prior" ablation (Table II): a uniform prior 1/M, anchor still argmax of B. */
    public InformationBudget uniform() {
        double[] u = new double[prior.length];
        java.util.Arrays.fill(u, 1.0 / u.length);
        int a = 0;
        for (int i = 1; i < scores.length; i++) if (scores[i] > scores[a]) a = i;
        return new InformationBudget(modalities, scores, u, a, tau);
    }

    public String anchorName() {
        return modalities.get(anchor);
    }
}
