package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.Linear;
import org.iibalance.nn.NetModule;

/** G: a lightweight two-layer MLP from phi (Eq. 8) to one logit per modality, G_m(phi) (Eq. 9). */
public final class GatingNetwork extends NetModule {
    private final Linear hidden;
    private final Linear out;

    public GatingNetwork(long inputDim, long hiddenUnits, long modalities) {
        hidden = child("hidden", new Linear(inputDim, hiddenUnits));
        out = child("out", new Linear(hiddenUnits, modalities));
    }

    public Tensor forward(Tensor phi) {
        return out.forward(torch.relu(hidden.forward(phi)));
    }
}
