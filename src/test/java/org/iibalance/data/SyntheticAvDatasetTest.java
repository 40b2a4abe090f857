package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** The embedded data tells its story: shapes a viewer tells apart, tones a listener tells apart, the alike pairs, the degraded clips. */
class SyntheticAvDatasetTest {

    private static MultimodalDataset load() throws Exception {
        ExperimentConfig cfg = ConfigIO.withOverrides(ExperimentConfig.defaults(), List.of("dataset.synthetic.trainClips=400",
                "dataset.synthetic.valClips=8", "dataset.synthetic.testClips=8"));
        return new SyntheticAvDataset().load(cfg, s -> {});
    }

    /** Mean over the clean clips of class c of one modality's input, per element. */
    private static double[] classMean(MultimodalDataset d, int modality, int c, String cleanKey) {
        double[] m = null;
        int n = 0;
        for (Clip clip : d.train()) {
            if (clip.label() != c || !"clean".equals(clip.meta().get(cleanKey))) continue;
            float[] x = clip.input(modality);
            if (m == null) m = new double[x.length];
            for (int i = 0; i < x.length; i++) m[i] += x[i];
            n++;
        }
        for (int i = 0; i < m.length; i++) m[i] /= n;
        return m;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s / a.length);
    }

    /** Each clean clip's own frames, as the per-pixel mean colour of the whole clip (3 numbers). */
    private static double[] meanColour(float[] frames, int t, int size) {
        double[] rgb = new double[3];
        for (int f = 0; f < t; f++) for (int ch = 0; ch < 3; ch++) for (int i = 0; i < size * size; i++) rgb[ch] += frames[(f * 3 + ch) * size * size + i];
        for (int ch = 0; ch < 3; ch++) rgb[ch] /= t * size * size;
        return rgb;
    }

    @Test
    void soundAlikeClassesShareTheirSpectrogramAndOthersDoNot() throws Exception {
        MultimodalDataset d = load();
        int audio = d.modalityIndex("audio");
        double alike = distance(classMean(d, audio, 0, "audio"), classMean(d, audio, 1, "audio"));
        double apart = distance(classMean(d, audio, 0, "audio"), classMean(d, audio, 2, "audio"));
        double beeps = distance(classMean(d, audio, 2, "audio"), classMean(d, audio, 3, "audio"));
        assertTrue(apart > 4 * alike, "classes 0/1 sound alike (" + alike + "), 0/2 apart (" + apart + ")");
        assertTrue(beeps > 4 * alike, "classes 2/3 sound apart (" + beeps + " vs " + alike + ")");
    }

    /** The mean colour (R, G, B) of the clean clips of class c, each clip's colour averaged over its frames. */
    private static double[] classColour(MultimodalDataset d, int c, String state) {
        int visual = d.modalityIndex("visual");
        long[] shape = d.modalities().get(visual).shape();
        double[] rgb = new double[3];
        int n = 0;
        for (Clip clip : d.train()) {
            if (clip.label() != c || !state.equals(clip.meta().get("visual"))) continue;
            double[] x = meanColour(clip.input(visual), (int) shape[0], (int) shape[2]);
            for (int ch = 0; ch < 3; ch++) rgb[ch] += x[ch];
            n++;
        }
        for (int ch = 0; ch < 3; ch++) rgb[ch] /= n;
        return rgb;
    }

    @Test
    void soundAlikeClassesLookDifferentAndLookAlikeClassesDoNot() throws Exception {
        MultimodalDataset d = load();
        double zeroOne = distance(classColour(d, 0, "clean"), classColour(d, 1, "clean"));
        double twoThree = distance(classColour(d, 2, "clean"), classColour(d, 3, "clean"));
        double twoFour = distance(classColour(d, 2, "clean"), classColour(d, 4, "clean"));
        assertTrue(zeroOne > 5 * twoThree, "0/1 look apart (" + zeroOne + "), 2/3 look alike (" + twoThree + ")");
        assertTrue(twoFour > 5 * twoThree, "2/4 look apart (" + twoFour + "), 2/3 look alike (" + twoThree + ")");
    }

    @Test
    void aViewerCanTellClassZeroFromClassOneByColourOnEveryCleanClip() throws Exception {
        MultimodalDataset d = load();
        int visual = d.modalityIndex("visual");
        long[] shape = d.modalities().get(visual).shape();
        int t = (int) shape[0], size = (int) shape[2];
        int right = 0, n = 0;
        for (Clip c : d.train()) {
            if (c.label() > 1 || !"clean".equals(c.meta().get("visual"))) continue;
            double[] rgb = meanColour(c.input(visual), t, size);
            // class 0 is a red disk, class 1 a blue square: red above blue on class 0, below on class 1
            boolean saysZero = rgb[0] > rgb[2];
            if (saysZero == (c.label() == 0)) right++;
            n++;
        }
        assertTrue(n > 40, "clean clips of classes 0 and 1: " + n);
        assertEquals(n, right, "clips whose dominant colour names their class");
    }

    @Test
    void degradedClipFractionsFollowTheConfigurationAndDarkClipsAreDark() throws Exception {
        MultimodalDataset d = load();
        long noisy = d.train().stream().filter(c -> "noisy".equals(c.meta().get("audio"))).count();
        long corrupt = d.train().stream().filter(c -> !"clean".equals(c.meta().get("visual"))).count();
        assertEquals(0.2, noisy / 400.0, 0.06);
        assertEquals(0.25, corrupt / 400.0, 0.06);
        // a dark clip keeps a tenth of its shape's colour under the same noise: class 0's red-over-blue
        // margin (class 1's blue-over-red) shrinks to about a tenth
        double clean = (classColour(d, 0, "clean")[0] - classColour(d, 0, "clean")[2]) + (classColour(d, 1, "clean")[2] - classColour(d, 1, "clean")[0]);
        double dark = (classColour(d, 0, "dark")[0] - classColour(d, 0, "dark")[2]) + (classColour(d, 1, "dark")[2] - classColour(d, 1, "dark")[0]);
        assertTrue(clean > 0 && dark < 0.3 * clean, "colour margin of dark clips " + dark + " against clean " + clean);
    }

    @Test
    void theStoryNamesEachClassSoundAndLook() {
        List<String> story = SyntheticAvDataset.story(ExperimentConfig.defaults().dataset().synthetic());
        assertEquals(8, story.size());
        assertTrue(story.get(0).startsWith("class0: 1 beep at 220 Hz; red disk moving right"), story.get(0));
        assertTrue(story.get(1).startsWith("class1: 1 beep at 220 Hz; blue square moving down"), story.get(1));
        assertEquals(story.get(2).substring(story.get(2).indexOf(';')), story.get(3).substring(story.get(3).indexOf(';')));
    }
}
