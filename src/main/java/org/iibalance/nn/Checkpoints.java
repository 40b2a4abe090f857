package org.iibalance.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;

/**
 * Saves and loads module weights and optimiser state in libtorch's archive format. Files are written
 * to a temporary name first and moved into place, so a crash never leaves a half-written checkpoint.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** Writes the module's parameters (and buffers) to {@code file}, atomically. */
    public static void saveModule(Module module, Path file) throws IOException {
        save(file, module::save);
    }

    /** Reads parameters saved by {@link #saveModule} into {@code module} (same architecture). */
    public static void loadModule(Module module, Path file) throws IOException {
        load(file, module::load, "a checkpoint of this model");
    }

    /** Writes the optimiser's state (e.g. Adam's moments) to {@code file}, atomically. */
    public static void saveOptimizer(Optimizer opt, Path file) throws IOException {
        save(file, opt::save);
    }

    /** Restores optimiser state written by {@link #saveOptimizer}. */
    public static void loadOptimizer(Optimizer opt, Path file) throws IOException {
        load(file, opt::load, "optimiser state");
    }

    private static void save(Path file, Consumer<OutputArchive> writer) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (NativeScope s = new NativeScope()) {
            OutputArchive a = new OutputArchive();
            writer.accept(a);
            a.save_to(tmp.toString());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void load(Path file, Consumer<InputArchive> reader, String what) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": checkpoint file not found");
        try (NativeScope s = new NativeScope()) {
            InputArchive a = new InputArchive();
            a.load_from(file.toString());
            reader.accept(a);
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot be read as " + what + " (" + e.getMessage() + ")", e);
        }
    }
}
