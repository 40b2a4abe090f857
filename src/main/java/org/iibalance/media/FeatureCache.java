package org.iibalance.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Preprocessed arrays on disk, one file per (source file identity, recipe) key. An entry holds a magic
 * number, the full key (so a hash collision can never return another clip's data), the floats and a
 * CRC-32 of everything before it. An entry that is truncated, has a bad checksum or another key is
 * never trusted: it is deleted and reported as broken, and the caller rebuilds it. Entries are written
 * to a temporary file and moved into place, so a crash leaves no half-written entry.
 */
public final class FeatureCache {
    private static final int MAGIC = 0x49494246; // "IIBF": float32 payload
    private static final int MAGIC_U8 = 0x49494255; // "IIBU": 8-bit payload of values k/255

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();

    /** A cache in {@code dir} (created when the first entry is written). */
    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    /** The folder of this cache. */
    public Path dir() {
        return dir;
    }

    /**
     * The identity of a source file for cache keys: absolute path, size and modification time. Touching
     * or replacing the file changes it.
     */
    public static String identity(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return file.toAbsolutePath().normalize() + "#" + a.size() + "#" + a.lastModifiedTime().toMillis();
    }

    /** The cached array of {@code key}, or null when absent or broken (a broken entry is deleted). */
    public float[] get(String key) {
        ByteBuffer b = read(key, MAGIC);
        if (b == null) return null;
        float[] v = new float[b.remaining() / 4];
        b.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /**
     * The cached frames of {@code key} stored by {@link #putFrames}, as floats k/255, or null when
     * absent or broken.
     */
    public float[] getFrames(String key) {
        byte[] q = getPixels(key);
        return q == null ? null : Pixels.toFloats(q);
    }

    /** The cached 8-bit values of {@code key} stored by {@link #putPixels} (or {@link #putFrames}), or null when absent or broken. */
    public byte[] getPixels(String key) {
        ByteBuffer b = read(key, MAGIC_U8);
        if (b == null) return null;
        byte[] q = new byte[b.remaining()];
        b.get(q);
        return q;
    }

    /** Stores 8-bit values (decoded frames) as they are, one byte each, atomically. */
    public void putPixels(String key, byte[] pixels) throws IOException {
        write(key, MAGIC_U8, pixels.length, ByteBuffer.wrap(pixels));
    }

    /**
     * Stores frames whose values are all k/255 (as decoded from 8-bit RGB) in one byte each, a quarter
     * of the float size; {@link #getFrames} returns exactly the same floats.
     */
    public void putFrames(String key, float[] frames) throws IOException {
        byte[] q = new byte[frames.length];
        for (int i = 0; i < q.length; i++) q[i] = (byte) Math.round(Math.max(0f, Math.min(1f, frames[i])) * 255f);
        write(key, MAGIC_U8, q.length, ByteBuffer.wrap(q));
    }

    /** The payload of an intact entry (positioned on it), or null; a broken entry is deleted. */
    private ByteBuffer read(String key, int magic) {
        Path p = pathOf(key);
        if (!Files.isRegularFile(p)) {
            misses.incrementAndGet();
            return null;
        }
        try {
            ByteBuffer v = parse(Files.readAllBytes(p), key, magic);
            if (v != null) {
                hits.incrementAndGet();
                return v;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: treated as broken below
        }
        broken.incrementAndGet();
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // it will be overwritten by the rebuilt entry
        }
        return null;
    }

    /** Stores {@code data} under {@code key}, atomically. */
    public void put(String key, float[] data) throws IOException {
        ByteBuffer payload = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        payload.asFloatBuffer().put(data);
        write(key, MAGIC, data.length, payload);
    }

    private void write(String key, int magic, int n, ByteBuffer payload) throws IOException {
        Path p = pathOf(key);
        Files.createDirectories(p.getParent());
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = ByteBuffer.allocate(12 + k.length).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(magic).putInt(k.length).put(k).putInt(n);
        byte[] body = payload.array();
        CRC32 crc = new CRC32();
        crc.update(head.array(), 0, head.position());
        crc.update(body, 0, payload.capacity());
        ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
        Path tmp = Files.createTempFile(p.getParent(), p.getFileName().toString(), ".tmp");
        try {
            // header, payload and checksum written from their own arrays: no copy of the payload
            try (var out = Files.newOutputStream(tmp)) {
                out.write(head.array(), 0, head.position());
                out.write(body, 0, payload.capacity());
                out.write(tail.array());
            }
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        written.incrementAndGet();
    }

    /** The file of an entry: {@code dir/ab/abcdef....bin}, named by the SHA-256 of the key. */
    public Path pathOf(String key) {
        String h = sha256(key);
        return dir.resolve(h.substring(0, 2)).resolve(h + ".bin");
    }

    private static ByteBuffer parse(byte[] bytes, String key, int magic) {
        if (bytes.length < 20) return null;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt() != magic) return null;
        int kl = b.getInt();
        if (kl < 0 || kl > bytes.length - 20) return null;
        byte[] k = new byte[kl];
        b.get(k);
        if (!key.equals(new String(k, StandardCharsets.UTF_8))) return null;
        int n = b.getInt();
        int width = magic == MAGIC ? 4 : 1;
        if (n < 0 || (long) b.position() + (long) width * n + 8 != bytes.length) return null;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong() != crc.getValue()) return null;
        return ByteBuffer.wrap(bytes, b.position(), width * n).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entries found intact. */
    public int hits() {
        return hits.get();
    }

    /** Entries absent. */
    public int misses() {
        return misses.get();
    }

    /** Entries found broken (truncated, bad checksum, other key) and discarded. */
    public int broken() {
        return broken.get();
    }

    /** Entries written. */
    public int written() {
        return written.get();
    }
}
