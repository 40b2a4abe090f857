package org.iibalance.data;

import java.util.Arrays;

/**
 * One input modality of a dataset.
 *
 * @param name  {@code audio}, {@code visual}, or any other name (M modalities are supported)
 * @param kind  {@link Kind#SPECTROGRAM} ([1, mel, time]) or {@link Kind#FRAMES} ([T, C, H, W])
 * @param shape the shape of one clip's array, without the batch dimension
 */
public record ModalitySpec(String name, Kind kind, long[] shape) {
    public enum Kind { SPECTROGRAM, FRAMES }

    /** Number of floats in one clip's array. */
    public int size() {
        long n = 1;
        for (long s : shape) n *= s;
        return (int) n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalitySpec m && m.name.equals(name) && m.kind == kind && Arrays.equals(m.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + kind.name().toLowerCase() + " " + Arrays.toString(shape);
    }
}
