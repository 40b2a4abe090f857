package org.iibalance.model;

import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.iibalance.nn.Linear;
import org.iibalance.nn.NetModule;

/**
 * The end of a convolutional backbone: global average pooling of its feature map [N, C, H, W] to
 * [N, C], then a linear projection to d, the size every z_m shares (Eq. 3-4, 10), when C differs
 * from d. Shared by {@link ResNet18} and {@link MobileNetV2}.
 */
final class PooledProjection extends NetModule {
    private final Linear project;
    private final long backboneDim;
    private final long d;

    PooledProjection(long backboneDim, long featureDim) {
        this.backboneDim = backboneDim;
        this.d = featureDim;
        project = backboneDim == featureDim ? null : child("linear", new Linear(backboneDim, featureDim));
    }

    Tensor forward(Tensor featureMap) {
        Tensor pooled = featureMap.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
        return project == null ? pooled : project.forward(pooled);
    }

    /** C, the width of the pooled backbone features. */
    long backboneDim() {
        return backboneDim;
    }

    /** d. */
    long featureDim() {
        return d;
    }
}
