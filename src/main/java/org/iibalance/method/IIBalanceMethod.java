package org.iibalance.method;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.ParameterSnapshot;
import org.iibalance.nn.Tensors;

/**
 * IIBalance (the paper) and its Table II ablations.
 *
 * <ol>
 *   <li>{@link #prepare}: the budget (Eq. 1-2) from unimodal models ({@link BudgetEstimation}); then
 *   the multimodal model starts from those unimodal encoders and heads
 *   ({@code method.unimodalPretraining: all}, the default: the budget models are the unimodal
 *   pre-training every method gets) or from its initial weights ({@code none}); with
 *   {@code method.fusionWarmStart} f_fuse starts from the heads ({@link FusionWarmStart}); the gate G
 *   always starts from its initialisation.</li>
 *   <li>{@link #trainStep}: L = lambda(t) L_I + (1 - lambda(t)) L_II (Eq. 13) with the anchor
 *   prototypes updated from the batch (Eq. 3), L_I of Eq. 4-6 and L_II of Eq. 7-11.</li>
 *   <li>{@link #predict}: the fused branch, f_fuse(Z_fused) (Sec. IV-D).</li>
 * </ol>
 */
public final class IIBalanceMethod implements TrainingMethod {
    /** IIBalance and the ablations of Table II. */
    public enum Variant {
        FULL("iibalance"),
        /** w/o IIB prior: beta uniform (so lambda_m = 0 as well). */
        UNIFORM_PRIOR("iibalance-uniform-prior"),
        /** w/o Stage I (PRA): L_I is the unimodal cross-entropy only. */
        NO_STAGE_ONE("iibalance-no-stage1"),
        /** w/o Stage II: fixed fusion weights w_m = beta_m instead of the uncertainty gate. */
        NO_STAGE_TWO("iibalance-no-stage2");

        public final String methodName;

        Variant(String n) {
            this.methodName = n;
        }
    }

    private final Variant variant;
    private final MethodConfig cfg;
    private MultimodalNetwork net;
    private InformationBudget budget;
    private AnchorPrototypes prototypes;
    private double[] strengths;
    private Tensor prior;
    private List<UnimodalPretraining.Curve> curves = List.of();

    public IIBalanceMethod(Variant variant, MethodConfig cfg) {
        this.variant = variant;
        this.cfg = cfg;
    }

    @Override
    public String name() {
        return variant.methodName;
    }

    @Override
    public FusionHead fusion() {
        return FusionHead.WEIGHTED_SUM;
    }

    /** Every variant estimates a budget (uniform for w/o prior), schedules Eq. 12, has L_I and L_II, weights (fixed w = beta w/o Stage II) and heads. */
    @Override
    public org.iibalance.run.Capabilities capabilities() {
        return new org.iibalance.run.Capabilities(true, true, true, true, true);
    }

    @Override
    public String unimodalProtocol() {
        return "unimodal heads f_m on the encoder features z_m";
    }

    @Override
    public InformationBudget budget() {
        return budget;
    }

    @Override
    public void prepare(MethodContext ctx) throws InterruptedException {
        net = ctx.network();
        if (budget == null) { // a resumed run restores the budget instead of re-estimating it
            try (ParameterSnapshot initial = new ParameterSnapshot(net)) {
                BudgetEstimation.Result r = BudgetEstimation.estimate(ctx);
                curves = r.curves();
                InformationBudget b = InformationBudget.of(ctx.network().modalities().stream().map(s -> s.name()).toList(), r.scores(), cfg.tau());
                budget = variant == Variant.UNIFORM_PRIOR ? b.uniform() : b;
                if (!Methods.PRETRAIN_ALL.equals(cfg.unimodalPretraining())) initial.restore(net);
                else if (cfg.fusionWarmStart()) FusionWarmStart.apply(net, budget.prior());
            }
        }
        ctx.progress().budget(budget);
        if (prototypes == null) prototypes = new AnchorPrototypes(net.classes(), net.featureDim(), cfg.rho());
        strengths = variant == Variant.NO_STAGE_ONE ? new double[budget.prior().length] : RelativeAlignmentLoss.strengths(budget.prior(), budget.anchor());
        float[] p = new float[budget.prior().length];
        for (int i = 0; i < p.length; i++) p[i] = (float) budget.prior()[i];
        prior = Tensors.persistent(Tensors.floats(p, ctx.device(), p.length));
    }

    /** The budget models' curves (also the unimodal pre-training when {@code unimodalPretraining} is {@code all}). */
    @Override
    public List<UnimodalPretraining.Curve> pretraining() {
        return curves;
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        double lambda = new LambdaSchedule(cfg.lambdaStart(), totalEpochs).at(epoch); // Eq. 12
        optimizer.zero_grad();
        List<Tensor> z = net.encode(b);
        List<Tensor> logits = net.unimodalLogits(z);
        // Stage I (Eq. 3-6)
        Tensor protos = null;
        if (variant != Variant.NO_STAGE_ONE) {
            prototypes.update(z.get(budget.anchor()), b.labels()); // Eq. 3
            protos = prototypes.tensor(z.get(0).device(), z.get(0).scalar_type());
        }
        Tensor lossI = StageOneLoss.loss(logits, z, b.target(), protos, strengths, cfg.tauP(), cfg.normalizeFeatures());
        // Stage II (Eq. 7-11)
        UncertaintyGate.Output gate = gate(z, logits);
        Tensor fused = net.fusedHead().forward(gate.fused());
        Tensor lossII = StageTwoLoss.loss(fused, logits, gate.weights(), b.target(), cfg.gamma());
        Tensor loss = lossI.mul(new Scalar(lambda)).add(lossII.mul(new Scalar(1 - lambda))); // Eq. 13
        loss.backward();
        optimizer.step();
        float[] w = Tensors.toFloats(gate.weights().detach().mean(new long[] {0}, false, new org.bytedeco.pytorch.ScalarTypeOptional()));
        double[] mw = new double[w.length];
        for (int i = 0; i < w.length; i++) mw[i] = w[i];
        return new StepStats(loss.item_double(), lossI.item_double(), lossII.item_double(), lambda, mw);
    }

    private UncertaintyGate.Output gate(List<Tensor> z, List<Tensor> logits) {
        return variant == Variant.NO_STAGE_TWO
                ? UncertaintyGate.fixed(z, logits, prior)
                : UncertaintyGate.fuse(z, logits, prior, net.gate(), net.poolDim());
    }

    @Override
    public Prediction predict(Batch b) {
        List<Tensor> z = net.encode(b);
        List<Tensor> logits = net.unimodalLogits(z);
        UncertaintyGate.Output gate = gate(z, logits);
        return new Prediction(net.fusedHead().forward(gate.fused()), new ArrayList<>(logits), gate.weights(), gate.uncertainty());
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new HashMap<>();
        if (budget != null) {
            s.put("budget.scores", budget.scores());
            s.put("budget.prior", budget.prior());
            s.put("budget.anchor", budget.anchor());
            s.put("budget.modalities", budget.modalities());
        }
        if (!curves.isEmpty()) s.putAll(UnimodalPretraining.toState(curves));
        if (prototypes != null) {
            s.put("prototypes.values", prototypes.values());
            s.put("prototypes.seen", prototypes.seenFlags());
        }
        return s;
    }

    @Override
    public void restore(Map<String, Object> s) {
        if (s.containsKey("budget.scores")) {
            budget = new InformationBudget(StateValues.strings(s.get("budget.modalities")), StateValues.doubles(s.get("budget.scores")),
                    StateValues.doubles(s.get("budget.prior")), StateValues.integer(s.get("budget.anchor")), cfg.tau());
        }
        List<UnimodalPretraining.Curve> c = UnimodalPretraining.fromState(s);
        if (c != null) curves = c;
        if (s.containsKey("prototypes.values")) {
            float[] v = StateValues.floats(s.get("prototypes.values"));
            boolean[] seen = StateValues.booleans(s.get("prototypes.seen"));
            prototypes = new AnchorPrototypes(seen.length, v.length / seen.length, cfg.rho());
            prototypes.restore(v, seen);
        }
    }

    /** The anchor prototypes (for inspection and tests). */
    public AnchorPrototypes prototypes() {
        return prototypes;
    }
}
