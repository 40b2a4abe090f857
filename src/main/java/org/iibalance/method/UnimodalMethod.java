package org.iibalance.method;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Ops;

/**
 * A model of one modality alone (encoder g_m and head f_m, cross-entropy): the reference that shows
 * how much a modality can learn when nothing competes with it. Its "fused" output is its own head.
 */
public final class UnimodalMethod implements TrainingMethod {
    private final String modality;
    private MultimodalNetwork net;
    private int m = -1;

    public UnimodalMethod(String modality) {
        this.modality = modality;
    }

    @Override
    public String name() {
        return "unimodal-" + modality;
    }

    @Override
    public FusionHead fusion() {
        return FusionHead.CONCAT;
    }

    /** Its unimodal heads f_m are trained by their own losses. */
    @Override
    public org.iibalance.run.Capabilities capabilities() {
        return org.iibalance.run.Capabilities.NONE.withUnimodalHeads();
    }

    @Override
    public String unimodalProtocol() {
        return "the " + modality + " head f_m of a " + modality + "-only model; other modalities not trained";
    }

    @Override
    public void prepare(MethodContext ctx) {
        net = ctx.network();
        for (int i = 0; i < net.modalityCount(); i++) if (net.modalities().get(i).name().equals(modality)) m = i;
        if (m < 0) throw new IllegalArgumentException("method.name: the dataset has no modality '" + modality + "'");
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        optimizer.zero_grad();
        Tensor loss = Ops.crossEntropy(logits(b), b.target());
        loss.backward();
        optimizer.step();
        return StepStats.of(loss.item_double());
    }

    private Tensor logits(Batch b) {
        return net.head(m).forward(net.encoder(m).forward(b.inputs().get(m)));
    }

    @Override
    public Prediction predict(Batch b) {
        Tensor l = logits(b);
        List<Tensor> uni = new ArrayList<>();
        for (int i = 0; i < net.modalityCount(); i++) uni.add(i == m ? l : null);
        return new Prediction(l, uni, null, null);
    }
}
