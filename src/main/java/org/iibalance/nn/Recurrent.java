package org.iibalance.nn;

import org.bytedeco.pytorch.GRUImpl;
import org.bytedeco.pytorch.GRUOptions;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A GRU or LSTM over a sequence [N, T, F] (batch first), libtorch's own {@code torch::nn::GRU/LSTM}
 * (PyTorch's initialisation, cuDNN on a GPU). {@link #lastHidden} gives the final hidden state of the
 * top layer, both directions concatenated: [N, hidden x directions].
 */
public final class Recurrent extends NetModule {
    /** Which cell. */
    public enum Cell { GRU, LSTM }

    private final Cell cell;
    private final GRUImpl gru;
    private final LSTMImpl lstm;
    private final long hidden;
    private final int directions;
    private final long layers;

    public Recurrent(Cell cell, long inputSize, long hidden, long layers, boolean bidirectional) {
        this.cell = cell;
        this.hidden = hidden;
        this.layers = layers;
        this.directions = bidirectional ? 2 : 1;
        if (cell == Cell.GRU) {
            GRUOptions o = new GRUOptions(inputSize, hidden);
            o.num_layers().put(layers);
            o.batch_first().put(true);
            o.bidirectional().put(bidirectional);
            gru = child("gru", new GRUImpl(o));
            lstm = null;
        } else {
            LSTMOptions o = new LSTMOptions(inputSize, hidden);
            o.num_layers().put(layers);
            o.batch_first().put(true);
            o.bidirectional().put(bidirectional);
            lstm = child("lstm", new LSTMImpl(o));
            gru = null;
        }
    }

    /** Size of {@link #lastHidden}'s rows: hidden x directions. */
    public long outputSize() {
        return hidden * directions;
    }

    /** The final hidden state of the top layer (each direction's last step), [N, hidden x directions]. */
    public Tensor lastHidden(Tensor x) {
        // h_n: [layers x directions, N, hidden], ordered layer by layer, forward then backward
        // get0/get1 return references into the returned tuple: take an owned copy (shares the storage)
        // so that the tensor does not depend on the tuple object staying alive
        Tensor hn = new Tensor(cell == Cell.GRU ? gru.forward(x).get1() : lstm.forward(x).get1().get0());
        Tensor top = hn.narrow(0, (layers - 1) * directions, directions); // [directions, N, hidden]
        return top.permute(1, 0, 2).reshape(x.size(0), outputSize());
    }

    /** The inner libtorch module (for tests). */
    Module inner() {
        return cell == Cell.GRU ? gru : lstm;
    }
}
