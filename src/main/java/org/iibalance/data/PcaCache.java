package org.iibalance.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iibalance.media.FeatureCache;

/**
 * AV-MNIST's fitted PCA kept between runs, so that runs on the same images and PCA settings do not
 * refit it on the 55000 training images. The entry lives in the media pipeline's
 * {@link FeatureCache} folder ({@code dataset.cacheDir}, on when {@code dataset.media.cache} is), keyed
 * by the SHA-256 of the training-image file's <em>contents</em> (not its name, size or date), the rows
 * fitted and the rule that chooses the components ({@code keepEnergy} or the legacy component count).
 * The cache writes entries atomically and checks on read their key and CRC-32; this class also checks
 * that the stored projection has the expected shape and finite values. An entry that fails any check
 * is logged, discarded and refitted, never used.
 */
final class PcaCache {
    /** Bump when the stored layout or the fitting changes, so old entries are never read. */
    static final String VERSION = "avmnist-pca-v1";

    private final FeatureCache cache;
    private final Consumer<String> progress;

    /** A PCA cache in {@code cache} (null: no cache, every call fits). */
    PcaCache(FeatureCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** Whether a cache is used (false: every call fits, and no key is needed: the caller need not hash the images). */
    boolean enabled() {
        return cache != null;
    }

    /** The key of a fit: version, images' content hash, rows fitted and the component rule. */
    static String key(String imagesSha256, int rows, String rule) {
        return VERSION + "|images-sha256=" + imagesSha256 + "|rows=" + rows + "|" + rule;
    }

    /** SHA-256 of a file's contents, hex. */
    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cached PCA of {@code key} when an intact entry of the expected dimension exists, otherwise
     * {@code fit.get()}, which is then stored (a failed write is logged and does not stop the run).
     */
    Pca getOrFit(String key, int dims, Supplier<Pca> fit) {
        if (cache != null) {
            int brokenBefore = cache.broken();
            float[] a = cache.get(key);
            if (a != null) {
                Pca p = Pca.fromArray(a);
                if (p != null && p.dims() == dims) {
                    progress.accept("avmnist: PCA read from the cache " + cache.pathOf(key));
                    return p;
                }
                progress.accept("avmnist: cached PCA " + cache.pathOf(key) + " does not hold a " + dims
                        + "-dimensional projection; refitted (the entry is overwritten below)");
            } else if (cache.broken() > brokenBefore) {
                progress.accept("avmnist: cached PCA " + cache.pathOf(key)
                        + " is corrupt (truncated, bad checksum or another key); discarded and refitted");
            }
        }
        Pca p = fit.get();
        if (cache != null) {
            try {
                cache.put(key, p.toArray());
                progress.accept("avmnist: PCA stored in the cache " + cache.pathOf(key));
            } catch (IOException e) {
                progress.accept("avmnist: could not store the PCA in the cache " + cache.dir() + ": " + e.getMessage());
            }
        }
        return p;
    }
}
