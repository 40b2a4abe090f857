package org.iibalance.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How everything in a run folder reaches the disk. A file is written to a temporary sibling
 * ({@code .<name>.<random>.tmp}), forced to the device, renamed over the target in one atomic step,
 * and the folder is forced too, so that a reader or a crash sees the old file or the new one, never
 * half of one. Files are created with the ordinary mode ({@code 0666} less the umask: 0644 under a
 * umask of 022), not the {@code 0600} of {@link Files#createTempFile}, so colleagues on a shared server
 * can read the run. A failed write (a full disk) deletes its temporary file and throws an
 * {@link IOException} naming the file, the cause and the free space left on its disk.
 */
public final class SafeFiles {
    /**
     * A test seam: called with each file about to be written (after half of its bytes reached the
     * temporary file); it may throw to simulate a device error such as a full disk. Null in production.
     */
    public interface Fault {
        void check(Path file) throws IOException;
    }

    private static volatile Fault fault;

    private SafeFiles() {}

    /** Installs (or, with null, removes) the injected write fault; tests only. */
    public static void injectFault(Fault f) {
        fault = f;
    }

    /** Writes UTF-8 text atomically. */
    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes atomically (temporary file, fsync, rename, fsync of the folder). */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw failure(file, e);
        }
        Path tmp = parent.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                int half = bytes.length / 2;
                out.write(bytes, 0, half);
                Fault f = fault;
                if (f != null) f.check(file);
                out.write(bytes, half, bytes.length - half);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(parent);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the failure below is the news; a leftover temporary file is named in it
            }
            throw failure(file, e);
        }
    }

    /**
     * The fallback when {@link #write} fails for want of space: overwrites an existing file's bytes in
     * place and truncates it (no new blocks are needed while the new text fits in the old one's
     * 4 KB blocks). Not atomic; used only for the small {@code state.json} at the end of a failing run.
     *
     * @return whether the file was rewritten
     */
    static boolean overwriteInPlace(Path file, byte[] bytes) {
        if (!Files.isRegularFile(file)) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (bytes.length > (ch.size() + 4095) / 4096 * 4096) return false; // would need a new block
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) ch.write(b, b.position());
            ch.truncate(bytes.length);
            ch.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Forces a folder's entries (renames, creations) to the device; a no-op where folders cannot be opened. */
    public static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on this platform (Windows): renames are still atomic there
        }
    }

    /**
     * The exception for a failed write: names the file, the cause and the free space of its disk
     * (e.g. "cannot write runs/x/results.json: No space left on device (12 KB free on /dev/sda1)").
     */
    public static IOException failure(Path file, IOException cause) {
        if (cause.getMessage() != null && cause.getMessage().startsWith("cannot write ")) return cause;
        String why = cause instanceof NoSuchFileException ? "no such folder" : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) why = fse.getReason();
        return new IOException("cannot write " + file + ": " + why + freeSpace(file), cause);
    }

    private static String freeSpace(Path file) {
        Path p = file.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) return "";
        try {
            FileStore s = Files.getFileStore(p);
            return " (" + human(s.getUsableSpace()) + " free on " + s + ")";
        } catch (IOException e) {
            return "";
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return bytes / 1024 + " KB";
        if (bytes < 1024L * 1024 * 1024) return bytes / (1024 * 1024) + " MB";
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
