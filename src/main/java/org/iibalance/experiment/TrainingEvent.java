package org.iibalance.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.iibalance.run.Capabilities;
import org.iibalance.run.Results;
import org.iibalance.run.TrainingPhase;

/**
 * Immutable events published by the training loop to its listeners, on the training thread. They
 * carry plain numbers, never tensors: a GUI copies nothing and may hand them to another thread.
 */
public sealed interface TrainingEvent {

    /** Seconds since the run started. */
    double elapsed();

    /**
     * The data is loaded and the run folder exists (printed at once, so a user knows where to look).
     *
     * @param runDir     the run folder
     * @param resumed    whether an existing run folder is continued
     * @param modalities the modalities of the data, in order
     * @param trainClips training clips
     */
    record RunStarted(Path runDir, boolean resumed, List<String> modalities, int trainClips, double elapsed) implements TrainingEvent {}

    /**
     * The run's plan, known once the data are loaded and before the method's preparation (e.g. the
     * budget phase), so that a watcher can show the method's panels and the whole run's progress from
     * its first second.
     *
     * @param modalities      the modalities, in the order of every per-modality array of later events
     * @param capabilities    what the method has
     * @param budgetMaxEpochs the budget models' epoch cap (0 when the method has no budget prior)
     * @param epochs          T, the multimodal epochs
     * @param stepsPerEpoch   training steps per epoch (train clips / batch size, rounded up)
     */
    record RunPlanned(List<String> modalities, Capabilities capabilities, int budgetMaxEpochs, int epochs, int stepsPerEpoch, double elapsed)
            implements TrainingEvent {}

    /** A new phase: data, resume, a budget model of one modality, train, test. */
    record PhaseChanged(TrainingPhase phase, String description, double elapsed) implements TrainingEvent {}

    /**
     * The multimodal training starts (after the method's preparation, e.g. the budget phase).
     *
     * @param method       method.name
     * @param device       the device the run trains on, resolved ({@code cpu}, {@code cuda:0})
     * @param epochs       T
     * @param modalities   the modalities, in the order of every per-modality array of later events
     * @param capabilities what the method has (lambda(t), Stage I/II losses, fusion weights...)
     */
    record TrainingStarted(String method, String device, int epochs, List<String> modalities, Capabilities capabilities, double elapsed)
            implements TrainingEvent {}

    /** A budget model (Eq. 1) finished an epoch. */
    record BudgetEpoch(String modality, int epoch, int maxEpochs, double trainLoss, double valAccuracy, double clipsPerSecond, double elapsed)
            implements TrainingEvent {}

    /** The budget is known: B_m, beta_m and the anchor (Eq. 1-2). */
    record BudgetEstimated(List<String> modalities, double[] scores, double[] prior, int anchor, double elapsed) implements TrainingEvent {}

    /**
     * A training step ended (multimodal phase, or a budget model's step when {@code phase} is a
     * budget phase; then the losses are NaN).
     *
     * @param epoch         1-based epoch
     * @param step          1-based step within the epoch
     * @param globalStep    steps since the start of the phase
     * @param lambda        lambda(t) (NaN if the method has none)
     * @param meanWeights   mean fusion weight per modality over the batch (null if none)
     * @param clipsPerSecond training throughput over the epoch so far
     * @param eta           estimated seconds to the end of the phase
     */
    record StepCompleted(TrainingPhase phase, int epoch, int epochs, int step, int steps, long globalStep, double lambda, double lossStageI,
            double lossStageII, double loss, double[] meanWeights, double clipsPerSecond, double elapsed, double eta) implements TrainingEvent {}

    /**
     * A multimodal epoch ended and was evaluated on the validation split.
     *
     * @param valAccuracy       validation Acc_m (fused)
     * @param valModalityAccuracy validation accuracy per modality (NaN where none)
     * @param valWeightMean     mean fusion weight per modality on validation (null if none)
     * @param control           the method's control signals of the epoch ({@code ctrl_<signal>_<modality>}, e.g.
     *                          OGM-GE's k_m), the values of the epoch's {@code metrics.csv} row, in its column
     *                          order (NaN where the method has no value); empty for methods without
     * @param best              whether this epoch is the best so far (it was checkpointed as best)
     */
    record EpochCompleted(int epoch, int epochs, double lambda, double trainLoss, double lossStageI, double lossStageII,
            double[] trainWeightMean, double valAccuracy, double[] valModalityAccuracy, double[] valWeightMean, Map<String, Double> control,
            double clipsPerSecond, boolean best, double elapsed, double eta) implements TrainingEvent {
        public EpochCompleted {
            control = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(control)); // keeps the column order
        }
    }

    /** The run completed; the results are in the run folder. */
    record Finished(Path runDir, Results results, double elapsed) implements TrainingEvent {}

    /** The run failed (or diverged: a NaN or infinite loss). */
    record Failed(Path runDir, String reason, boolean diverged, double elapsed) implements TrainingEvent {}

    /** The run was cancelled; the folder is consistent and marked cancelled. */
    record Cancelled(Path runDir, int completedEpochs, double elapsed) implements TrainingEvent {}
}
