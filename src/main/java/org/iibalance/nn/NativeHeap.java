package org.iibalance.nn;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * Keeps the memory of freed tensors in the process for the next training step, instead of giving it
 * back to the operating system and faulting it in again (glibc's {@code mallopt}).
 *
 * <p>Why: libtorch allocates every activation and gradient of a step with {@code malloc} and frees them
 * at the end of the step. The training thread is not the JVM's main thread, so glibc serves it from a
 * secondary arena, whose heaps are trimmed or unmapped as soon as they are free; the next step then
 * touches fresh pages, and the kernel zero-fills each one (a page fault per 4 KiB). Profiled on the
 * quickstart step with one thread on a busy machine, the step's own CPU time was 150 ms of which most
 * went to ReLU forward/backward and fill kernels writing into new pages; with the heap kept it was
 * 36 ms. Setting the same two parameters through glibc's environment variables
 * ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}) before the JVM starts has the same
 * effect; this class sets them from inside the JVM, once, when the engine loads.
 *
 * <ul>
 *   <li>{@code M_MMAP_THRESHOLD} 32 MiB (glibc's largest): blocks below it come from the heap, not from
 *   their own mmap that is unmapped on free;</li>
 *   <li>{@code M_TRIM_THRESHOLD} 2 GiB: free memory at the top of a heap is kept up to that size.</li>
 * </ul>
 * The cost: resident memory stays at the peak of a step rather than falling between steps (it is
 * reused by the next step, so the peak does not grow). {@code IIBALANCE_KEEP_HEAP=0} turns it off.
 *
 * <p>How: {@code mallopt(int, int)} is found by its symbol in the process and called through a JavaCPP
 * function pointer of the same C signature, {@code int (*)(int, int)} (the one the OpenBLAS preset
 * declares to call MKL's thread setter found the same way), so no native code of our own is built.
 */
public final class NativeHeap {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NativeHeap.class);
    /** glibc's malloc.h: M_TRIM_THRESHOLD and M_MMAP_THRESHOLD. */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_MMAP_THRESHOLD = -3;
    static final int MMAP_THRESHOLD = 32 << 20;
    static final int TRIM_THRESHOLD = Integer.MAX_VALUE;
    /** Null until {@link #keepFreedMemory} first runs, then whether the settings took (package-private: tests read it). */
    static volatile Boolean applied;

    private NativeHeap() {}

    /** Sets the two parameters once (Linux with glibc only); returns whether they are in force. */
    public static synchronized boolean keepFreedMemory() {
        if (applied != null) return applied;
        applied = false;
        if ("0".equals(System.getenv("IIBALANCE_KEEP_HEAP")) || !Loader.getPlatform().startsWith("linux")) return false;
        try {
            Loader.load(org.bytedeco.openblas.global.openblas_nolapack.class); // the library behind the function-pointer type
            Pointer mallopt = Loader.addressof("mallopt");
            if (mallopt == null || mallopt.isNull()) {
                LOG.debug("no mallopt in this process (not glibc): the native heap keeps its defaults");
                return false;
            }
            // as the preset itself calls a symbol found by address: a fresh function pointer, then put(address)
            openblas_nolapack.MklDomainSetNumThreads call = new openblas_nolapack.MklDomainSetNumThreads() {}.put(mallopt);
            boolean ok = call.call(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 & call.call(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1;
            applied = ok;
            if (!ok) LOG.warn("mallopt refused the heap settings: training steps will fault fresh pages in (slower)");
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("cannot tune the native heap ({}): training steps will fault fresh pages in (slower)", e.toString());
        }
        return applied;
    }
}
