package org.iibalance.nn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

/**
 * Process-wide engine settings: loading libtorch, its thread count and random seed.
 *
 * <p>Loading: with a cold JavaCPP cache, libtorch 2.10 / JavaCPP 1.5.13 crashes the JVM (SIGSEGV in
 * {@code dlopen}) when its libraries are extracted one by one while being loaded. Extracting the
 * whole native folder first avoids it, so every entry point calls {@link #load()} before touching a
 * tensor.
 */
public final class Engine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);
    private static volatile boolean loaded;

    private Engine() {}

    /** Extracts libtorch's native folder into the JavaCPP cache, then loads it. Idempotent. */
    public static synchronized void load() {
        if (loaded) return;
        String platform = Loader.getPlatform();
        firstStartNotice(platform);
        for (String ext : new String[] {"-gpu", ""}) {
            try {
                Loader.cacheResources(org.bytedeco.pytorch.presets.torch.class, "/org/bytedeco/pytorch/" + platform + ext + "/");
            } catch (Exception | LinkageError ignored) {
                // that build is not on the class path: the other one is
            }
        }
        Loader.load(torch.class);
        loaded = true;
    }

    /**
     * On the first start (no libtorch folder in the JavaCPP cache yet) says that the native libraries
     * are being unpacked, which takes a while and about 450 MB, and how to put the cache elsewhere.
     */
    private static void firstStartNotice(String platform) {
        try {
            java.io.File cache = Loader.getCacheDir();
            String[] entries = cache.list();
            boolean cached = entries != null && java.util.Arrays.stream(entries).anyMatch(n -> n.startsWith("pytorch-") && n.contains(platform));
            if (!cached) {
                LOG.info("first start: unpacking libtorch's native libraries (about 450 MB) into {}; this takes a minute once. "
                        + "Put them elsewhere with java -Dorg.bytedeco.javacpp.cachedir=DIR -jar ...", cache);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("cannot inspect the JavaCPP cache: {}", e.toString());
        }
    }

    /** Sets libtorch's intra-op thread count (2 is fastest on the 2-core machines we measured). */
    public static void threads(int n) {
        load();
        if (n > 0) torch.set_num_threads(n);
    }

    /** Seeds libtorch's default generator (parameter initialisation, noise). */
    public static void seed(long seed) {
        load();
        torch.manual_seed(seed);
    }

    /** Version of the bundled libtorch and JavaCPP, for provenance. */
    public static String version() {
        String javacpp;
        try {
            javacpp = Loader.getVersion();
        } catch (java.io.IOException e) {
            javacpp = "unknown";
        }
        return "libtorch 2.10.0 (JavaCPP " + javacpp + ", " + Loader.getPlatform() + ")";
    }
}
