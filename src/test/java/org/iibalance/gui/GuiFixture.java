package org.iibalance.gui;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.iibalance.gui.util.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench window the GUI tests drive (headless, Monocle): one view-model over a runs folder,
 * the window at a given size, and the calls every test makes (run on the FX thread, wait for a
 * condition, read a label). TestFX 4.0.18 looks for {@code @Start} only among a test class's own
 * methods, so each class keeps a one-line {@code @Start} that calls {@link #start}.
 */
public final class GuiFixture implements AfterEachCallback {
    /** The workbench's view-models. */
    public WorkbenchViewModel vm;
    /** The window's content. */
    public WorkbenchView view;
    /** The window. */
    public Stage stage;

    /** Opens the workbench over {@code runsDir} in {@code stage}, at the default 1280 x 820. */
    public void start(Stage stage, Path runsDir) {
        start(stage, runsDir, 1280, 820);
    }

    /** Opens the workbench over {@code runsDir} in {@code stage}, {@code width} x {@code height}. */
    public void start(Stage stage, Path runsDir, double width, double height) {
        this.stage = stage;
        vm = new WorkbenchViewModel(new FxTaskExecutor(), runsDir);
        view = WorkbenchApp.createView(vm);
        stage.setScene(new Scene(view, width, height));
        stage.show();
    }

    /** Cancels whatever still trains after each test (registered with {@code @RegisterExtension}). */
    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** Cancels whatever still trains. */
    public void stop() {
        if (vm == null) return;
        WaitForAsyncUtils.asyncFx(() -> {
            vm.cancel();
            vm.sweep().cancel();
        });
    }

    /** Runs {@code c} on the FX thread and returns its value (20 s at most). */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    public static void fxRun(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until {@code c} holds, {@code seconds} at most (fails the test after). */
    public static void waitFor(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
    }

    /** The text of the labeled control {@code id} (e.g. "#runState"), read on the FX thread. */
    public static String text(FxRobot robot, String id) throws Exception {
        Labeled l = robot.lookup(id).query();
        return fx(l::getText);
    }
}
