package org.iibalance.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.ArchiveWriter;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Optimizer;
import org.bytedeco.pytorch.OutputArchive;
import org.iibalance.run.SafeFiles;

/**
 * Saves and loads module weights and optimiser state in libtorch's archive format. libtorch never
 * touches the disk itself: an archive is serialised into memory and written by {@link SafeFiles}
 * (temporary file, fsync, atomic rename), and read back from bytes. A full disk is then a Java
 * {@link IOException} naming the file; when libtorch wrote the file itself, a failed write threw from
 * a native destructor and aborted the JVM ({@code c10::Error ... unexpected pos}, exit 134).
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** Writes the module's parameters (and buffers) to {@code file}, atomically. */
    public static void saveModule(Module module, Path file) throws IOException {
        SafeFiles.write(file, moduleBytes(module));
    }

    /** The module's parameters (and buffers) as libtorch archive bytes. */
    public static byte[] moduleBytes(Module module) {
        return serialise(module::save);
    }

    /** The optimiser's state (e.g. Adam's moments) as libtorch archive bytes. */
    public static byte[] optimizerBytes(Optimizer opt) {
        return serialise(opt::save);
    }

    /** Reads parameters saved by {@link #saveModule} into {@code module} (same architecture). */
    public static void loadModule(Module module, Path file) throws IOException {
        load(file, module::load, "a checkpoint of this model");
    }

    /** Writes the optimiser's state (e.g. Adam's moments) to {@code file}, atomically. */
    public static void saveOptimizer(Optimizer opt, Path file) throws IOException {
        SafeFiles.write(file, optimizerBytes(opt));
    }

    /** Restores optimiser state written by {@link #saveOptimizer}. */
    public static void loadOptimizer(Optimizer opt, Path file) throws IOException {
        load(file, opt::load, "optimiser state");
    }

    private static byte[] serialise(Consumer<OutputArchive> writer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        // the callback outlives the scope of the archive: created before it, freed after it
        ArchiveWriter sink = new ArchiveWriter() {
            @Override
            public long call(Pointer data, long size) {
                if (size <= 0) return 0;
                byte[] b = new byte[Math.toIntExact(size)];
                new BytePointer(data).get(b, 0, b.length);
                buf.write(b, 0, b.length);
                return size;
            }
        };
        try {
            try (NativeScope s = new NativeScope()) {
                OutputArchive a = new OutputArchive();
                writer.accept(a);
                a.save_to(sink);
            }
        } finally {
            sink.close();
        }
        return buf.toByteArray();
    }

    private static void load(Path file, Consumer<InputArchive> reader, String what) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": checkpoint file not found");
        byte[] bytes = Files.readAllBytes(file);
        // the bytes outlive the archive that reads them: allocated before its scope, freed after it
        BytePointer data = new BytePointer(bytes.length);
        try {
            data.put(bytes);
            try (NativeScope s = new NativeScope()) {
                InputArchive a = new InputArchive();
                a.load_from(data, bytes.length);
                reader.accept(a);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot be read as " + what + " (" + nativeMessage(e) + ")", e);
        } finally {
            data.close();
        }
    }

    /** The first line of a libtorch error, without the native stack frames that follow it. */
    static String nativeMessage(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = m.indexOf("Exception raised from");
        if (cut >= 0) m = m.substring(0, cut);
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl);
        m = m.strip();
        return m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
