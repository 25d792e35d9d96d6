package org.swarmport.peer.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.swarmport.peer.swarm.Block;
import org.swarmport.peer.swarm.PiecePicker;
import org.swarmport.peer.webseed.FileRange;
import org.swarmport.peer.webseed.RangeFetcher;
import org.swarmport.peer.webseed.WebSeedException;
import org.swarmport.peer.webseed.WebSeedLayout;

/**
 * One web seed (BEP 19) of one torrent, as a source of the torrent's {@link PiecePicker}: it
 * has every piece, takes blocks the picker hands it (never blocks a peer already holds, except
 * in end game), fetches contiguous runs of them with HTTP range requests and gives each block
 * to the session like a peer's. A failed request (404, 5xx, timeout, a wrong answer) gives its
 * blocks back and waits 2 s, 4 s, 8 s ... up to 5 min before the next; a piece it sent that fails
 * its hash check drops it for this torrent. Owned by the network thread; answers arrive on the
 * HTTP client's executor and are handed to the thread.
 */
final class WebSeed implements BlockSource {

    private static final Logger LOG = Logger.getLogger(WebSeed.class.getName());

    /** Blocks outstanding at a web seed: about 2 s of its rate, 1 to 16 MiB. */
    static final int MIN_BLOCKS = 64;
    static final int MAX_BLOCKS = 1024;
    /** The most blocks one request run carries (4 MiB): a failure then gives back little. */
    static final int MAX_RUN_BLOCKS = 256;
    static final long FIRST_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long MAX_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final TorrentSession session;
    private final WebSeedLayout layout;
    private final RangeFetcher fetcher;
    private final Executor loop;
    private final PiecePicker<BlockSource> picker;
    private final long pieceLength;
    private final RateMeter rate = new RateMeter();
    private final Set<CompletableFuture<Void>> inFlight = new HashSet<>();
    private WebSeedInfo.State state = WebSeedInfo.State.ACTIVE;
    private int failures;
    private long retryAtNanos;
    private String lastError;
    private long downloaded;

    WebSeed(TorrentSession session, WebSeedLayout layout, RangeFetcher fetcher, Executor loop,
            PiecePicker<BlockSource> picker, long pieceLength) {
        this.session = session;
        this.layout = layout;
        this.fetcher = fetcher;
        this.loop = loop;
        this.picker = picker;
        this.pieceLength = pieceLength;
        picker.addPeer(this);
        picker.peerHaveAll(this);
        picker.peerUnchoked(this);
    }

    /** Asks for more blocks when fewer than half its pipeline are outstanding; on every tick and answer. */
    void fill(long now) {
        if (state == WebSeedInfo.State.DROPPED) {
            return;
        }
        if (state == WebSeedInfo.State.BACKING_OFF) {
            if (now - retryAtNanos < 0) {
                return;
            }
            state = WebSeedInfo.State.ACTIVE;
            picker.peerUnchoked(this);
        }
        if (picker.isComplete()) {
            return;
        }
        int depth = (int) Math.max(MIN_BLOCKS, Math.min(MAX_BLOCKS, rate.rate() * 2 / Block.LENGTH));
        int outstanding = picker.outstanding(this);
        if (outstanding > depth / 2) {
            return;
        }
        List<Block> picked = new ArrayList<>(picker.pick(this, depth - outstanding, now));
        picked.sort(Comparator.comparingInt(Block::piece).thenComparingInt(Block::offset));
        int first = 0;
        for (int i = 1; i <= picked.size(); i++) {
            if (i == picked.size() || i - first >= MAX_RUN_BLOCKS
                    || start(picked.get(i)) != start(picked.get(i - 1)) + picked.get(i - 1).length()) {
                request(List.copyOf(picked.subList(first, i)));
                first = i;
            }
        }
    }

    /** Where a block begins in the torrent's piece space. */
    private long start(Block block) {
        return block.piece() * pieceLength + block.offset();
    }

    /** Fetches a run of contiguous blocks; pad files and gaps in it stay zeros (BEP 47). */
    private void request(List<Block> run) {
        if (run.isEmpty()) {
            return;
        }
        long start = start(run.get(0));
        Block last = run.get(run.size() - 1);
        int length = (int) (start(last) + last.length() - start);
        byte[] buffer = new byte[length];
        List<FileRange> ranges = layout.ranges(start, length);
        CompletableFuture<Void> fetch = ranges.isEmpty() ? CompletableFuture.completedFuture(null)
                : fetcher.fetch(ranges, buffer);
        inFlight.add(fetch);
        fetch.whenComplete((ok, error) -> loop.execute(() -> answered(fetch, run, start, buffer, error)));
    }

    private void answered(CompletableFuture<Void> fetch, List<Block> run, long start, byte[] buffer, Throwable error) {
        inFlight.remove(fetch);
        if (state == WebSeedInfo.State.DROPPED || session.isStopped()) {
            return;
        }
        long now = System.nanoTime();
        if (error != null) {
            if (state == WebSeedInfo.State.ACTIVE) {
                failed(error instanceof WebSeedException e ? e.getMessage()
                        : error.getCause() != null ? error.getCause().getMessage() : error.toString(), now);
            }
            return;
        }
        failures = 0;
        for (Block block : run) {
            rate.add(block.length());
            downloaded += block.length();
            session.webSeedBlock(this, block, buffer, (int) (start(block) - start), now);
        }
        fill(now);
    }

    /** A request failed: give every outstanding block back and wait longer each time. */
    private void failed(String reason, long now) {
        failures++;
        lastError = reason;
        long delay = backOffNanos(failures);
        retryAtNanos = now + delay;
        state = WebSeedInfo.State.BACKING_OFF;
        LOG.info(() -> "web seed " + layout.url() + ": " + reason + "; next try in "
                + TimeUnit.NANOSECONDS.toSeconds(delay) + " s");
        picker.peerChoked(this, false);
        session.webSeedReleased();
    }

    /** How long to wait after {@code failures} failed requests in a row: 2 s, doubling, at most 5 min. */
    static long backOffNanos(int failures) {
        return Math.min(MAX_BACKOFF_NANOS, FIRST_BACKOFF_NANOS << Math.min(Math.max(failures, 1) - 1, 20));
    }

    /** It sent data that failed a hash check: not asked again for this torrent. */
    void drop(String reason) {
        if (state == WebSeedInfo.State.DROPPED) {
            return;
        }
        state = WebSeedInfo.State.DROPPED;
        lastError = reason;
        LOG.info(() -> "web seed " + layout.url() + " dropped: " + reason);
        picker.removePeer(this);
        stop();
    }

    /** Abandons the requests in flight; the torrent stopped or dropped this seed. */
    void stop() {
        for (CompletableFuture<Void> fetch : List.copyOf(inFlight)) {
            fetch.cancel(true);
        }
        inFlight.clear();
    }

    void tick(long now) {
        rate.tick(now);
    }

    /**
     * One HTTP range carries many blocks and cannot be cut short: the request runs on, and the
     * block, when it arrives, is a duplicate the picker ignores.
     */
    @Override
    public void cancel(Block block) {
    }

    WebSeedInfo info() {
        return new WebSeedInfo(layout.url().url(), state, rate.rate(), downloaded, failures, Optional.ofNullable(lastError));
    }

    @Override
    public String toString() {
        return "web seed " + layout.url();
    }
}
