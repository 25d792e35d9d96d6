package org.swarmport.peer.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.discovery.PeerSource;
import org.swarmport.peer.discovery.PeerSourceContext;
import org.swarmport.peer.discovery.TransferTotals;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metadata.MetadataAssembler;
import org.swarmport.peer.metadata.MetadataException;
import org.swarmport.peer.metadata.MetadataMessage;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.metainfo.PieceLayerProof;
import org.swarmport.peer.metainfo.PieceLayersNeeded;
import org.swarmport.peer.metainfo.PiecesRoot;
import org.swarmport.peer.storage.CheckedPiece;
import org.swarmport.peer.swarm.AllowedFastSet;
import org.swarmport.peer.swarm.BanList;
import org.swarmport.peer.swarm.Block;
import org.swarmport.peer.swarm.BlockReceipt;
import org.swarmport.peer.swarm.ChokeDecision;
import org.swarmport.peer.swarm.Choker;
import org.swarmport.peer.swarm.ChokerSettings;
import org.swarmport.peer.swarm.PeerBlock;
import org.swarmport.peer.swarm.PieceFailure;
import org.swarmport.peer.swarm.PieceGeometry;
import org.swarmport.peer.swarm.PickerSettings;
import org.swarmport.peer.swarm.PiecePicker;
import org.swarmport.peer.swarm.StalledPeer;
import org.swarmport.peer.wire.Bitfield;
import org.swarmport.peer.wire.BitfieldException;
import org.swarmport.peer.wire.ExtensionHandshake;
import org.swarmport.peer.wire.MessageLimits;
import org.swarmport.peer.wire.PeerMessage;
import org.swarmport.peer.wire.WireException;

/**
 * One torrent at work: its peers, the pieces being fetched, the uploads being served. Owned by
 * the network thread; only {@link #start}, {@link #addPeer} and {@link #remove} are called from
 * other threads, and they hand their work to it.
 *
 * <p>What to request comes from the {@link PiecePicker} (rarest first, end game, stalled
 * requests), whom to upload to from the {@link Choker} (tit-for-tat, optimistic unchoke, seed
 * mode), whom to refuse from the {@link BanList}; bytes go through the {@link PieceStore}. This
 * class connects them to the wire: it checks every message against the protocol (a violation
 * drops the peer) and keeps each fast peer's request pipeline deep (about two seconds of data,
 * from 16 up to the peer's {@code reqq}), as libtorrent sizes its request queue.
 */
final class TorrentSession {

    private static final Logger LOG = Logger.getLogger(TorrentSession.class.getName());

    static final long KEEP_ALIVE_NANOS = TimeUnit.MINUTES.toNanos(2);
    static final long IDLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);
    static final long HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);
    static final long RECHOKE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Seconds of data a pipeline should hold: enough to cover the round trip and disk latency. */
    static final double PIPELINE_SECONDS = 2.0;
    static final int MIN_PIPELINE = 16;
    static final int DEFAULT_PIPELINE = 64;
    static final int MAX_PIPELINE = 500;
    /** Requests the peer may queue at us; what our {@code reqq} says (BEP 10). */
    static final int MAX_UPLOAD_QUEUE = 500;
    /**
     * Upload bytes per peer in flight, read on the disk pool (each read counted at its buffer's
     * {@link UploadRead#CAPACITY}) or queued on its socket, before we pause serving it.
     */
    static final long MAX_QUEUED_UPLOAD_BYTES = 2L << 20;
    /** Our BEP 10 ids: what peers send us these extensions under. */
    static final int UT_METADATA_ID = 2;
    static final String UT_METADATA = "ut_metadata";
    /** Messages kept from a peer while a magnet's metadata is missing, replayed once it is known. */
    static final int MAX_EARLY_MESSAGES = 100_000;
    /** BEP 9 requests outstanding per peer. */
    static final int METADATA_REQUESTS_PER_PEER = 2;

    private final Engine engine;
    /** Null for a magnet link until its metadata arrives (BEP 9). */
    private Metainfo metainfo;
    private final MagnetLink magnet;
    private MetadataAssembler assembler;
    /** A v2 or hybrid magnet's verified info dictionary while its piece layers are fetched (BEP 52). */
    private byte[] infoAwaitingLayers;
    private PieceLayerFetch<PeerConnection> layerFetch;
    private List<PeerSource> sources = List.of();
    private final Path directory;
    private final byte[] wireInfoHash;
    private final boolean wireIsV2;
    private final TorrentHandle handle;
    private final SplittableRandom random = new SplittableRandom();

    private PieceStore store;
    private PieceGeometry geometry;
    private PiecePicker<BlockSource> picker;
    /** BEP 11 peer exchange; off for a private torrent (BEP 27). */
    private final PeerExchange pex;
    /** Peers learned by PEX waiting to be tried, at most: a peer's messages cannot fill our memory. */
    static final int MAX_PEX_CANDIDATES = 200;
    /** The torrent's BEP 19 web seeds, once storage is open. */
    private WebSeeds webSeeds;
    private Bitfield have;
    private Bitfield wanted;
    private final Choker<PeerConnection> choker;
    private final BanList bans = new BanList();
    /**
     * Per piece, the buffer it is being assembled in, null when none: an array rather than a map,
     * so that a new torrent's first block takes no path (a map's first insertion allocates its
     * table) that a warm JVM's compiled receive path never saw.
     */
    private ByteBuffer[] pieceData;
    /** Every piece and no piece: what {@link PeerConnection#servable} is for an unchoked peer, and a choked one without allowed-fast pieces. */
    private Bitfield everyPiece;
    private Bitfield noPieces;
    private PieceBuffers pieceBuffers;
    private final Set<Integer> verifying = new HashSet<>();
    private final List<PeerConnection> peers = new ArrayList<>();
    private final Map<PeerConnection, ArrayDeque<PeerMessage.Request>> uploads = new HashMap<>();
    private final Set<InetSocketAddress> connected = new HashSet<>();
    /** Peers to connect to, with when to try next; a peer that failed is retried with growing delays. */
    private final Map<InetSocketAddress, Candidate> candidates = new java.util.LinkedHashMap<>();

    /** A peer address we may connect to: how often connecting failed, and when to try next. */
    private record Candidate(int failures, long notBeforeNanos) {
    }

    static final int MAX_CONNECT_FAILURES = 5;
    /** Failures so far of the peers we are connecting to now, to continue the count if this attempt fails too. */
    private final Map<InetSocketAddress, Integer> attempts = new HashMap<>();
    private long nextRechokeNanos;
    private long nextResumeNanos;
    private long nextExpiryNanos;
    private long downloadedBytes;
    private long uploadedBytes;
    private final RateMeter download = new RateMeter();
    private final RateMeter upload = new RateMeter();
    private boolean stopped;
    private boolean completed;

    private TorrentSession(Engine engine, Metainfo metainfo, MagnetLink magnet, Path directory) {
        this.engine = engine;
        this.choker = new Choker<>(ChokerSettings.DEFAULTS.withUploadSlots(engine.settings().uploadSlots()),
                new SplittableRandom());
        this.metainfo = metainfo;
        this.magnet = magnet;
        this.directory = directory;
        InfoHash best = metainfo != null ? metainfo.infoHashV1().orElse(metainfo.bestInfoHash())
                : magnet.infoHashV1().orElse(magnet.bestInfoHash());
        // A magnet link with a v2 hash greets peers with it (truncated): its metadata may lack
        // piece layers, and only a v2 connection takes hash requests (BEP 52). libtorrent makes a
        // connection v2 when the handshake, or the MSE stream key, names the v2 hash; an upgrade
        // bit beside a v1 hash is not enough once MSE has matched the v1 hash.
        InfoHash wire = metainfo == null ? magnet.infoHashV2().orElse(best) : best;
        this.wireInfoHash = wire.truncated();
        this.wireIsV2 = wire.version() == InfoHash.Version.V2;
        this.pex = new PeerExchange(metainfo != null && metainfo.isPrivate(), engine.listenPort(),
                engine.settings().bindAddress());
        this.handle = new TorrentHandle(this, best,
                metainfo != null ? TorrentState.CHECKING : TorrentState.FETCHING_METADATA);
    }

    static TorrentSession forMetainfo(Engine engine, Metainfo metainfo, Path directory) {
        return new TorrentSession(engine, metainfo, null, directory);
    }

    static TorrentSession forMagnet(Engine engine, MagnetLink magnet, Path directory) {
        return new TorrentSession(engine, null, magnet, directory);
    }

    /**
     * Registers the torrent, starts its peer sources (trackers, from {@code ServiceLoader}) and
     * opens its storage on the disk pool, or, for a magnet link, fetches the metadata first.
     */
    TorrentHandle start() {
        if (engine.torrentFor(wireInfoHash) != null) {
            throw new IllegalStateException("torrent " + handle.infoHash().hex() + " is already added");
        }
        engine.register(this);
        List<InfoHash> hashes = metainfo != null ? metainfo.infoHashes() : magnet.infoHashes();
        List<List<String>> tiers = metainfo != null ? metainfo.trackerTiers() : magnet.trackerTiers();
        PeerSourceContext context = new PeerSourceContext(hashes, engine.peerId(), engine.listenPort(), tiers,
                metainfo != null && metainfo.isPrivate(),
                () -> new TransferTotals(handle.uploaded, handle.downloaded,
                        Math.max(0, handle.bytesWanted - handle.bytesDone)),
                (source, found) -> found.forEach(this::addPeer));
        engine.loop().execute(() -> {
            if (stopped) {
                return;
            }
            sources = engine.peerSources().open(context);
            for (PeerSource source : sources) {
                source.start();
            }
        });
        if (metainfo == null) {
            magnet.peers().forEach(this::addPeer);
            return handle;
        }
        openStore();
        return handle;
    }

    private void openStore() {
        handle.bytesWanted = metainfo.totalLength();
        handle.metadataKnown(metainfo);
        Metainfo torrent = metainfo;
        engine.disk().execute(() -> {
            try {
                PieceStore opened = engine.storeFor(torrent, directory);
                engine.loop().execute(() -> opened(opened));
            } catch (IOException | RuntimeException e) {
                engine.loop().execute(() -> fail("cannot open storage: " + e.getMessage()));
            }
        });
    }

    private void opened(PieceStore opened) {
        if (stopped) {
            closeQuietly(opened);
            return;
        }
        store = opened;
        nextResumeNanos = System.nanoTime() + engine.settings().resumeInterval().toNanos();
        geometry = PieceGeometry.of(metainfo);
        pieceBuffers = PieceBuffers.forPieceLength(geometry.nominalPieceLength());
        pieceData = new ByteBuffer[geometry.pieceCount()];
        everyPiece = new Bitfield(geometry.pieceCount());
        everyPiece.setAll();
        noPieces = new Bitfield(geometry.pieceCount());
        have = store.verified().copy();
        wanted = store.wanted().copy();
        picker = new PiecePicker<>(geometry, have, new SplittableRandom(), new PickerSettings(
                engine.settings().requestTimeout().toNanos(), PickerSettings.DEFAULTS.endGameRequesters(),
                PickerSettings.DEFAULTS.maxRememberedCancels()));
        picker.setWanted(wanted);
        picker.setMaxPartialPieces(pieceBuffers.kept()); // each started piece gets a pooled buffer, never a new one
        webSeeds = new WebSeeds(this, metainfo, picker, engine::webSeedFetcher, engine.loop()::execute);
        updateProgress();
        handle.state = picker.isComplete() ? TorrentState.SEEDING : TorrentState.DOWNLOADING;
        if (picker.isComplete()) {
            complete();
        }
        for (PeerConnection peer : List.copyOf(peers)) {
            if (peer.phase() == PeerConnection.Phase.ACTIVE) {
                peer.messageLimits(messageLimits());
                greet(peer);
                replayEarly(peer);
                peer.resumeReading();
            }
        }
        connectCandidates();
    }

    /** Whether storage is open, so peer messages can be handled. */
    boolean isReady() {
        return store != null || metainfo == null;
    }

    TorrentHandle handle() {
        return handle;
    }

    byte[] wireInfoHash() {
        return wireInfoHash.clone();
    }

    /** Whether the torrent has a v2 info-hash, so that our handshake announces v2 (BEP 52). */
    boolean hasV2() {
        return metainfo != null ? metainfo.infoHashV2().isPresent()
                : infoAwaitingLayers != null || magnet.infoHashV2().isPresent();
    }

    MessageLimits messageLimits() {
        return metainfo == null ? MessageLimits.beforeMetadata() : MessageLimits.forPieces(metainfo.pieceCount());
    }

    // ---- peers -------------------------------------------------------------------------------

    /** From any thread: remember the peer and connect when there is room; a host name is resolved first. */
    void addPeer(InetSocketAddress address) {
        if (address.isUnresolved()) {
            engine.resolver().resolve(address, this::addPeer);
            return;
        }
        engine.loop().execute(() -> {
            if (stopped || connected.contains(address) || (address.getAddress() != null
                    && bans.isBanned(address.getAddress()))) {
                return;
            }
            candidates.putIfAbsent(address, new Candidate(0, System.nanoTime()));
            connectCandidates();
        });
    }

    private void connectCandidates() {
        if (stopped || (store == null && metainfo != null)) {
            return; // storage is opening: connect once we can say what we have
        }
        long now = System.nanoTime();
        Iterator<Map.Entry<InetSocketAddress, Candidate>> it = candidates.entrySet().iterator();
        while (it.hasNext() && peers.size() < engine.settings().maxPeersPerTorrent()) {
            Map.Entry<InetSocketAddress, Candidate> entry = it.next();
            if (connected.contains(entry.getKey())) {
                continue;
            }
            if (entry.getValue().notBeforeNanos() - now <= 0) {
                attempts.put(entry.getKey(), entry.getValue().failures());
                it.remove();
                engine.connect(this, entry.getKey(), pex.policyFor(entry.getKey(), engine.settings().encryption()));
            }
        }
    }

    void connecting(PeerConnection connection) {
        peers.add(connection);
        connected.add(connection.address);
    }

    void connectFailed(InetSocketAddress address, String reason) {
        peers.removeIf(p -> p.address.equals(address) && !p.isOpen());
        connected.remove(address);
        LOG.fine(() -> "connecting to " + address + " failed: " + reason);
        retryLater(address);
    }

    /**
     * An outgoing connection failed before it was of use (refused, reset during the handshakes):
     * the peer may simply not be ready yet, so try again after 1, 2, 4, 8 s, then give up.
     */
    private void retryLater(InetSocketAddress address) {
        int failures = attempts.getOrDefault(address, 0) + 1;
        attempts.remove(address);
        if (stopped || failures >= MAX_CONNECT_FAILURES
                || (address.getAddress() != null && bans.isBanned(address.getAddress()))) {
            return;
        }
        long delay = TimeUnit.SECONDS.toNanos(1L << (failures - 1));
        candidates.putIfAbsent(address, new Candidate(failures, System.nanoTime() + delay));
    }

    /** An incoming connection named this torrent: is there room for it? */
    boolean acceptsConnection(PeerConnection connection) {
        if (peers.contains(connection)) {
            return true;
        }
        if (stopped || (connection.address.getAddress() != null && bans.isBanned(connection.address.getAddress()))
                || peers.size() >= engine.settings().maxPeersPerTorrent()) {
            return false;
        }
        peers.add(connection);
        connected.add(connection.address);
        return true;
    }

    /** The BEP 3 handshake is done both ways. */
    void onHandshake(PeerConnection peer) {
        LOG.finer(() -> peer + " handshake done");
        if (peer.extensions) {
            ExtensionHandshake ours = new ExtensionHandshake(pex.extensions(Map.of(UT_METADATA, UT_METADATA_ID)),
                    Optional.of("Swarmport 0.1.0"), OptionalInt.of(engine.listenPort()), OptionalInt.of(MAX_UPLOAD_QUEUE),
                    metainfo == null ? OptionalLong.empty() : OptionalLong.of(metainfo.infoBytes().length),
                    Optional.empty());
            peer.send(new PeerMessage.Extended(0, ours.toBytes()));
        }
        if (store != null) {
            greet(peer);
        }
        askPieceLayers(peer);
    }

    /** Tells the peer what we have (BEP 3 bitfield, or BEP 6 have all / have none) and starts tracking it. */
    private void greet(PeerConnection peer) {
        long now = System.nanoTime();
        picker.addPeer(peer);
        choker.addPeer(peer, now);
        uploads.put(peer, new ArrayDeque<>());
        peer.servable = peer.amChoking ? noPieces : everyPiece;
        if (peer.fast && have.isComplete()) {
            peer.send(PeerMessage.Simple.HAVE_ALL);
        } else if (peer.fast && have.isEmpty()) {
            peer.send(PeerMessage.Simple.HAVE_NONE);
        } else if (!have.isEmpty()) {
            peer.send(new PeerMessage.BitfieldBits(have.toWire()));
        }
        grantAllowedFast(peer);
        if (unchokedCount() < engine.settings().uploadSlots() + 1) {
            nextRechokeNanos = now;
        }
    }

    /**
     * BEP 6: tells a fast peer the pieces it may request while we choke it (the canonical set for
     * its address, those of them we have; the rest when we get them), so a new peer gets its
     * first pieces without waiting for an unchoke.
     */
    private void grantAllowedFast(PeerConnection peer) {
        if (!peer.fast || peer.address.getAddress() == null) {
            return;
        }
        AllowedFastSet set = AllowedFastSet.of(peer.address.getAddress(), wireInfoHash, geometry.pieceCount(),
                AllowedFastSet.DEFAULT_SIZE);
        peer.allowedFast = new Bitfield(geometry.pieceCount());
        for (int piece : set.pieces()) {
            peer.allowedFast.set(piece);
            if (have.get(piece)) {
                peer.send(new PeerMessage.AllowedFast(piece));
            }
        }
        if (peer.amChoking) {
            peer.servable = peer.allowedFast;
        }
    }

    /** What {@link PeerConnection#servable} is while we choke {@code peer}: its allowed-fast pieces, or none. */
    private Bitfield servableWhileChoked(PeerConnection peer) {
        return peer.allowedFast != null ? peer.allowedFast : noPieces;
    }

    /** Whether to serve the peer's request for {@code piece} now: it is unchoked, or the piece is allowed fast (BEP 6). */
    private static boolean mayServe(PeerConnection peer, int piece) {
        return peer.servable.get(piece);
    }

    private boolean tracked(PeerConnection peer) {
        return uploads.containsKey(peer);
    }

    /** A peer another peer told us of (BEP 11): a candidate, while there are not too many. */
    private void learned(InetSocketAddress address) {
        if (connected.contains(address) || candidates.containsKey(address) || candidates.size() >= MAX_PEX_CANDIDATES
                || (address.getAddress() != null && bans.isBanned(address.getAddress()))) {
            return;
        }
        candidates.put(address, new Candidate(0, System.nanoTime()));
        connectCandidates();
    }

    void onClosed(PeerConnection peer, String reason) {
        peers.remove(peer);
        pex.closed(peer);
        if (assembler != null) {
            peer.metadataPieces.forEach(assembler::abandoned);
        }
        peer.metadataPieces.clear();
        if (layerFetch != null) {
            layerFetch.abandoned(peer);
        }
        connected.remove(peer.address);
        if (tracked(peer)) {
            uploads.remove(peer);
            choker.removePeer(peer);
            picker.removePeer(peer);
            for (PeerConnection other : peers) {
                fillRequests(other);
            }
        }
        LOG.fine(() -> peer + " closed: " + reason);
        boolean mayRetry = peer.outgoing && !stopped
                && (peer.address.getAddress() == null || !bans.isBanned(peer.address.getAddress()));
        boolean redial = mayRetry && peer.negotiationFailed();
        if (redial && peer.negotiationMisreadByLibtorrent()) {
            engine.connect(this, peer.address, peer.policy()); // a new key, 255 times in 256 a good one
            return;
        }
        if (redial && peer.policy().retriesInPlaintext()) {
            engine.connect(this, peer.address, EncryptionPolicy.DISABLED);
            return;
        }
        if (mayRetry && peer.policy() == EncryptionPolicy.DISABLED && peer.remoteHandshake() == null
                && pex.retryEncrypted(peer.address, engine.settings().encryption())) {
            engine.connect(this, peer.address, EncryptionPolicy.PREFERRED);
            return;
        }
        if (peer.outgoing && !peer.wasActive() && !stopped) {
            retryLater(peer.address);
        } else {
            attempts.remove(peer.address);
        }
        connectCandidates();
    }

    /** The peer broke the protocol: drop it, and remember the address so it is not reconnected. */
    void protocolViolation(PeerConnection peer, String reason) {
        ban(peer, reason);
    }

    private void ban(PeerConnection peer, String reason) {
        if (peer.address.getAddress() != null) {
            bans.ban(peer.address.getAddress(), reason);
        }
        handle.emit(new TorrentEvent.PeerBanned(peer.address, reason));
        peer.close("banned: " + reason);
    }

    // ---- messages ----------------------------------------------------------------------------

    /**
     * A message from the peer. Blocks and requests, nearly every message of a transfer, are
     * handled here; the rest in {@link #onControlMessage}. The split is for the JIT: C2 compiles
     * this method with the block and request paths inlined, and turns branches its profile never
     * saw into traps; a control message (a new connection's extension handshake, bitfield,
     * unchoke) then arrived after the compile, hit one, and the whole receive path (48 KiB of code,
     * 0.4 s of C2) was compiled again during the transfer. Here the branch to the rest is taken a
     * few times per connection, too rarely for C2 to inline the callee (it inlines callees run a
     * few hundred times), so a trap in there costs that small method's recompile, not this one's.
     * Haves (one per piece a peer completes) stay here: they are frequent at a seed.
     */
    void onMessage(PeerConnection peer, PeerMessage message) throws WireException {
        LOG.finest(() -> peer + " -> " + message);
        if (metainfo != null) {
            // Class compares, not instanceof: C2 speculated on instanceof's type profile, in which a
            // seed's first have (a piece done after thousands of requests) was a type never seen,
            // and recompiled this path for it (JFR speculate_class_check; the messages are records,
            // final, so the compare is the same test).
            Class<? extends PeerMessage> type = message.getClass();
            if (type == PeerMessage.PieceView.class) {
                PeerMessage.PieceView piece = (PeerMessage.PieceView) message;
                onPiece(peer, piece.piece(), piece.begin(), piece.block(), System.nanoTime());
                return;
            }
            if (type == PeerMessage.Request.class) {
                onRequest(peer, (PeerMessage.Request) message, System.nanoTime());
                return;
            }
            if (type == PeerMessage.Have.class) {
                onHave(peer, ((PeerMessage.Have) message).piece());
                return;
            }
        }
        onControlMessage(peer, message);
    }

    private void onHave(PeerConnection peer, int piece) throws WireException {
        checkPiece(piece, "have");
        if (picker.peerHave(peer, piece)) {
            interested(peer, true, System.nanoTime());
        }
        fillRequests(peer);
    }

    /** Every message but blocks, requests and haves: a handful per connection (see {@link #onMessage}). */
    private void onControlMessage(PeerConnection peer, PeerMessage message) throws WireException {
        if (message instanceof PeerMessage.Extended extended) {
            onExtended(peer, extended);
            return;
        }
        if (message instanceof PeerMessage.HashMessage hashes) {
            onHashMessage(peer, hashes);
            return;
        }
        if (message == PeerMessage.KeepAlive.INSTANCE || message instanceof PeerMessage.Unknown
                || message instanceof PeerMessage.Port || message instanceof PeerMessage.SuggestPiece) {
            return;
        }
        if (metainfo == null) {
            early(peer, message);
            return;
        }
        long now = System.nanoTime();
        if (message instanceof PeerMessage.PieceView piece) {
            onPiece(peer, piece.piece(), piece.begin(), piece.block(), now); // replayed early messages come here
        } else if (message instanceof PeerMessage.Piece piece) {
            onPiece(peer, piece.piece(), piece.begin(), ByteBuffer.wrap(piece.block()), now);
        } else if (message instanceof PeerMessage.Request request) {
            onRequest(peer, request, now);
        } else if (message instanceof PeerMessage.BitfieldBits bits) {
            try {
                Bitfield bitfield = Bitfield.fromWire(bits.bits(), 0, bits.bits().length, metainfo.pieceCount());
                interested(peer, picker.peerBitfield(peer, bitfield), now);
            } catch (BitfieldException e) {
                throw new WireException(e.getMessage());
            }
        } else if (message instanceof PeerMessage.AllowedFast fast) {
            requireFast(peer, "allowed fast");
            checkPiece(fast.piece(), "allowed fast");
            picker.allowedFast(peer, fast.piece());
            fillRequests(peer);
        } else if (message == PeerMessage.Simple.UNCHOKE) {
            peer.peerChoking = false;
            picker.peerUnchoked(peer);
            choker.peerChokesUs(peer, false, now);
            fillRequests(peer);
        } else if (message == PeerMessage.Simple.CHOKE) {
            peer.peerChoking = true;
            picker.peerChoked(peer, peer.fast);
            choker.peerChokesUs(peer, true, now);
        } else if (message == PeerMessage.Simple.INTERESTED) {
            peer.peerInterested = true;
            choker.peerInterested(peer, true);
            if (unchokedCount() < engine.settings().uploadSlots() + 1) {
                nextRechokeNanos = now;
            }
        } else if (message == PeerMessage.Simple.NOT_INTERESTED) {
            peer.peerInterested = false;
            choker.peerInterested(peer, false);
        } else if (message == PeerMessage.Simple.HAVE_ALL) {
            requireFast(peer, "have all");
            interested(peer, picker.peerHaveAll(peer), now);
        } else if (message == PeerMessage.Simple.HAVE_NONE) {
            requireFast(peer, "have none");
            picker.peerHaveNone(peer);
        }
    }

    private static void requireFast(PeerConnection peer, String what) throws WireException {
        if (!peer.fast) {
            throw new WireException(what + " from a peer that did not negotiate the fast extension (BEP 6)");
        }
    }

    private void checkPiece(int piece, String what) throws WireException {
        if (piece >= metainfo.pieceCount()) {
            throw new WireException(what + " for piece " + piece + " of a torrent with " + metainfo.pieceCount()
                    + " pieces");
        }
    }

    private void onExtended(PeerConnection peer, PeerMessage.Extended message) throws WireException {
        if (!peer.extensions) {
            throw new WireException("extended message from a peer that did not negotiate BEP 10");
        }
        if (message.extendedId() == 0) {
            peer.peerExtensions = ExtensionHandshake.parse(message.payload());
            peer.pipelineDepth = pipelineDepth(peer); // its reqq caps the depth
            if (metainfo == null) {
                fetchMetadata(peer);
            }
        } else if (message.extendedId() == UT_METADATA_ID) {
            onMetadataMessage(peer, message.payload());
        } else if (message.extendedId() == PeerExchange.UT_PEX_ID && pex.isEnabled()) {
            for (InetSocketAddress found : pex.received(message.payload(), completed)) {
                learned(found);
            }
        }
        // other extended ids are not ours: BEP 10 lets us ignore them
    }

    // ---- metadata (BEP 9) --------------------------------------------------------------------

    /** A peer that can send metadata: make sure it has requests for missing pieces. */
    private void fetchMetadata(PeerConnection peer) throws WireException {
        ExtensionHandshake ext = peer.peerExtensions;
        if (ext == null || ext.idOf(UT_METADATA).isEmpty() || peer.metadataRefused || infoAwaitingLayers != null) {
            return;
        }
        if (assembler == null) {
            if (ext.metadataSize().isEmpty()) {
                return;
            }
            try {
                assembler = new MetadataAssembler(magnet.infoHashes(), ext.metadataSize().getAsLong(),
                        MetadataMessage.DEFAULT_MAX_METADATA_SIZE);
            } catch (MetadataException e) {
                throw new WireException(e.getMessage());
            }
        }
        int id = ext.idOf(UT_METADATA).getAsInt();
        while (peer.metadataPieces.size() < METADATA_REQUESTS_PER_PEER) {
            OptionalInt piece = assembler.nextPiece();
            if (piece.isEmpty()) {
                return;
            }
            peer.metadataPieces.add(piece.getAsInt());
            peer.send(new PeerMessage.Extended(id, new MetadataMessage.Request(piece.getAsInt()).encode()));
        }
    }

    private void onMetadataMessage(PeerConnection peer, byte[] payload) throws WireException {
        Optional<MetadataMessage> parsed;
        try {
            parsed = MetadataMessage.parse(payload);
        } catch (MetadataException e) {
            throw new WireException(e.getMessage());
        }
        if (parsed.isEmpty()) {
            return; // a msg_type BEP 9 tells us to ignore
        }
        MetadataMessage message = parsed.get();
        if (message instanceof MetadataMessage.Request request) {
            OptionalInt id = peer.peerExtensions == null ? OptionalInt.empty() : peer.peerExtensions.idOf(UT_METADATA);
            if (id.isEmpty()) {
                throw new WireException("ut_metadata request from a peer that did not announce ut_metadata");
            }
            byte[] info = metainfo == null ? null : metainfo.infoBytes();
            MetadataMessage answer = info == null || (long) request.piece() * MetadataMessage.PIECE_SIZE >= info.length
                    ? new MetadataMessage.Reject(request.piece()) : MetadataAssembler.piece(info, request.piece());
            peer.send(new PeerMessage.Extended(id.getAsInt(), answer.encode()));
        } else if (metainfo != null || assembler == null) {
            return; // late answers after the metadata is complete
        } else if (message instanceof MetadataMessage.Reject reject) {
            peer.metadataPieces.remove(Integer.valueOf(reject.piece()));
            assembler.rejected(reject.piece());
            peer.metadataRefused = true;
            for (PeerConnection other : List.copyOf(peers)) {
                fetchMetadata(other);
            }
        } else if (message instanceof MetadataMessage.Data data) {
            if (!peer.metadataPieces.remove(Integer.valueOf(data.piece()))) {
                throw new WireException("ut_metadata piece " + data.piece() + " was never requested");
            }
            boolean complete;
            try {
                complete = assembler.accept(data);
            } catch (MetadataException e) {
                throw new WireException(e.getMessage());
            }
            if (complete) {
                try {
                    // verified once: each call hashes the whole dictionary with SHA-1 and SHA-256
                    byte[] info = assembler.verifiedInfo();
                    PieceLayersNeeded layers = MetainfoParser.missingPieceLayers(info);
                    if (layers.isEmpty()) {
                        metadataReceived(MetainfoParser.parseInfo(info, magnet.trackerTiers(), magnet.webSeeds()));
                    } else {
                        fetchPieceLayers(info, layers);
                        return;
                    }
                } catch (MetadataException | MetainfoException e) {
                    LOG.info(() -> "metadata from peers did not verify, fetching again: " + e.getMessage());
                }
            }
            if (metainfo == null) {
                for (PeerConnection other : List.copyOf(peers)) {
                    fetchMetadata(other);
                }
            }
        }
    }

    private void metadataReceived(Metainfo received) {
        metainfo = received;
        if (received.isPrivate()) {
            pex.disable(); // BEP 27; peers already told ut_pex is ours get their messages ignored
        }
        assembler = null;
        handle.state = TorrentState.CHECKING;
        handle.emit(new TorrentEvent.MetadataReceived(received));
        openStore();
    }

    // ---- piece layers (BEP 52 hash transfer) --------------------------------------------------

    /**
     * A v2 or hybrid magnet's info dictionary came without the piece layers of its larger files:
     * ask peers that speak v2 for them before the torrent can start.
     */
    private void fetchPieceLayers(byte[] info, PieceLayersNeeded needed) {
        if (!wireIsV2) {
            // our connections are v1 ones: no peer would answer a hash request on them
            fail("this torrent is v2 (or hybrid) and its metadata has no piece layers; add it by a magnet link"
                    + " with its v2 hash (xt=urn:btmh:...) or by its .torrent file");
            return;
        }
        infoAwaitingLayers = info;
        assembler = null;
        layerFetch = new PieceLayerFetch<>(needed.piecesPerRoot(), needed.pieceLength());
        LOG.fine(() -> "metadata received; fetching the piece layers of " + needed.piecesPerRoot().size() + " files");
        for (PeerConnection peer : List.copyOf(peers)) {
            askPieceLayers(peer);
        }
    }

    /**
     * Whether {@code peer} takes hash requests: libtorrent drops a connection that sends one
     * unless it is v2 on its side, which it is when the handshake (or MSE's stream key) named the
     * v2 info-hash, as ours does for a magnet link with one.
     */
    private boolean speaksV2(PeerConnection peer) {
        return wireIsV2 && peer.phase() == PeerConnection.Phase.ACTIVE;
    }

    private void askPieceLayers(PeerConnection peer) {
        if (layerFetch == null || !speaksV2(peer)) {
            return;
        }
        long now = System.nanoTime();
        for (Optional<PeerMessage.HashMessage> next = layerFetch.next(peer, now); next.isPresent();
                next = layerFetch.next(peer, now)) {
            peer.send(next.get());
        }
    }

    private void onHashMessage(PeerConnection peer, PeerMessage.HashMessage message) {
        if (message.kind() == PeerMessage.HASH_REQUEST) {
            peer.send(pieceLayerAnswer(message));
            return;
        }
        if (layerFetch == null) {
            return; // late: the layers are complete
        }
        if (message.kind() == PeerMessage.HASH_REJECT) {
            layerFetch.rejected(peer, message);
        } else if (layerFetch.accept(peer, message) == PieceLayerFetch.Outcome.INVALID) {
            ban(peer, "piece hashes that do not prove to their pieces root (BEP 52)");
        }
        if (layerFetch.isComplete()) {
            pieceLayersReceived();
        } else {
            for (PeerConnection other : List.copyOf(peers)) {
                askPieceLayers(other);
            }
        }
    }

    /** Hashes from a piece layer we hold, or a refusal: we keep no block hashes (layer 0 of a larger piece). */
    private PeerMessage.HashMessage pieceLayerAnswer(PeerMessage.HashMessage request) {
        if (metainfo == null || request.baseLayer() != PieceLayerProof.baseLayer(metainfo.pieceLength())) {
            return request.reject();
        }
        return metainfo.pieceLayer(PiecesRoot.of(request.piecesRoot()))
                .flatMap(layer -> PieceLayerProof.answer(layer, metainfo.pieceLength(), request.index(),
                        request.length(), request.proofLayers()))
                .map(request::answer).orElseGet(request::reject);
    }

    private void pieceLayersReceived() {
        byte[] info = infoAwaitingLayers;
        Map<PiecesRoot, byte[]> layers = layerFetch.layers();
        infoAwaitingLayers = null;
        layerFetch = null;
        try {
            metadataReceived(MetainfoParser.parseInfo(info, magnet.trackerTiers(), magnet.webSeeds(), layers));
        } catch (MetainfoException e) {
            // every layer was proven to its root, so this is a defect of the dictionary itself
            fail("the metadata and its piece layers are not a usable torrent: " + e.getMessage());
        }
    }

    /** Before the metadata, what a peer says about pieces is kept to be replayed; data is refused. */
    private void early(PeerConnection peer, PeerMessage message) throws WireException {
        if (message instanceof PeerMessage.Piece || message instanceof PeerMessage.PieceView) {
            throw new WireException("piece data before we knew the torrent: never requested");
        }
        if (message instanceof PeerMessage.Request request) {
            if (peer.fast) {
                peer.send(PeerMessage.Request.reject(request.piece(), request.begin(), request.length()));
            }
            return;
        }
        if (peer.early.size() >= MAX_EARLY_MESSAGES) {
            throw new WireException("more than " + MAX_EARLY_MESSAGES + " messages before the metadata arrived");
        }
        peer.early.add(message);
    }

    private void replayEarly(PeerConnection peer) {
        List<PeerMessage> kept = List.copyOf(peer.early);
        peer.early.clear();
        try {
            for (PeerMessage message : kept) {
                onMessage(peer, message);
            }
        } catch (WireException e) {
            protocolViolation(peer, e.getMessage());
        }
    }

    private void interested(PeerConnection peer, boolean interested, long now) {
        if (interested != peer.amInterested) {
            peer.amInterested = interested;
            peer.send(interested ? PeerMessage.Simple.INTERESTED : PeerMessage.Simple.NOT_INTERESTED);
            choker.weInterested(peer, interested, now);
        }
    }

    // ---- downloading -------------------------------------------------------------------------

    /**
     * How many requests to keep outstanding at the peer: about {@value #PIPELINE_SECONDS} s of its
     * rate. Computed when the rate changes (each tick) and when the peer's {@code reqq} is known,
     * and kept in {@link PeerConnection#pipelineDepth}: the request path only reads it, so that
     * the unknown rate of a connection's first quarter second is no branch of that path (a warm
     * JVM's compiled code had never seen it and recompiled the receive path for it).
     */
    private static int pipelineDepth(PeerConnection peer) {
        double rate = peer.download.rate();
        int depth = rate == 0 ? DEFAULT_PIPELINE : (int) (rate * PIPELINE_SECONDS / Block.LENGTH);
        int cap = MAX_PIPELINE;
        if (peer.peerExtensions != null && peer.peerExtensions.requestQueue().isPresent()) {
            cap = Math.max(1, Math.min(cap, peer.peerExtensions.requestQueue().getAsInt()));
        }
        return Math.min(cap, Math.max(Math.min(MIN_PIPELINE, cap), depth));
    }

    /** Sends {@code peer} new requests when its pipeline has room for a batch of them. */
    void fillRequests(PeerConnection peer) {
        if (!tracked(peer) || !peer.amInterested || picker.isComplete() || !peer.isOpen()) {
            return;
        }
        int depth = peer.pipelineDepth;
        int outstanding = picker.outstanding(peer);
        if (outstanding >= depth || (outstanding > 0 && depth - outstanding < Math.min(8, depth / 4))) {
            return; // refill in batches, not one request per block received
        }
        for (Block block : picker.pick(peer, depth - outstanding, System.nanoTime())) {
            peer.send(PeerMessage.Request.request(block.piece(), block.offset(), block.length()));
        }
    }

    /** A block arrived: {@code bytes} (its remaining bytes) are copied where they belong before this returns. */
    private void onPiece(PeerConnection peer, int piece, int begin, ByteBuffer bytes, long now) throws WireException {
        checkPiece(piece, "piece");
        int length = bytes.remaining();
        if (begin % Block.LENGTH != 0 || length == 0 || (long) begin + length > geometry.pieceLength(piece)) {
            throw new WireException("piece " + piece + " block at " + begin + " of " + length
                    + " bytes is not a block we request");
        }
        Block block = new Block(piece, begin, length);
        if (!geometry.isBlock(block)) {
            throw new WireException("piece " + piece + " block at " + begin + " of " + length
                    + " bytes is not a block of this torrent");
        }
        peer.download.add(length);
        download.add(length);
        downloadedBytes += length;
        choker.received(peer, length, now);
        BlockReceipt<BlockSource> receipt = picker.blockReceived(peer, block, now);
        switch (receipt.outcome()) {
            case UNREQUESTED -> throw new WireException("piece " + piece + " block at " + begin
                    + " was never requested (BEP 6: close the connection)");
            case DUPLICATE -> {
                peer.refillBeforeFlush();
                return;
            }
            case ACCEPTED -> keep(block, bytes, receipt);
        }
        peer.refillBeforeFlush();
    }

    /**
     * An accepted block ({@code bytes}' remaining bytes): copied into its piece, duplicates elsewhere
     * cancelled, the piece verified once whole.
     */
    private void keep(Block block, ByteBuffer bytes, BlockReceipt<BlockSource> receipt) {
        ByteBuffer data = pieceData[block.piece()];
        if (data == null) {
            data = pieceBuffers.take(geometry.dataLength(block.piece()));
            pieceData[block.piece()] = data;
        }
        data.put(block.offset(), bytes, bytes.position(), block.length());
        for (PeerBlock<BlockSource> cancel : receipt.cancels()) {
            cancel.peer().cancel(cancel.block());
        }
        if (receipt.pieceComplete()) {
            verify(block.piece());
        }
    }

    /** A block a web seed fetched (BEP 19): kept like a peer's, unless the picker no longer wanted it from there. */
    void webSeedBlock(WebSeed seed, Block block, byte[] bytes, int from, long now) {
        download.add(block.length());
        downloadedBytes += block.length();
        BlockReceipt<BlockSource> receipt = picker.blockReceived(seed, block, now);
        if (receipt.outcome() == BlockReceipt.Outcome.ACCEPTED) {
            keep(block, ByteBuffer.wrap(bytes, from, block.length()), receipt);
        }
    }

    /** A web seed gave its requests back (it failed): peers may take them. */
    void webSeedReleased() {
        for (PeerConnection peer : peers) {
            fillRequests(peer);
        }
    }

    boolean isStopped() {
        return stopped;
    }

    /**
     * Hashes the whole piece on the disk pool and has the engine's writer write it when good
     * ({@link Engine#writer}): the pool goes on hashing while the write waits for the device. The
     * piece counts as verified, and its buffer goes back, once it is written.
     */
    private void verify(int piece) {
        ByteBuffer data = pieceData[piece];
        pieceData[piece] = null;
        int length = geometry.dataLength(piece); // storage hashes the unrequested rest (pad files, v2 gaps) as zeros
        verifying.add(piece);
        PieceStore target = store;
        PieceBuffers buffers = pieceBuffers;
        engine.disk().execute(() -> {
            Optional<CheckedPiece> checked;
            try {
                checked = target.check(piece, data.slice(0, length));
            } catch (RuntimeException e) {
                buffers.give(data);
                settled(piece, false, "cannot check piece " + piece + ": " + e.getMessage());
                return;
            }
            if (checked.isEmpty()) {
                buffers.give(data); // nothing of a bad piece is written
                settled(piece, false, null);
                return;
            }
            engine.writer().execute(() -> {
                String failure = null;
                try {
                    target.write(checked.get());
                } catch (IOException | RuntimeException e) {
                    failure = "cannot write piece " + piece + ": " + e.getMessage();
                } finally {
                    buffers.give(data); // written, or failed for good
                }
                settled(piece, failure == null, failure);
            });
        });
    }

    /** From the disk pool (a bad piece, a failed check) or the writer (written or not): {@link #verify}'s outcome, to the network thread. */
    private void settled(int piece, boolean ok, String error) {
        engine.loop().execute(() -> verified(piece, ok, error));
    }

    private void verified(int piece, boolean ok, String error) {
        verifying.remove(piece);
        if (stopped) {
            return;
        }
        if (error != null) {
            fail(error);
            return;
        }
        if (ok) {
            picker.pieceVerified(piece);
            have.set(piece);
            updateProgress();
            handle.emit(new TorrentEvent.PieceVerified(piece));
            for (PeerConnection peer : peers) {
                if (tracked(peer)) {
                    peer.send(new PeerMessage.Have(piece));
                    if (peer.allowedFast != null && peer.allowedFast.get(piece)) {
                        peer.send(new PeerMessage.AllowedFast(piece));
                    }
                    if (peer.amInterested && !picker.isInteresting(peer)) {
                        interested(peer, false, System.nanoTime());
                    }
                }
            }
            if (picker.isComplete()) {
                complete();
            } else {
                for (PeerConnection peer : peers) {
                    fillRequests(peer); // a piece left the flight: one more may start (PiecePicker.setMaxPartialPieces)
                }
            }
        } else {
            PieceFailure<BlockSource> failure = picker.pieceFailed(piece);
            handle.emit(new TorrentEvent.PieceFailed(piece));
            Set<java.net.InetAddress> banned = webSeeds.pieceFailed(failure) ? Set.of()
                    : bans.hashFailed(failure, p -> ((PeerConnection) p).address.getAddress());
            for (PeerConnection peer : List.copyOf(peers)) {
                if (peer.address.getAddress() != null && banned.contains(peer.address.getAddress())) {
                    handle.emit(new TorrentEvent.PeerBanned(peer.address, "sent data of piece " + piece
                            + " that failed its hash check"));
                    peer.close("banned: bad data in piece " + piece);
                }
            }
            for (PeerConnection peer : peers) {
                fillRequests(peer);
            }
        }
    }

    private void complete() {
        if (completed) {
            return;
        }
        completed = true;
        handle.state = TorrentState.SEEDING;
        // Not left to the next tick: the Completed event's listeners and the trackers' completed
        // announce read these, and a fast download is over before a tick has published any of it.
        publishTotals();
        for (PeerConnection peer : List.copyOf(peers)) {
            if (tracked(peer)) {
                interested(peer, false, System.nanoTime());
            }
        }
        handle.emit(new TorrentEvent.Completed());
        saveResumeSoon();
        for (PeerSource source : sources) {
            source.completed();
        }
    }

    private void updateProgress() {
        long done = 0;
        long wantedBytes = 0;
        for (int piece = 0; piece < geometry.pieceCount(); piece++) {
            if (wanted.get(piece)) {
                wantedBytes += geometry.pieceLength(piece);
                if (have.get(piece)) {
                    done += geometry.pieceLength(piece);
                }
            }
        }
        handle.bytesDone = Math.min(done, metainfo.totalLength());
        handle.bytesWanted = Math.min(wantedBytes, metainfo.totalLength());
    }

    // ---- uploading ---------------------------------------------------------------------------

    private void onRequest(PeerConnection peer, PeerMessage.Request request, long now) throws WireException {
        int piece = request.piece();
        checkPiece(piece, request.kind() == PeerMessage.CANCEL ? "cancel" : "request");
        if (request.kind() == PeerMessage.REJECT_REQUEST) {
            requireFast(peer, "reject request");
            if (!picker.requestRejected(peer, new Block(piece, request.begin(), request.length()))) {
                LOG.fine(() -> peer + " rejected a request we did not send");
            }
            fillRequests(peer);
            return;
        }
        ArrayDeque<PeerMessage.Request> queue = uploads.get(peer);
        PeerMessage.Request asked = PeerMessage.Request.request(piece, request.begin(), request.length());
        if (request.kind() == PeerMessage.CANCEL) {
            if ((queue.remove(asked) || cancelReading(peer, asked)) && peer.fast) {
                peer.send(PeerMessage.Request.reject(piece, request.begin(), request.length()));
            }
            return;
        }
        if (request.length() > PeerMessage.BLOCK_LENGTH) {
            throw new WireException("request for " + request.length() + " bytes, more than a 16 KiB block");
        }
        if ((long) request.begin() + request.length() > servableLength(piece)) {
            throw new WireException("request for bytes " + request.begin() + ".." + (request.begin() + request.length())
                    + " of piece " + piece + ", which has " + servableLength(piece));
        }
        if (!mayServe(peer, piece) || !have.get(piece) || queue.size() >= MAX_UPLOAD_QUEUE) {
            if (peer.fast) {
                peer.send(PeerMessage.Request.reject(piece, request.begin(), request.length()));
            }
            return; // BEP 3: requests from a choked peer are dropped, unless allowed fast (BEP 6)
        }
        queue.add(asked);
        serve(peer);
    }

    /**
     * How many bytes of {@code piece} a peer may ask for. In a v2 torrent every file ends on a
     * piece boundary (BEP 52), and libtorrent models the gap as a pad file and asks for whole
     * blocks across a file's end (the leaves of its tree are whole 16 KiB blocks, zero-filled);
     * we answer those bytes as zeros. A hybrid's pad files are real, so its pieces are exact.
     */
    private long servableLength(int piece) {
        return metainfo.version() == MetainfoVersion.V2 ? metainfo.pieceLength() : geometry.pieceLength(piece);
    }

    /**
     * Serves the peer's requests, in order, while it has room for more bytes in flight: up to
     * {@link UploadRead#CAPACITY} bytes of them at a time are read on the disk pool, and the filled
     * buffer comes back to this thread ({@link #uploadRead}), where the connection sends them in
     * gathering writes. Storage is never read here: a read that misses the page cache (a piece
     * just written past it) would stall every peer of this thread.
     */
    private void serve(PeerConnection peer) {
        ArrayDeque<PeerMessage.Request> queue = uploads.get(peer);
        if (queue == null) {
            return;
        }
        while (!queue.isEmpty() && peer.isOpen() && mayServe(peer, queue.peek().piece())
                && peer.readingBytes + peer.queuedBytes() < MAX_QUEUED_UPLOAD_BYTES) {
            UploadRead read = new UploadRead();
            while (!queue.isEmpty() && read.fits(queue.peek()) && mayServe(peer, queue.peek().piece())) {
                read.add(queue.poll());
            }
            peer.reads.add(read);
            peer.readingBytes += UploadRead.CAPACITY;
            PieceStore source = store;
            PieceGeometry pieces = geometry;
            UploadBuffers buffers = engine.uploadBuffers();
            engine.disk().execute(() -> {
                ByteBuffer buffer = buffers.take();
                String error = null;
                try {
                    read.readFrom(source, pieces, buffer);
                } catch (IOException | RuntimeException e) {
                    error = "cannot read " + read + " for " + peer + ": " + e.getMessage();
                }
                read.finished(buffer, error);
                engine.loop().execute(() -> uploadRead(peer));
            });
        }
    }

    /**
     * A read of the peer's blocks finished: the reads done at the head of its queue are sent, in
     * the order the peer asked, but for requests it cancelled meanwhile and those it may no longer
     * have (choked, and not allowed fast: rejected for a fast peer, BEP 6).
     */
    private void uploadRead(PeerConnection peer) {
        UploadBuffers buffers = engine.uploadBuffers();
        while (!peer.reads.isEmpty() && peer.reads.peekFirst().isDone()) {
            UploadRead read = peer.reads.pollFirst();
            peer.readingBytes -= UploadRead.CAPACITY;
            ByteBuffer buffer = read.buffer();
            if (stopped) {
                buffers.give(buffer); // stopped or removed meanwhile: a failed read of a closed store is no error
                continue;
            }
            if (read.error() != null) {
                buffers.give(buffer);
                fail(read.error());
                return;
            }
            int offset = 0;
            long now = System.nanoTime();
            List<PeerMessage.Request> requests = read.requests();
            for (int i = 0; i < requests.size(); i++) {
                PeerMessage.Request request = requests.get(i);
                if (!read.isDropped(i) && peer.isOpen()) {
                    if (mayServe(peer, request.piece())) {
                        peer.sendBlock(request.piece(), request.begin(), buffer.slice(offset, request.length()));
                        choker.sent(peer, request.length(), now);
                    } else if (peer.fast) {
                        peer.send(PeerMessage.Request.reject(request.piece(), request.begin(), request.length()));
                    }
                }
                offset += request.length();
            }
            peer.afterSent(() -> buffers.give(buffer));
        }
        serve(peer);
    }

    /** The peer cancelled a request whose block is being read: it is dropped there; answers whether one was. */
    private static boolean cancelReading(PeerConnection peer, PeerMessage.Request asked) {
        for (UploadRead read : peer.reads) {
            if (read.cancel(asked)) {
                return true;
            }
        }
        return false;
    }

    /** Payload bytes went to a peer's socket queue. */
    void uploaded(int bytes) {
        uploadedBytes += bytes;
        upload.add(bytes);
    }

    /** The peer's socket took everything queued: serve more of its requests. */
    void drained(PeerConnection peer) {
        serve(peer);
    }

    private int unchokedCount() {
        int count = 0;
        for (PeerConnection peer : peers) {
            if (!peer.amChoking) {
                count++;
            }
        }
        return count;
    }

    private void rechoke(long now) {
        ChokeDecision<PeerConnection> decision = choker.rechoke(now, picker.isComplete());
        for (PeerConnection peer : decision.choke()) {
            if (!peer.amChoking && peer.isOpen()) {
                peer.amChoking = true;
                peer.servable = servableWhileChoked(peer);
                peer.send(PeerMessage.Simple.CHOKE);
                ArrayDeque<PeerMessage.Request> queue = uploads.get(peer);
                if (queue != null) {
                    // allowed-fast requests stay (BEP 6); the others are dropped, and rejected for a fast peer
                    queue.removeIf(r -> {
                        if (mayServe(peer, r.piece())) {
                            return false;
                        }
                        if (peer.fast) {
                            peer.send(PeerMessage.Request.reject(r.piece(), r.begin(), r.length()));
                        }
                        return true;
                    });
                }
            }
        }
        for (PeerConnection peer : decision.unchoke()) {
            if (peer.amChoking && peer.isOpen()) {
                peer.amChoking = false;
                peer.servable = everyPiece;
                peer.send(PeerMessage.Simple.UNCHOKE);
            }
        }
    }

    // ---- time --------------------------------------------------------------------------------

    void tick(long now) {
        if (stopped) {
            return;
        }
        download.tick(now);
        upload.tick(now);
        List<PeerInfo> infos = new ArrayList<>(peers.size());
        for (PeerConnection peer : List.copyOf(peers)) {
            peer.download.tick(now);
            peer.upload.tick(now);
            peer.pipelineDepth = pipelineDepth(peer);
            if (peer.phase() != PeerConnection.Phase.ACTIVE) {
                if (now - peer.connectedNanos > HANDSHAKE_TIMEOUT_NANOS) {
                    peer.close("no handshake within 20 s");
                }
                continue;
            }
            if (now - peer.lastReceivedNanos > IDLE_TIMEOUT_NANOS) {
                peer.close("nothing received for 3 minutes");
                continue;
            }
            if (now - peer.lastSentNanos > KEEP_ALIVE_NANOS) {
                peer.send(PeerMessage.KeepAlive.INSTANCE);
            }
            if (tracked(peer)) {
                infos.add(new PeerInfo(peer.address,
                        peer.peerExtensions == null ? Optional.empty() : peer.peerExtensions.client(), peer.outgoing,
                        peer.download.rate(), peer.upload.rate(), peer.peerChoking, peer.amChoking,
                        picker.outstanding(peer)));
            }
        }
        if (!candidates.isEmpty()) {
            connectCandidates();
        }
        if (picker != null) {
            if (now - nextExpiryNanos >= 0) {
                nextExpiryNanos = now + TimeUnit.SECONDS.toNanos(1);
                for (StalledPeer<BlockSource> stalled : picker.expireRequests(now)) {
                    stalled.released().forEach(stalled.peer()::cancel);
                }
                for (PeerConnection peer : peers) {
                    fillRequests(peer);
                }
            }
            if (now - nextRechokeNanos >= 0) {
                nextRechokeNanos = now + RECHOKE_NANOS;
                rechoke(now);
            }
            if (now - nextResumeNanos >= 0) {
                saveResumeSoon();
            }
        }
        if (webSeeds != null) {
            webSeeds.tick(now);
            handle.webSeeds = webSeeds.infos();
        }
        pex.tick(peers, java.time.Instant.now());
        handle.peers = List.copyOf(infos);
        handle.downloadRate = download.rate();
        handle.uploadRate = upload.rate();
        publishTotals();
    }

    /** The byte totals the handle shows and the trackers are told, as they are now. */
    private void publishTotals() {
        handle.downloaded = downloadedBytes;
        handle.uploaded = uploadedBytes;
    }

    /** For failure messages: the session's inner state, read on the network thread. */
    String diagnostics() {
        Engine.CountDownLatchTask[] holder = new Engine.CountDownLatchTask[1];
        StringBuilder out = new StringBuilder();
        holder[0] = new Engine.CountDownLatchTask(() -> out.append("store ").append(store != null)
                .append(", have ").append(have).append(", partial data ").append(pieceData == null ? "[]" : IntStream.range(0, pieceData.length)
                        .filter(p -> pieceData[p] != null).boxed().toList())
                .append(", verifying ").append(verifying).append(", peers ").append(peers.size())
                .append(", tracked ").append(uploads.size())
                .append(peers.stream().map(p -> " [" + p.address + " uploads queued " + (uploads.containsKey(p)
                        ? uploads.get(p).size() : -1) + ", disk reads " + p.reads.size() + ", socket queue "
                        + p.queuedBytes() + (picker == null ? "" : ", outstanding " + picker.outstanding(p)) + "]")
                        .collect(java.util.stream.Collectors.joining()))
                .append(picker == null ? "" : ", picker partial " + picker.partialPieces() + ", complete "
                        + picker.isComplete()));
        engine.loop().execute(holder[0]);
        try {
            if (!holder[0].await(2000)) {
                return "network thread does not answer";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    // ---- end ---------------------------------------------------------------------------------

    private void fail(String message) {
        if (handle.state == TorrentState.ERROR) {
            return;
        }
        LOG.log(Level.WARNING, "torrent " + handle.infoHash().hex() + ": " + message);
        handle.state = TorrentState.ERROR;
        handle.emit(new TorrentEvent.Error(message));
        stop();
    }

    /** From any thread: stop and forget the torrent. */
    void remove() {
        engine.loop().execute(() -> {
            stop();
            engine.unregister(this);
            engine.writer().execute(this::closeStore); // after the writes already queued
        });
    }

    /** Closes every connection; on the network thread. */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (webSeeds != null) {
            webSeeds.stop();
        }
        for (PeerConnection peer : List.copyOf(peers)) {
            peer.close("torrent stopped");
        }
        if (handle.state != TorrentState.ERROR) {
            handle.state = TorrentState.STOPPED;
        }
        for (PeerSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing peer source " + source.name() + " failed", e);
            }
        }
    }

    /** Has the disk pool save resume data now, and again after the interval. */
    private void saveResumeSoon() {
        nextResumeNanos = System.nanoTime() + engine.settings().resumeInterval().toNanos();
        PieceStore target = store;
        engine.disk().execute(() -> saveResume(target));
    }

    /** On a disk thread; never while {@link #closeStore} runs, and not at all once it has. */
    private synchronized void saveResume(PieceStore target) {
        if (target != store) {
            return;
        }
        try {
            target.saveResume();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "torrent " + handle.infoHash().hex() + ": cannot save resume data", e);
        }
    }

    /** Closes storage; on the writer (after the queued writes) or after the pool and the writer ended. */
    synchronized void closeStore() {
        if (store != null) {
            closeQuietly(store);
            store = null;
        }
    }

    private static void closeQuietly(PieceStore store) {
        try {
            store.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "closing storage failed", e);
        }
    }
}
