package org.iibalance.gui.gating;

import java.util.Map;
import java.util.function.Consumer;
import org.iibalance.config.DatasetConfig;
import org.iibalance.gui.util.BackgroundJob;
import org.iibalance.gui.util.TaskExecutor;

/**
 * The decoded sound of the real clip last asked for: {@link #request} decodes it in the background
 * with {@link ClipAudio#decode} (once per clip) and calls {@code ready} with the clip id on the UI
 * thread when the samples, or the reason there are none, are known. UI thread only.
 */
final class RealClipAudio {
    private final TaskExecutor executor;
    private final Consumer<String> ready;
    private String id;
    private String loading;
    private float[] samples;
    private String problem;

    RealClipAudio(TaskExecutor executor, Consumer<String> ready) {
        this.executor = executor;
        this.ready = ready;
    }

    /** Forgets the decoded clip (another run was opened: clip ids repeat across runs). */
    void forget() {
        id = null;
        loading = null;
        samples = null;
        problem = null;
    }

    /** Starts decoding clip {@code clipId} unless it is decoded or being decoded. */
    void request(String clipId, DatasetConfig dataset, Map<String, String> meta, org.iibalance.data.EventWindow window) {
        if (clipId.equals(id) || clipId.equals(loading)) return;
        loading = clipId;
        executor.execute(BackgroundJob.of(p -> ClipAudio.decode(dataset, meta, window))
                .onSuccess(a -> done(clipId, a, null))
                .onFailure(t -> done(clipId, null, t.getMessage())));
    }

    private void done(String clipId, float[] a, String why) {
        if (!clipId.equals(loading)) return; // forgotten meanwhile
        loading = null;
        id = clipId;
        samples = a;
        problem = why;
        ready.accept(clipId);
    }

    /** Whether the outcome for {@code clipId} is known. */
    boolean known(String clipId) {
        return clipId.equals(id);
    }

    /** The samples of {@code clipId} (null when unknown or not decodable). */
    float[] samples(String clipId) {
        return known(clipId) ? samples : null;
    }

    /** Why {@code clipId} has no samples (null when it has, or is not known yet). */
    String problem(String clipId) {
        return known(clipId) ? problem : null;
    }
}
