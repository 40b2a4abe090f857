package org.iibalance.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.iibalance.config.ExperimentConfig;

/**
 * AVE ({@code kind: ave}): videos {@code ROOT/AVE/<VideoID>.mp4} (or directly in ROOT),
 * {@code ROOT/Annotations.txt} ({@code Category&VideoID&Quality&StartTime&EndTime}, first line a
 * header) and the split lists {@code trainSet.txt}, {@code valSet.txt}, {@code testSet.txt} in the same
 * form. Audio and frames are taken inside the event window [StartTime, EndTime]. Classes are the
 * categories of Annotations.txt, sorted by name. With {@code media.split: stratified}, or without the
 * lists, the annotated clips are split here (seeded, per class).
 */
public final class AveDataset implements DatasetLoader {
    public static final String KIND = "ave";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "AVE: AVE/<id>.mp4 + Annotations.txt + train/val/testSet.txt, audio and frames inside the event window";
    }

    private record Row(String category, String id, double start, double end, String line) {}

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        Path root = AvClipLoader.root(cfg, KIND);
        Path videos = Files.isDirectory(root.resolve("AVE")) ? root.resolve("AVE") : root;
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path ann = root.resolve("Annotations.txt");
        Map<String, List<Row>> lists = new LinkedHashMap<>();
        for (String s : List.of("train", "val", "test")) {
            Path p = root.resolve(s + "Set.txt");
            if (Files.isRegularFile(p)) lists.put(s, rows(p, skipped));
        }
        List<Row> annotated = Files.isRegularFile(ann) ? rows(ann, skipped) : List.of();
        TreeSet<String> cats = new TreeSet<>();
        (annotated.isEmpty() ? lists.values().stream().flatMap(List::stream).toList() : annotated).forEach(r -> cats.add(r.category()));
        if (cats.isEmpty()) throw new DatasetException(KIND + ": no Annotations.txt or *Set.txt lists with clips in " + root);
        if (annotated.isEmpty()) notes.add("note: no Annotations.txt: classes taken from the split lists");
        List<String> classes = new ArrayList<>(cats);
        List<ClipSource> sources = new ArrayList<>();
        boolean useLists = lists.containsKey("train") && !"stratified".equals(cfg.dataset().media().split());
        if (useLists) {
            for (var e : lists.entrySet()) for (Row r : e.getValue()) add(r, e.getKey(), e.getKey() + "Set.txt", videos, classes, sources, skipped);
            if (!lists.containsKey("val")) {
                List<ClipSource> tr = sources.stream().filter(c -> c.split().equals("train")).toList();
                sources.removeIf(c -> c.split().equals("train"));
                sources.addAll(Splits.carveVal(tr, cfg.dataset().media().valFraction(), cfg.seed()));
                notes.add("note: no valSet.txt: validation carved out of trainSet.txt (stratified, seeded)");
            }
            if (!lists.containsKey("test")) notes.add("warning: no testSet.txt: the test split is empty");
        } else {
            List<ClipSource> all = new ArrayList<>();
            for (Row r : annotated) add(r, null, "Annotations.txt", videos, classes, all, skipped);
            sources = Splits.stratified(all, cfg.dataset().media().valFraction(), cfg.dataset().media().testFraction(), cfg.seed());
            notes.add("note: split made here from Annotations.txt (stratified, seeded)" + (lists.containsKey("train") ? "" : ": no trainSet.txt"));
        }
        return AvClipLoader.build(KIND, cfg, classes, sources, skipped, notes, progress);
    }

    private static void add(Row r, String split, String listName, Path videos, List<String> classes, List<ClipSource> out, List<SkippedFile> skipped) {
        Path v = videos.resolve(r.id() + ".mp4");
        int label = classes.indexOf(r.category());
        if (label < 0) {
            skipped.add(new SkippedFile(r.id(), "unknown label '" + r.category() + "' in " + listName + " (not in Annotations.txt)"));
        } else if (!Files.exists(v)) {
            skipped.add(new SkippedFile(v.toString(), "listed in " + listName + " but missing on disk"));
        } else if (!(r.end() > r.start())) {
            skipped.add(new SkippedFile(v.toString(), "empty event window [" + r.start() + ", " + r.end() + "] in " + listName));
        } else {
            out.add(new ClipSource(r.id(), label, split, "", v, null, r.start(), r.end(), Map.of("category", r.category())));
        }
    }

    private static List<Row> rows(Path f, List<SkippedFile> skipped) throws DatasetException {
        List<Row> out = new ArrayList<>();
        for (String line : MediaFiles.lines(f)) {
            String[] p = line.split("&");
            if (p.length < 5) {
                skipped.add(new SkippedFile(f.getFileName() + ": " + line, "not Category&VideoID&Quality&StartTime&EndTime"));
                continue;
            }
            try {
                out.add(new Row(p[0].strip(), p[1].strip(), Double.parseDouble(p[3].strip()), Double.parseDouble(p[4].strip()), line));
            } catch (NumberFormatException e) {
                if (!out.isEmpty() || !p[0].strip().equalsIgnoreCase("Category")) {
                    skipped.add(new SkippedFile(f.getFileName() + ": " + line, "start/end are not numbers"));
                }
            }
        }
        return out;
    }
}
