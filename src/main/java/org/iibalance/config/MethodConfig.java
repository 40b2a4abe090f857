package org.iibalance.config;

/**
 * The training method and its hyper-parameters. Paper values: tau 0.07, tauP 0.5. The paper does
 * not give lambdaStart, gamma, rho, nor how long the unimodal budget models train: our defaults are
 * documented in README.md ("Defaults the paper leaves open"). Each key's meaning and range is on its
 * component ({@link ConfigDoc}); build one with {@link #builder()} or {@link #toBuilder()}.
 */
public record MethodConfig(
        @ConfigDoc("training method: iibalance, its ablations iibalance-uniform-prior / -no-stage1 / -no-stage2, joint, "
                + "unimodal-<modality>, or a baseline (ogm-ge, pmr, mmpareto, g-blending, agm, mslr, greedy, ggdm)")
        String name,
        @ConfigDoc(value = "temperature tau of the budget softmax beta = softmax(B / tau) (Eq. 2)", min = 0, minExclusive = true)
        double tau,
        @ConfigDoc(value = "temperature tau_p of the prototype contrast (Eq. 4)", min = 0, minExclusive = true)
        double tauP,
        @ConfigDoc(value = "EMA momentum rho of the anchor prototypes (Eq. 3)", min = 0, max = 1, maxExclusive = true)
        double rho,
        @ConfigDoc(value = "lambda_start: the Stage I weight at t = 0 of lambda(t) = lambda_start (1 - t/T) (Eq. 12)", min = 0, max = 1)
        double lambdaStart,
        @ConfigDoc(value = "gamma: weight of the unimodal auxiliary term of L_II (Eq. 11)", min = 0)
        double gamma,
        @ConfigDoc("legacy, superseded by method.unimodalPretraining: false is refused unless method.unimodalPretraining is none "
                + "(kept so old run folders load)")
        boolean warmStart,
        @ConfigDoc(value = "at most this many epochs per unimodal model (the budget models of Eq. 1 and the baselines' pre-training): "
                + "a generous cap, the patience rule normally stops first", min = 1)
        int budgetMaxEpochs,
        @ConfigDoc(value = "stop a unimodal model (budget model or pre-training) after this many epochs without a lower validation loss", min = 1)
        int budgetPatience,
        @ConfigDoc("compare features and prototypes by cosine (true) instead of the raw dot product (Eq. 4)")
        boolean normalizeFeatures,
        @ConfigDoc(value = "never stop a unimodal model before this many epochs (early validation figures are noisy; method.budgetMaxEpochs wins when smaller)", min = 1)
        int budgetMinEpochs,
        @ConfigDoc(value = "OGM-GE: alpha of k = 1 - tanh(alpha * rho) (0.3: BalanceBenchmark's value for its 30-epoch runs; Peng et al. 2022 use 0.8 "
                + "on CREMA-D over 100 epochs, which in a short run all but freezes the dominant encoder)", min = 0)
        double ogmAlpha,
        @ConfigDoc(value = "OGM-GE: first epoch (0-based) with modulation", min = 0)
        int modulationStart,
        @ConfigDoc(value = "OGM-GE: modulation stops at this epoch, exclusive; -1: half of training.epochs (Peng et al.: epochs 0-50 of 100)",
                min = -1, range = "-1 or >= method.modulationStart")
        int modulationEnd,
        @ConfigDoc("OGM-GE: add the Gaussian enhancement noise N(0, std(grad)^2) to the encoder updates")
        boolean gaussianEnhancement,
        @ConfigDoc(value = "PMR: alpha scaling the prototype terms (PMR code: 1.0)", min = 0)
        double pmrAlpha,
        @ConfigDoc(value = "PMR: prototype momentum mu, p = mu p_old + (1 - mu) p_new (PMR code: 0.2)", min = 0, max = 1, maxExclusive = true)
        double pmrMomentum,
        @ConfigDoc(value = "PMR: epochs (from the start) with the prototype entropy regularisation on the dominant modality; "
                + "-1: 30% of training.epochs (the share is ours)", min = -1)
        int pmrEntropyEpochs,
        @ConfigDoc(value = "MMPareto: gradient enlargement gamma (Wei and Hu 2024: 1.5)", min = 1)
        double mmparetoGamma,
        @ConfigDoc(value = "G-Blending: epochs per super-epoch between weight re-estimates; -1: a third of training.epochs "
                + "(BalanceBenchmark: 10 of 30 epochs)", min = -1, range = "-1 or >= 1")
        int superEpoch,
        @ConfigDoc(value = "AGM: alpha of k_m = exp(alpha * (target ratio - ratio)) (BalanceBenchmark: 0.1)", min = 0)
        double agmAlpha,
        @ConfigDoc(value = "MSLR: validation accuracies kept per modality for the learning-rate update", min = 1)
        int mslrHistory,
        @ConfigDoc(value = "Greedy: re-balance when |log10(speed_a / speed_v)| exceeds this (0.3: a 2x speed gap; ours, since our speed "
                + "is not the paper's MMTM measure)", min = 0)
        double greedyThreshold,
        @ConfigDoc(value = "Greedy: steps per re-balancing phase (BalanceBenchmark: 5)", min = 1)
        int greedyWindow,
        @ConfigDoc(value = "GGDM (reconstruction): exponent of the gradient-volume modulation", min = 0, max = 4)
        double ggdmAlpha,
        @ConfigDoc(value = "GGDM (reconstruction): weight of the Jensen-Shannon alignment of the unimodal predictions", min = 0)
        double ggdmJsWeight,
        @ConfigDoc(value = "all: every method starts from the same unimodal pre-training (encoders g_m and heads f_m trained alone, "
                + "same epochs and stopping rule; for IIBalance these are its budget models of Eq. 1); none: no method does "
                + "(IIBalance still trains its budget models to estimate B, then restores the initial weights)",
                allowed = {"all", "none"})
        String unimodalPretraining,
        @ConfigDoc("with method.unimodalPretraining all, also start the fused head f_fuse from the pre-trained heads f_m "
                + "(concatenation: slice m of f_fuse is f_m; weighted sum: the beta-weighted mean of the heads); the gate G always "
                + "starts from its initialisation; false: f_fuse starts cold")
        boolean fusionWarmStart) {

    /** IIBalance with the paper's temperatures and our documented choices for what the paper leaves open. */
    public static MethodConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults; set what differs by name. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.tau = tau;
        b.tauP = tauP;
        b.rho = rho;
        b.lambdaStart = lambdaStart;
        b.gamma = gamma;
        b.warmStart = warmStart;
        b.budgetMaxEpochs = budgetMaxEpochs;
        b.budgetPatience = budgetPatience;
        b.normalizeFeatures = normalizeFeatures;
        b.budgetMinEpochs = budgetMinEpochs;
        b.ogmAlpha = ogmAlpha;
        b.modulationStart = modulationStart;
        b.modulationEnd = modulationEnd;
        b.gaussianEnhancement = gaussianEnhancement;
        b.pmrAlpha = pmrAlpha;
        b.pmrMomentum = pmrMomentum;
        b.pmrEntropyEpochs = pmrEntropyEpochs;
        b.mmparetoGamma = mmparetoGamma;
        b.superEpoch = superEpoch;
        b.agmAlpha = agmAlpha;
        b.mslrHistory = mslrHistory;
        b.greedyThreshold = greedyThreshold;
        b.greedyWindow = greedyWindow;
        b.ggdmAlpha = ggdmAlpha;
        b.ggdmJsWeight = ggdmJsWeight;
        b.unimodalPretraining = unimodalPretraining;
        b.fusionWarmStart = fusionWarmStart;
        return b;
    }

    /** Named construction of a {@link MethodConfig}; starts from the defaults. */
    public static final class Builder {
        private String name = "iibalance";
        private double tau = 0.07;
        private double tauP = 0.5;
        private double rho = 0.9;
        private double lambdaStart = 0.5;
        private double gamma = 1.0;
        private boolean warmStart = true;
        private int budgetMaxEpochs = 40;
        private int budgetPatience = 3;
        private boolean normalizeFeatures = true;
        private int budgetMinEpochs = 4;
        private double ogmAlpha = 0.3;
        private int modulationStart = 0;
        private int modulationEnd = -1;
        private boolean gaussianEnhancement = true;
        private double pmrAlpha = 1.0;
        private double pmrMomentum = 0.2;
        private int pmrEntropyEpochs = -1;
        private double mmparetoGamma = 1.5;
        private int superEpoch = -1;
        private double agmAlpha = 0.1;
        private int mslrHistory = 3;
        private double greedyThreshold = 0.3;
        private int greedyWindow = 5;
        private double ggdmAlpha = 0.5;
        private double ggdmJsWeight = 0.1;
        private String unimodalPretraining = "all";
        private boolean fusionWarmStart = false;

        private Builder() {}

        public Builder name(String v) { name = v; return this; }
        public Builder tau(double v) { tau = v; return this; }
        public Builder tauP(double v) { tauP = v; return this; }
        public Builder rho(double v) { rho = v; return this; }
        public Builder lambdaStart(double v) { lambdaStart = v; return this; }
        public Builder gamma(double v) { gamma = v; return this; }
        public Builder warmStart(boolean v) { warmStart = v; return this; }
        public Builder budgetMaxEpochs(int v) { budgetMaxEpochs = v; return this; }
        public Builder budgetPatience(int v) { budgetPatience = v; return this; }
        public Builder normalizeFeatures(boolean v) { normalizeFeatures = v; return this; }
        public Builder budgetMinEpochs(int v) { budgetMinEpochs = v; return this; }
        public Builder ogmAlpha(double v) { ogmAlpha = v; return this; }
        public Builder modulationStart(int v) { modulationStart = v; return this; }
        public Builder modulationEnd(int v) { modulationEnd = v; return this; }
        public Builder gaussianEnhancement(boolean v) { gaussianEnhancement = v; return this; }
        public Builder pmrAlpha(double v) { pmrAlpha = v; return this; }
        public Builder pmrMomentum(double v) { pmrMomentum = v; return this; }
        public Builder pmrEntropyEpochs(int v) { pmrEntropyEpochs = v; return this; }
        public Builder mmparetoGamma(double v) { mmparetoGamma = v; return this; }
        public Builder superEpoch(int v) { superEpoch = v; return this; }
        public Builder agmAlpha(double v) { agmAlpha = v; return this; }
        public Builder mslrHistory(int v) { mslrHistory = v; return this; }
        public Builder greedyThreshold(double v) { greedyThreshold = v; return this; }
        public Builder greedyWindow(int v) { greedyWindow = v; return this; }
        public Builder ggdmAlpha(double v) { ggdmAlpha = v; return this; }
        public Builder ggdmJsWeight(double v) { ggdmJsWeight = v; return this; }
        public Builder unimodalPretraining(String v) { unimodalPretraining = v; return this; }
        public Builder fusionWarmStart(boolean v) { fusionWarmStart = v; return this; }

        public MethodConfig build() {
            return new MethodConfig(name, tau, tauP, rho, lambdaStart, gamma, warmStart, budgetMaxEpochs, budgetPatience, normalizeFeatures,
                    budgetMinEpochs, ogmAlpha, modulationStart, modulationEnd, gaussianEnhancement, pmrAlpha, pmrMomentum, pmrEntropyEpochs,
                    mmparetoGamma, superEpoch, agmAlpha, mslrHistory, greedyThreshold, greedyWindow, ggdmAlpha, ggdmJsWeight,
                    unimodalPretraining, fusionWarmStart);
        }
    }
}
