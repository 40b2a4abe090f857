package org.iibalance.gui.training;

import java.util.LinkedHashSet;
import java.util.Set;
import org.iibalance.run.TrainingPhase;

/**
 * The whole run's progress and ETA, from its first step: the budget models (Eq. 1) and the
 * multimodal epochs counted as one amount of work. A budget step trains one encoder and head, so it
 * counts {@value #BUDGET_STEP_WEIGHT} of a multimodal step; a budget model that stops early skips
 * the rest of its epochs (the fraction jumps). The ETA is the remaining work at the rate measured
 * since the first step seen (a resumed run does not count the epochs it skipped as speed).
 */
public final class RunProgress {
    /** Work of one budget step relative to one multimodal step (one encoder instead of all). */
    public static final double BUDGET_STEP_WEIGHT = 0.5;

    private int modalities;
    private int budgetMaxEpochs;
    private int epochs;
    private int stepsPerEpoch;
    private final Set<String> budgetsDone = new LinkedHashSet<>();
    private String budgetNow;
    private double budgetNowDone;
    private boolean budgetFinished;
    private double trainDone;
    private double firstDone = Double.NaN;
    private double firstElapsed = Double.NaN;
    private double lastDone;
    private double lastElapsed;

    /** The plan: modalities, budget cap (0: no budget phase), epochs T and steps per epoch. */
    public void plan(int modalities, int budgetMaxEpochs, int epochs, int stepsPerEpoch) {
        this.modalities = modalities;
        this.budgetMaxEpochs = budgetMaxEpochs;
        this.epochs = epochs;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        budgetsDone.clear();
        budgetNow = null;
        budgetNowDone = 0;
        budgetFinished = budgetMaxEpochs == 0;
        trainDone = 0;
        firstDone = firstElapsed = Double.NaN;
        lastDone = lastElapsed = 0;
    }

    /** Whether a plan is known. */
    public boolean planned() {
        return epochs > 0;
    }

    private double budgetWork() {
        return modalities * (double) budgetMaxEpochs * stepsPerEpoch * BUDGET_STEP_WEIGHT;
    }

    private double total() {
        return budgetWork() + (double) epochs * stepsPerEpoch;
    }

    /** A step ended: 1-based epoch and step of {@code steps} in the given phase, at {@code elapsed} seconds. */
    public void step(TrainingPhase phase, int epoch, int step, int steps, double elapsed) {
        if (!planned()) return;
        if (phase.isBudget()) {
            if (budgetNow != null && !budgetNow.equals(phase.modality())) budgetsDone.add(budgetNow);
            budgetNow = phase.modality();
            double per = (double) stepsPerEpoch / Math.max(1, steps); // the plan's steps, whatever the phase's batches
            budgetNowDone = ((epoch - 1) * (double) steps + step) * per * BUDGET_STEP_WEIGHT;
        } else if (TrainingPhase.TRAIN.equals(phase)) {
            budgetFinished = true;
            trainDone = ((epoch - 1) * (double) steps + step) * (double) stepsPerEpoch / Math.max(1, steps);
        } else {
            return;
        }
        double d = done();
        if (Double.isNaN(firstDone)) {
            firstDone = d;
            firstElapsed = elapsed;
        }
        lastDone = d;
        lastElapsed = elapsed;
    }

    /** The budget is estimated: the budget phase is over whatever its models' epochs were. */
    public void budgetFinished() {
        budgetFinished = true;
    }

    private double done() {
        double budget;
        if (budgetFinished) {
            budget = budgetWork();
        } else {
            double perModel = budgetMaxEpochs * (double) stepsPerEpoch * BUDGET_STEP_WEIGHT;
            budget = budgetsDone.size() * perModel + Math.min(perModel, budgetNowDone);
        }
        return budget + trainDone;
    }

    /** Fraction of the run's work done, in [0, 1] (0 before the plan). */
    public double fraction() {
        if (!planned()) return 0;
        return Math.max(0, Math.min(1, done() / total()));
    }

    /** Seconds to the end of the training (NaN until two steps have been timed). */
    public double eta() {
        if (!planned() || Double.isNaN(firstDone) || lastElapsed <= firstElapsed || lastDone <= firstDone) return Double.NaN;
        double rate = (lastDone - firstDone) / (lastElapsed - firstElapsed);
        return Math.max(0, (total() - done()) / rate);
    }
}
