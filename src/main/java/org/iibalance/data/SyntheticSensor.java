package org.iibalance.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The third modality of the embedded dataset ({@code dataset.synthetic.modalities: 3}): a 1-D
 * sensor-like signal (think accelerometer), {@value #CHANNELS} channels of {@value #SAMPLES} samples,
 * shaped [1, channels, samples] so that the 2-D spectrogram encoder reads it.
 * <ul>
 *   <li><b>Its own class evidence.</b> A class's motion is a sine with one of {@value #PATTERNS}
 *   frequencies, (class mod {@value #PATTERNS}), on its own pair of channels. So the sensor tells
 *   apart classes 0 and 1 (which sound alike) and 2 and 3 (which look alike), but confuses c with
 *   c + {@value #PATTERNS}: alone it is capped at 4 of 8 classes, like a weak third modality.</li>
 *   <li><b>Its own reliability.</b> In {@value #DETACHED_FRACTION} of the clips the sensor is loose:
 *   its signal is a tenth as strong and buried in noise (the clip's metadata says {@code sensor:
 *   loose}).</li>
 * </ul>
 * It is generated from its own random stream, so the audio and frames of a clip are the same with
 * two modalities or three. Inputs are standardised with the other modalities afterwards.
 */
public final class SyntheticSensor {
    /** The modality's name. */
    public static final String NAME = "sensor";
    static final int CHANNELS = 8;
    static final int SAMPLES = 48;
    static final int PATTERNS = 4;
    static final double DETACHED_FRACTION = 0.2;
    private static final double NOISE = 0.8;

    private SyntheticSensor() {}

    /** The modality spec ([1, channels, samples], read like a spectrogram). */
    public static ModalitySpec spec() {
        return new ModalitySpec(NAME, ModalitySpec.Kind.SPECTROGRAM, new long[] {1, CHANNELS, SAMPLES});
    }

    /** The clips with a sensor input appended (from the stream of (seed, split, clip index)). */
    static List<Clip> addTo(List<Clip> clips, long seed, String split) {
        List<Clip> out = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            SplittableRandom r = Seeds.random(seed, NAME.hashCode(), split.hashCode(), i);
            boolean loose = r.nextDouble() < DETACHED_FRACTION;
            List<float[]> in = new ArrayList<>(c.inputs());
            in.add(signal(c.label(), r, loose));
            Map<String, String> meta = new HashMap<>(c.meta());
            meta.put(NAME, loose ? "loose" : "attached");
            out.add(new Clip(c.id(), c.label(), in, Map.copyOf(meta), c.window()));
        }
        return out;
    }

    /** [channels x samples]: the class pattern's sine on its two channels, noise everywhere. */
    static float[] signal(int label, SplittableRandom r, boolean loose) {
        int pattern = label % PATTERNS;
        double freq = (pattern + 1) * 2 * Math.PI / 16; // 1..4 cycles per 16 samples
        double phase = r.nextDouble() * 2 * Math.PI;
        double amp = loose ? 0.1 : 1.0;
        float[] x = new float[CHANNELS * SAMPLES];
        for (int ch = 0; ch < CHANNELS; ch++) {
            boolean carries = ch / 2 == pattern;
            for (int t = 0; t < SAMPLES; t++) {
                double v = (carries ? amp * Math.sin(freq * t + phase) : 0) + NOISE * r.nextGaussian();
                x[ch * SAMPLES + t] = (float) v;
            }
        }
        return x;
    }
}
