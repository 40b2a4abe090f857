package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.BatchNorm;
import org.iibalance.nn.Linear;
import org.iibalance.nn.Recurrent;

/**
 * Audio encoder {@code gru} / {@code lstm}: an RNN over the spectrogram's frames, the paper's audio
 * encoder for CREMA-D ("an RNN-based audio encoder"). [B, 1, mel, time] becomes the sequence
 * [B, time, mel] (each frame's mel vector one step), normalised per mel bin by a BatchNorm (log-Mel
 * values are far from zero mean and unit variance); z is the top layer's last hidden state (both
 * directions when bidirectional), projected linearly to d when its size differs from d.
 */
public final class RecurrentEncoder extends Encoder {
    private final BatchNorm norm;
    private final Recurrent rnn;
    private final Linear project;
    private final long d;

    public RecurrentEncoder(Recurrent.Cell cell, long melBins, long hidden, long layers, boolean bidirectional, long featureDim) {
        this.d = featureDim;
        norm = child("norm", new BatchNorm(melBins));
        rnn = child("rnn", new Recurrent(cell, melBins, hidden, layers, bidirectional));
        project = rnn.outputSize() == featureDim ? null : child("project", new Linear(rnn.outputSize(), featureDim));
    }

    @Override
    public long featureDim() {
        return d;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor spec = norm.forward(x.reshape(x.size(0), x.size(2), x.size(3))); // [B, mel, time]
        Tensor h = rnn.lastHidden(spec.transpose(1, 2).contiguous()); // [B, time, mel] -> [B, hidden x dirs]
        return project == null ? h : project.forward(h);
    }
}
