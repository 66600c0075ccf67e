package org.cwmpacs.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writes submitted by many sessions at once go to the database as one unordered bulk write
 * per collection, and each submitter learns its own outcome. Under load this turns thousands of round
 * trips into a few; when idle a write goes out at once, alone.
 */
final class WriteBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBatcher.class);
    private static final int MAX_BATCH = 2000;
    private static final int DUPLICATE_KEY = 11000;

    /** The outcome of one write. */
    record Outcome(boolean upserted, boolean duplicateKey) {
    }

    private record Pending(MongoCollection<Document> collection, WriteModel<Document> model,
                           CompletableFuture<Outcome> future) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Executor callbacks;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param callbacks where submitters' continuations run, so that encoding replies does not queue
     *     behind the writer thread
     */
    WriteBatcher(Executor callbacks) {
        this.callbacks = callbacks;
        this.thread = new Thread(this::run, "store-group-commit");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<Outcome> submit(MongoCollection<Document> collection, WriteModel<Document> model) {
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        if (!running) {
            future.completeExceptionally(new IllegalStateException("the store is closed"));
            return future;
        }
        queue.add(new Pending(collection, model, future));
        return future;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                Map<MongoCollection<Document>, List<Pending>> byCollection = new IdentityHashMap<>();
                for (Pending p : batch) {
                    byCollection.computeIfAbsent(p.collection(), c -> new ArrayList<>()).add(p);
                }
                byCollection.forEach(this::write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("group commit failed", e);
                for (Pending p : batch) {
                    complete(p, null, e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(MongoCollection<Document> collection, List<Pending> pending) {
        List<WriteModel<Document>> models = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            models.add(p.model());
        }
        BulkWriteResult result;
        Map<Integer, BulkWriteError> errors = new HashMap<>();
        try {
            result = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            result = e.getWriteResult();
            for (BulkWriteError error : e.getWriteErrors()) {
                errors.put(error.getIndex(), error);
            }
        } catch (RuntimeException e) {
            for (Pending p : pending) {
                complete(p, null, e);
            }
            return;
        }
        Set<Integer> upserts = new HashSet<>();
        for (BulkWriteUpsert upsert : result.getUpserts()) {
            upserts.add(upsert.getIndex());
        }
        for (int i = 0; i < pending.size(); i++) {
            BulkWriteError error = errors.get(i);
            if (error == null) {
                complete(pending.get(i), new Outcome(upserts.contains(i), false), null);
            } else if (error.getCode() == DUPLICATE_KEY) {
                complete(pending.get(i), new Outcome(false, true), null);
            } else {
                complete(pending.get(i), null, new IllegalStateException("write to " + collection.getNamespace()
                        + " failed: " + error.getMessage()));
            }
        }
    }

    private void complete(Pending p, Outcome outcome, Throwable failure) {
        callbacks.execute(() -> {
            if (failure != null) {
                p.future().completeExceptionally(failure);
            } else {
                p.future().complete(outcome);
            }
        });
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
