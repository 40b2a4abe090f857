package org.iibalance.gui;

import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.iibalance.gui.util.FxTaskExecutor;

/**
 * The JavaFX application. Start it through {@link WorkbenchLauncher} (the main class must not extend
 * {@code Application} on the class path). The system property {@code iibalance.runsDir} overrides
 * the runs directory.
 */
public final class WorkbenchApp extends Application {
    /**
     * Milliseconds between two deliveries of queued training events to the FX thread: the status bar
     * (batch, clips/s, ETA) changes 5 times a second, each change a layout and a repaint of its labels.
     */
    public static final double PUMP_MILLIS = 200;
    private WorkbenchViewModel vm;

    /** Builds the window content over a fresh view-model and starts the event pumps and run polling. */
    public static WorkbenchView createView(WorkbenchViewModel vm) {
        vm.training().startPump(PUMP_MILLIS);
        vm.sweep().startPump(PUMP_MILLIS * 2);
        WorkbenchView view = new WorkbenchView(vm);
        Timeline poll = new Timeline(new KeyFrame(Duration.seconds(3), e -> vm.runs().refresh()));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
        vm.runs().refresh();
        return view;
    }

    @Override
    public void start(Stage stage) {
        String dir = System.getProperty("iibalance.runsDir");
        vm = new WorkbenchViewModel(new FxTaskExecutor(), dir == null ? null : Path.of(dir));
        stage.setTitle("IIBalance Workbench");
        stage.setScene(new Scene(createView(vm), 1280, 820));
        stage.show();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.cancel();
            vm.sweep().cancel();
            vm.executor().shutdown();
        }
    }
}
