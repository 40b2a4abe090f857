package org.iibalance.method;

import java.util.List;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.model.Batch;
import org.iibalance.model.FusionHead;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Ops;

/**
 * Joint training, the first baseline of Table I: concatenation fusion, cross-entropy on the fused
 * output only, all encoders trained end to end (where the dominant modality takes over).
 */
public class JointTrainingMethod implements TrainingMethod {
    protected MultimodalNetwork net;
    /** The epoch's control signals of a baseline built on joint training (none for joint training itself). */
    protected final ControlSignals control = new ControlSignals();

    @Override
    public String name() {
        return "joint";
    }

    @Override
    public FusionHead fusion() {
        return FusionHead.CONCAT;
    }

    @Override
    public String unimodalProtocol() {
        return ConcatSlices.PROTOCOL;
    }

    @Override
    public void prepare(MethodContext ctx) throws InterruptedException {
        net = ctx.network();
    }

    /** The modality names, in order. */
    protected final List<String> modalityNames() {
        return net.modalities().stream().map(s -> s.name()).toList();
    }

    @Override
    public java.util.Map<String, Double> epochControl() {
        return control.drain();
    }

    /** The features z_m and the fused cross-entropy of a batch, gradients zeroed (no backward yet). */
    protected record FusedPass(List<Tensor> z, Tensor loss) {}

    /** Zeroes the gradients, encodes the batch and computes CE(f_fuse([z_1; ...; z_M]), y): the step every concat method starts from. */
    protected final FusedPass fusedPass(Batch b, Optimizer optimizer) {
        optimizer.zero_grad();
        List<Tensor> z = net.encode(b);
        return new FusedPass(z, Ops.crossEntropy(ConcatSlices.fusedLogits(net, z), b.target()));
    }

    @Override
    public StepStats trainStep(Batch b, Optimizer optimizer, int epoch, int totalEpochs) {
        Tensor loss = fusedPass(b, optimizer).loss();
        loss.backward();
        optimizer.step();
        return StepStats.of(loss.item_double());
    }

    @Override
    public Prediction predict(Batch b) {
        List<Tensor> z = net.encode(b);
        List<Tensor> slices = ConcatSlices.sliceLogits(net, z);
        return new Prediction(ConcatSlices.fusedLogits(net, z), slices, null, UncertaintyGate.uncertainty(slices));
    }
}
