package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.pytorch.Optimizer;
import org.iibalance.model.MultimodalNetwork;
import org.iibalance.nn.Checkpoints;
import org.iibalance.run.CheckpointState;
import org.iibalance.run.RunFiles;
import org.iibalance.run.RunFolder;

/**
 * The tensors of a checkpoint folder ({@code checkpoints/last} or {@code checkpoints/best}): the
 * network and optimiser, beside the {@link CheckpointState} the run package writes. Written into a
 * temporary folder, then swapped in.
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static void save(Path dir, MultimodalNetwork net, Optimizer opt, CheckpointState meta) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        RunFolder.deleteTree(tmp);
        Files.createDirectories(tmp);
        Checkpoints.saveModule(net, tmp.resolve(RunFiles.CHECKPOINT_MODEL));
        if (opt != null) Checkpoints.saveOptimizer(opt, tmp.resolve(RunFiles.CHECKPOINT_OPTIMIZER));
        meta.write(tmp);
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        RunFolder.deleteTree(old);
        if (Files.exists(dir)) Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        RunFolder.deleteTree(old);
    }

    public static CheckpointState load(Path dir, MultimodalNetwork net, Optimizer opt) throws IOException {
        Checkpoints.loadModule(net, dir.resolve(RunFiles.CHECKPOINT_MODEL));
        Path o = dir.resolve(RunFiles.CHECKPOINT_OPTIMIZER);
        if (opt != null && Files.exists(o)) Checkpoints.loadOptimizer(opt, o);
        return CheckpointState.read(dir);
    }

    public static boolean exists(Path dir) {
        return CheckpointState.exists(dir);
    }
}
