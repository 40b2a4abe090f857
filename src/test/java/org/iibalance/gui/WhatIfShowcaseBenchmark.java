package org.iibalance.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.iibalance.gui.gating.WhatIfResult;
import org.iibalance.gui.gating.WhatIfViewModel;
import org.iibalance.gui.robustness.RobustnessViewModel;
import org.iibalance.gui.util.FxTaskExecutor;
import org.iibalance.run.GatingTable;
import org.iibalance.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The what-if panel and the Robustness tab on trained runs (not a test: run on request):
 * {@code mvn -q -B test -Dtest=WhatIfShowcaseBenchmark -Dshowcase.runs=DIR [-Dshowcase.clip=ID]}.
 * Opens the newest IIBalance run of DIR in the gating inspector, drags the audio SNR from clean to
 * -20 dB in 5 dB steps (each step waits for its what-if) and prints each update's inference time and
 * the weights, snapshots the what-if into {@code assets/gui-whatif.png}; then evaluates every run of
 * DIR under audio noise in the Robustness tab and snapshots it into {@code assets/gui-robustness.png}.
 */
class WhatIfShowcaseBenchmark {
    @Test
    void whatIfLatencyAndScreenshots() throws Exception {
        Path runs = Path.of(System.getProperty("showcase.runs", "runs")).toAbsolutePath();
        Path assets = Path.of(System.getProperty("gui.assets", "assets"));
        Files.createDirectories(assets);
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkbenchViewModel vm = new WorkbenchViewModel(new FxTaskExecutor(), runs);
        Scene[] scene = new Scene[1];
        WorkbenchView[] view = new WorkbenchView[1];
        WaitForAsyncUtils.asyncFx(() -> {
            view[0] = WorkbenchApp.createView(vm);
            scene[0] = new Scene(view[0], 1280, 820); // the window's default size
            stage.setScene(scene[0]);
            stage.show();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !vm.robustness().runs().isEmpty()));
        RunSummary iib = fx(() -> vm.robustness().runs().stream().filter(r -> r.results() != null && "iibalance".equals(r.results().method())).findFirst()
                .orElseThrow());
        fx(() -> {
            vm.open(iib);
            view[0].tabs().getSelectionModel().select(3);
            return null;
        });
        TableView<GatingTable.Row> table = (TableView<GatingTable.Row>) scene[0].lookup("#gatingTable");
        String clip = System.getProperty("showcase.clip");
        fx(() -> {
            GatingTable.Row row = clip == null ? table.getItems().get(0) : table.getItems().stream().filter(r -> r.id().equals(clip)).findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            return null;
        });
        WhatIfViewModel w = vm.gating().whatIf();
        long t0 = System.nanoTime();
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> fx(() -> w.resultProperty().get() != null));
        System.out.printf(Locale.ROOT, "checkpoint + data loaded and first what-if shown after %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<Double> ms = new ArrayList<>();
        for (int snr = 25; snr >= -20; snr -= 5) {
            int s = snr;
            long a = System.nanoTime();
            fx(() -> {
                w.knob("audio", "noise").value().set(s);
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.resultProperty().get().specs().equals(List.of("audio-noise:snr=" + s))));
            WhatIfResult r = fx(() -> w.resultProperty().get());
            double shown = (System.nanoTime() - a) / 1e6;
            ms.add(r.millis());
            System.out.printf(Locale.ROOT, "SNR %3d dB: inference %.1f ms, shown after %.1f ms; w = %s, prediction %d (clean %d, true %d)%n", s, r.millis(), shown,
                    java.util.Arrays.toString(r.weights()), r.prediction(), r.cleanPrediction(), r.label());
        }
        ms.sort(null);
        System.out.printf(Locale.ROOT, "what-if inference: median %.1f ms, max %.1f ms over %d updates%n", ms.get(ms.size() / 2), ms.get(ms.size() - 1), ms.size());
        fx(() -> {
            w.knob("audio", "noise").value().set(-10);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> w.resultProperty().get().specs().equals(List.of("audio-noise:snr=-10"))));
        Thread.sleep(500);
        snap(scene[0], assets.resolve("gui-whatif.png"));

        RobustnessViewModel r = vm.robustness();
        Path out = Files.createTempDirectory("iib-robustness");
        fx(() -> {
            view[0].tabs().getSelectionModel().select(view[0].tabs().getTabs().size() - 1);
            javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) scene[0].lookup("#robustnessRuns");
            list.getSelectionModel().selectAll();
            r.choose(List.of("audio-noise:snr=20", "audio-noise:snr=10", "audio-noise:snr=0", "audio-noise:snr=-10", "audio-noise:snr=-20"));
            r.outProperty().set(out);
            r.start();
            return null;
        });
        long b = System.nanoTime();
        WaitForAsyncUtils.waitFor(3600, TimeUnit.SECONDS, () -> fx(() -> !r.runningProperty().get()));
        System.out.printf(Locale.ROOT, "robustness: %s in %.0f s%n", fx(() -> r.statusProperty().get()), (System.nanoTime() - b) / 1e9);
        Thread.sleep(500);
        snap(scene[0], assets.resolve("gui-robustness.png"));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }

    private static void snap(Scene scene, Path file) throws Exception {
        var img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
    }
}
