package org.iibalance.config;

/**
 * Options of the loaders of real audio-visual layouts (CREMA-D, AVE, Kinetics-Sounds, clip folders).
 *
 * @param split        how clips are split: {@code speaker} (speaker/actor-disjoint, seeded), {@code lists}
 *                     (the dataset's own list files), or {@code stratified} (seeded, per class)
 * @param valFraction  fraction of clips for validation when the split is made here
 * @param testFraction fraction of clips for test when the split is made here
 * @param minClips     a dataset with fewer usable clips than this is refused
 * @param shortAudio   what happens to audio shorter than {@code dataset.audio.seconds}: {@code tile}
 *                     (repeat it, as the peers do) or {@code pad} (append silence)
 * @param threads      decoding threads when the feature cache is built (0: one per core, at most 4)
 * @param cache        whether decoded features are cached under {@code dataset.cacheDir} (empty:
 *                     {@code ~/.cache/iibalance}); never inside the data folder
 */
public record MediaConfig(
        @ConfigDoc(value = "how clips are split: speaker (speaker/actor-disjoint, seeded), lists (the dataset's own list files), "
                + "stratified (seeded, per class)", allowed = {"speaker", "lists", "stratified"})
        String split,
        @ConfigDoc(value = "fraction of clips for validation when the split is made here", min = 0, max = 1, maxExclusive = true)
        double valFraction,
        @ConfigDoc(value = "fraction of clips for test when the split is made here", min = 0, max = 1, maxExclusive = true,
                range = "valFraction + testFraction < 1")
        double testFraction,
        @ConfigDoc(value = "a dataset with fewer usable clips than this is refused", min = 1)
        int minClips,
        @ConfigDoc(value = "audio shorter than dataset.audio.seconds: tile (repeat it, as the peers do) or pad (append silence)",
                allowed = {"tile", "pad"})
        String shortAudio,
        @ConfigDoc(value = "decoding threads when the feature cache is built (0: one per core, at most 4)", min = 0)
        int threads,
        @ConfigDoc("cache decoded features under dataset.cacheDir (never inside the data folder)")
        boolean cache) {
    public static MediaConfig defaults() {
        return new MediaConfig("speaker", 0.1, 0.2, 1, "tile", 0, true);
    }
}
