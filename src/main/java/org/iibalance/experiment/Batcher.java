package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.config.DatasetConfig;
import org.iibalance.data.AugmentedInputs;
import org.iibalance.data.BatchLoader;
import org.iibalance.data.Clip;
import org.iibalance.data.FrameAugmentation;
import org.iibalance.data.FrameSampler;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.MultimodalDataset;
import org.iibalance.method.BatchSource;
import org.iibalance.model.Batch;
import org.iibalance.nn.NativeScope;
import org.iibalance.nn.Ops;
import org.iibalance.nn.Tensors;

/**
 * Forms mini-batches on the device from a dataset's clips. Every batch lives in its own
 * {@link NativeScope}, so its tensors (and everything computed from them) are freed when the
 * consumer returns. The training order of epoch e is a shuffle seeded by (seed, e): a resumed run
 * sees the same batches as an uninterrupted one. The batches' arrays are read and assembled ahead on
 * worker threads ({@link BatchLoader}); the result does not depend on their timing.
 */
public final class Batcher implements BatchSource {
    private final MultimodalDataset data;
    private final Device device;
    private final int batchSize;
    private final long seed;
    private final FrameSampler[] samplers;
    private final FrameAugmentation[] augmentations;
    private final List<ModalitySpec> seen;
    /** Worker threads that read and assemble batches (one: the trainer holds the other core). */
    static final int LOADER_WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
    /** Batches read ahead of the one training. */
    static final int BATCHES_AHEAD = 3;
    private volatile BatchLoader.PassStats last = new BatchLoader.PassStats(0, 0, 0);

    public Batcher(MultimodalDataset data, Device device, int batchSize, long seed) {
        this(data, device, batchSize, seed, 0);
    }

    /**
     * A batcher that feeds the model {@code framesPerClip} of each clip's frames ({@link FrameSampler}:
     * random per clip and epoch in training, evenly spaced otherwise); 0, or not fewer than the
     * clip's frames, feeds them all.
     */
    public Batcher(MultimodalDataset data, Device device, int batchSize, long seed, int framesPerClip) {
        this(data, device, batchSize, seed, framesPerClip, DatasetConfig.AugmentConfig.defaults());
    }

    /**
     * A batcher as above whose training passes also augment the frames ({@code dataset.visual.augment}:
     * a random crop and flip per clip and epoch, {@link FrameAugmentation}); validation, test and
     * {@link #trainInOrder} see the frames as decoded.
     */
    public Batcher(MultimodalDataset data, Device device, int batchSize, long seed, int framesPerClip, DatasetConfig.AugmentConfig augment) {
        this.data = data;
        this.device = device;
        this.batchSize = batchSize;
        this.seed = seed;
        List<ModalitySpec> seen = new ArrayList<>(data.modalities());
        FrameSampler[] samplers = new FrameSampler[seen.size()];
        for (int m = 0; m < seen.size(); m++) {
            ModalitySpec s = seen.get(m);
            if (s.kind() != ModalitySpec.Kind.FRAMES || framesPerClip <= 0 || framesPerClip >= s.shape()[0]) continue;
            samplers[m] = new FrameSampler((int) s.shape()[0], framesPerClip, s.size() / (int) s.shape()[0]);
            seen.set(m, samplers[m].seen(s));
        }
        this.samplers = samplers;
        this.seen = List.copyOf(seen);
        FrameAugmentation[] aug = new FrameAugmentation[seen.size()];
        for (int m = 0; m < seen.size(); m++) {
            long[] s = seen.get(m).shape();
            if (augment == null || !augment.active() || seen.get(m).kind() != ModalitySpec.Kind.FRAMES || s.length != 4) continue;
            aug[m] = new FrameAugmentation(augment.cropFraction(), augment.flip(), (int) s[1], (int) s[2], (int) s[3]);
        }
        this.augmentations = aug;
    }

    /** The modalities as the model sees them (a frames modality with {@code framesPerClip} frames). */
    public List<ModalitySpec> seenModalities() {
        return seen;
    }

    /**
     * Training epoch e: a random choice of frames per clip, then the augmentation (when on), both seeded
     * by (seed, e, clip id). Only the chosen frames are read as floats. A clip whose dataset made a
     * variant per epoch ({@link AugmentedInputs}: AV-MNIST's audio augmentation) gives epoch e's variant.
     */
    private BatchLoader.View trainingView(int epoch) {
        return (clip, m) -> {
            float[] x = samplers[m] == null ? AugmentedInputs.training(clip, m, epoch) : samplers[m].take(clip, m, samplers[m].random(seed, epoch, clip.id()));
            return augmentations[m] == null ? x : augmentations[m].apply(x, seed, epoch, clip.id());
        };
    }

    /** Evaluation and estimates: the same evenly spaced frames every time, never augmented. */
    private BatchLoader.View fixedView() {
        return (clip, m) -> samplers[m] == null ? clip.input(m) : samplers[m].take(clip, m, samplers[m].evenly());
    }

    @Override
    public void train(int epoch, BatchConsumer consumer) throws InterruptedException {
        List<Clip> order = new ArrayList<>(data.train());
        Collections.shuffle(order, org.iibalance.data.Seeds.shuffler(seed, 1_000_003L, epoch));
        run(order, trainingView(epoch), consumer);
    }

    @Override
    public void trainInOrder(BatchConsumer consumer) throws InterruptedException {
        run(data.train(), consumer);
    }

    @Override
    public void validation(BatchConsumer consumer) throws InterruptedException {
        run(data.val(), consumer);
    }

    /** The test split, in order (final evaluation only). */
    public void test(BatchConsumer consumer) throws InterruptedException {
        run(data.test(), consumer);
    }

    @Override
    public int trainBatches() {
        return (data.train().size() + batchSize - 1) / batchSize;
    }

    @Override
    public int trainClips() {
        return data.train().size();
    }

    /**
     * Batches of any list of clips, in order: assembled on a {@link BatchLoader}'s worker threads
     * ({@link #LOADER_WORKERS}, up to {@link #BATCHES_AHEAD} batches ahead) while this thread trains on
     * the previous one; the tensors are made here, each batch in its own native scope.
     */
    public void run(List<Clip> clips, BatchConsumer consumer) throws InterruptedException {
        run(clips, fixedView(), consumer);
    }

    private void run(List<Clip> clips, BatchLoader.View view, BatchConsumer consumer) throws InterruptedException {
        try (BatchLoader loader = new BatchLoader(seen, batchSize, LOADER_WORKERS, BATCHES_AHEAD)) {
            try {
                loader.pass(clips, view, host -> {
                    try (NativeScope scope = new NativeScope()) {
                        consumer.accept(tensors(host));
                    }
                });
            } finally {
                last = loader.lastPass();
            }
        }
    }

    /**
     * The time accounting of the last pass: how long the training thread waited for data against the
     * pass's wall time ({@link BatchLoader.PassStats#waitFraction()}).
     */
    public BatchLoader.PassStats lastPass() {
        return last;
    }

    /** One batch of the given clips, assembled on this thread (callers own the native scope). */
    public Batch batch(List<Clip> part) {
        try (BatchLoader loader = new BatchLoader(seen, Math.max(1, part.size()), 1, 1)) {
            return tensors(loader.assemble(part, fixedView()));
        }
    }

    private Batch tensors(BatchLoader.HostBatch host) {
        int b = host.size();
        List<Tensor> inputs = new ArrayList<>();
        for (int m = 0; m < data.modalityCount(); m++) {
            ModalitySpec spec = seen.get(m);
            long[] shape = new long[spec.shape().length + 1];
            shape[0] = b;
            System.arraycopy(spec.shape(), 0, shape, 1, spec.shape().length);
            inputs.add(Tensors.floats(host.inputs().get(m), device, shape));
        }
        return new Batch(inputs, host.labels(), Ops.oneHot(host.labels(), data.classes(), device, torch.ScalarType.Float), host.ids());
    }
}
