package dev.envclone.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envclone.db.CancelToken;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The worker's cancel reaches the job it runs, never one waiting behind it. */
class FxBackgroundTest {
    private final FxBackground background = new FxBackground();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void shutdown() {
        background.shutdown();
    }

    @Test
    void cancelStopsTheRunningJobAndTheQueuedOneStillRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> first = new CompletableFuture<>();
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        Platform.runLater(() -> {
            background.run("first", (progress, cancel) -> {
                started.countDown();
                while (true) {
                    cancel.check(); // ends only by its cancel
                    Thread.sleep(5);
                }
            }, done -> first.complete(null), first::complete);
            background.run("second", (progress, cancel) -> cancel.isCancelled(), second::complete,
                    failed -> second.complete(true));
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Platform.runLater(background::cancelCurrent);

        assertInstanceOf(CancelToken.CancelledException.class, first.get(10, TimeUnit.SECONDS));
        assertFalse(second.get(10, TimeUnit.SECONDS), "the queued job ran, not cancelled");
        CompletableFuture<Boolean> busy = new CompletableFuture<>();
        Platform.runLater(() -> busy.complete(background.busyProperty().get()));
        assertEquals(false, busy.get(10, TimeUnit.SECONDS));
    }
}
