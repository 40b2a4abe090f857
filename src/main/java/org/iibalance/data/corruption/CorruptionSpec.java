package org.iibalance.data.corruption;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a corruption spec {@code <modality>-<kind>[:<parameter>=<value>]}, e.g.
 * {@code audio-noise:snr=-10}, {@code visual-occlude:size=0.5}, {@code audio-missing}. The kinds
 * and their parameter (with its default, when it has one):
 * <ul>
 *   <li>{@code noise:snr=<dB>} (required): white noise at an SNR, any modality ({@link WhiteNoise});</li>
 *   <li>{@code mute:fraction=1}: silence, spectrograms ({@link Mute});</li>
 *   <li>{@code darken:level=<0..1>} (required): darker frames ({@link Darken});</li>
 *   <li>{@code occlude:size=0.5}: a grey square ({@link Occlusion});</li>
 *   <li>{@code pixel-noise:sigma=1}: Gaussian pixel noise ({@link PixelNoise});</li>
 *   <li>{@code freeze:fraction=1}: frozen frames ({@link FrozenFrames});</li>
 *   <li>{@code missing}: the modality zeroed ({@link MissingModality}).</li>
 * </ul>
 */
public final class CorruptionSpec {
    private record Kind(String parameter, Double defaultValue, BiFunction<String, Double, Corruption> make) {}

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        // longer names first: "pixel-noise" must win over "noise"
        KINDS.put("pixel-noise", new Kind("sigma", 1.0, PixelNoise::new));
        KINDS.put("noise", new Kind("snr", null, WhiteNoise::new));
        KINDS.put("mute", new Kind("fraction", 1.0, Mute::new));
        KINDS.put("darken", new Kind("level", null, Darken::new));
        KINDS.put("occlude", new Kind("size", 0.5, Occlusion::new));
        KINDS.put("freeze", new Kind("fraction", 1.0, FrozenFrames::new));
        KINDS.put("missing", new Kind(null, null, (m, v) -> new MissingModality(m)));
    }

    private CorruptionSpec() {}

    /** The kinds, with their parameter, for help texts. */
    public static List<String> kinds() {
        return KINDS.entrySet().stream()
                .map(e -> e.getValue().parameter() == null ? e.getKey()
                        : e.getKey() + ":" + e.getValue().parameter() + "=" + (e.getValue().defaultValue() == null ? "<value>" : Corruption.format(e.getValue().defaultValue())))
                .toList();
    }

    /**
     * Parses one spec.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it
     */
    public static Corruption parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon);
        String args = colon < 0 ? "" : s.substring(colon + 1).trim();
        for (Map.Entry<String, Kind> e : KINDS.entrySet()) {
            String suffix = "-" + e.getKey();
            if (!head.endsWith(suffix) || head.length() == suffix.length()) continue;
            String modality = head.substring(0, head.length() - suffix.length());
            Kind k = e.getValue();
            Double value = k.defaultValue();
            if (!args.isEmpty()) {
                if (k.parameter() == null) throw new IllegalArgumentException("corruption '" + spec + "': " + e.getKey() + " takes no parameter");
                int eq = args.indexOf('=');
                String name = eq < 0 ? "" : args.substring(0, eq).trim();
                if (!name.equals(k.parameter())) {
                    throw new IllegalArgumentException("corruption '" + spec + "': " + e.getKey() + " takes " + k.parameter() + "=<value>");
                }
                try {
                    value = Double.parseDouble(args.substring(eq + 1).trim());
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("corruption '" + spec + "': " + k.parameter() + " must be a number");
                }
                if (!Double.isFinite(value)) throw new IllegalArgumentException("corruption '" + spec + "': " + k.parameter() + " must be finite");
            }
            if (k.parameter() != null && value == null) {
                throw new IllegalArgumentException("corruption '" + spec + "': give " + k.parameter() + ", e.g. " + head + ":" + k.parameter() + "=" + (e.getKey().equals("noise") ? "-10" : "0.5"));
            }
            try {
                return k.make().apply(modality, value);
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException("corruption '" + spec + "': " + x.getMessage());
            }
        }
        throw new IllegalArgumentException("corruption '" + spec + "' is not <modality>-<kind>[:parameter=value] with a kind of: " + String.join(", ", kinds()));
    }
}
