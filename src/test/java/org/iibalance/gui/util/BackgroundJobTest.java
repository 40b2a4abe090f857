package org.iibalance.gui.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing a background job throws is swallowed: an {@link Error} from the work, or anything its
 * success callback throws, reaches the failure callback (on both executors), so a view leaves its
 * "loading..." state and says what went wrong.
 */
class BackgroundJobTest {

    @Test
    void anErrorFromTheWorkReachesTheFailureCallbackOnTheCallingThreadExecutor() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<Object> succeeded = new AtomicReference<>();
        new CurrentThreadTaskExecutor().execute(BackgroundJob.of(p -> {
            throw new NoClassDefFoundError("org/bytedeco/pytorch/global/torch");
        }).onSuccess(succeeded::set).onFailure(failed::set));
        assertInstanceOf(NoClassDefFoundError.class, failed.get());
        assertNull(succeeded.get());
        assertEquals("NoClassDefFoundError: org/bytedeco/pytorch/global/torch", BackgroundJob.describe(failed.get()));
    }

    @Test
    void aThrowingSuccessCallbackReachesTheFailureCallback() {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        new CurrentThreadTaskExecutor().execute(BackgroundJob.of(p -> "clip").onSuccess(v -> {
            throw new IllegalStateException("cannot draw " + v);
        }).onFailure(failed::set));
        assertEquals("cannot draw clip", BackgroundJob.describe(failed.get()));
    }

    @Test
    void onTheFxExecutorAnErrorAndAThrowingSuccessCallbackReachTheFailureCallbackOnTheFxThread() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxTaskExecutor fx = new FxTaskExecutor();
        try {
            AtomicReference<Throwable> fromWork = new AtomicReference<>();
            AtomicReference<Boolean> onFx = new AtomicReference<>();
            fx.execute(BackgroundJob.of(p -> {
                throw new StackOverflowError();
            }).onFailure(t -> {
                onFx.set(Platform.isFxApplicationThread());
                fromWork.set(t);
            }));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fromWork.get() != null);
            assertInstanceOf(StackOverflowError.class, fromWork.get());
            assertEquals(Boolean.TRUE, onFx.get());
            assertEquals("StackOverflowError", BackgroundJob.describe(fromWork.get()));

            AtomicReference<Throwable> fromCallback = new AtomicReference<>();
            fx.execute(BackgroundJob.of(p -> 3).onSuccess(v -> {
                throw new OutOfMemoryError("Java heap space");
            }).onFailure(fromCallback::set));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fromCallback.get() != null);
            assertEquals("OutOfMemoryError: Java heap space", BackgroundJob.describe(fromCallback.get()));
        } finally {
            fx.shutdown();
        }
    }

    @Test
    void describeUnwrapsAnExceptionThatOnlyCarriesItsCause() {
        assertEquals("disk full", BackgroundJob.describe(new RuntimeException(new java.io.IOException("disk full"))));
        assertEquals("NullPointerException", BackgroundJob.describe(new NullPointerException()));
    }
}
