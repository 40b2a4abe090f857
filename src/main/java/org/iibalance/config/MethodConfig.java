package org.iibalance.config;

/**
 * The training method and its hyper-parameters. Paper values: tau 0.07, tauP 0.5. The paper does
 * not give lambdaStart, gamma, rho, nor how long the unimodal budget models train: our defaults are
 * documented in README.md ("Defaults the paper leaves open").
 *
 * @param name            {@code iibalance}, {@code iibalance-uniform-prior}, {@code iibalance-no-stage1},
 *                        {@code iibalance-no-stage2}, {@code joint}, {@code unimodal-<modality>}, and the baselines
 *                        {@code ogm-ge}, {@code pmr}, {@code mmpareto}, {@code g-blending}, {@code agm},
 *                        {@code mslr}, {@code greedy}, {@code ggdm}
 * @param tau             temperature of the budget softmax (Eq. 2)
 * @param tauP            temperature of the prototype contrast (Eq. 4)
 * @param rho             EMA momentum of the anchor prototypes (Eq. 3)
 * @param lambdaStart     initial Stage I weight of the schedule (Eq. 12)
 * @param gamma           weight of the unimodal auxiliary term of L_II (Eq. 11)
 * @param warmStart       legacy, superseded by {@code unimodalPretraining}: {@code false} is refused
 *                        unless {@code unimodalPretraining} is {@code none} (kept so old run folders load)
 * @param budgetMaxEpochs at most this many epochs per unimodal model (budget models of Eq. 1 and the
 *                        baselines' pre-training): a generous cap, the patience rule normally stops first
 * @param budgetPatience  stop a unimodal model after this many epochs without a lower validation loss...
 * @param budgetMinEpochs ...but never before this many epochs (early validation accuracy is noisy);
 *                        {@code budgetMaxEpochs} wins when it is smaller
 * @param normalizeFeatures compare features and prototypes by cosine instead of raw dot product (Eq. 4)
 * @param ogmAlpha        OGM-GE: alpha of k = 1 - tanh(alpha * rho) (0.3, BalanceBenchmark's value for its
 *                        30-epoch runs; Peng et al. use 0.8 on CREMA-D over 100 epochs, which in a short
 *                        run all but freezes the dominant encoder: k = 0.016 at rho = 3)
 * @param modulationStart OGM-GE: first epoch (0-based) with modulation (OGM-GE: 0)
 * @param modulationEnd   OGM-GE: modulation stops at this epoch, exclusive; -1 (default): half of
 *                        {@code training.epochs} (Peng et al.: epochs 0-50 of 100)
 * @param gaussianEnhancement OGM-GE: add the GE noise N(0, std(grad)) to the encoder gradients
 * @param pmrAlpha        PMR: alpha scaling the prototype terms (PMR code: 1.0)
 * @param pmrMomentum     PMR: prototype momentum mu, p = mu p_old + (1 - mu) p_new (PMR code: 0.2)
 * @param pmrEntropyEpochs PMR: epochs (from the start) with the prototype entropy regularisation on the
 *                        dominant modality ("early training stage"); -1 (default): 30% of
 *                        {@code training.epochs} (the share is ours)
 * @param mmparetoGamma   MMPareto: gradient enlargement gamma (Wei and Hu 2024: 1.5)
 * @param superEpoch      G-Blending: epochs per super-epoch between weight re-estimates; -1 (default): a
 *                        third of {@code training.epochs} (BalanceBenchmark: 10 of 30 epochs)
 * @param agmAlpha        AGM: alpha of k_m = exp(alpha * (target ratio - ratio)) (BalanceBenchmark: 0.1)
 * @param mslrHistory     MSLR: validation accuracies kept per modality for the learning-rate update
 * @param greedyThreshold Greedy: re-balance when |log10(speed_a / speed_v)| exceeds this (0.3, a 2x
 *                        speed gap; ours: our speed is not the paper's MMTM measure, so its thresholds
 *                        do not carry over; 0.1 made about half of all steps re-balancing steps)
 * @param greedyWindow    Greedy: steps per re-balancing phase (BalanceBenchmark: 5)
 * @param ggdmAlpha       GGDM: exponent of the gradient-volume modulation
 * @param ggdmJsWeight    GGDM: weight of the Jensen-Shannon alignment of the unimodal predictions
 * @param unimodalPretraining {@code all} (default): every method starts from the same unimodal
 *                        pre-training (encoders g_m and heads f_m trained alone, same epochs and stopping
 *                        rule; for IIBalance these are its budget models); {@code none}: no method
 *                        does (IIBalance still trains its budget models to estimate B, then restores the
 *                        initial weights)
 * @param fusionWarmStart with pre-training, also start the fused head f_fuse from the pre-trained heads
 *                        (concatenation: slice m of f_fuse is f_m, so the fused logits start as the sum of
 *                        the unimodal logits; weighted sum: f_fuse starts as the beta-weighted mean of
 *                        the heads). The gate G has no unimodal counterpart and always starts from its
 *                        initialisation. Default false: f_fuse starts cold
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
        int budgetMinEpochs,
        double ogmAlpha,
        int modulationStart,
        int modulationEnd,
        boolean gaussianEnhancement,
        double pmrAlpha,
        double pmrMomentum,
        int pmrEntropyEpochs,
        double mmparetoGamma,
        int superEpoch,
        double agmAlpha,
        int mslrHistory,
        double greedyThreshold,
        int greedyWindow,
        double ggdmAlpha,
        double ggdmJsWeight,
        String unimodalPretraining,
        boolean fusionWarmStart) {

    public static MethodConfig defaults() {
        return new MethodConfig("iibalance", 0.07, 0.5, 0.9, 0.5, 1.0, true, 40, 3, true, 4,
                0.3, 0, -1, true, 1.0, 0.2, -1, 1.5, -1, 0.1, 3, 0.3, 5, 0.5, 0.1, "all", false);
    }
}
