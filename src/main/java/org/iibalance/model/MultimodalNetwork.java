package org.iibalance.model;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.config.ModelConfig;
import org.iibalance.data.ModalitySpec;
import org.iibalance.nn.Linear;
import org.iibalance.nn.NetModule;

/**
 * The whole network: for each modality m an encoder g_m and a unimodal head f_m (Sec. III-A), a fused
 * classifier f_fuse and, for weighted-sum fusion, the gating network G (Eq. 8-9). Methods decide how
 * these parts are combined and trained.
 */
public final class MultimodalNetwork extends NetModule {
    private final List<Encoder> encoders = new ArrayList<>();
    private final List<Linear> heads = new ArrayList<>();
    private final Linear fused;
    private final GatingNetwork gate;
    private final FusionHead fusion;
    private final List<ModalitySpec> modalities;
    private final int classes;
    private final long d;
    private final int poolDim;

    public MultimodalNetwork(List<ModalitySpec> modalities, int classes, ModelConfig cfg, FusionHead fusion) {
        this.modalities = List.copyOf(modalities);
        this.classes = classes;
        this.fusion = fusion;
        this.d = cfg.featureDim();
        this.poolDim = cfg.poolDim();
        for (ModalitySpec m : modalities) {
            encoders.add(child("encoder_" + m.name(), Encoders.create(m, cfg)));
            heads.add(child("head_" + m.name(), new Linear(d, classes)));
        }
        int mCount = modalities.size();
        fused = child("fused", new Linear(fusion == FusionHead.CONCAT ? mCount * d : d, classes));
        // phi = [u_1..u_M ; Pool(z_1)..Pool(z_M)] (Eq. 8)
        gate = fusion == FusionHead.WEIGHTED_SUM ? child("gate", new GatingNetwork(mCount + (long) mCount * poolDim, cfg.gateHidden(), mCount)) : null;
    }

    public int modalityCount() {
        return modalities.size();
    }

    public List<ModalitySpec> modalities() {
        return modalities;
    }

    public int classes() {
        return classes;
    }

    public long featureDim() {
        return d;
    }

    public int poolDim() {
        return poolDim;
    }

    public FusionHead fusion() {
        return fusion;
    }

    /** g_m */
    public Encoder encoder(int m) {
        return encoders.get(m);
    }

    /** f_m */
    public Linear head(int m) {
        return heads.get(m);
    }

    /** f_fuse */
    public Linear fusedHead() {
        return fused;
    }

    /** G (null for concatenation fusion). */
    public GatingNetwork gate() {
        return gate;
    }

    /** z_m = g_m(x_m) for every modality. */
    public List<Tensor> encode(Batch b) {
        List<Tensor> z = new ArrayList<>(encoders.size());
        for (int m = 0; m < encoders.size(); m++) z.add(encoders.get(m).forward(b.inputs().get(m)));
        return z;
    }

    /** Unimodal logits f_m(z_m) for every modality. */
    public List<Tensor> unimodalLogits(List<Tensor> z) {
        List<Tensor> out = new ArrayList<>(z.size());
        for (int m = 0; m < z.size(); m++) out.add(heads.get(m).forward(z.get(m)));
        return out;
    }
}
