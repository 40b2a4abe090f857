package org.iibalance.data;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Derived random seeds. {@code new Random(seed + i)} for consecutive i gives nearly equal first
 * draws (java.util.Random scrambles its seed only linearly), which once made every clip of a split
 * clean or noisy together; every seed derived from (seed, stream, index) goes through a 64-bit mix.
 */
public final class Seeds {
    private Seeds() {}

    /** A well-mixed 64-bit value of the inputs (SplitMix64's finaliser, chained). */
    public static long mix(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h += p * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }

    /** A generator for the stream identified by the parts. */
    public static SplittableRandom random(long... parts) {
        return new SplittableRandom(mix(parts));
    }

    /** A {@link Random} (for {@code Collections.shuffle}) for the stream identified by the parts. */
    public static Random shuffler(long... parts) {
        return new Random(mix(parts));
    }
}
