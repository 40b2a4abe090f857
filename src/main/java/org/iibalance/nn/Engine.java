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
 *
 * <p>oneDNN (MKLDNN) stays on, as in PyTorch: its convolutions are several times faster here. Its
 * wrong input gradients for output channels that are not a multiple of 16 (the random NaN losses of
 * small models) are avoided in {@link Conv2d} and {@link Conv1d}, which pad their output channels.
 * {@code IIBALANCE_MKLDNN=0} switches it off (libtorch's own kernels: slower, e.g. to cross-check).
 *
 * <p>Loading also keeps freed native memory for the next step ({@link NativeHeap}), and
 * {@link #threads} gives OpenBLAS one thread: the two causes of the Java step's extra time against
 * PyTorch that profiling found (README, "Engine").
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
        NativeHeap.keepFreedMemory();
        torch.globalContext().setUserEnabledMkldnn(!"0".equals(System.getenv("IIBALANCE_MKLDNN")));
        // NNPACK off: libtorch tries it for a convolution over a batch of one (the what-if, evaluate --clip)
        // and, on CPUs it does not support (this machine), prints "Could not initialize NNPACK! Reason:
        // Unsupported hardware." three times to stderr. Off, one clip goes through the same convolution
        // kernels (oneDNN) as a batch does, on every CPU.
        torch.globalContext().setUserEnabledNNPACK(false);
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

    /**
     * Sets libtorch's intra-op thread count (2 is fastest on the 2-core machines we measured), and
     * OpenBLAS's to one thread.
     *
     * <p>Why OpenBLAS too: the JavaCPP build of libtorch does its matrix products (linear layers and
     * their gradients) with OpenBLAS, which keeps a pthread pool of its own, one thread per core,
     * beside libtorch's OpenMP pool; {@code set_num_threads} does not reach it. On a busy machine the
     * two pools' spinning threads fight over the cores: profiled on the quickstart step, 9% of the time
     * was OpenBLAS threads waiting ({@code exec_blas_async_wait}), and the step took 25-45% longer
     * than with OpenBLAS on one thread (alternating in one process). PyTorch's wheels use MKL, which
     * runs on the OpenMP pool. Our products are small (batch x a few hundred), so one thread loses
     * nothing; {@code IIBALANCE_BLAS_THREADS} sets another count.
     */
    public static void threads(int n) {
        load();
        if (n > 0) torch.set_num_threads(n);
        org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(blasThreads());
    }

    private static int blasThreads() {
        try {
            String v = System.getenv("IIBALANCE_BLAS_THREADS");
            return v == null || v.isBlank() ? 1 : Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            LOG.warn("IIBALANCE_BLAS_THREADS is not a number; OpenBLAS keeps one thread");
            return 1;
        }
    }

    /** Seeds libtorch's default generator (parameter initialisation, noise). */
    public static void seed(long seed) {
        load();
        torch.manual_seed(seed);
    }

    /** Version of the bundled libtorch and JavaCPP, for provenance. */
    /** The libtorch version of the bytedeco pytorch artifact on the class path (e.g. "2.10.0"), "unknown" when not found. */
    public static String libtorchVersion() {
        try {
            String v = Loader.getVersion("org.bytedeco", "pytorch");
            if (v == null) return "unknown";
            int dash = v.indexOf('-');
            return dash > 0 ? v.substring(0, dash) : v;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** The JavaCPP version and platform (e.g. "1.5.13 linux-x86_64"). */
    public static String javacppVersion() {
        try {
            return Loader.getVersion() + " " + Loader.getPlatform();
        } catch (java.io.IOException e) {
            return "unknown " + Loader.getPlatform();
        }
    }

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
