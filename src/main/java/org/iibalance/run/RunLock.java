package org.iibalance.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The lock of a run folder: an OS file lock ({@link FileChannel#tryLock}) on {@code run.lock} in the
 * folder, held by the process that writes the run for the run's whole life and released when it ends
 * (or when the process dies: the OS drops the lock of a killed process, so a stale file never blocks).
 * The file holds the holder's pid, host and start time, so a second writer is refused with a message
 * naming them. The file stays after the run; only the lock matters.
 */
public final class RunLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another process (or another run in this one) holds the folder. */
    public static final class HeldException extends IOException {
        HeldException(String m) {
            super(m);
        }
    }

    /**
     * Takes the lock of the run folder {@code dir} without waiting.
     *
     * @throws HeldException when another run holds it (the message names the folder and the holder)
     * @throws IOException   when the lock file cannot be written
     */
    public static RunLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.LOCK);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw SafeFiles.failure(file, e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // held by another run of this JVM
        } catch (IOException e) {
            ch.close();
            throw SafeFiles.failure(file, e);
        }
        if (l == null) {
            String holder = holder(ch);
            ch.close();
            throw new HeldException(dir + " is in use by another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait for it to end or stop it first");
        }
        String me = "pid " + ProcessHandle.current().pid() + " on " + Provenance.hostName() + " since " + Instant.now();
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
        return new RunLock(file, ch, l);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(4096, ch.size()));
            ch.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether some run holds the folder's lock now (read-only probe: tries and releases at once). */
    public static boolean isHeld(Path dir) {
        if (!Files.isRegularFile(dir.resolve(RunFiles.LOCK))) return false;
        try (RunLock l = acquire(dir)) {
            return false;
        } catch (HeldException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
