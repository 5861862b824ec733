package org.b2g.service.solving;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU-heavy reads that are not solves (ranking the candidates of an event, the feasibility pre-check), run on a
 * bounded pool instead of the request's own thread: requests come on virtual threads without limit, so a burst of
 * them would otherwise take every core from the solvers. Beyond the pool and its queue a request is refused (503).
 */
public final class Analyses implements AutoCloseable {

    private final ThreadPoolExecutor executor;

    public Analyses(int threads, int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("The analysis threads (" + threads + ") and queue (" + queue
                    + ") must be 1 or more.");
        }
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "analysis-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs {@code work} on the pool and waits for it; its runtime exceptions come through unchanged.
     *
     * @throws SolveRejectedException (BUSY) when every thread and queue place is taken
     */
    public <T> T run(Callable<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw new SolveRejectedException(SolveRejectedException.Reason.BUSY,
                    "Every analysis thread and queue place is taken; try again in a moment.");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an analysis.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
