package org.iibalance.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recordings of the Free Spoken Digit Dataset in {@code fsdd/recordings/}, named
 * {@code {digit}_{speaker}_{index}.wav}. A {@code .wav} whose name does not follow that pattern is
 * reported as skipped; other files are ignored.
 */
final class FsddRecordings {
    private static final Pattern NAME = Pattern.compile("([0-9])_([A-Za-z]+)_([0-9]+)\\.wav");

    /** One recording: its file, spoken digit, speaker and take index. */
    record Recording(Path file, int digit, String speaker, int take) {}

    /**
     * Orders recordings by take index (numerically), then speaker name, so that walking a digit's
     * list alternates between speakers (jackson 0, nicolas 0, theo 0, jackson 1, ...).
     */
    static final Comparator<Recording> ORDER =
            Comparator.comparingInt(Recording::take).thenComparing(Recording::speaker).thenComparingInt(Recording::digit);

    private FsddRecordings() {}

    /** Lists the folder, sorted by {@link #ORDER}; badly named .wav files go to {@code skipped}. */
    static List<Recording> list(Path folder, List<SkippedFile> skipped) throws DatasetException {
        List<Recording> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (!name.toLowerCase().endsWith(".wav")) continue;
                Matcher m = NAME.matcher(name);
                if (!m.matches()) {
                    skipped.add(new SkippedFile(p.toAbsolutePath().toString(), "name is not {digit}_{speaker}_{index}.wav"));
                    continue;
                }
                out.add(new Recording(p.toAbsolutePath(), m.group(1).charAt(0) - '0', m.group(2), Integer.parseInt(m.group(3))));
            }
        } catch (IOException e) {
            throw new DatasetException("avmnist: cannot list " + folder + ": " + e.getMessage(), e);
        }
        out.sort(ORDER);
        return out;
    }

    /** The digit spoken in a recording file, from its name, or -1. */
    static int digitOf(String fileName) {
        Matcher m = NAME.matcher(Path.of(fileName).getFileName().toString());
        return m.matches() ? m.group(1).charAt(0) - '0' : -1;
    }
}
