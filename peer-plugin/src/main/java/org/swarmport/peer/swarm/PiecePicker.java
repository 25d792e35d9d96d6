package org.swarmport.peer.swarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.swarmport.peer.wire.Bitfield;

/**
 * Decides which blocks to request from which peer: rarest first, started pieces finished first,
 * end game at the end; and keeps the books of every request in flight.
 *
 * <p>Rules, in the order a pick applies them:
 * <ol>
 * <li>A peer that is choking us is asked only for its BEP 6 allowed-fast pieces.</li>
 * <li>Free blocks of pieces already started come first, oldest piece first, so few pieces
 *     are partial at any time and finished pieces can be shared sooner.</li>
 * <li>Then new pieces, rarest first (fewest peers have them), ties broken at random so that
 *     peers do not all start the same piece.</li>
 * <li>End game: when no free block is left that any connected peer could serve, blocks
 *     already requested from others are requested again, up to
 *     {@link PickerSettings#endGameRequesters()} peers per block; the first copy in wins and the
 *     others are reported for cancelling. Stalled peers get no duplicates.</li>
 * </ol>
 * Only wanted pieces are picked (the storage's file priorities, {@link #setWanted}).
 *
 * <p>Request timeouts live here too ({@link #expireRequests}), because releasing a block and
 * handing it to another peer is block bookkeeping: a peer holding a request longer than the
 * timeout loses it and is marked stalled.
 *
 * <p>Cost: availability updates ({@code have}, a peer leaving) are O(1) per piece thanks to
 * {@link RarityOrder}; a pick walks the started pieces and then the rarity order only until it
 * has its blocks. Single-threaded and free of I/O and clocks: the engine calls it from its network
 * thread and passes the time.
 *
 * @param <P> the engine's type for a peer connection; used as a map key, so equality must be
 *            stable (identity is fine)
 */
public final class PiecePicker<P> {

    /** Allowed-fast pieces kept per peer (BEP 6 suggests sets of 10). */
    public static final int MAX_ALLOWED_FAST = 64;

    private final PieceGeometry geometry;
    private final PickerSettings settings;
    private final RandomGenerator random;
    private final int pieceCount;
    private final Bitfield have;
    private final Bitfield wanted;
    /** Pieces we have or do not want: a peer is interesting when it has a piece outside this. */
    private final Bitfield notNeeded;
    /** Per piece, how many connected peers that are not seeds have it; seeds are counted once in {@link #seeds}. */
    private final int[] availability;
    private int seeds;
    private final RarityOrder order;
    private final LinkedHashMap<Integer, PartialPiece<P>> partials = new LinkedHashMap<>();
    /**
     * The view of {@link #partials}' values, taken once: {@code LinkedHashMap.values()} creates
     * it on first use, a branch a new torrent's first pick takes and no later one does, which made
     * C2 throw away and recompile the whole request path (inlined into the session's message
     * handler) at the start of every transfer after the first in a JVM (JFR jdk.Deoptimization).
     */
    private final Collection<PartialPiece<P>> started = partials.values();
    /** Pieces that may be started and not yet verified at once; see {@link #setMaxPartialPieces}. */
    private int maxPartialPieces = Integer.MAX_VALUE;
    private final Map<P, PeerState> peers = new HashMap<>();

    /** What the picker knows of one peer. */
    private static final class PeerState {
        final Bitfield bits;
        boolean countedAsSeed;
        boolean chokingUs = true;
        boolean stalled;
        final Set<Integer> allowedFast = new HashSet<>();
        /** Outstanding requests, key to time requested, oldest first. */
        final LinkedHashMap<Long, Long> requests = new LinkedHashMap<>();
        /** Requests released or cancelled whose data may still come. */
        final LinkedHashSet<Long> cancelled = new LinkedHashSet<>();

        PeerState(int pieceCount) {
            bits = new Bitfield(pieceCount);
        }
    }

    /**
     * A picker for a torrent of {@code geometry}, of which we already have the pieces set in
     * {@code have} (resumed or verified at start; copied).
     */
    public PiecePicker(PieceGeometry geometry, Bitfield have, RandomGenerator random, PickerSettings settings) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pieceCount = geometry.pieceCount();
        if (have.pieceCount() != pieceCount) {
            throw new IllegalArgumentException("have bitfield of " + have.pieceCount() + " pieces for " + pieceCount);
        }
        this.have = have.copy();
        this.wanted = new Bitfield(pieceCount);
        this.wanted.setAll();
        this.notNeeded = have.copy();
        this.availability = new int[pieceCount];
        this.order = new RarityOrder(pieceCount);
        int[] shuffled = new int[pieceCount];
        for (int i = 0; i < pieceCount; i++) {
            shuffled[i] = i;
        }
        for (int i = pieceCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        for (int piece : shuffled) {
            if (!have.get(piece)) {
                order.include(piece, 0);
            }
        }
    }

    /** A picker with {@link PickerSettings#DEFAULTS}. */
    public PiecePicker(PieceGeometry geometry, Bitfield have, RandomGenerator random) {
        this(geometry, have, random, PickerSettings.DEFAULTS);
    }

    // ---- peers and availability -------------------------------------------------------------

    /** A new connection: it has nothing yet and is choking us (BEP 3). */
    public void addPeer(P peer) {
        Objects.requireNonNull(peer, "peer");
        if (peers.putIfAbsent(peer, new PeerState(pieceCount)) != null) {
            throw new IllegalArgumentException("peer " + peer + " is already known");
        }
    }

    /**
     * The peer's {@code bitfield} message (already checked by {@link Bitfield#fromWire}); it
     * replaces whatever the peer said before. Answers whether the peer is now interesting.
     */
    public boolean peerBitfield(P peer, Bitfield bitfield) {
        PeerState state = state(peer);
        if (bitfield.pieceCount() != pieceCount) {
            throw new IllegalArgumentException("bitfield of " + bitfield.pieceCount() + " pieces for " + pieceCount);
        }
        forget(state);
        for (int piece = bitfield.nextSetBit(0); piece >= 0; piece = bitfield.nextSetBit(piece + 1)) {
            state.bits.set(piece);
            availability[piece]++;
            order.raise(piece);
        }
        promoteIfSeed(state);
        return isInteresting(peer);
    }

    /** BEP 6 {@code have all}: the peer is a seed. Counted once, not once per piece. */
    public boolean peerHaveAll(P peer) {
        PeerState state = state(peer);
        forget(state);
        state.bits.setAll();
        state.countedAsSeed = true;
        seeds++;
        return isInteresting(peer);
    }

    /** BEP 6 {@code have none}. */
    public void peerHaveNone(P peer) {
        forget(state(peer));
    }

    /** The peer's {@code have}: answers whether it is a piece we still need (so we are interested). */
    public boolean peerHave(P peer, int piece) {
        PeerState state = state(peer);
        checkPiece(piece);
        if (state.bits.set(piece)) {
            availability[piece]++;
            order.raise(piece);
            promoteIfSeed(state);
        }
        return !notNeeded.get(piece);
    }

    /**
     * The connection is gone: its pieces no longer count and its requests are released for
     * others. Answers the released requests.
     */
    public List<Block> removePeer(P peer) {
        PeerState state = state(peer);
        List<Block> released = releaseAll(peer, state);
        forget(state);
        peers.remove(peer);
        return released;
    }

    /** How many connected peers have the piece. */
    public int availability(int piece) {
        checkPiece(piece);
        return availability[piece] + seeds;
    }

    /** Whether the peer has a piece we want and do not have: whether to send {@code interested}. */
    public boolean isInteresting(P peer) {
        return notNeeded.lacksAnyOf(state(peer).bits);
    }

    /** Connected peers. */
    public int peerCount() {
        return peers.size();
    }

    private void forget(PeerState state) {
        if (state.countedAsSeed) {
            seeds--;
            state.countedAsSeed = false;
        } else {
            Bitfield bits = state.bits;
            for (int piece = bits.nextSetBit(0); piece >= 0; piece = bits.nextSetBit(piece + 1)) {
                availability[piece]--;
                order.lower(piece);
            }
        }
        state.bits.clearAll();
    }

    /** A peer that has everything moves to the seed counter, so that seeds cost nothing per piece. */
    private void promoteIfSeed(PeerState state) {
        if (state.countedAsSeed || !state.bits.isComplete()) {
            return;
        }
        for (int piece = 0; piece < pieceCount; piece++) {
            availability[piece]--;
            order.lower(piece);
        }
        state.countedAsSeed = true;
        seeds++;
    }

    // ---- choking and BEP 6 -----------------------------------------------------------------

    /**
     * The peer choked us. Without the fast extension that discards every request we had sent
     * (BEP 3), so they are released and answered; with it (BEP 6) requests stay until the peer
     * rejects or serves them, and nothing is released.
     */
    public List<Block> peerChoked(P peer, boolean fastExtension) {
        PeerState state = state(peer);
        state.chokingUs = true;
        return fastExtension ? List.of() : releaseAll(peer, state);
    }

    public void peerUnchoked(P peer) {
        state(peer).chokingUs = false;
    }

    /**
     * BEP 6 {@code allowed fast}: we may request this piece from the peer even while it chokes us.
     * At most {@link #MAX_ALLOWED_FAST} are kept per peer; honest peers send about ten, and a
     * hostile one must not make every pick walk the whole torrent. Answers whether it was kept.
     */
    public boolean allowedFast(P peer, int piece) {
        checkPiece(piece);
        Set<Integer> allowed = state(peer).allowedFast;
        return allowed.size() < MAX_ALLOWED_FAST ? allowed.add(piece) : false;
    }

    /**
     * BEP 6 {@code reject request}, from the message's raw fields: the block is free for others
     * again. Answers false when we had not asked the peer for it, or the fields are no block of
     * ours at all (a protocol error the engine may punish); never throws on hostile values.
     */
    public boolean requestRejected(P peer, int piece, int offset, int length) {
        if (!geometry.isBlock(piece, offset, length)) {
            state(peer);
            return false;
        }
        return requestRejected(peer, new Block(piece, offset, length));
    }

    /** {@link #requestRejected(Object, int, int, int)} for a block already built. */
    public boolean requestRejected(P peer, Block block) {
        PeerState state = state(peer);
        if (state.requests.remove(block.key()) == null) {
            return state.cancelled.remove(block.key());
        }
        releaseBlock(peer, block.piece(), block.index());
        return true;
    }

    // ---- what we want and have ---------------------------------------------------------------

    /** Which pieces to download: the storage's file priorities as a piece mask (copied). */
    public void setWanted(Bitfield mask) {
        if (mask.pieceCount() != pieceCount) {
            throw new IllegalArgumentException("wanted mask of " + mask.pieceCount() + " pieces for " + pieceCount);
        }
        for (int piece = 0; piece < pieceCount; piece++) {
            boolean want = mask.get(piece);
            if (want == wanted.get(piece)) {
                continue;
            }
            if (want) {
                wanted.set(piece);
                if (!have.get(piece)) {
                    notNeeded.clear(piece);
                    if (!partials.containsKey(piece)) {
                        order.include(piece, availability[piece]);
                    }
                }
            } else {
                wanted.clear(piece);
                notNeeded.set(piece);
                if (order.contains(piece)) {
                    order.exclude(piece);
                }
            }
        }
    }

    /** The piece passed its hash check (or was verified by other means): never pick it again. */
    public void pieceVerified(int piece) {
        checkPiece(piece);
        PartialPiece<P> partial = partials.remove(piece);
        if (partial != null) {
            dropRequests(partial);
        }
        if (order.contains(piece)) {
            order.exclude(piece);
        }
        have.set(piece);
        notNeeded.set(piece);
    }

    /**
     * The piece failed its hash check: its blocks are free again and the piece goes back among
     * the unstarted ones. Answers who sent which block, for the {@link BanList}.
     *
     * @throws IllegalStateException if the piece was not complete
     */
    public PieceFailure<P> pieceFailed(int piece) {
        checkPiece(piece);
        PartialPiece<P> partial = partials.get(piece);
        if (partial == null || !partial.isComplete()) {
            throw new IllegalStateException("piece " + piece + " was not complete, so it cannot have failed its hash check");
        }
        partials.remove(piece);
        PieceFailure<P> failure = new PieceFailure<>(piece, partial.senders());
        if (wanted.get(piece) && !have.get(piece)) {
            order.include(piece, availability[piece]);
        }
        return failure;
    }

    /** Whether we have the piece. */
    public boolean has(int piece) {
        return have.get(piece);
    }

    /** A copy of the pieces we have. */
    public Bitfield have() {
        return have.copy();
    }

    /** Whether every wanted piece is had. */
    public boolean isComplete() {
        return notNeeded.isComplete();
    }

    // ---- picking -------------------------------------------------------------------------------

    /**
     * Up to {@code maxBlocks} new requests to send to {@code peer}, recorded as outstanding at
     * {@code nowNanos}. Empty when the peer has nothing we need, chokes us without an allowed-fast
     * piece we need, or is stalled and still holds a request.
     */
    public List<Block> pick(P peer, int maxBlocks, long nowNanos) {
        PeerState state = state(peer);
        if (state.stalled) {
            maxBlocks = Math.min(maxBlocks, 1 - state.requests.size());
        }
        if (maxBlocks <= 0) {
            return List.of();
        }
        List<Block> picked = new ArrayList<>(Math.min(maxBlocks, 256));
        if (state.chokingUs) {
            pickAllowedFast(peer, state, picked, maxBlocks);
        } else {
            pickFromStarted(peer, state, picked, maxBlocks);
            if (picked.size() < maxBlocks) {
                pickNewPieces(peer, state, picked, maxBlocks);
            }
            // A stalled peer gets no duplicates: they would only take end-game slots from peers that deliver.
            if (picked.size() < maxBlocks && !state.stalled && isEndGame()) {
                pickEndGame(peer, state, picked, maxBlocks);
            }
        }
        for (Block block : picked) {
            state.requests.put(block.key(), nowNanos);
            state.cancelled.remove(block.key());
        }
        return picked;
    }

    private void pickAllowedFast(P peer, PeerState state, List<Block> picked, int maxBlocks) {
        for (int piece : state.allowedFast) {
            if (picked.size() >= maxBlocks) {
                return;
            }
            if (!state.bits.get(piece) || notNeeded.get(piece)) {
                continue;
            }
            PartialPiece<P> partial = partials.get(piece);
            if (partial == null && order.contains(piece) && partials.size() < maxPartialPieces) {
                partial = start(piece);
            }
            if (partial != null) {
                takeFree(peer, partial, picked, maxBlocks);
            }
        }
    }

    private void pickFromStarted(P peer, PeerState state, List<Block> picked, int maxBlocks) {
        for (PartialPiece<P> partial : started) {
            if (picked.size() >= maxBlocks) {
                return;
            }
            if (partial.free() > 0 && state.bits.get(partial.piece) && !notNeeded.get(partial.piece)) {
                takeFree(peer, partial, picked, maxBlocks);
            }
        }
    }

    /**
     * Walks the rarity order bucket by bucket, each from a random place so equally rare pieces
     * are chosen at random, and starts the pieces this peer has. Pieces are collected first and
     * started after the walk, because starting one moves others in the order.
     */
    private void pickNewPieces(P peer, PeerState state, List<Block> picked, int maxBlocks) {
        int needed = maxBlocks - picked.size();
        int room = maxPartialPieces - partials.size();
        List<Integer> chosen = new ArrayList<>();
        walk:
        for (int k = 0; k < order.bucketCount() && needed > 0 && chosen.size() < room; k++) {
            int start = order.bucketStart(k);
            int end = order.bucketEnd(k);
            int size = end - start;
            if (size == 0) {
                continue;
            }
            int first = start + random.nextInt(size);
            for (int i = 0; i < size; i++) {
                int index = first + i;
                if (index >= end) {
                    index -= size;
                }
                int piece = order.pieceAt(index);
                if (state.bits.get(piece)) {
                    chosen.add(piece);
                    needed -= geometry.blockCount(piece);
                    if (needed <= 0 || chosen.size() >= room) {
                        break walk;
                    }
                }
            }
        }
        for (int piece : chosen) {
            takeFree(peer, start(piece), picked, maxBlocks);
        }
    }

    private void pickEndGame(P peer, PeerState state, List<Block> picked, int maxBlocks) {
        // Blocks with the fewest requesters first: they are the ones most likely stuck.
        for (int asked = 1; asked < settings.endGameRequesters() && picked.size() < maxBlocks; asked++) {
            for (PartialPiece<P> partial : started) {
                if (!state.bits.get(partial.piece) || notNeeded.get(partial.piece)) {
                    continue;
                }
                for (int block = 0; block < partial.blocks() && picked.size() < maxBlocks; block++) {
                    if (partial.state(block) != PartialPiece.REQUESTED) {
                        continue;
                    }
                    if (partial.requesterCount(block) == asked && !partial.isRequestedBy(block, peer)) {
                        partial.request(block, peer);
                        picked.add(geometry.block(partial.piece, block));
                    }
                }
                if (picked.size() >= maxBlocks) {
                    return;
                }
            }
        }
    }

    private PartialPiece<P> start(int piece) {
        order.exclude(piece);
        PartialPiece<P> partial = new PartialPiece<>(piece, geometry.blockCount(piece));
        partials.put(piece, partial);
        return partial;
    }

    private void takeFree(P peer, PartialPiece<P> partial, List<Block> picked, int maxBlocks) {
        for (int block = 0; block < partial.blocks() && picked.size() < maxBlocks; block++) {
            if (partial.state(block) == PartialPiece.FREE) {
                partial.request(block, peer);
                picked.add(geometry.block(partial.piece, block));
            }
        }
    }

    /**
     * End game: no free block is left in a wanted piece that some connected peer has, yet some
     * wanted piece is missing. Then duplicate requests are worth their bandwidth.
     */
    public boolean isEndGame() {
        if (notNeeded.isComplete()) {
            return false;
        }
        int rarestServable = seeds > 0 ? 0 : order.bucketEnd(0);
        if (order.size() > rarestServable) {
            return false;
        }
        for (PartialPiece<P> partial : started) {
            if (partial.free() > 0 && !notNeeded.get(partial.piece) && availability(partial.piece) > 0) {
                return false;
            }
        }
        return true;
    }

    // ---- arrivals, rejections, timeouts ---------------------------------------------------------

    /**
     * A {@code piece} message from {@code peer} (its payload not yet written). Says whether to keep
     * the data, whether the piece is now complete, and which duplicate requests to cancel.
     */
    public BlockReceipt<P> blockReceived(P peer, Block block, long nowNanos) {
        return blockReceived(peer, block.piece(), block.offset(), block.length(), nowNanos);
    }

    /**
     * {@link #blockReceived(Object, Block, long)} from a {@code piece} message's raw fields: values
     * that are no block of ours (negative, misaligned, too long, past the data) are
     * {@link BlockReceipt.Outcome#UNREQUESTED UNREQUESTED}, never an exception.
     */
    public BlockReceipt<P> blockReceived(P peer, int piece, int offset, int length, long nowNanos) {
        PeerState state = state(peer);
        if (!geometry.isBlock(piece, offset, length)) {
            return BlockReceipt.of(BlockReceipt.Outcome.UNREQUESTED);
        }
        int index = offset / Block.LENGTH;
        long key = Block.key(piece, index);
        boolean requested = state.requests.remove(key) != null;
        if (!requested && !state.cancelled.remove(key)) {
            return BlockReceipt.of(BlockReceipt.Outcome.UNREQUESTED);
        }
        state.stalled = false;
        PartialPiece<P> partial = partials.get(piece);
        if (partial == null || partial.state(index) == PartialPiece.RECEIVED) {
            if (partial != null) {
                partial.release(index, peer);
            }
            return BlockReceipt.of(BlockReceipt.Outcome.DUPLICATE);
        }
        List<P> others = partial.receive(index, peer);
        if (others.isEmpty()) {
            return BlockReceipt.accepted(partial.isComplete());
        }
        Block block = geometry.block(piece, index);
        List<PeerBlock<P>> cancels = new ArrayList<>(others.size());
        for (P other : others) {
            PeerState otherState = peers.get(other);
            if (otherState != null && otherState.requests.remove(key) != null) {
                rememberCancelled(otherState, key);
                cancels.add(new PeerBlock<>(other, block));
            }
        }
        return new BlockReceipt<>(BlockReceipt.Outcome.ACCEPTED, partial.isComplete(), cancels);
    }

    /**
     * Releases every request held longer than the request timeout at {@code nowNanos} and marks
     * its holder stalled. Call it every second or so; answers the stalled peers with what they lost.
     */
    public List<StalledPeer<P>> expireRequests(long nowNanos) {
        List<StalledPeer<P>> stalled = new ArrayList<>();
        for (Map.Entry<P, PeerState> entry : peers.entrySet()) {
            PeerState state = entry.getValue();
            List<Block> released = new ArrayList<>();
            Iterator<Map.Entry<Long, Long>> requests = state.requests.entrySet().iterator();
            while (requests.hasNext()) {
                Map.Entry<Long, Long> request = requests.next();
                if (nowNanos - request.getValue() < settings.requestTimeoutNanos()) {
                    break;
                }
                long key = request.getKey();
                requests.remove();
                rememberCancelled(state, key);
                int piece = Block.pieceOf(key);
                int index = Block.indexOf(key);
                releaseBlock(entry.getKey(), piece, index);
                released.add(geometry.block(piece, index));
            }
            if (!released.isEmpty()) {
                state.stalled = true;
                stalled.add(new StalledPeer<>(entry.getKey(), released));
            }
        }
        return stalled;
    }

    /** Requests outstanding at the peer. */
    public int outstanding(P peer) {
        return state(peer).requests.size();
    }

    /** Whether the peer let a request time out and has not delivered since. */
    public boolean isStalled(P peer) {
        return state(peer).stalled;
    }

    /**
     * At most {@code max} pieces started and not yet verified: picks take blocks of started
     * pieces and start no new one while that many are in flight. The session assembles each
     * started piece in a buffer of a bounded pool, so this is its back-pressure: requests wait
     * for a buffer instead of the memory growing. Unlimited by default.
     */
    public void setMaxPartialPieces(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one piece must be allowed in flight, not " + max);
        }
        maxPartialPieces = max;
    }

    /** Pieces started and not yet verified. */
    public int partialPieces() {
        return partials.size();
    }

    private List<Block> releaseAll(P peer, PeerState state) {
        List<Block> released = new ArrayList<>(state.requests.size());
        for (long key : state.requests.keySet()) {
            int piece = Block.pieceOf(key);
            int index = Block.indexOf(key);
            releaseBlock(peer, piece, index);
            released.add(geometry.block(piece, index));
            rememberCancelled(state, key);
        }
        state.requests.clear();
        return released;
    }

    /** Drops {@code peer}'s claim on a block; a started piece nobody works on goes back to the order. */
    private void releaseBlock(P peer, int piece, int index) {
        PartialPiece<P> partial = partials.get(piece);
        if (partial == null) {
            return;
        }
        partial.release(index, peer);
        if (partial.isUntouched()) {
            partials.remove(piece);
            if (!notNeeded.get(piece)) {
                order.include(piece, availability[piece]);
            }
        }
    }

    /** Clears the requests of a piece that is done with, in the books of every peer that held one. */
    private void dropRequests(PartialPiece<P> partial) {
        for (int block = 0; block < partial.blocks(); block++) {
            long key = Block.key(partial.piece, block);
            for (P requester : List.copyOf(partial.requesters(block))) {
                PeerState state = peers.get(requester);
                if (state != null && state.requests.remove(key) != null) {
                    rememberCancelled(state, key);
                }
            }
        }
    }

    private void rememberCancelled(PeerState state, long key) {
        if (settings.maxRememberedCancels() == 0) {
            return;
        }
        state.cancelled.add(key);
        if (state.cancelled.size() > settings.maxRememberedCancels()) {
            Iterator<Long> oldest = state.cancelled.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private PeerState state(P peer) {
        PeerState state = peers.get(peer);
        if (state == null) {
            throw new IllegalArgumentException("unknown peer " + peer);
        }
        return state;
    }

    private void checkPiece(int piece) {
        if (piece < 0 || piece >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + piece + " of " + pieceCount);
        }
    }
}
