package org.iibalance.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A content fingerprint of a run's data: SHA-256 over every split in order (train, val, test), and in
 * each split over every clip's id, label and, for the clips sampled, its decoded inputs (the float
 * arrays the network sees, little-endian IEEE 754 bits, modality by modality). Inputs of all clips
 * are hashed while a split's inputs hold at most {@link #FULL_LIMIT} floats; past that every k-th
 * clip's inputs (k = ceil(floats / limit), always the first clip) so the cost stays a few hundred
 * milliseconds; ids and labels are always hashed in full. Written as {@code sha256:<hex>}, with
 * {@code /sampled 1-in-k} appended when some split was sampled. Two runs with the same fingerprint
 * trained on the same numbers; a changed file, decoder or standardisation changes it.
 */
public final class DataFingerprint {
    /** Floats of decoded input per split hashed in full (16 M floats, 64 MB). */
    public static final long FULL_LIMIT = 16L << 20;

    private final MessageDigest sha;
    private final long limit;
    private int maxStride = 1;

    public DataFingerprint() {
        this(FULL_LIMIT);
    }

    /** A fingerprint hashing at most {@code limit} floats of input per split in full (tests use small limits). */
    DataFingerprint(long limit) {
        this.limit = Math.max(1, limit);
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a split (its name, then its clips). */
    public <C> DataFingerprint split(String name, List<C> clips, java.util.function.Function<C, String> id, java.util.function.ToIntFunction<C> label,
            java.util.function.Function<C, List<float[]>> inputs) {
        text("split:" + name + ":" + clips.size());
        long floats = 0;
        for (C c : clips) for (float[] a : inputs.apply(c)) floats += a.length;
        int stride = (int) Math.max(1, (floats + limit - 1) / limit);
        maxStride = Math.max(maxStride, stride);
        for (int i = 0; i < clips.size(); i++) {
            C c = clips.get(i);
            text(id.apply(c));
            sha.update(ByteBuffer.allocate(4).putInt(label.applyAsInt(c)).array());
            if (i % stride != 0) continue;
            for (float[] a : inputs.apply(c)) {
                ByteBuffer b = ByteBuffer.allocate(4 + 4 * a.length).order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(a.length);
                for (float f : a) b.putFloat(f);
                sha.update(b.array());
            }
        }
        return this;
    }

    private void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    /** {@code sha256:<64 hex digits>}, with {@code /sampled 1-in-k} when inputs were sampled. */
    public String digest() {
        return "sha256:" + HexFormat.of().formatHex(sha.digest()) + (maxStride > 1 ? "/sampled 1-in-" + maxStride : "");
    }
}
