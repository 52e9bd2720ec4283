package io.footfall.query;

import io.footfall.store.WorkFailure;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two independent reads at once: the second on a virtual thread while the caller runs the first. A
 * request's parts (a range and its comparison window, the visit and session rollups) each use their own
 * pooled connection, and the machine's cores, instead of waiting for each other.
 */
public final class Parallel {
    private Parallel() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    public record Both<A, B>(A first, B second) {
    }

    /** Every read of {@code works} at once, each on its own virtual thread; their answers in the same order. */
    public static <T> List<T> all(List<Work<T>> works) throws SQLException {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (Work<T> w : works) futures.add(executor.submit(w::run));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted", e);
                } catch (ExecutionException e) {
                    throw WorkFailure.rethrow(e);
                }
            }
            return out;
        }
    }

    public static <A, B> Both<A, B> both(Work<A> first, Work<B> second) throws SQLException {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<B> other = executor.submit(second::run);
            A a = first.run();
            try {
                return new Both<>(a, other.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            } catch (ExecutionException e) {
                throw WorkFailure.rethrow(e);
            }
        }
    }
}
