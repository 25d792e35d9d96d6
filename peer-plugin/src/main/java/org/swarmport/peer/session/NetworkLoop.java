package org.swarmport.peer.session;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one network thread (DESIGN.md): a NIO {@link Selector} over the listening socket and every
 * peer connection, a queue of tasks other threads hand it (commands from the API, completions
 * from the disk pool), and a tick every {@value #TICK_MILLIS} ms for rates, timeouts, keep-alives
 * and the choker. Everything a torrent session owns is touched only on this thread, so none of
 * it needs locks.
 */
final class NetworkLoop implements Runnable {

    /** Something registered with the selector. */
    interface Handler {
        /** The key is ready for what it was registered for; runs on the network thread. */
        void ready(SelectionKey key) throws IOException;

        /** The handler failed or the loop is ending: release the channel. */
        void close(String reason);
    }

    static final long TICK_MILLIS = 250;

    private static final Logger LOG = Logger.getLogger(NetworkLoop.class.getName());

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final LongConsumer tick;
    private final Runnable afterBatch;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param tick       called every {@value #TICK_MILLIS} ms with {@link System#nanoTime()}
     * @param afterBatch called after each round of tasks and ready keys: where queued writes are flushed,
     *                   so that many small messages to one peer leave in one system call
     */
    NetworkLoop(String name, LongConsumer tick, Runnable afterBatch) throws IOException {
        this.selector = Selector.open();
        this.tick = tick;
        this.afterBatch = afterBatch;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the network thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            selector.wakeup();
        }
    }

    /** Ends the loop, closing every channel, and waits up to {@code timeoutMillis} for it. */
    void stop(long timeoutMillis) throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(timeoutMillis);
    }

    @Override
    public void run() {
        long nextTick = System.nanoTime();
        try {
            while (running) {
                long wait = TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime());
                if (wait > 0 && tasks.isEmpty()) {
                    selector.select(wait);
                } else {
                    selector.selectNow();
                }
                runTasks();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    dispatch(key);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
                    try {
                        tick.accept(now);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "tick failed", e);
                    }
                }
                runTasks();
                afterBatch.run();
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "selector failed", e);
        } finally {
            runTasks();
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Handler handler) {
                    handler.close("client stopped");
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "network task failed", e);
            }
        }
    }

    private static void dispatch(SelectionKey key) {
        Handler handler = (Handler) key.attachment();
        try {
            if (key.isValid()) {
                handler.ready(key);
            }
        } catch (CancelledKeyException e) {
            handler.close("connection closed");
        } catch (IOException e) {
            handler.close(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "peer handler failed", e);
            handler.close("internal error: " + e);
        }
    }
}
