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
 * Kinetics-Sounds ({@code kind: kinetics-sounds}): clip files anywhere under ROOT, found by name,
 * with the peers' list files in ROOT: per split the first of {@code my_<split>.txt}, {@code <split>.txt},
 * {@code <split>.csv}, {@code <split>_list.txt}. Two line forms are read: OGM-GE's
 * {@code ytid_start_end,10,label} (comma-separated, name first, label last) and BalanceBenchmark's
 * space-separated {@code name ... label}. Numeric labels are class indices, named by
 * {@code classes.txt} (one name per line) when present; text labels are class names (sorted, or in
 * the order of {@code classes.txt}). Without a validation list, validation is carved out of train.
 */
public final class KineticsSoundsDataset implements DatasetLoader {
    public static final String KIND = "kinetics-sounds";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return "Kinetics-Sounds: clip files under ROOT with the peers' lists (my_train.txt 'ytid_start_end,10,label' or 'name ... label')";
    }

    private record Entry(String name, String label, String list) {}

    /** The list file of a split, or null. */
    static Path listFile(Path root, String split) {
        for (String n : List.of("my_" + split + ".txt", split + ".txt", split + ".csv", split + "_list.txt")) {
            if (Files.isRegularFile(root.resolve(n))) return root.resolve(n);
        }
        return null;
    }

    @Override
    public MultimodalDataset load(ExperimentConfig cfg, Consumer<String> progress) throws DatasetException {
        Path root = AvClipLoader.root(cfg, KIND);
        List<SkippedFile> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<Entry>> lists = new LinkedHashMap<>();
        for (String s : List.of("train", "val", "test")) {
            Path f = listFile(root, s);
            if (f == null) continue;
            List<Entry> es = new ArrayList<>();
            for (String line : MediaFiles.lines(f)) {
                String[] p = line.contains(",") ? line.split(",") : line.split("\\s+");
                if (p.length < 2) {
                    skipped.add(new SkippedFile(f.getFileName() + ": " + line, "no label on the line"));
                    continue;
                }
                String lab = p[p.length - 1].strip();
                if (es.isEmpty() && lab.equalsIgnoreCase("label")) continue; // header
                es.add(new Entry(p[0].strip(), lab, f.getFileName().toString()));
            }
            lists.put(s, es);
        }
        if (!lists.containsKey("train")) {
            throw new DatasetException(KIND + ": no training list in " + root + " (looked for my_train.txt, train.txt, train.csv, train_list.txt)");
        }
        Path classFile = root.resolve("classes.txt");
        List<String> named = Files.isRegularFile(classFile) ? MediaFiles.lines(classFile) : List.of();
        boolean numeric = lists.values().stream().flatMap(List::stream).allMatch(e -> e.label().matches("\\d{1,6}"));
        List<String> classes;
        if (!named.isEmpty()) {
            classes = named;
        } else if (numeric) {
            int max = lists.values().stream().flatMap(List::stream).mapToInt(e -> Integer.parseInt(e.label())).max().orElse(-1);
            classes = new ArrayList<>();
            for (int i = 0; i <= max; i++) classes.add("class" + i);
            notes.add("note: numeric labels and no classes.txt: classes named class0..class" + max);
        } else {
            TreeSet<String> t = new TreeSet<>();
            lists.values().forEach(l -> l.forEach(e -> t.add(e.label())));
            classes = new ArrayList<>(t);
        }
        Map<String, Path> videos = MediaFiles.videosByStem(root);
        List<ClipSource> sources = new ArrayList<>();
        for (var e : lists.entrySet()) {
            for (Entry en : e.getValue()) {
                int label = numeric ? Integer.parseInt(en.label()) : classes.indexOf(en.label());
                Path v = videos.get(en.name());
                if (label < 0 || label >= classes.size()) {
                    skipped.add(new SkippedFile(en.name(), "unknown label '" + en.label() + "' in " + en.list()));
                } else if (v == null) {
                    skipped.add(new SkippedFile(en.name(), "listed in " + en.list() + " but missing on disk"));
                } else {
                    sources.add(new ClipSource(en.name(), label, e.getKey(), "", v, null, 0, 0, Map.of("class", classes.get(label))));
                }
            }
        }
        if (!lists.containsKey("val")) {
            List<ClipSource> tr = sources.stream().filter(c -> c.split().equals("train")).toList();
            sources.removeIf(c -> c.split().equals("train"));
            sources.addAll(Splits.carveVal(tr, cfg.dataset().media().valFraction(), cfg.seed()));
            notes.add("note: no validation list: validation carved out of the training list (stratified, seeded, valFraction "
                    + cfg.dataset().media().valFraction() + ")");
        }
        if (!lists.containsKey("test")) notes.add("warning: no test list: the test split is empty");
        return AvClipLoader.build(KIND, cfg, classes, sources, skipped, notes, progress);
    }
}
