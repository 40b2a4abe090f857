package org.iibalance.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Standardises each modality with the mean and standard deviation of the training split (never of
 * validation or test), so that encoders see inputs of unit scale whatever the source. Clips streamed
 * from the feature cache ({@link StreamedInputs}) stay streamed: they are standardised on read.
 */
public final class Standardizer {
    private Standardizer() {}

    /** Returns a dataset whose inputs are (x - mean_m) / std_m with train statistics, per modality. */
    public static MultimodalDataset apply(MultimodalDataset d) {
        int m = d.modalityCount();
        double[] mean = new double[m], std = new double[m];
        for (int k = 0; k < m; k++) {
            double s = 0, s2 = 0;
            long n = 0;
            for (Clip c : d.train()) {
                for (float v : c.input(k)) {
                    s += v;
                    s2 += (double) v * v;
                    n++;
                }
            }
            mean[k] = n == 0 ? 0 : s / n;
            std[k] = n == 0 ? 1 : Math.sqrt(Math.max(1e-12, s2 / n - mean[k] * mean[k]));
        }
        return new MultimodalDataset(d.name(), d.classNames(), d.modalities(), map(d.train(), mean, std),
                map(d.val(), mean, std), map(d.test(), mean, std), d.skipped());
    }

    /** The means rounded to float once, as every standardised input uses them. */
    static float[] floatMeans(double[] mean) {
        float[] mu = new float[mean.length];
        for (int k = 0; k < mean.length; k++) mu[k] = (float) mean[k];
        return mu;
    }

    /** 1 / std in double, rounded to float once, as every standardised input uses it. */
    static float[] floatInverseStds(double[] std) {
        float[] inv = new float[std.length];
        for (int k = 0; k < std.length; k++) inv[k] = (float) (1.0 / std[k]);
        return inv;
    }

    /**
     * {@code y = (x - mu) * inv} element by element in float: the one standardisation arithmetic of the
     * stored inputs, the inputs streamed from the cache ({@link StreamedInputs}) and the per-epoch
     * variants ({@link AugmentedInputs}), so they agree bit for bit. {@code y} may be {@code x}.
     */
    static void standardize(float[] x, float[] y, float mu, float inv) {
        for (int i = 0; i < x.length; i++) y[i] = (x[i] - mu) * inv;
    }

    private static List<Clip> map(List<Clip> clips, double[] mean, double[] std) {
        List<Clip> out = new ArrayList<>(clips.size());
        float[] mu = floatMeans(mean), inv = floatInverseStds(std);
        for (Clip c : clips) {
            if (c.inputs() instanceof StreamedInputs streamed) { // read from the cache: standardised on read, nothing kept
                out.add(new Clip(c.id(), c.label(), streamed.standardized(mu, inv), c.meta(), c.window()));
                continue;
            }
            List<float[]> in = new ArrayList<>(c.inputs().size());
            for (int k = 0; k < c.inputs().size(); k++) {
                float[] x = c.input(k);
                float[] y = new float[x.length];
                standardize(x, y, mu[k], inv[k]);
                in.add(y);
            }
            // a clip with a variant per training epoch keeps it, standardised on read with the same statistics
            List<float[]> inputs = c.inputs() instanceof AugmentedInputs a ? a.standardized(in, mu, inv) : in;
            out.add(new Clip(c.id(), c.label(), inputs, c.meta(), c.window()));
        }
        return out;
    }
}
