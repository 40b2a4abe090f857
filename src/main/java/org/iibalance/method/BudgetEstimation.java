package org.iibalance.method;

import java.util.List;
import org.iibalance.model.MultimodalNetwork;

/**
 * Estimates the budget scores B_m (Eq. 1): for each modality, its encoder g_m and unimodal classifier
 * f_m are trained alone ({@link UnimodalPretraining}: until the validation loss stops improving, the
 * weights of the lowest validation loss kept), then B_m is the mean of 1 - H(p_m) over the training
 * clips. The paper says the unimodal classifiers are "pretrained"; it does not say for how long.
 */
public final class BudgetEstimation {
    private BudgetEstimation() {}

    /**
     * The budget models' training and their scores.
     *
     * @param curves how each budget model trained
     * @param scores B_m per modality
     */
    public record Result(List<UnimodalPretraining.Curve> curves, double[] scores) {}

    /** Trains the unimodal models in place and returns B_m per modality. */
    public static Result estimate(MethodContext ctx) throws InterruptedException {
        List<UnimodalPretraining.Curve> curves = UnimodalPretraining.train(ctx, true);
        MultimodalNetwork net = ctx.network();
        double[] b = new double[net.modalityCount()];
        for (int m = 0; m < b.length; m++) b[m] = InformationBudget.score(Evaluations.trainEntropies(ctx.data(), UnimodalPretraining.logitsOf(net, m)));
        return new Result(curves, b);
    }
}
