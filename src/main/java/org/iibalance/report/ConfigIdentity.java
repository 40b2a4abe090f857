package org.iibalance.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;

/**
 * What makes two runs repeats of one experiment: their whole resolved configuration except the keys
 * that do not change what is learned. Two runs with the same identity differ only by their seed (and
 * where or how fast they ran), so their figures may be pooled over seeds; runs whose identities differ
 * are never pooled. The {@link #hash()} (8 hex digits of a SHA-256 of the sorted {@code key=value}
 * lines) is shown in the tables so a reader can tell the groups apart.
 *
 * <p>Left out: {@code seed} (what is averaged over), {@code name} (a label), {@code device} and
 * {@code threads} (where and how fast), {@code output.*}, {@code dataset.root} and
 * {@code dataset.cacheDir} (paths: the data's content is fingerprinted separately),
 * {@code dataset.media.threads} and {@code dataset.media.cache} (decoding speed), and
 * {@code training.logEvery} (how often metrics are logged).
 *
 * @param keys the configuration's keys and values that count, sorted
 * @param hash 8 hex digits of their SHA-256, or {@link #UNKNOWN} when the configuration could not be read
 */
public record ConfigIdentity(Map<String, String> keys, String hash) {
    /** The hash of a run whose {@code config.yaml} could not be read. */
    public static final String UNKNOWN = "unknown";
    /** Keys (exact, or a prefix ending in '.') that are not part of the identity. */
    static final List<String> IGNORED = List.of("seed", "name", "device", "threads", "output.", "dataset.root", "dataset.cacheDir",
            "dataset.media.threads", "dataset.media.cache", "training.logEvery");

    public ConfigIdentity {
        keys = java.util.Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** The identity of a resolved configuration ({@link #UNKNOWN} for null). */
    public static ConfigIdentity of(ExperimentConfig cfg) {
        if (cfg == null) return new ConfigIdentity(Map.of(), UNKNOWN);
        return of(ConfigIO.flatten(cfg));
    }

    /** The identity of flattened configuration keys ({@link ConfigIO#flatten}); ignored keys dropped. */
    static ConfigIdentity of(Map<String, String> flat) {
        TreeMap<String, String> kept = new TreeMap<>();
        flat.forEach((k, v) -> {
            if (!ignored(k)) kept.put(k, v);
        });
        StringBuilder b = new StringBuilder();
        kept.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return new ConfigIdentity(kept, sha256(b.toString()).substring(0, 8));
    }

    /** Whether a key is left out of the identity. */
    static boolean ignored(String key) {
        for (String p : IGNORED) if (p.endsWith(".") ? key.startsWith(p) : key.equals(p)) return true;
        return false;
    }

    /** This identity without some keys (Fig. 4 holds all but the swept parameter fixed). */
    public ConfigIdentity without(String key) {
        TreeMap<String, String> k = new TreeMap<>(keys);
        k.remove(key);
        return hash.equals(UNKNOWN) ? this : of(k);
    }

    /** Keys whose values differ between two identities (a key missing on one side counts), sorted. */
    public List<String> differingKeys(ConfigIdentity other) {
        TreeSet<String> all = new TreeSet<>(keys.keySet());
        all.addAll(other.keys.keySet());
        return all.stream().filter(k -> !java.util.Objects.equals(keys.get(k), other.keys.get(k))).toList();
    }

    /** "key (a vs b)" for up to {@code max} differing keys, then "and N more". */
    public String describeDifferences(ConfigIdentity other, int max) {
        List<String> d = differingKeys(other);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(max, d.size()); i++) {
            if (i > 0) b.append(", ");
            String k = d.get(i);
            b.append(k).append(" (").append(keys.getOrDefault(k, "-")).append(" vs ").append(other.keys.getOrDefault(k, "-")).append(')');
        }
        if (d.size() > max) b.append(" and ").append(d.size() - max).append(" more");
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : h) b.append(String.format("%02x", x));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
