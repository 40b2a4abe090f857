package org.iibalance.method;

import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;
import org.iibalance.run.Capabilities;

/**
 * A training method (IIBalance, an ablation, a baseline). The experiment runner owns the loop,
 * the optimiser, evaluation and files; a method owns what one step does and what it predicts.
 */
public interface TrainingMethod {
    /** The name used in configs and results ({@code method.name}). */
    String name();

    /** The fused head the method needs. */
    FusionHead fusion();

    /**
     * Work before the multimodal epochs (IIBalance: the unimodal budget models, Eq. 1-2). Runs on the
     * training thread; reports through {@link MethodContext#progress()}.
     */
    default void prepare(MethodContext ctx) throws InterruptedException {}

    /**
     * One optimisation step on {@code batch}: zero the gradients, compute the loss, backpropagate,
     * (modulate gradients,) step the optimiser.
     *
     * @param epoch       0-based epoch t
     * @param totalEpochs T
     */
    StepStats trainStep(Batch batch, Optimizer optimizer, int epoch, int totalEpochs);

    /** Forward pass for evaluation (called under no-grad, in eval mode). */
    Prediction predict(Batch batch);

    /**
     * How Acc_m of each modality is measured, written to the run's results as
     * {@code test.unimodalProtocol}.
     */
    String unimodalProtocol();

    /**
     * What the method has (budget prior, lambda(t), Stage I/II losses, fusion weights, trained
     * unimodal heads): the GUI and the report ask this instead of guessing from the name. Recorded in
     * the run's results. None by default.
     */
    default Capabilities capabilities() {
        return Capabilities.NONE;
    }

    /** The budget, for methods that estimate one (else null). */
    default InformationBudget budget() {
        return null;
    }

    /**
     * How the unimodal pre-training went ({@link UnimodalPretraining}; IIBalance: its budget models),
     * one curve per modality; empty when the method started cold.
     */
    default List<UnimodalPretraining.Curve> pretraining() {
        return List.of();
    }

    /**
     * Names of the method's control signals, written as extra {@code metrics.csv} columns on epoch
     * rows (by convention {@code ctrl_<signal>_<modality>}); empty when it has none.
     */
    default List<String> controlNames(List<String> modalities) {
        return List.of();
    }

    /**
     * The control signals of the epoch that just ended (averaged over its steps where they change per
     * step), keyed by {@link #controlNames}; the method resets its running sums. Called by the runner
     * after every multimodal epoch.
     */
    default Map<String, Double> epochControl() {
        return Map.of();
    }

    /** State to checkpoint besides the network and optimiser (e.g. prototypes), as plain values. */
    default Map<String, Object> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned (from a checkpoint). */
    default void restore(Map<String, Object> state) {}
}
