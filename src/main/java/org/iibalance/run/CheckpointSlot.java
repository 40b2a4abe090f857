package org.iibalance.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One checkpoint folder ({@code checkpoints/last} or {@code checkpoints/best}) replaced so that a crash
 * at any point leaves a complete checkpoint to resume from:
 * <ol>
 * <li>the new checkpoint is written into {@code <name>.tmp} (each file forced to the device, its
 * {@code state.json} last: a checkpoint is complete when its {@code state.json} and
 * {@code model.pt} exist);</li>
 * <li>{@code <name>} is renamed to {@code <name>.old};</li>
 * <li>{@code <name>.tmp} is renamed to {@code <name>} (and the folder forced);</li>
 * <li>{@code <name>.old} is deleted.</li>
 * </ol>
 * {@link #recover} (run before resuming) takes the newest complete one of {@code <name>},
 * {@code <name>.old} and {@code <name>.tmp} (most epochs completed), puts it at {@code <name>} and
 * deletes the others. A failed write (a full disk) deletes {@code <name>.tmp}, keeps the previous
 * checkpoint in place and throws an {@link IOException} naming the file.
 */
public final class CheckpointSlot {
    /** The points between the steps above, for {@link Crash}. */
    public enum Step {
        /** the new checkpoint is complete in {@code .tmp}. */
        WRITTEN,
        /** the previous one was renamed to {@code .old}. */
        OLD_SET_ASIDE,
        /** the new one was renamed into place. */
        IN_PLACE
    }

    /** Writes the files of a checkpoint into a fresh folder ({@code state.json} last). */
    public interface Content {
        void writeInto(Path dir) throws IOException;
    }

    /** A test seam: called at each {@link Step}; a test throws an {@link Error} there to simulate a crash (nothing is cleaned). */
    public interface Crash {
        void at(Step step, Path dir);
    }

    private static volatile Crash crash;

    private CheckpointSlot() {}

    /** Installs (or, with null, removes) the simulated crash; tests only. */
    public static void injectCrash(Crash c) {
        crash = c;
    }

    static Path tmp(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".tmp");
    }

    static Path old(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".old");
    }

    private static void step(Step s, Path dir) {
        Crash c = crash;
        if (c != null) c.at(s, dir);
    }

    /** Replaces the checkpoint {@code dir} with the one {@code content} writes (steps 1-4 above). */
    public static void commit(Path dir, Content content) throws IOException {
        Path tmp = tmp(dir), old = old(dir);
        RunFolder.deleteTree(tmp);
        try {
            Files.createDirectories(tmp);
            content.writeInto(tmp);
            SafeFiles.syncFolder(tmp);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw SafeFiles.failure(tmp, e);
        }
        step(Step.WRITTEN, dir);
        try {
            if (Files.exists(dir)) {
                RunFolder.deleteTree(old);
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            step(Step.OLD_SET_ASIDE, dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            SafeFiles.syncFolder(dir.toAbsolutePath().getParent());
        } catch (IOException e) {
            if (!Files.exists(dir) && Files.exists(old)) {
                try {
                    Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE); // put the previous checkpoint back
                } catch (IOException ignored) {
                    // recover() will find it as .old
                }
            }
            deleteQuietly(tmp);
            throw SafeFiles.failure(dir, e);
        }
        step(Step.IN_PLACE, dir);
        RunFolder.deleteTree(old);
    }

    /**
     * Puts the newest complete checkpoint of {@code dir}, {@code dir.old} and {@code dir.tmp} at
     * {@code dir} and deletes the rest (a crash may have stopped {@link #commit} between any two steps).
     *
     * @return whether a complete checkpoint is now at {@code dir}
     * @throws IOException naming the file when a checkpoint's {@code state.json} exists but cannot be
     *                     read (it is written last and atomically, so no crash leaves it so)
     */
    public static boolean recover(Path dir) throws IOException {
        Path best = null;
        int bestEpochs = -1;
        List<Path> all = List.of(dir, old(dir), tmp(dir));
        for (Path c : all) {
            if (!CheckpointState.exists(c)) continue;
            int e = CheckpointState.read(c).epochsCompleted();
            if (e > bestEpochs) { // ties keep the earlier candidate: dir, then .old, then .tmp
                best = c;
                bestEpochs = e;
            }
        }
        List<Path> rest = new ArrayList<>(all);
        rest.remove(best);
        if (best != null && !best.equals(dir)) {
            RunFolder.deleteTree(dir);
            Files.move(best, dir, StandardCopyOption.ATOMIC_MOVE);
            SafeFiles.syncFolder(dir.toAbsolutePath().getParent());
        }
        for (Path p : rest) if (!p.equals(dir)) RunFolder.deleteTree(p);
        if (best == null) RunFolder.deleteTree(dir);
        return best != null;
    }

    private static void deleteQuietly(Path p) {
        try {
            RunFolder.deleteTree(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
