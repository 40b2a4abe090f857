package org.iibalance.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iibalance.config.ConfigException;

/**
 * Runs a {@link MatrixSpec} part by part with the sweep engine ({@link SweepRunner}): bounded
 * parallelism inside each part, completed trial folders kept, stopped ones resumed, so a stopped
 * matrix continues where it was.
 */
public final class MatrixRunner {
    private final MatrixSpec spec;
    private final Path out;
    private final int parallelism;
    private final List<SweepListener> listeners = new ArrayList<>();
    private CancellationToken cancel = new CancellationToken();

    public MatrixRunner(MatrixSpec spec, Path out, int parallelism) {
        this.spec = spec;
        this.out = out;
        this.parallelism = Math.max(1, parallelism);
    }

    public MatrixRunner optListener(SweepListener l) {
        listeners.add(l);
        return this;
    }

    public MatrixRunner optCancellation(CancellationToken t) {
        cancel = t;
        return this;
    }

    /** Runs every part in order; returns all outcomes (part order, then grid order). */
    public List<RunOutcome> run() throws ConfigException, IOException {
        List<MatrixSpec.Part> parts = spec.parts(out, parallelism); // validates everything first
        List<RunOutcome> all = new ArrayList<>();
        for (MatrixSpec.Part p : parts) {
            SweepRunner r = new SweepRunner(p.spec(), p.dir()).optCancellation(cancel);
            for (SweepListener l : listeners) r.optListener(l);
            all.addAll(r.run());
        }
        return all;
    }
}
