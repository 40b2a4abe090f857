package org.iibalance.method;

/** Callbacks a method uses to report phases it runs itself (the training loop reports the rest). */
public interface MethodProgress {
    /** A new phase starts, e.g. {@code budget:audio}. */
    void phase(String phase, String description);

    /** A budget model finished an epoch. */
    void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAccuracy, double clipsPerSecond);

    /**
     * A unimodal model ({@link UnimodalPretraining}) finished an epoch; {@code phase} is {@code budget}
     * (IIBalance's budget models) or {@code pretrain} (the baselines' pre-training). By default
     * reported as a budget epoch.
     */
    default void unimodalEpoch(String phase, String modality, int epoch, int maxEpochs, double trainLoss, double valLoss, double valAccuracy,
            double clipsPerSecond) {
        budgetEpoch(modality, epoch, maxEpochs, trainLoss, valAccuracy, clipsPerSecond);
    }

    /** A training step of a method-run phase finished (for progress bars). */
    default void budgetStep(String modality, int epoch, int step, int steps) {}

    /** The budget is known. */
    void budget(InformationBudget budget);

    /** Throws {@link InterruptedException} when the user cancelled. */
    void checkCancelled() throws InterruptedException;

    /** A progress that ignores everything (tests). */
    MethodProgress NONE = new MethodProgress() {
        @Override
        public void phase(String phase, String description) {}

        @Override
        public void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAccuracy, double cps) {}

        @Override
        public void budget(InformationBudget budget) {}

        @Override
        public void checkCancelled() {}
    };
}
