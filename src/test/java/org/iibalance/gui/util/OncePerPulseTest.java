package org.iibalance.gui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A burst of requests on the FX thread runs the action once, after the burst; a later request runs it again. */
@ExtendWith(ApplicationExtension.class)
class OncePerPulseTest {
    @Start
    void start(Stage stage) {
        // no window needed: the FX thread is
    }

    @Test
    void aBurstRunsTheActionOnceAndALaterRequestAgain() {
        AtomicInteger runs = new AtomicInteger();
        OncePerPulse refresh = OncePerPulse.of(runs::incrementAndGet);
        AtomicInteger duringBurst = new AtomicInteger(-1);
        Platform.runLater(() -> {
            for (int i = 0; i < 50; i++) refresh.run();
            duringBurst.set(runs.get()); // read here, asserted on the test thread (an FX-thread failure would not reach JUnit)
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, duringBurst.get(), "not run within the burst");
        assertEquals(1, runs.get(), "50 requests, one run");
        Platform.runLater(refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, runs.get(), "a request after the run runs it again");
    }
}
