package org.iibalance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.iibalance.config.ConfigException;
import org.iibalance.data.DatasetException;
import org.iibalance.data.corruption.Corruption;
import org.iibalance.data.corruption.CorruptionSpec;
import org.iibalance.data.corruption.Corruptions;
import org.iibalance.experiment.ClipWhatIf;
import org.iibalance.experiment.Evaluation;
import org.iibalance.experiment.SavedRun;
import org.iibalance.run.EvaluationResult;
import org.iibalance.run.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --run DIR [--split val|test|train] [--set dataset.key=value]... [--corrupt SPEC]... [--out DIR]}, and
 * {@code evaluate --run DIR --clip ID [--corrupt SPEC]... [--render FILE]}: one clip's what-if (the gating
 * inspector's what-if panel without a display).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a completed run's best checkpoint again (another split, other data, corrupted inputs): writes evaluation.json and gating.csv.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "DIR", required = true, description = "a completed run folder")
    Path run;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test (default), val, or train (the training clips, not augmented: how closely the run fits them)")
    String split;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a dataset.* key, e.g. --set dataset.root=/data/other (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--corrupt", paramLabel = "SPEC",
            description = "corrupt one modality's input, e.g. audio-noise:snr=-10, visual-occlude:size=0.5, audio-missing (repeatable; applied in order)")
    List<String> corrupt = new ArrayList<>();

    @Option(names = "--corruption-seed", paramLabel = "N", defaultValue = "0", description = "seed of the corruptions' randomness (default 0)")
    long corruptionSeed;

    @Option(names = "--out", paramLabel = "DIR", description = "where evaluation.json and gating.csv go (default: <run>/evaluations/<split>[-<spec>...])")
    Path out;

    @Option(names = "--clip", paramLabel = "ID",
            description = "evaluate one clip (of the test split, else of val) and print each head's probabilities, u_m and the fusion weights; writes no evaluation.json")
    String clip;

    @Option(names = "--render", paramLabel = "FILE", description = "with --clip: draw the clip as corrupted (frames, spectrogram) and its outputs into a PNG")
    Path render;

    @Override
    public Integer call() throws Exception {
        if (render != null && clip == null) {
            System.err.println("--render: give --clip ID too (a picture is of one clip)");
            return 2;
        }
        if (!SavedRun.SPLITS.contains(split)) {
            System.err.println("--split: '" + split + "' is not a split to evaluate (use test, val or train)");
            return 2;
        }
        List<Corruption> corruptions = new ArrayList<>();
        try {
            for (String c : corrupt) corruptions.add(CorruptionSpec.parse(c));
        } catch (IllegalArgumentException e) {
            System.err.println("--corrupt: " + e.getMessage());
            return 2;
        }
        SavedRun saved;
        try {
            saved = SavedRun.open(run, overrides);
            Corruptions.check(corruptions, saved.data().modalities());
        } catch (ConfigException e) {
            return CtrlC.refused("evaluate", e);
        } catch (DatasetException e) {
            System.err.println("dataset: " + e.getMessage());
            return 3;
        } catch (IllegalArgumentException e) {
            System.err.println("--corrupt: " + e.getMessage());
            return 2;
        }
        if (clip != null) return whatIf(saved, corruptions);
        Evaluation e = saved.evaluate(split, corruptions, corruptionSeed);
        EvaluationResult r = saved.result(e, split, corruptions, corruptionSeed);
        Path dir = out != null ? out : run.resolve("evaluations").resolve(defaultName(split, corruptions));
        r.write(dir, saved.gating(e));
        Results.Test t = r.figures();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s on %s (%d clips%s): Acc_m %.4f", r.method(), split, t.clips(),
                corruptions.isEmpty() ? "" : ", " + String.join(" + ", r.corruptions()), Results.orNaN(t.accMultimodal())));
        t.accByModality().forEach((m, a) -> b.append(String.format(Locale.ROOT, ", Acc_%s %.4f", m, Results.orNaN(a))));
        r.weightMean().forEach((m, w) -> b.append(String.format(Locale.ROOT, ", w_%s %.3f", m, Results.orNaN(w))));
        System.out.println(b);
        System.out.println("written to " + dir);
        return 0;
    }

    static String defaultName(String split, List<Corruption> corruptions) {
        StringBuilder b = new StringBuilder(split);
        for (Corruption c : corruptions) b.append('-').append(c.spec().replaceAll("[^A-Za-z0-9.+-]+", "_"));
        return b.toString();
    }

    /** {@code --clip}: the clip under the corruptions, printed (and drawn with {@code --render}). */
    private int whatIf(SavedRun saved, List<Corruption> corruptions) throws Exception {
        ClipWhatIf w = ClipWhatIf.of(saved);
        if (w.clip(clip) == null) {
            System.err.println("--clip: no clip '" + clip + "' in the test or validation split of " + run);
            return 2;
        }
        ClipWhatIf.Outcome o = w.run(clip, corruptions, corruptionSeed);
        Evaluation.ClipOutput out = o.output();
        List<org.iibalance.data.ModalitySpec> mods = w.modalities();
        List<String> lines = new ArrayList<>();
        lines.add("corruptions: " + (corruptions.isEmpty() ? "none (clean)" : String.join(" + ", corruptions.stream().map(Corruption::spec).toList()))
                + String.format(Locale.ROOT, "   (seed %d)", corruptionSeed));
        lines.add(String.format(Locale.ROOT, "true class %d, fused prediction %d%s", out.label(), out.prediction(), out.correct() ? "" : " (wrong)"));
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-8s", "head"));
        for (int c = 0; c < out.fusedProbs().length; c++) h.append(String.format(Locale.ROOT, " %5s", "p" + c));
        lines.add(h.toString());
        lines.add(probs("fused", out.fusedProbs()));
        for (int m = 0; m < mods.size(); m++) if (out.modalityProbs()[m] != null) lines.add(probs(mods.get(m).name(), out.modalityProbs()[m]));
        for (int m = 0; m < mods.size(); m++) {
            String n = mods.get(m).name();
            lines.add(String.format(Locale.ROOT, "%-8s w_%s %s   u_%s %s", n, n, out.weights() == null ? "-" : String.format(Locale.ROOT, "%.4f", out.weights()[m]),
                    n, out.uncertainty() == null ? "-" : String.format(Locale.ROOT, "%.4f", out.uncertainty()[m])));
        }
        System.out.println(saved.methodName() + ", clip " + clip + ":");
        for (String l : lines) System.out.println("  " + l);
        if (render != null) {
            org.iibalance.gui.util.ClipImages.Argb frames = null, spec = null;
            for (int m = 0; m < mods.size(); m++) { // on the clean clip's scale, as the what-if panel draws it
                var s = mods.get(m);
                float[] range = org.iibalance.gui.util.ClipImages.minMax(w.clip(clip).input(m));
                if (s.kind() == org.iibalance.data.ModalitySpec.Kind.FRAMES && frames == null) frames = org.iibalance.gui.util.ClipImages.frames(o.clip().input(m), s.shape(), range);
                if (s.kind() == org.iibalance.data.ModalitySpec.Kind.SPECTROGRAM && spec == null) spec = org.iibalance.gui.util.ClipImages.spectrogram(o.clip().input(m), s.shape(), range);
            }
            ClipPicture.write(render, saved.methodName() + " (" + run.getFileName() + "), clip " + clip, frames, spec, lines);
            System.out.println("rendered to " + render);
        }
        return 0;
    }

    private static String probs(String head, float[] p) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", head));
        for (float v : p) b.append(String.format(Locale.ROOT, " %5.3f", v));
        return b.toString();
    }
}
