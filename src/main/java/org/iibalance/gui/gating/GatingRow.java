package org.iibalance.gui.gating;

/**
 * One test clip of {@code gating.csv}.
 *
 * @param id          clip id
 * @param label       true class
 * @param prediction  fused prediction
 * @param correct     whether the prediction is right
 * @param weights     fusion weight w_m per modality (NaN when the method has no gate)
 * @param uncertainty normalised entropy u_m per modality (NaN when none)
 */
public record GatingRow(String id, int label, int prediction, boolean correct, double[] weights, double[] uncertainty) {
    /** The weight of modality {@code m}. */
    public double weight(int m) {
        return m < weights.length ? weights[m] : Double.NaN;
    }

    /** The entropy u of modality {@code m}. */
    public double u(int m) {
        return m < uncertainty.length ? uncertainty[m] : Double.NaN;
    }
}
