package org.iibalance.data;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis by a symmetric eigen-decomposition (EJML) of the covariance matrix.
 *
 * <p>The d x d covariance is accumulated in double precision with a loop over the non-zero entries
 * of each row (MNIST images are about 80% zeros, so 55000 x 784 takes about a second), then
 * {@code cov = sum(x x^T)/n - mean mean^T}. The leading {@code k} eigenvectors (largest
 * eigenvalues) are kept. {@link #reconstruct} projects a row on them and back:
 * {@code mean + W^T W (x - mean)}, which removes what lies outside the kept subspace.
 */
final class Pca {
    private final int dims;
    private final int kept;
    private final float[] mean;
    private final float[] components; // [kept][dims], row-major, unit rows
    private final float[] transposed; // [dims][kept], for the sparse projection
    private final double[] componentDotMean; // W mean
    private final double explained;

    private Pca(float[] mean, float[] components, int kept, double explained) {
        this.dims = mean.length;
        this.kept = kept;
        this.mean = mean;
        this.components = components;
        this.explained = explained;
        this.transposed = new float[dims * kept];
        for (int j = 0; j < kept; j++) for (int i = 0; i < dims; i++) transposed[i * kept + j] = components[j * dims + i];
        this.componentDotMean = new double[kept];
        for (int j = 0; j < kept; j++) {
            double s = 0;
            for (int i = 0; i < dims; i++) s += (double) components[j * dims + i] * mean[i];
            componentDotMean[j] = s;
        }
    }

    /** Fits on {@code rows} (n x d) and keeps the {@code k} leading components (1 <= k <= d). */
    static Pca fit(float[][] rows, int k) {
        if (rows.length == 0) throw new IllegalArgumentException("PCA needs at least one row");
        int d = rows[0].length;
        if (k < 1 || k > d) throw new IllegalArgumentException("PCA components " + k + " not in [1, " + d + "]");
        return fit(rows, values -> k);
    }

    /**
     * Fits on {@code rows} and keeps the fewest leading components whose share of the training
     * variance reaches {@code energy} (in (0, 1]; see {@link #componentsForEnergy}).
     */
    static Pca fitEnergy(float[][] rows, double energy) {
        if (!(energy > 0 && energy <= 1)) throw new IllegalArgumentException("PCA energy " + energy + " not in (0, 1]");
        return fit(rows, values -> componentsForEnergy(values, energy));
    }

    /**
     * The fewest leading components k whose eigenvalues (sorted, largest first; negative ones count
     * as 0) sum to at least {@code energy} of the total, so that k = 1 when the first alone does.
     */
    static int componentsForEnergy(double[] sortedValues, double energy) {
        double total = 0;
        for (double v : sortedValues) total += Math.max(0, v);
        if (!(total > 0)) return 1;
        double kept = 0;
        for (int k = 0; k < sortedValues.length; k++) {
            kept += Math.max(0, sortedValues[k]);
            if (kept >= energy * total * (1 - 1e-12)) return k + 1;
        }
        return sortedValues.length;
    }

    private static Pca fit(float[][] rows, java.util.function.ToIntFunction<double[]> chooseK) {
        if (rows.length == 0) throw new IllegalArgumentException("PCA needs at least one row");
        int d = rows[0].length;
        int n = rows.length;
        double[] sum = new double[d];
        double[] cov = new double[d * d];
        int[] nz = new int[d];
        for (float[] x : rows) {
            int m = 0;
            for (int i = 0; i < d; i++) {
                if (x[i] != 0f) {
                    nz[m++] = i;
                    sum[i] += x[i];
                }
            }
            for (int a = 0; a < m; a++) {
                int i = nz[a];
                double xi = x[i];
                int base = i * d;
                for (int b = a; b < m; b++) cov[base + nz[b]] += xi * x[nz[b]];
            }
        }
        double[] mu = new double[d];
        for (int i = 0; i < d; i++) mu[i] = sum[i] / n;
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = cov[i * d + j] / n - mu[i] * mu[j];
                c.unsafe_set(i, j, v);
                c.unsafe_set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(c)) throw new IllegalStateException("PCA: eigen-decomposition did not converge");
        Integer[] order = new Integer[d];
        double[] values = new double[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).getReal();
            total += Math.max(0, values[i]);
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[] sorted = new double[d];
        for (int i = 0; i < d; i++) sorted[i] = values[order[i]];
        int k = Math.max(1, Math.min(d, chooseK.applyAsInt(sorted)));
        float[] w = new float[k * d];
        double keptVar = 0;
        for (int j = 0; j < k; j++) {
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            double norm = 0;
            for (int i = 0; i < d; i++) norm += v.get(i) * v.get(i);
            norm = Math.sqrt(norm);
            for (int i = 0; i < d; i++) w[j * d + i] = (float) (v.get(i) / norm);
            keptVar += Math.max(0, values[order[j]]);
        }
        float[] meanF = new float[d];
        for (int i = 0; i < d; i++) meanF[i] = (float) mu[i];
        return new Pca(meanF, w, k, total > 0 ? keptVar / total : 1.0);
    }

    /**
     * Fits on {@code fitRows}, keeps {@code k} components and returns the reconstructions of
     * {@code rows} (a test hook for the whole project-and-back-project step).
     */
    static float[][] fitAndReconstruct(float[][] fitRows, int k, float[][] rows) {
        return fit(fitRows, k).reconstructAll(rows);
    }

    /**
     * The fitted projection as one array, {@code [dims, kept, explained, mean (dims), components
     * (kept x dims)]}, for the cache ({@link PcaCache}); {@link #fromArray} restores exactly the same
     * projection (the floats are stored as they are; {@code explained} to float precision).
     */
    float[] toArray() {
        float[] a = new float[3 + dims + kept * dims];
        a[0] = dims;
        a[1] = kept;
        a[2] = (float) explained;
        System.arraycopy(mean, 0, a, 3, dims);
        System.arraycopy(components, 0, a, 3 + dims, kept * dims);
        return a;
    }

    /**
     * The projection stored by {@link #toArray}, or null when {@code a} is not one (wrong length,
     * dimensions or non-finite values).
     */
    static Pca fromArray(float[] a) {
        if (a == null || a.length < 3) return null;
        int d = (int) a[0], k = (int) a[1];
        if (a[0] != d || a[1] != k || d < 1 || k < 1 || k > d || a.length != 3 + d + (long) k * d) return null;
        double explained = a[2];
        if (!(explained >= 0 && explained <= 1 + 1e-6)) return null;
        for (int i = 3; i < a.length; i++) if (!Float.isFinite(a[i])) return null;
        float[] mean = Arrays.copyOfRange(a, 3, 3 + d);
        float[] w = Arrays.copyOfRange(a, 3 + d, a.length);
        return new Pca(mean, w, k, explained);
    }

    int kept() {
        return kept;
    }

    int dims() {
        return dims;
    }

    /** Fraction of the training variance in the kept components. */
    double explainedVariance() {
        return explained;
    }

    /** {@code mean + W^T W (x - mean)}. */
    float[] reconstruct(float[] x) {
        double[] a = new double[kept];
        for (int i = 0; i < dims; i++) {
            float xi = x[i];
            if (xi == 0f) continue;
            int base = i * kept;
            for (int j = 0; j < kept; j++) a[j] += transposed[base + j] * xi;
        }
        float[] out = mean.clone();
        for (int j = 0; j < kept; j++) {
            float aj = (float) (a[j] - componentDotMean[j]);
            int base = j * dims;
            for (int i = 0; i < dims; i++) out[i] += aj * components[base + i];
        }
        return out;
    }

    /** Reconstructs every row (in parallel). */
    float[][] reconstructAll(float[][] rows) {
        float[][] out = new float[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> out[r] = reconstruct(rows[r]));
        return out;
    }
}
