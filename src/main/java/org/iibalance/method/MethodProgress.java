package org.iibalance.method;

import org.iibalance.run.TrainingPhase;

/** Callbacks a method uses to report phases it runs itself (the training loop reports the rest). */
public interface MethodProgress {
    /** A new phase starts, e.g. the budget model of one modality. */
    void phase(TrainingPhase phase, String description);

    /** A budget model finished an epoch. */
    void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAccuracy, double clipsPerSecond);

    /**
     * A unimodal model ({@link UnimodalPretraining}) finished an epoch; {@code phase} is
     * {@code budget:<m>} (IIBalance's budget models) or {@code pretrain:<m>} (the baselines'
     * pre-training). By default reported as a budget epoch.
     */
    default void unimodalEpoch(TrainingPhase phase, int epoch, int maxEpochs, double trainLoss, double valLoss, double valAccuracy,
            double clipsPerSecond) {
        budgetEpoch(phase.modality(), epoch, maxEpochs, trainLoss, valAccuracy, clipsPerSecond);
    }

    /** A training step of a method-run phase finished (for progress bars). */
    default void budgetStep(String modality, int epoch, int step, int steps) {}

    /** A training step of a unimodal model ({@code budget:<m>} or {@code pretrain:<m>}) finished; by default a budget step. */
    default void unimodalStep(TrainingPhase phase, int epoch, int step, int steps) {
        budgetStep(phase.modality(), epoch, step, steps);
    }

    /** The budget is known. */
    void budget(InformationBudget budget);

    /** Throws {@link InterruptedException} when the user cancelled. */
    void checkCancelled() throws InterruptedException;

    /** A progress that ignores everything (tests). */
    MethodProgress NONE = new MethodProgress() {
        @Override
        public void phase(TrainingPhase phase, String description) {}

        @Override
        public void budgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAccuracy, double cps) {}

        @Override
        public void budget(InformationBudget budget) {}

        @Override
        public void checkCancelled() {}
    };
}
