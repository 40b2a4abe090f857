package org.iibalance.config;

/**
 * The training method and its hyper-parameters. Paper values: tau 0.07, tauP 0.5. The paper does
 * not give lambdaStart, gamma, rho, nor how long the unimodal budget models train: our defaults are
 * documented in README.md ("Defaults the paper leaves open").
 *
 * @param name            {@code iibalance}, {@code iibalance-uniform-prior}, {@code iibalance-no-stage1},
 *                        {@code iibalance-no-stage2}, {@code joint}, {@code unimodal-<modality>}
 * @param tau             temperature of the budget softmax (Eq. 2)
 * @param tauP            temperature of the prototype contrast (Eq. 4)
 * @param rho             EMA momentum of the anchor prototypes (Eq. 3)
 * @param lambdaStart     initial Stage I weight of the schedule (Eq. 12)
 * @param gamma           weight of the unimodal auxiliary term of L_II (Eq. 11)
 * @param warmStart       start the multimodal model from the budget-phase unimodal encoders and heads
 * @param budgetMaxEpochs at most this many epochs per unimodal budget model (Eq. 1)
 * @param budgetPatience  stop a budget model after this many epochs without a better validation accuracy...
 * @param budgetMinEpochs ...but never before this many epochs (early validation accuracy is noisy);
 *                        {@code budgetMaxEpochs} wins when it is smaller
 * @param normalizeFeatures compare features and prototypes by cosine instead of raw dot product (Eq. 4)
 */
public record MethodConfig(
        String name,
        double tau,
        double tauP,
        double rho,
        double lambdaStart,
        double gamma,
        boolean warmStart,
        int budgetMaxEpochs,
        int budgetPatience,
        boolean normalizeFeatures,
        int budgetMinEpochs) {

    public static MethodConfig defaults() {
        return new MethodConfig("iibalance", 0.07, 0.5, 0.9, 0.5, 1.0, true, 10, 2, true, 4);
    }
}
