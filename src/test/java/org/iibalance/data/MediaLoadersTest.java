package org.iibalance.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iibalance.config.ConfigIO;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.media.ClipDecoder;
import org.iibalance.media.MediaFixtures;
import org.iibalance.media.MediaFixtures.Spec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media loaders on tiny layouts written by the tests themselves. */
@Tag("slow")
class MediaLoadersTest {
    @TempDir
    Path tmp;

    ExperimentConfig cfg(String kind, Path root, String... more) throws Exception {
        List<String> o = new ArrayList<>(List.of("dataset.kind=" + kind, "dataset.root=" + root, "dataset.cacheDir=" + tmp.resolve("cache"),
                "dataset.visual.frames=2", "dataset.visual.size=16", "dataset.audio.seconds=0.5"));
        o.addAll(List.of(more));
        return ConfigIO.withOverrides(ExperimentConfig.defaults(), o);
    }

    static MultimodalDataset load(ExperimentConfig c) throws DatasetException {
        return Datasets.load(c, s -> {});
    }

    static List<Clip> all(MultimodalDataset d) {
        List<Clip> l = new ArrayList<>(d.train());
        l.addAll(d.val());
        l.addAll(d.test());
        return l;
    }

    static boolean skippedWith(MultimodalDataset d, String fileEnd, String reason) {
        return d.skipped().stream().anyMatch(s -> s.file().endsWith(fileEnd) && s.reason().contains(reason));
    }

    /** ROOT/<class>/<class>_<spk>_<i>.mp4 for 2 classes x 3 speakers x 2 takes. */
    Path clipFolder() throws Exception {
        Path root = tmp.resolve("clips");
        for (String c : List.of("cat", "dog")) {
            for (String spk : List.of("ann", "bob", "cy")) {
                for (int i = 0; i < 2; i++) {
                    Path f = root.resolve(c).resolve(c + "_" + spk + "_" + i + ".mp4");
                    Files.createDirectories(f.getParent());
                    MediaFixtures.write(f, Spec.small().green(c.equals("cat") ? 50 : 200));
                }
            }
        }
        return root;
    }

    @Test
    void clipFoldersShapesLabelsAndSpeakerSplit() throws Exception {
        Path root = clipFolder();
        MultimodalDataset d = load(cfg("clips", root, "dataset.media.valFraction=0.34", "dataset.media.testFraction=0.34"));
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals(12, all(d).size());
        assertArrayEquals(new long[] {1, 32, 51}, d.modalities().get(0).shape()); // 0.5 s at 10 ms hop
        assertArrayEquals(new long[] {2, 3, 16, 16}, d.modalities().get(1).shape());
        for (Clip c : all(d)) {
            assertEquals(32 * 51, c.input(0).length);
            assertEquals(2 * 3 * 16 * 16, c.input(1).length);
            assertTrue(Path.of(c.meta().get("file")).isAbsolute());
            assertEquals(d.classNames().get(c.label()), c.meta().get("class"));
        }
        assertDisjoint(d, "speaker");
        assertEquals(4, d.train().size());
        assertTrue(d.skipped().isEmpty());
    }

    static void assertDisjoint(MultimodalDataset d, String key) {
        Set<String> tr = new HashSet<>(), va = new HashSet<>(), te = new HashSet<>();
        d.train().forEach(c -> tr.add(c.meta().get(key)));
        d.val().forEach(c -> va.add(c.meta().get(key)));
        d.test().forEach(c -> te.add(c.meta().get(key)));
        assertFalse(tr.isEmpty() || va.isEmpty() || te.isEmpty(), "every split has someone");
        for (String s : tr) assertFalse(va.contains(s) || te.contains(s), key + " " + s + " is in train and another split");
        for (String s : va) assertFalse(te.contains(s), key + " " + s + " is in val and test");
    }

    /** A CREMA-D layout: 6 actors x 3 emotions, wav + flv. */
    Path cremad() throws Exception {
        Path root = tmp.resolve("cremad");
        Files.createDirectories(root.resolve("AudioWAV"));
        Files.createDirectories(root.resolve("VideoFlash"));
        StringBuilder train = new StringBuilder(), test = new StringBuilder();
        for (int a = 1001; a <= 1006; a++) {
            for (String e : List.of("NEU", "HAP", "ANG")) {
                String stem = a + "_DFA_" + e + "_XX";
                MediaFixtures.write(root.resolve("AudioWAV/" + stem + ".wav"), Spec.small().noVideo());
                MediaFixtures.write(root.resolve("VideoFlash/" + stem + ".flv"), Spec.small().noAudio());
                (a % 2 == 0 && e.equals("NEU") || a == 1005 ? test : train).append(stem).append(',').append(e).append('\n');
            }
        }
        Files.writeString(root.resolve("train.csv"), train);
        Files.writeString(root.resolve("test.csv"), test);
        return root;
    }

    @Test
    void cremadActorDisjointAndLists() throws Exception {
        Path root = cremad();
        MultimodalDataset d = load(cfg("cremad", root));
        assertEquals(CremaDDataset.CLASSES, d.classNames());
        assertEquals(18, all(d).size());
        assertDisjoint(d, "actor");
        for (Clip c : all(d)) {
            assertEquals(CremaDDataset.CLASSES.indexOf(c.meta().get("emotion")), c.label());
            assertTrue(c.meta().get("audioFile").endsWith(c.id() + ".wav"));
            assertTrue(c.meta().get("file").endsWith(c.id() + ".flv"));
        }
        ExperimentConfig lists = cfg("cremad", root, "dataset.media.split=lists");
        MultimodalDataset l = load(lists);
        LoadReport rep = AvClipLoader.lastReport();
        assertEquals(6, l.test().size()); // 1002, 1004, 1006 NEU + all three of 1005
        assertEquals(12, l.train().size() + l.val().size());
        assertTrue(rep.notes().stream().anyMatch(n -> n.startsWith("warning:") && n.contains("share") && n.contains("actors")), rep.notes().toString());
    }

    @Test
    void cremadUnknownLabelIsSkipped() throws Exception {
        Path root = cremad();
        MediaFixtures.write(root.resolve("AudioWAV/1001_DFA_XYZ_XX.wav"), Spec.small().noVideo());
        MediaFixtures.write(root.resolve("VideoFlash/1001_DFA_XYZ_XX.flv"), Spec.small().noAudio());
        MultimodalDataset d = load(cfg("cremad", root));
        assertTrue(skippedWith(d, "1001_DFA_XYZ_XX.flv", "unknown label: emotion code 'XYZ'"), d.skipped().toString());
        assertEquals(18, all(d).size());
    }

    /** AVE: four 2 s clips of two categories, windows inside them. */
    Path ave() throws Exception {
        Path root = tmp.resolve("ave");
        Files.createDirectories(root.resolve("AVE"));
        String[] rows = {"Church bell&v1&good&0&1", "Church bell&v2&good&1&2", "Dog&v3&good&0&2", "Dog&v4&good&1&2",
                         "Church bell&v5&good&0&1", "Dog&v6&good&1&2"};
        for (String r : rows) MediaFixtures.write(root.resolve("AVE/" + r.split("&")[1] + ".mp4"), Spec.small().seconds(2));
        Files.writeString(root.resolve("Annotations.txt"), "Category&VideoID&Quality&StartTime&EndTime\n" + String.join("\n", rows) + "\n");
        Files.writeString(root.resolve("trainSet.txt"), rows[0] + "\n" + rows[1] + "\n" + rows[2] + "\n" + rows[3] + "\n");
        Files.writeString(root.resolve("valSet.txt"), rows[4] + "\n");
        Files.writeString(root.resolve("testSet.txt"), rows[5] + "\n");
        return root;
    }

    @Test
    void aveListsAndEventWindows() throws Exception {
        MultimodalDataset d = load(cfg("ave", ave()));
        assertEquals(List.of("Church bell", "Dog"), d.classNames());
        assertEquals(4, d.train().size());
        assertEquals(1, d.val().size());
        assertEquals(1, d.test().size());
        Clip v2 = d.train().stream().filter(c -> c.id().equals("v2")).findFirst().orElseThrow();
        assertEquals("1.0-2.0 s", v2.meta().get("window"));
        assertEquals(0, v2.label());
        // frames of v1 (window 0-1 s) and v2 (1-2 s) differ: different source frames were picked
        Clip v1 = d.train().stream().filter(c -> c.id().equals("v1")).findFirst().orElseThrow();
        assertNotEquals(v1.input(1)[0], v2.input(1)[0], 0.1);
    }

    @Test
    void aveListedButMissingAndZeroFramesInWindow() throws Exception {
        Path root = ave();
        Files.writeString(root.resolve("testSet.txt"), "Dog&v6&good&1&2\nDog&gone&good&0&1\nDog&v4&good&5&8\n");
        MultimodalDataset d = load(cfg("ave", root));
        assertTrue(skippedWith(d, "gone.mp4", "listed in testSet.txt but missing on disk"), d.skipped().toString());
        assertTrue(skippedWith(d, "v4.mp4", "no video frames decoded in window"), d.skipped().toString());
        assertEquals(1, d.test().size());
        assertEquals(4, d.train().size());
    }

    @Test
    void kineticsSoundsBothListForms() throws Exception {
        Path root = tmp.resolve("ks");
        Files.createDirectories(root.resolve("clips"));
        for (String n : List.of("aaa_0_10", "bbb_5_15", "ccc_1_11", "ddd_2_12")) MediaFixtures.write(root.resolve("clips/" + n + ".mp4"), Spec.small());
        Files.writeString(root.resolve("my_train.txt"), "aaa_0_10,10,0\nbbb_5_15,10,1\nccc_1_11,10,1\nzzz_0_10,10,0\n");
        Files.writeString(root.resolve("my_test.txt"), "ddd_2_12,10,0\n");
        MultimodalDataset d = load(cfg("kinetics-sounds", root, "dataset.media.valFraction=0"));
        assertEquals(List.of("class0", "class1"), d.classNames());
        assertEquals(3, d.train().size());
        assertEquals(1, d.test().size());
        assertTrue(skippedWith(d, "zzz_0_10", "listed in my_train.txt but missing on disk"));
        Files.delete(root.resolve("my_train.txt"));
        Files.delete(root.resolve("my_test.txt"));
        Files.writeString(root.resolve("train.txt"), "aaa_0_10 x playing drums\nbbb_5_15 y tapping\nccc_1_11 z tapping\n");
        Files.writeString(root.resolve("test.txt"), "ddd_2_12 w drums\n");
        Files.writeString(root.resolve("classes.txt"), "drums\ntapping\n");
        MultimodalDataset s = load(cfg("kinetics-sounds", root, "dataset.media.valFraction=0"));
        assertEquals(List.of("drums", "tapping"), s.classNames());
        assertEquals(3, s.train().size());
        assertEquals(1, s.train().stream().filter(c -> c.label() == 0).count());
    }

    @Test
    void truncatedFileIsSkipped() throws Exception {
        Path root = clipFolder();
        Path good = MediaFixtures.write(tmp.resolve("whole.mp4"), Spec.small());
        byte[] b = Files.readAllBytes(good);
        Files.write(root.resolve("cat/truncated.mp4"), java.util.Arrays.copyOf(b, b.length / 2));
        MultimodalDataset d = load(cfg("clips", root));
        assertTrue(skippedWith(d, "truncated.mp4", "cannot open"), d.skipped().toString());
        assertEquals(12, all(d).size());
    }

    @Test
    void corruptFileIsSkipped() throws Exception {
        Path root = clipFolder();
        byte[] junk = new byte[5000];
        new java.util.Random(1).nextBytes(junk);
        Files.write(root.resolve("dog/corrupt.mkv"), junk);
        MultimodalDataset d = load(cfg("clips", root));
        assertTrue(skippedWith(d, "corrupt.mkv", "corrupt"), d.skipped().toString());
        assertEquals(12, all(d).size());
    }

    @Test
    void clipWithoutAudioTrackIsSkipped() throws Exception {
        Path root = clipFolder();
        MediaFixtures.write(root.resolve("cat/mute.mp4"), Spec.small().noAudio());
        MultimodalDataset d = load(cfg("clips", root));
        assertTrue(skippedWith(d, "mute.mp4", "no audio track"), d.skipped().toString());
        assertEquals(12, all(d).size());
    }

    @Test
    void clipWithoutVideoTrackIsSkipped() throws Exception {
        Path root = clipFolder();
        MediaFixtures.write(root.resolve("dog/blind.mp4"), Spec.small().noVideo());
        MultimodalDataset d = load(cfg("clips", root));
        assertTrue(skippedWith(d, "blind.mp4", "no video track"), d.skipped().toString());
        assertEquals(12, all(d).size());
    }

    @Test
    void unreadableFileIsSkipped() throws Exception {
        Path root = clipFolder();
        Files.createSymbolicLink(root.resolve("dog/dangling.mp4"), tmp.resolve("nowhere.mp4"));
        MultimodalDataset d = load(cfg("clips", root));
        assertTrue(skippedWith(d, "dangling.mp4", "missing on disk or unreadable"), d.skipped().toString());
        assertEquals(12, all(d).size());
    }

    @Test
    void noUsableClipIsOneClearError() throws Exception {
        Path root = tmp.resolve("bad");
        Files.createDirectories(root.resolve("a"));
        Files.write(root.resolve("a/x.mp4"), new byte[100]);
        Files.write(root.resolve("a/y.mp4"), new byte[0]);
        DatasetException e = assertThrows(DatasetException.class, () -> load(cfg("clips", root)));
        assertTrue(e.getMessage().startsWith("clips: no usable clip in " + root), e.getMessage());
        assertTrue(e.getMessage().contains("2 file(s) skipped"), e.getMessage());
        Path ok = clipFolder();
        DatasetException few = assertThrows(DatasetException.class, () -> load(cfg("clips", ok, "dataset.media.minClips=100")));
        assertTrue(few.getMessage().contains("fewer than dataset.media.minClips = 100"), few.getMessage());
    }

    @Test
    void cacheIsReusedAndRebuiltOnlyWhereNeeded() throws Exception {
        Path root = clipFolder();
        ExperimentConfig c = cfg("clips", root);
        ClipDecoder.resetDecodeCount();
        MultimodalDataset first = load(c);
        assertEquals(12, ClipDecoder.decodeCount(), "cold: one pass per clip");
        ClipDecoder.resetDecodeCount();
        MultimodalDataset second = load(c);
        assertEquals(0, ClipDecoder.decodeCount(), "warm: nothing decoded");
        assertEquals(12, AvClipLoader.lastReport().audioReused());
        assertArrayEquals(first.train().get(0).input(1), second.train().get(0).input(1));

        // an audio recipe change re-decodes the audio only
        ClipDecoder.resetDecodeCount();
        load(cfg("clips", root, "dataset.audio.melBins=16"));
        assertEquals(12, ClipDecoder.decodeCount());
        assertEquals(12, AvClipLoader.lastReport().visualReused());
        assertEquals(0, AvClipLoader.lastReport().audioReused());

        // a touched file re-decodes that clip only
        Path touched = root.resolve("dog/dog_bob_1.mp4");
        Files.setLastModifiedTime(touched, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ClipDecoder.resetDecodeCount();
        load(c);
        assertEquals(1, ClipDecoder.decodeCount());

        // broken entries are rebuilt, never trusted: truncate every entry (whatever recipe it belongs to)
        List<Path> entries;
        try (var s = Files.walk(tmp.resolve("cache"))) {
            entries = s.filter(p -> p.toString().endsWith(".bin")).toList();
        }
        for (Path entry : entries) {
            byte[] b = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(b, b.length - 7));
        }
        ClipDecoder.resetDecodeCount();
        load(c);
        assertEquals(12, ClipDecoder.decodeCount(), "every clip decoded again");
        assertEquals(24, AvClipLoader.lastReport().brokenEntries(), "12 audio + 12 visual entries found broken");
        ClipDecoder.resetDecodeCount();
        load(c);
        assertEquals(0, ClipDecoder.decodeCount());
    }

    @Test
    void datasetCheckDescribes() throws Exception {
        Path root = clipFolder();
        Files.write(root.resolve("cat/junk.mp4"), new byte[10]);
        List<String> out = new ArrayList<>();
        DatasetCheck.describe(cfg("clips", root), out::add);
        String text = String.join("\n", out);
        assertTrue(text.contains("cat"), text);
        assertTrue(text.contains("skipped: 1 file(s)"), text);
        assertTrue(text.contains("junk.mp4: cannot open"), text);
        assertTrue(text.contains("cache: "), text);
    }
}
