package org.iibalance.data;

import java.util.List;

/**
 * What a media loader did besides producing clips: notes and warnings about the split, and the state
 * of the feature cache.
 *
 * @param cacheDir       the cache folder ("" when caching is off)
 * @param clips          clips that were looked at
 * @param audioReused    audio entries taken from the cache
 * @param visualReused   frame entries taken from the cache
 * @param built          clips for which at least one modality was decoded
 * @param brokenEntries  cache entries found broken and rebuilt
 * @param seconds        wall time of decoding and cache look-ups
 * @param notes          notes and warnings (e.g. speaker leakage of the peers' lists)
 */
public record LoadReport(String cacheDir, int clips, int audioReused, int visualReused, int built,
                         int brokenEntries, double seconds, List<String> notes) {
}
