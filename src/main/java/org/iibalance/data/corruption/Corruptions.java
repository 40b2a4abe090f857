package org.iibalance.data.corruption;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iibalance.data.Clip;
import org.iibalance.data.ModalitySpec;
import org.iibalance.data.Seeds;

/** Applies corruptions to clips: each clip gets its own random stream from (seed, corruption, clip id). */
public final class Corruptions {
    private Corruptions() {}

    /**
     * Refuses corruptions a dataset cannot take: an unknown modality, or a kind that needs frames on a
     * spectrogram (and the reverse).
     *
     * @throws IllegalArgumentException naming the spec and the dataset's modalities
     */
    public static void check(List<Corruption> corruptions, List<ModalitySpec> modalities) {
        for (Corruption c : corruptions) {
            ModalitySpec m = find(modalities, c.modality());
            if (m == null) {
                throw new IllegalArgumentException("corruption '" + c.spec() + "': the data has no modality '" + c.modality() + "' (it has "
                        + String.join(", ", modalities.stream().map(ModalitySpec::name).toList()) + ")");
            }
            if (!c.appliesTo(m.kind())) {
                throw new IllegalArgumentException("corruption '" + c.spec() + "': " + c.kind() + " does not apply to " + m.name() + " ("
                        + m.kind().name().toLowerCase() + ")");
            }
        }
    }

    /** Corrupted copies of the clips (the originals are not changed); no corruptions: the same list. */
    public static List<Clip> apply(List<Clip> clips, List<ModalitySpec> modalities, List<Corruption> corruptions, long seed) {
        return apply(clips, modalities, corruptions, seed, null);
    }

    /** The same, with the dataset's waveforms (null: none) for audio noise on the sound itself. */
    public static List<Clip> apply(List<Clip> clips, List<ModalitySpec> modalities, List<Corruption> corruptions, long seed, Waveforms waveforms) {
        if (corruptions.isEmpty()) return clips;
        check(corruptions, modalities);
        List<Clip> out = new ArrayList<>(clips.size());
        for (Clip c : clips) {
            List<float[]> in = new ArrayList<>(c.inputs());
            for (int k = 0; k < corruptions.size(); k++) {
                Corruption x = corruptions.get(k);
                int m = index(modalities, x.modality());
                SplittableRandom r = Seeds.random(seed, k, x.spec().hashCode(), c.id().hashCode());
                in.set(m, x.apply(c, in.get(m), modalities.get(m), r, waveforms));
            }
            out.add(new Clip(c.id(), c.label(), in, c.meta(), c.window()));
        }
        return out;
    }

    private static ModalitySpec find(List<ModalitySpec> modalities, String name) {
        int i = index(modalities, name);
        return i < 0 ? null : modalities.get(i);
    }

    private static int index(List<ModalitySpec> modalities, String name) {
        for (int i = 0; i < modalities.size(); i++) if (modalities.get(i).name().equals(name)) return i;
        return -1;
    }
}
