package org.iibalance.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.iibalance.data.Clip;
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
 * sees the same batches as an uninterrupted one.
 */
public final class Batcher implements BatchSource {
    private final MultimodalDataset data;
    private final Device device;
    private final int batchSize;
    private final long seed;

    public Batcher(MultimodalDataset data, Device device, int batchSize, long seed) {
        this.data = data;
        this.device = device;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public void train(int epoch, BatchConsumer consumer) throws InterruptedException {
        List<Clip> order = new ArrayList<>(data.train());
        Collections.shuffle(order, org.iibalance.data.Seeds.shuffler(seed, 1_000_003L, epoch));
        run(order, consumer);
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

    /** Batches of any list of clips, in order. */
    public void run(List<Clip> clips, BatchConsumer consumer) throws InterruptedException {
        for (int start = 0; start < clips.size(); start += batchSize) {
            List<Clip> part = clips.subList(start, Math.min(clips.size(), start + batchSize));
            try (NativeScope scope = new NativeScope()) {
                consumer.accept(batch(part));
            }
        }
    }

    /** One batch of the given clips (callers own the native scope). */
    public Batch batch(List<Clip> part) {
        int b = part.size();
        List<Tensor> inputs = new ArrayList<>();
        for (int m = 0; m < data.modalityCount(); m++) {
            ModalitySpec spec = data.modalities().get(m);
            int n = spec.size();
            float[] flat = new float[b * n];
            for (int i = 0; i < b; i++) {
                float[] x = part.get(i).input(m);
                if (x.length != n) throw new IllegalStateException("clip " + part.get(i).id() + ": " + spec.name() + " has " + x.length + " values, expected " + n);
                System.arraycopy(x, 0, flat, i * n, n);
            }
            long[] shape = new long[spec.shape().length + 1];
            shape[0] = b;
            System.arraycopy(spec.shape(), 0, shape, 1, spec.shape().length);
            inputs.add(Tensors.floats(flat, device, shape));
        }
        int[] labels = new int[b];
        List<String> ids = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            labels[i] = part.get(i).label();
            ids.add(part.get(i).id());
        }
        return new Batch(inputs, labels, Ops.oneHot(labels, data.classes(), device, torch.ScalarType.Float), ids);
    }
}
