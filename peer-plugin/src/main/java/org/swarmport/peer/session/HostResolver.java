package org.swarmport.peer.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Resolves the host names a tracker's dictionary-model answer may give as a peer's {@code ip}
 * (BEP 3), off the network thread: DNS blocks, the loop must not. Bounded: two daemon threads,
 * at most {@value #MAX_PENDING} names waiting (more are dropped, as a tracker's spam would be),
 * answers, failures included, cached for {@value #CACHE_SECONDS} s in at most
 * {@value #MAX_CACHED} entries, and one lookup per name however many peers carry it.
 */
final class HostResolver {

    private static final Logger LOG = Logger.getLogger(HostResolver.class.getName());

    static final int MAX_PENDING = 64;
    static final int MAX_CACHED = 1024;
    static final long CACHE_SECONDS = 300;

    /** The blocking lookup; {@code InetAddress::getByName} outside tests. */
    interface Lookup {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    /** A cached answer: the address, or null for a name that did not resolve. */
    private record Answer(InetAddress address, long expiresNanos) {
    }

    private final Lookup lookup;
    private final LongSupplier clock;
    private final ThreadPoolExecutor threads;
    private final Map<String, Answer> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > MAX_CACHED;
        }
    };
    private final Map<String, List<Consumer<InetAddress>>> pending = new HashMap<>();

    HostResolver(Lookup lookup, LongSupplier clock) {
        this.lookup = lookup;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PENDING), r -> {
            Thread thread = new Thread(r, "swarmport-resolver-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    HostResolver() {
        this(InetAddress::getByName, System::nanoTime);
    }

    /**
     * Resolves {@code address}'s host name and calls {@code resolved} with the address and its port,
     * on a resolver thread (or at once, from the cache); not at all when the name does not resolve
     * or too many names wait. Answers whether the name is resolved or being resolved.
     */
    boolean resolve(InetSocketAddress address, Consumer<InetSocketAddress> resolved) {
        String host = address.getHostString();
        int port = address.getPort();
        Consumer<InetAddress> callback = ip -> resolved.accept(new InetSocketAddress(ip, port));
        synchronized (this) {
            Answer cached = cache.get(host);
            if (cached != null && cached.expiresNanos() - clock.getAsLong() > 0) {
                if (cached.address() != null) {
                    callback.accept(cached.address());
                }
                return cached.address() != null;
            }
            List<Consumer<InetAddress>> waiting = pending.get(host);
            if (waiting != null) {
                waiting.add(callback);
                return true;
            }
            waiting = new ArrayList<>(1);
            waiting.add(callback);
            pending.put(host, waiting);
        }
        try {
            threads.execute(() -> lookUp(host));
            return true;
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                pending.remove(host);
            }
            LOG.fine(() -> "not resolving " + host + ": " + MAX_PENDING + " names wait already");
            return false;
        }
    }

    private void lookUp(String host) {
        InetAddress address;
        try {
            address = lookup.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            LOG.fine(() -> "peer host " + host + " does not resolve: " + e.getMessage());
            address = null;
        }
        List<Consumer<InetAddress>> waiting;
        synchronized (this) {
            cache.put(host, new Answer(address, clock.getAsLong() + TimeUnit.SECONDS.toNanos(CACHE_SECONDS)));
            waiting = pending.remove(host);
        }
        if (address != null && waiting != null) {
            for (Consumer<InetAddress> callback : waiting) {
                callback.accept(address);
            }
        }
    }

    void stop() {
        threads.shutdownNow();
    }
}
