package org.iibalance.model;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.nn.BatchNorm;
import org.iibalance.nn.Conv2d;
import org.iibalance.nn.NetModule;

/**
 * ResNet-18 (He et al., CVPR 2016) as torchvision builds it, trained from scratch, on images
 * [N, C, H, W] to [N, d]: a 7x7 stride-2 convolution, BatchNorm, ReLU and 3x3 stride-2 max-pooling,
 * four stages of two basic blocks (64, 128, 256, 512 channels, times {@code width}; stride 2 and a
 * 1x1 projection shortcut at the start of stages 2-4), global average pooling, then a linear
 * projection to d when 512 x width differs from d. Initialisation as torchvision's: kaiming-normal
 * (fan_out, ReLU) convolutions, BatchNorm weight 1 and bias 0.
 *
 * <p>The paper's visual backbone for Kinetics-Sounds and AVE (applied per frame by {@link FrameEncoder});
 * with one input channel, the audio encoder of OGM-GE and PMR on spectrograms.
 */
public final class ResNet18 extends Encoder {
    private final Conv2d stem;
    private final BatchNorm stemNorm;
    private final BasicBlock[] blocks = new BasicBlock[8];
    private final PooledProjection head;

    public ResNet18(long inChannels, double width, long featureDim) {
        long[] planes = new long[4];
        for (int i = 0; i < 4; i++) planes[i] = Math.max(1, Math.round((64L << i) * width));
        stem = child("conv1", Conv2d.kaiming(inChannels, planes[0], 7, 2, 3, 1));
        stemNorm = child("bn1", new BatchNorm(planes[0]));
        long in = planes[0];
        for (int stage = 0; stage < 4; stage++) {
            for (int j = 0; j < 2; j++) {
                long stride = stage > 0 && j == 0 ? 2 : 1;
                blocks[2 * stage + j] = child("layer" + (stage + 1) + "_" + j, new BasicBlock(in, planes[stage], stride));
                in = planes[stage];
            }
        }
        head = child("project", new PooledProjection(in, featureDim));
    }

    @Override
    public long featureDim() {
        return head.featureDim();
    }

    /** Width of the pooled backbone features before the projection (512 x width). */
    public long backboneDim() {
        return head.backboneDim();
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = torch.relu(stemNorm.forward(stem.forward(x)));
        h = torch.max_pool2d(h, new long[] {3, 3}, new long[] {2, 2}, new long[] {1, 1}, new long[] {1, 1}, false);
        for (BasicBlock b : blocks) h = b.forward(h);
        return head.forward(h);
    }

    /** Two 3x3 convolutions with BatchNorm and a shortcut (a strided 1x1 convolution + BatchNorm when the shape changes). */
    static final class BasicBlock extends NetModule {
        private final Conv2d conv1;
        private final BatchNorm bn1;
        private final Conv2d conv2;
        private final BatchNorm bn2;
        private final Conv2d down;
        private final BatchNorm downNorm;

        BasicBlock(long in, long out, long stride) {
            conv1 = child("conv1", Conv2d.kaiming(in, out, 3, stride, 1, 1));
            bn1 = child("bn1", new BatchNorm(out));
            conv2 = child("conv2", Conv2d.kaiming(out, out, 3, 1, 1, 1));
            bn2 = child("bn2", new BatchNorm(out));
            if (stride != 1 || in != out) {
                down = child("downsample_conv", Conv2d.kaiming(in, out, 1, stride, 0, 1));
                downNorm = child("downsample_bn", new BatchNorm(out));
            } else {
                down = null;
                downNorm = null;
            }
        }

        Tensor forward(Tensor x) {
            Tensor h = torch.relu(bn1.forward(conv1.forward(x)));
            h = bn2.forward(conv2.forward(h));
            Tensor shortcut = down == null ? x : downNorm.forward(down.forward(x));
            return torch.relu(h.add(shortcut));
        }
    }
}
