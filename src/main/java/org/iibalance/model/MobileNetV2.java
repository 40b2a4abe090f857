package org.iibalance.model;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.BatchNorm;
import org.iibalance.nn.Conv2d;
import org.iibalance.nn.NetModule;

/**
 * MobileNetV2 (Sandler et al., CVPR 2018) as torchvision builds it, trained from scratch, on images
 * [N, C, H, W] to [N, d]: a 3x3 stride-2 convolution to 32 channels, the 17 inverted-residual blocks
 * (expansion t, channels c, repeats n, first stride s: 1/16/1/1, 6/24/2/2, 6/32/3/2, 6/64/4/2,
 * 6/96/3/1, 6/160/3/2, 6/320/1/1), a 1x1 convolution to 1280 channels, each convolution followed by
 * BatchNorm and ReLU6 except the linear bottlenecks, global average pooling, then a linear projection
 * to d when 1280 differs from d. Channels are multiplied by {@code width} and rounded to multiples of
 * 8 as torchvision does. Initialisation as torchvision's: kaiming-normal (fan_out) convolutions,
 * BatchNorm weight 1 and bias 0. The paper's visual backbone for CREMA-D (faces), applied per frame.
 */
public final class MobileNetV2 extends Encoder {
    private static final int[][] SETTINGS = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    private final ConvNormAct stem;
    private final List<InvertedResidual> blocks = new ArrayList<>();
    private final ConvNormAct last;
    private final PooledProjection head;

    public MobileNetV2(long inChannels, double width, long featureDim) {
        long in = divisible(32 * width);
        long backboneDim = divisible(1280 * Math.max(1.0, width));
        stem = child("stem", new ConvNormAct(inChannels, in, 3, 2, 1));
        int k = 0;
        for (int[] s : SETTINGS) {
            long out = divisible(s[1] * width);
            for (int i = 0; i < s[2]; i++) {
                blocks.add(child("block" + k++, new InvertedResidual(in, out, i == 0 ? s[3] : 1, s[0])));
                in = out;
            }
        }
        last = child("last", new ConvNormAct(in, backboneDim, 1, 1, 1));
        head = child("project", new PooledProjection(backboneDim, featureDim));
    }

    /** torchvision's _make_divisible(v, 8): the nearest multiple of 8, at least 8, not below 90% of v. */
    static long divisible(double v) {
        long n = Math.max(8, (long) (v + 4) / 8 * 8);
        if (n < 0.9 * v) n += 8;
        return n;
    }

    @Override
    public long featureDim() {
        return head.featureDim();
    }

    /** Width of the pooled backbone features before the projection. */
    public long backboneDim() {
        return head.backboneDim();
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = stem.forward(x);
        for (InvertedResidual b : blocks) h = b.forward(h);
        return head.forward(last.forward(h));
    }

    /** Convolution, BatchNorm and (optionally) ReLU6. */
    static final class ConvNormAct extends NetModule {
        private final Conv2d conv;
        private final BatchNorm bn;
        private final boolean act;

        ConvNormAct(long in, long out, long kernel, long stride, long groups, boolean act) {
            conv = child("conv", Conv2d.kaiming(in, out, kernel, stride, (kernel - 1) / 2, groups));
            bn = child("bn", new BatchNorm(out));
            this.act = act;
        }

        ConvNormAct(long in, long out, long kernel, long stride, long groups) {
            this(in, out, kernel, stride, groups, true);
        }

        Tensor forward(Tensor x) {
            Tensor h = bn.forward(conv.forward(x));
            return act ? torch.relu6(h) : h;
        }
    }

    /** Expand (1x1, unless t = 1), depthwise 3x3, linear 1x1 bottleneck; a residual when the shape is kept. */
    static final class InvertedResidual extends NetModule {
        private final ConvNormAct expand;
        private final ConvNormAct depthwise;
        private final ConvNormAct project;
        private final boolean residual;

        InvertedResidual(long in, long out, long stride, long expansion) {
            long hidden = Math.round(in * (double) expansion);
            expand = expansion == 1 ? null : child("expand", new ConvNormAct(in, hidden, 1, 1, 1));
            depthwise = child("depthwise", new ConvNormAct(hidden, hidden, 3, stride, hidden));
            project = child("project", new ConvNormAct(hidden, out, 1, 1, 1, false));
            residual = stride == 1 && in == out;
        }

        Tensor forward(Tensor x) {
            Tensor h = expand == null ? x : expand.forward(x);
            h = project.forward(depthwise.forward(h));
            return residual ? h.add(x) : h;
        }
    }
}
