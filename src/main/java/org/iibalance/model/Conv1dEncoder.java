package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.BatchNorm;
import org.iibalance.nn.Conv1d;

/**
 * Audio encoder {@code conv1d}: a 1-D CNN over time with the mel bins as input channels, the paper's
 * audio encoder for Kinetics-Sounds and AVE ("a 1D CNN audio encoder following common settings").
 * [B, 1, mel, time] is read as [B, mel, time]; three width-3 convolutions (mel to c, c to 2c, 2c to d),
 * each with BatchNorm and ReLU, max-pooling by 2 over time after the first two (while at least 4
 * frames remain), then max-pooling over all time to [B, d] (the loudest evidence wins over the
 * noise-only frames, as with the spectrogram encoder).
 */
public final class Conv1dEncoder extends Encoder {
    private final Conv1d c1;
    private final Conv1d c2;
    private final Conv1d c3;
    private final BatchNorm n1;
    private final BatchNorm n2;
    private final BatchNorm n3;
    private final long d;

    public Conv1dEncoder(long melBins, long width, long featureDim) {
        this.d = featureDim;
        c1 = child("conv1", new Conv1d(melBins, width, 3));
        n1 = child("bn1", new BatchNorm(width));
        c2 = child("conv2", new Conv1d(width, 2 * width, 3));
        n2 = child("bn2", new BatchNorm(2 * width));
        c3 = child("conv3", new Conv1d(2 * width, featureDim, 3));
        n3 = child("bn3", new BatchNorm(featureDim));
    }

    @Override
    public long featureDim() {
        return d;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x.reshape(x.size(0), x.size(2), x.size(3)); // [B, mel, time]
        h = torch.relu(n1.forward(c1.forward(h)));
        if (h.size(2) >= 4) h = torch.max_pool1d(h, 2);
        h = torch.relu(n2.forward(c2.forward(h)));
        if (h.size(2) >= 4) h = torch.max_pool1d(h, 2);
        h = torch.relu(n3.forward(c3.forward(h)));
        return torch.amax(h, new long[] {2}, false);
    }
}
