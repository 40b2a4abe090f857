package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Checkpoints;
import org.iibalance.run.CheckpointSlot;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.RunFiles;
import org.iibalance.run.SafeFiles;

/**
 * The tensors of a checkpoint folder ({@code checkpoints/last} or {@code checkpoints/best}): the
 * network and optimiser, beside the {@link CheckpointState} the run package writes. Replaced through
 * {@link CheckpointSlot} (new folder, fsync, atomic swap), so a crash at any point leaves a complete
 * checkpoint, and a full disk is an {@link IOException} naming the file.
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static void save(Path dir, MultimodalNetwork net, Optimizer opt, CheckpointState meta) throws IOException {
        byte[] model = Checkpoints.moduleBytes(net);
        byte[] optimizer = opt == null ? null : Checkpoints.optimizerBytes(opt);
        CheckpointSlot.commit(dir, tmp -> {
            SafeFiles.write(tmp.resolve(RunFiles.CHECKPOINT_MODEL), model);
            if (optimizer != null) SafeFiles.write(tmp.resolve(RunFiles.CHECKPOINT_OPTIMIZER), optimizer);
            meta.write(tmp); // last: its presence marks the checkpoint complete
        });
    }

    /** Loads a checkpoint into the network (and optimiser); its state is read first, so a bad one is named before any weight changes. */
    public static CheckpointState load(Path dir, MultimodalNetwork net, Optimizer opt) throws IOException {
        CheckpointState meta = CheckpointState.read(dir);
        Checkpoints.loadModule(net, dir.resolve(RunFiles.CHECKPOINT_MODEL));
        Path o = dir.resolve(RunFiles.CHECKPOINT_OPTIMIZER);
        if (opt != null && Files.exists(o)) Checkpoints.loadOptimizer(opt, o);
        return meta;
    }

    public static boolean exists(Path dir) {
        return CheckpointState.exists(dir);
    }
}
