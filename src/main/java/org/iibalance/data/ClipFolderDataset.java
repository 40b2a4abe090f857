package org.iibalance.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.config.MediaConfig;

/**
 * Clip folders ({@code kind: clips}): {@code ROOT/<class>/<clip>.(mp4|flv|avi|mkv|webm|mov)}, or the
 * same under {@code ROOT/train/}, {@code ROOT/val/} and {@code ROOT/test/}. The class is the folder
 * name; the audio is the clip's own track.
 *
 * <p>Splits: with split folders, those are used; a missing {@code val/} (or {@code test/}) is carved
 * out of {@code train/} (stratified, seeded) and the report says so. Without split folders, the
 * clips are split here: {@code media.split: speaker} keeps speakers apart when every file is named
 * {@code <x>_<speaker>_<y>} (as in avmnist-clips), otherwise (and with {@code stratified}) a seeded
 * stratified split per class.
 */
public final class ClipFolderDataset implements DatasetLoader {
    public static final String KIND = "clips";
    private static final List<String> SPLITS = List.of("train", "val", "test");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "clip folders ROOT/[train|val|test/]<class>/<clip>.(mp4|flv|avi|mkv|webm|mov), decoded with FFmpeg";
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        Path root = AvClipLoader.root(cfg, KIND);
        MediaConfig m = cfg.dataset().media();
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean splitFolders = SPLITS.stream().anyMatch(s -> Files.isDirectory(root.resolve(s)));
        TreeSet<String> classSet = new TreeSet<>();
        List<Path> base = splitFolders ? SPLITS.stream().map(root::resolve).filter(Files::isDirectory).toList() : List.of(root);
        for (Path b : base) for (Path c : MediaFiles.list(b)) if (Files.isDirectory(c)) classSet.add(c.getFileName().toString());
        List<String> classes = MediaFiles.naturalSort(classSet);
        if (classes.isEmpty()) throw new DatasetException(KIND + ": no class folders in " + root + " (expected ROOT/[train|val|test/]<class>/<clip>.mp4)");

        List<ClipSource> all = new ArrayList<>();
        for (Path b : base) {
            String split = splitFolders ? b.getFileName().toString() : null;
            for (Path entry : MediaFiles.list(b)) {
                if (!Files.isDirectory(entry)) {
                    if (MediaFiles.isVideo(entry)) skipped.add(new SkippedFile(entry.toString(), "not inside a class folder"));
                    continue;
                }
                String cls = entry.getFileName().toString();
                int label = classes.indexOf(cls);
                for (Path f : MediaFiles.list(entry)) {
                    if (!MediaFiles.isVideo(f)) continue;
                    String stem = MediaFiles.stem(f);
                    String[] parts = stem.split("_");
                    String speaker = parts.length >= 3 ? parts[1] : "";
                    all.add(new ClipSource(cls + "/" + stem, label, split, speaker, f, null, 0, 0,
                            speaker.isEmpty() ? Map.of("class", cls) : Map.of("class", cls, "speaker", speaker)));
                }
            }
        }
        List<ClipSource> sources;
        if (splitFolders) {
            List<ClipSource> train = all.stream().filter(c -> "train".equals(c.split())).toList();
            List<ClipSource> rest = new ArrayList<>(all.stream().filter(c -> !"train".equals(c.split())).toList());
            boolean hasVal = Files.isDirectory(root.resolve("val")), hasTest = Files.isDirectory(root.resolve("test"));
            if (!hasVal || !hasTest) {
                double vf = hasVal ? 0 : m.valFraction(), tf = hasTest ? 0 : m.testFraction();
                train = Splits.stratified(train, vf, tf, cfg.seed());
                if (!hasVal) notes.add("note: no val/ folder in " + root + ": validation clips are carved out of train/ (stratified by class, seeded, valFraction " + m.valFraction() + ")");
                if (!hasTest) notes.add("note: no test/ folder in " + root + ": test clips are carved out of train/ (stratified by class, seeded, testFraction " + m.testFraction() + ")");
            }
            rest.addAll(train);
            sources = rest;
        } else if ("speaker".equals(m.split()) && !all.isEmpty() && all.stream().noneMatch(c -> c.group().isEmpty())) {
            sources = Splits.byGroup(all, m.valFraction(), m.testFraction(), cfg.seed());
            notes.add("note: no split folders; speaker-disjoint split by the second '_' field of the file names (seeded)");
        } else {
            sources = Splits.stratified(all, m.valFraction(), m.testFraction(), cfg.seed());
            notes.add("note: no split folders; seeded stratified split (valFraction " + m.valFraction() + ", testFraction " + m.testFraction() + ")"
                    + ("speaker".equals(m.split()) ? " because the file names carry no speaker" : ""));
        }
        return AvClipLoader.build(KIND, cfg, classes, sources, skipped, notes, progress);
    }
}
