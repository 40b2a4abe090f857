package org.iibalance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.iibalance.experiment.ExperimentRunner;
import org.iibalance.experiment.RunOutcome;
import org.iibalance.experiment.TestConfigs;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunState;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --clip ID [--corrupt SPEC]... [--render FILE]}: one clip's what-if from the command
 * line. Clean, its weights are the clip's gating.csv row; corrupted, they are the clip's row of
 * {@code evaluate --corrupt}'s gating table (the same corruption stream); the PNG shows the
 * corruption; bad use is refused with exit code 2.
 */
@Tag("slow")
class EvaluateClipTest {
    @TempDir
    static Path tmp;
    private static Path run;

    @BeforeAll
    static void train() throws Exception {
        RunOutcome o = new ExperimentRunner(TestConfigs.tiny(tmp.resolve("runs"), "iibalance", "threads=1")).run();
        assertEquals(RunState.COMPLETED, o.state(), o.reason());
        run = o.runDir();
    }

    private static double printed(String out, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what) + " ([0-9.]+)").matcher(out);
        assertTrue(m.find(), what + " in: " + out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aClipIsPrintedAndDrawnCleanAndCorrupted() throws Exception {
        GatingTable.Row row = RunSummary.open(run).gating().rows().get(3);
        Path clean = tmp.resolve("clean.png"), noisy = tmp.resolve("noisy.png");
        CliTest.Result c = CliTest.run("evaluate", "--run", run.toString(), "--clip", row.id(), "--render", clean.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        assertEquals(row.weight("audio"), printed(c.out(), "w_audio"), 5e-5, "the clean what-if is the clip's gating.csv row");
        assertEquals(row.u("visual"), printed(c.out(), "u_visual"), 5e-5);
        assertTrue(c.out().contains(String.format(Locale.ROOT, "fused prediction %d", row.prediction())), c.out());

        String spec = "audio-noise:snr=-20";
        CliTest.Result n = CliTest.run("evaluate", "--run", run.toString(), "--clip", row.id(), "--corrupt", spec, "--render", noisy.toString());
        assertEquals(0, n.code(), n.out() + n.err());
        // the same clip in the evaluation of the whole split under the same corruption
        Path out = tmp.resolve("eval-noisy");
        CliTest.Result e = CliTest.run("evaluate", "--run", run.toString(), "--corrupt", spec, "--out", out.toString());
        assertEquals(0, e.code(), e.out() + e.err());
        GatingTable.Row same = org.iibalance.run.EvaluationResult.gating(out).rows().stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
        assertEquals(same.weight("audio"), printed(n.out(), "w_audio"), 5e-5, "the what-if equals the clip's row of evaluate --corrupt");
        assertEquals(same.u("audio"), printed(n.out(), "u_audio"), 5e-5);

        BufferedImage a = ImageIO.read(clean.toFile()), b = ImageIO.read(noisy.toFile());
        assertTrue(a.getWidth() > 100 && a.getHeight() > 100, a.getWidth() + "x" + a.getHeight());
        assertFalse(samePixels(a, b), "the picture shows the corruption");
    }

    @Test
    void badUseIsRefused() {
        CliTest.Result r = CliTest.run("evaluate", "--run", run.toString(), "--render", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--render: give --clip ID too"), r.err());
        CliTest.Result u = CliTest.run("evaluate", "--run", run.toString(), "--clip", "no-such-clip");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("no clip 'no-such-clip'"), u.err());
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        for (int y = 0; y < a.getHeight(); y++) for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
        return true;
    }
}
