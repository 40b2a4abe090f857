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
import org.iibalance.experiment.Evaluation;
import org.iibalance.experiment.SavedRun;
import org.iibalance.run.EvaluationResult;
import org.iibalance.run.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code evaluate --run DIR [--split val|test] [--set dataset.key=value]... [--corrupt SPEC]... [--out DIR]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a completed run's best checkpoint again (another split, other data, corrupted inputs): writes evaluation.json and gating.csv.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "DIR", required = true, description = "a completed run folder")
    Path run;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "test (default) or val")
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

    @Override
    public Integer call() throws Exception {
        if (!SavedRun.SPLITS.contains(split)) {
            System.err.println("--split: '" + split + "' is not a split to evaluate (use test or val)");
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
}
