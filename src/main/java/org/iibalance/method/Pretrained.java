package org.iibalance.method;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.config.MethodConfig;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;

/**
 * A baseline that starts from the unimodal pre-training ({@code method.unimodalPretraining: all}):
 * before the method's own preparation, each modality's encoder and head are trained alone exactly as
 * IIBalance trains its budget models ({@link UnimodalPretraining}: same seed, same shuffles, same
 * stopping rule, so the same starting encoders), then, with {@code method.fusionWarmStart}, f_fuse
 * starts from the heads ({@link FusionWarmStart}). Everything else is the wrapped method's.
 */
final class Pretrained implements TrainingMethod {
    private final TrainingMethod inner;
    private final MethodConfig cfg;
    private List<UnimodalPretraining.Curve> curves;

    Pretrained(TrainingMethod inner, MethodConfig cfg) {
        this.inner = inner;
        this.cfg = cfg;
    }

    /** The wrapped method. */
    TrainingMethod inner() {
        return inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public FusionHead fusion() {
        return inner.fusion();
    }

    @Override
    public void prepare(MethodContext ctx) throws InterruptedException {
        if (curves == null) { // a resumed run restores its pre-trained weights from the checkpoint
            curves = UnimodalPretraining.train(ctx, false);
            if (cfg.fusionWarmStart()) FusionWarmStart.apply(ctx.network(), null);
        }
        inner.prepare(ctx);
    }

    @Override
    public StepStats trainStep(Batch batch, Optimizer optimizer, int epoch, int totalEpochs) {
        return inner.trainStep(batch, optimizer, epoch, totalEpochs);
    }

    @Override
    public Prediction predict(Batch batch) {
        return inner.predict(batch);
    }

    @Override
    public String unimodalProtocol() {
        return inner.unimodalProtocol();
    }

    @Override
    public org.iibalance.run.Capabilities capabilities() {
        return inner.capabilities();
    }

    @Override
    public InformationBudget budget() {
        return inner.budget();
    }

    @Override
    public List<UnimodalPretraining.Curve> pretraining() {
        return curves == null ? List.of() : curves;
    }

    @Override
    public List<String> controlNames(List<String> modalities) {
        return inner.controlNames(modalities);
    }

    @Override
    public Map<String, Double> epochControl() {
        return inner.epochControl();
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new HashMap<>(inner.state());
        if (curves != null) s.putAll(UnimodalPretraining.toState(curves));
        return s;
    }

    @Override
    public void restore(Map<String, Object> state) {
        inner.restore(state);
        List<UnimodalPretraining.Curve> c = UnimodalPretraining.fromState(state);
        if (c != null) curves = c;
    }
}
