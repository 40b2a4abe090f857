package org.iibalance.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the gzip-compressed IDX files of MNIST ({@code *-idx3-ubyte.gz} images, magic 2051, and
 * {@code *-idx1-ubyte.gz} labels, magic 2049; big-endian header, then one unsigned byte per value).
 * A missing, truncated or malformed file is a {@link DatasetException} naming it.
 */
final class MnistIdx {
    static final int IMAGE_MAGIC = 2051;
    static final int LABEL_MAGIC = 2049;

    private MnistIdx() {}

    /** Images of 28x28 (or whatever the header says), pixels scaled to [0, 1]; at most {@code limit} rows when {@code limit > 0}. */
    static float[][] images(Path file, int limit) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGE_MAGIC) throw new DatasetException("avmnist: " + file + " is not an IDX image file (magic " + magic + ", expected " + IMAGE_MAGIC + ")");
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (n < 0 || rows <= 0 || cols <= 0) throw new DatasetException("avmnist: " + file + " has a malformed IDX header");
            int count = limit > 0 ? Math.min(limit, n) : n;
            int d = rows * cols;
            float[][] out = new float[count][d];
            byte[] buf = new byte[d];
            for (int i = 0; i < count; i++) {
                in.readFully(buf);
                float[] row = out[i];
                for (int j = 0; j < d; j++) row[j] = (buf[j] & 0xff) / 255f;
            }
            return out;
        } catch (EOFException e) {
            throw new DatasetException("avmnist: " + file + " is truncated (ends before the count of images in its header)", e);
        } catch (IOException e) {
            throw new DatasetException("avmnist: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Labels, one per image; at most {@code limit} when {@code limit > 0}. */
    static int[] labels(Path file, int limit) throws DatasetException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABEL_MAGIC) throw new DatasetException("avmnist: " + file + " is not an IDX label file (magic " + magic + ", expected " + LABEL_MAGIC + ")");
            int n = in.readInt();
            if (n < 0) throw new DatasetException("avmnist: " + file + " has a malformed IDX header");
            int count = limit > 0 ? Math.min(limit, n) : n;
            byte[] buf = new byte[count];
            in.readFully(buf);
            int[] out = new int[count];
            for (int i = 0; i < count; i++) out[i] = buf[i] & 0xff;
            return out;
        } catch (EOFException e) {
            throw new DatasetException("avmnist: " + file + " is truncated (ends before the count of labels in its header)", e);
        } catch (IOException e) {
            throw new DatasetException("avmnist: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }
}
