package org.iibalance.nn;

import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.TensorVector;

/** Creates the optimisers the configuration names: {@code adam} or {@code sgd} (momentum 0.9). */
public final class Optimizers {
    static {
        Engine.load();
    }

    private Optimizers() {}

    public static Optimizer create(TensorVector params, String name, double lr, double weightDecay) {
        switch (name) {
            case "adam": {
                AdamOptions o = new AdamOptions(lr);
                o.weight_decay().put(weightDecay);
                return new Adam(params, o);
            }
            case "sgd": {
                SGDOptions o = new SGDOptions(lr);
                o.momentum().put(0.9);
                o.weight_decay().put(weightDecay);
                return new SGD(params, o);
            }
            default:
                throw new IllegalArgumentException("unknown optimiser '" + name + "' (allowed: adam, sgd)");
        }
    }
}
