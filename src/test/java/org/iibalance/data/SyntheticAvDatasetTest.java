package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** The embedded data tells its story: shapes a viewer tells apart whatever their colour, tones a listener tells apart, the alike pairs, the degraded clips. */
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

    /**
     * A simple viewer: in the first frame of a clip, the brightness of a pixel is its brightest
     * channel; pixels above halfway between the background (the median) and the brightest 5% are "the
     * shape", and its largest 4-connected piece is what the viewer looks at. Returns the fraction of
     * that piece's bounding box it fills (a disk about 0.78, a cross about 0.5, a square about 1) and
     * the frame's contrast (brightest 5% minus the median), in the standardised units.
     */
    private static double[] look(float[] frames, int size) {
        int n = size * size;
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = Math.max(frames[i], Math.max(frames[n + i], frames[2 * n + i]));
        double[] sorted = b.clone();
        Arrays.sort(sorted);
        double median = sorted[n / 2], top = sorted[(int) (n * 0.95)], cut = (median + top) / 2;
        int[] piece = new int[n];
        int largest = 0, largestId = 0, id = 0;
        for (int start = 0; start < n; start++) {
            if (b[start] <= cut || piece[start] != 0) continue;
            id++;
            int count = 0;
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(start));
            piece[start] = id;
            while (!todo.isEmpty()) {
                int p = todo.pop(), x = p % size, y = p / size;
                count++;
                for (int[] q : new int[][] {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}}) {
                    if (q[0] < 0 || q[1] < 0 || q[0] >= size || q[1] >= size) continue;
                    int k = q[1] * size + q[0];
                    if (b[k] > cut && piece[k] == 0) {
                        piece[k] = id;
                        todo.push(k);
                    }
                }
            }
            if (count > largest) {
                largest = count;
                largestId = id;
            }
        }
        int x0 = size, y0 = size, x1 = -1, y1 = -1;
        for (int i = 0; i < n; i++) {
            if (piece[i] != largestId) continue;
            x0 = Math.min(x0, i % size);
            x1 = Math.max(x1, i % size);
            y0 = Math.min(y0, i / size);
            y1 = Math.max(y1, i / size);
        }
        return new double[] {largest / ((double) (x1 - x0 + 1) * (y1 - y0 + 1)), top - median};
    }

    /** look() of every training clip of class c in the given visual state. */
    private static List<double[]> looks(MultimodalDataset d, int c, String state) {
        int visual = d.modalityIndex("visual");
        int size = (int) d.modalities().get(visual).shape()[2];
        List<double[]> out = new ArrayList<>();
        for (Clip clip : d.train()) if (clip.label() == c && state.equals(clip.meta().get("visual"))) out.add(look(clip.input(visual), size));
        return out;
    }

    private static double meanOf(List<double[]> looks, int k) {
        return looks.stream().mapToDouble(l -> l[k]).average().orElseThrow();
    }

    @Test
    void aViewerTellsClassZeroFromClassOneByShapeOnAlmostEveryCleanClip() throws Exception {
        MultimodalDataset d = load();
        // class 0 is a disk (fills ~0.78 of its box), class 1 a cross (~0.5), whatever their colour
        int right = 0, n = 0;
        for (int c = 0; c < 2; c++) {
            for (double[] l : looks(d, c, "clean")) {
                if ((l[0] > 0.65) == (c == 0)) right++;
                n++;
            }
        }
        assertTrue(n > 40, "clean clips of classes 0 and 1: " + n);
        assertTrue(right >= 0.95 * n, right + " of " + n + " clean clips read as their class's shape");
    }

    @Test
    void lookAlikeClassesShareTheirShapeAndOthersDoNot() throws Exception {
        MultimodalDataset d = load();
        double two = meanOf(looks(d, 2, "clean"), 0), three = meanOf(looks(d, 3, "clean"), 0), four = meanOf(looks(d, 4, "clean"), 0);
        // classes 2 and 3 are both squares (fill ~1), class 4 a triangle (~0.5)
        assertEquals(two, three, 0.05, "classes 2/3 look alike");
        assertTrue(two - four > 0.25, "classes 2/4 look apart: fill " + two + " vs " + four);
    }

    /** Red minus blue of each clean clip's mean colour, for the clips of class c. */
    private static double[] redMinusBlue(MultimodalDataset d, int c) {
        int visual = d.modalityIndex("visual");
        long[] shape = d.modalities().get(visual).shape();
        return d.train().stream().filter(clip -> clip.label() == c && "clean".equals(clip.meta().get("visual")))
                .mapToDouble(clip -> {
                    double[] rgb = meanColour(clip.input(visual), (int) shape[0], (int) shape[2]);
                    return rgb[0] - rgb[2];
                }).toArray();
    }

    @Test
    void colourSaysNothingAboutTheClass() throws Exception {
        MultimodalDataset d = load();
        // the spread of red-minus-blue within a class is far larger than the difference between the
        // means of classes 0 and 1
        DescriptiveStatistics zero = new DescriptiveStatistics(redMinusBlue(d, 0)), one = new DescriptiveStatistics(redMinusBlue(d, 1));
        assertTrue(Math.abs(zero.getMean() - one.getMean()) < 0.5 * Math.min(zero.getStandardDeviation(), one.getStandardDeviation()),
                "red-blue means " + zero.getMean() + " / " + one.getMean() + ", sd within " + zero.getStandardDeviation() + " / " + one.getStandardDeviation());
    }

    @Test
    void degradedClipFractionsFollowTheConfigurationAndDarkClipsAreDark() throws Exception {
        MultimodalDataset d = load();
        long noisy = d.train().stream().filter(c -> "noisy".equals(c.meta().get("audio"))).count();
        long corrupt = d.train().stream().filter(c -> !"clean".equals(c.meta().get("visual"))).count();
        assertEquals(0.2, noisy / 400.0, 0.06);
        assertEquals(0.25, corrupt / 400.0, 0.06);
        // a dark clip keeps a seventh of its shape's brightness under the same noise
        List<double[]> clean = new ArrayList<>(), dark = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clean.addAll(looks(d, c, "clean"));
            dark.addAll(looks(d, c, "dark"));
        }
        assertTrue(dark.size() > 5, "dark clips: " + dark.size());
        assertTrue(meanOf(dark, 1) < 0.5 * meanOf(clean, 1), "contrast of dark clips " + meanOf(dark, 1) + " against clean " + meanOf(clean, 1));
    }

    @Test
    void theStoryNamesEachClassSoundAndLook() {
        List<String> story = SyntheticAvDataset.story(ExperimentConfig.defaults().dataset().synthetic());
        assertEquals(8, story.size());
        assertTrue(story.get(0).startsWith("class0: 1 beep at 220 Hz; a disk"), story.get(0));
        assertTrue(story.get(1).startsWith("class1: 1 beep at 220 Hz; a cross"), story.get(1));
        assertEquals(story.get(2).substring(story.get(2).indexOf(';')), story.get(3).substring(story.get(3).indexOf(';')));
    }
}
