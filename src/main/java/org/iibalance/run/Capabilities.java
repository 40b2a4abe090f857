package org.iibalance.run;

/**
 * What a training method has, so that the GUI and the report ask instead of guessing from its name.
 * Each method declares it ({@code TrainingMethod.capabilities()}); a run records it in
 * {@code results.json} under {@code capabilities}, so a finished run answers without building the
 * method. For runs written before this block existed, {@link Results#capabilities()} infers it from
 * the figures present (a budget prior, fusion weights).
 *
 * @param budgetPrior    an IIB prior beta (Eq. 1-2) estimated before training
 * @param lambdaSchedule the lambda(t) schedule of Eq. 12 weighing Stage I against Stage II
 * @param stageLosses    the Stage I / Stage II losses L_I, L_II (Eq. 6, 11)
 * @param fusionWeights  per-clip fusion weights w_m (Eq. 10)
 * @param unimodalHeads  unimodal heads f_m trained for their own predictions
 */
public record Capabilities(boolean budgetPrior, boolean lambdaSchedule, boolean stageLosses, boolean fusionWeights, boolean unimodalHeads) {
    /** A method with none of these (plain joint training). */
    public static final Capabilities NONE = new Capabilities(false, false, false, false, false);

    /** The same with trained unimodal heads. */
    public Capabilities withUnimodalHeads() {
        return new Capabilities(budgetPrior, lambdaSchedule, stageLosses, fusionWeights, true);
    }
}
