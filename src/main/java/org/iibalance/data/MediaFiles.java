package org.iibalance.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** File-name helpers of the media loaders. */
final class MediaFiles {
    /** Extensions of the video files the loaders pick up. */
    static final Set<String> VIDEO = Set.of("mp4", "flv", "avi", "mkv", "webm", "mov");

    private MediaFiles() {}

    static String ext(Path p) {
        String n = p.getFileName().toString();
        int i = n.lastIndexOf('.');
        return i < 0 ? "" : n.substring(i + 1).toLowerCase(Locale.ROOT);
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int i = n.lastIndexOf('.');
        return i < 0 ? n : n.substring(0, i);
    }

    static boolean isVideo(Path p) {
        return VIDEO.contains(ext(p)) && !p.getFileName().toString().startsWith(".");
    }

    /** Entries of a folder, sorted by name, hidden ones left out. */
    static List<Path> list(Path dir) throws DatasetException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Video files anywhere under {@code root} (hidden folders left out), by file stem. */
    static Map<String, Path> videosByStem(Path root) throws DatasetException {
        Map<String, Path> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> all = new ArrayList<>(s.filter(p -> !hiddenUnder(root, p) && isVideo(p)).toList());
            all.sort(Comparator.naturalOrder());
            for (Path p : all) m.putIfAbsent(stem(p), p);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return m;
    }

    private static boolean hiddenUnder(Path root, Path p) {
        for (Path part : root.relativize(p)) if (part.toString().startsWith(".")) return true;
        return false;
    }

    /** Sorts names numerically when all are integers, else alphabetically. */
    static List<String> naturalSort(java.util.Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        boolean numeric = !l.isEmpty() && l.stream().allMatch(s -> s.matches("-?\\d{1,9}"));
        if (numeric) l.sort(Comparator.comparingInt(Integer::parseInt));
        else l.sort(Comparator.naturalOrder());
        return l;
    }

    /** Lines of a text file without blank ones, trimmed. */
    static List<String> lines(Path f) throws DatasetException {
        try {
            return Files.readAllLines(f).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new DatasetException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
