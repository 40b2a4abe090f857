package org.iibalance.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.config.MediaConfig;

/**
 * CREMA-D ({@code kind: cremad}): {@code ROOT/AudioWAV/<clip>.wav} with {@code ROOT/VideoFlash/<clip>.flv}
 * (or {@code ROOT/VideoMP4/<clip>.mp4}); clip names are {@code <actor>_<sentence>_<EMOTION>_<level>},
 * e.g. {@code 1001_DFA_ANG_XX}. Classes in the peers' order: NEU, HAP, SAD, FEA, DIS, ANG. Audio is
 * read from the wav, frames from the video.
 *
 * <p>Splits: {@code media.split: speaker} (default) puts whole actors in train, val or test (seeded);
 * {@code lists} uses the peers' {@code ROOT/train.csv} and {@code ROOT/test.csv} ({@code clip,LABEL}),
 * with validation carved out of train, and warns that those lists share actors between train and test;
 * {@code stratified} is a seeded split per class.
 */
public final class CremaDDataset implements DatasetLoader {
    public static final String KIND = "cremad";
    /** Class names, index = label (the peers' order). */
    public static final List<String> CLASSES = List.of("NEU", "HAP", "SAD", "FEA", "DIS", "ANG");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "CREMA-D: AudioWAV/*.wav + VideoFlash/*.flv (or VideoMP4/*.mp4), 6 emotions, actor-disjoint or the peers' lists";
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        Path root = AvClipLoader.root(cfg, KIND);
        MediaConfig m = cfg.dataset().media();
        Path audioDir = root.resolve("AudioWAV");
        Path videoDir = Files.isDirectory(root.resolve("VideoFlash")) ? root.resolve("VideoFlash") : root.resolve("VideoMP4");
        if (!Files.isDirectory(audioDir)) throw new DatasetException(KIND + ": no AudioWAV/ folder in " + root);
        if (!Files.isDirectory(videoDir)) throw new DatasetException(KIND + ": no VideoFlash/ or VideoMP4/ folder in " + root);
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, ClipSource> byName = new HashMap<>();
        Set<String> videoStems = new HashSet<>();
        for (Path v : MediaFiles.list(videoDir)) {
            if (!MediaFiles.isVideo(v)) continue;
            String stem = MediaFiles.stem(v);
            videoStems.add(stem);
            String[] f = stem.split("_");
            if (f.length < 3) {
                skipped.add(new SkippedFile(v.toString(), "name is not <actor>_<sentence>_<EMOTION>_<level>"));
                continue;
            }
            int label = CLASSES.indexOf(f[2]);
            if (label < 0) {
                skipped.add(new SkippedFile(v.toString(), "unknown label: emotion code '" + f[2] + "' (expected one of " + String.join(", ", CLASSES) + ")"));
                continue;
            }
            Path wav = audioDir.resolve(stem + ".wav");
            if (!Files.exists(wav)) {
                skipped.add(new SkippedFile(v.toString(), "no audio file AudioWAV/" + stem + ".wav"));
                continue;
            }
            byName.put(stem, new ClipSource(stem, label, null, f[0], v, wav, 0, 0,
                    Map.of("actor", f[0], "sentence", f[1], "emotion", f[2], "level", f.length > 3 ? f[3] : "")));
        }
        for (Path w : MediaFiles.list(audioDir)) {
            if (MediaFiles.ext(w).equals("wav") && !videoStems.contains(MediaFiles.stem(w))) {
                skipped.add(new SkippedFile(w.toString(), "no video file for this wav in " + videoDir.getFileName() + "/"));
            }
        }
        List<ClipSource> found = byName.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        List<ClipSource> sources;
        switch (m.split()) {
            case "lists" -> sources = fromLists(root, byName, skipped, notes, cfg);
            case "stratified" -> {
                sources = Splits.stratified(found, m.valFraction(), m.testFraction(), cfg.seed());
                notes.add("note: seeded stratified split; actors are shared between splits");
            }
            default -> {
                sources = Splits.byGroup(found, m.valFraction(), m.testFraction(), cfg.seed());
                Set<String> tr = actors(sources, "train"), va = actors(sources, "val"), te = actors(sources, "test");
                notes.add("note: actor-disjoint split (seeded): " + tr.size() + " actors train, " + va.size() + " val, " + te.size() + " test");
            }
        }
        return AvClipLoader.build(KIND, cfg, CLASSES, sources, skipped, notes, progress);
    }

    private static Set<String> actors(List<ClipSource> l, String split) {
        Set<String> s = new HashSet<>();
        for (ClipSource c : l) if (split.equals(c.split())) s.add(c.group());
        return s;
    }

    private static List<ClipSource> fromLists(Path root, Map<String, ClipSource> byName, List<SkippedFile> skipped, List<String> notes,
                                              ExperimentConfig cfg) throws DatasetException {
        List<ClipSource> train = new ArrayList<>(), test = new ArrayList<>();
        for (String split : List.of("train", "test")) {
            Path list = root.resolve(split + ".csv");
            if (!Files.isRegularFile(list)) throw new DatasetException(KIND + ": media.split is 'lists' but " + list + " does not exist");
            for (String line : MediaFiles.lines(list)) {
                String[] f = line.split(",");
                String name = f[0].strip();
                String lab = f.length > 1 ? f[f.length - 1].strip() : "";
                ClipSource c = byName.get(name);
                if (!CLASSES.contains(lab)) {
                    skipped.add(new SkippedFile(name, "unknown label '" + lab + "' in " + list.getFileName()));
                } else if (c == null) {
                    skipped.add(new SkippedFile(name, "listed in " + list.getFileName() + " but missing on disk (or skipped above)"));
                } else if (CLASSES.indexOf(lab) != c.label()) {
                    skipped.add(new SkippedFile(name, "label " + lab + " in " + list.getFileName() + " contradicts the file name"));
                } else {
                    (split.equals("train") ? train : test).add(c.withSplit(split));
                }
            }
        }
        Set<String> tr = actors(train, "train"), te = actors(test, "test");
        Set<String> shared = new HashSet<>(tr);
        shared.retainAll(te);
        List<ClipSource> out = new ArrayList<>(Splits.carveVal(train, cfg.dataset().media().valFraction(), cfg.seed()));
        out.addAll(test);
        if (!shared.isEmpty()) {
            notes.add("warning: train.csv and test.csv share " + shared.size() + " of " + (tr.size() + te.size() - shared.size())
                    + " actors (speaker leakage: test accuracy is optimistic); use media.split: speaker for an actor-disjoint split");
        }
        notes.add("note: validation carved out of train.csv (stratified, seeded, valFraction " + cfg.dataset().media().valFraction() + ")");
        return out;
    }
}
