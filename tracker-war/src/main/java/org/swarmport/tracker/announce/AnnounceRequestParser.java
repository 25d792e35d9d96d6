package org.swarmport.tracker.announce;

import org.swarmport.tracker.swarm.AnnounceEvent;
/**
 * Parses the raw query string of {@code GET /announce} (BEP 3) into an
 * {@link AnnounceRequest}, or refuses it with a {@link TrackerRequestException} whose
 * message becomes the {@code failure reason}.
 *
 * <p>Rules beyond the letter of BEP 3, each chosen on purpose:
 * <ul>
 * <li>A query longer than {@value #MAX_QUERY_LENGTH} characters is refused before it is
 *     read. A real announce is about 300 characters; libtorrent adds one {@code ipv4} or
 *     {@code ipv6} per local address, which still leaves room for a dozen.</li>
 * <li>Required: {@code info_hash}, {@code peer_id} (20 bytes each) and {@code port}
 *     (1..65535). Port 0 is refused: a peer nobody can connect to must not be handed out
 *     to others (opentracker accepts it; BEP 3 gives no meaning to it).</li>
 * <li>{@code uploaded} and {@code downloaded} default to 0. {@code left} defaults to
 *     {@link AnnounceRequest#LEFT_UNKNOWN}: the peer counts as a leecher, as in
 *     opentracker, where {@code ot_http.c} starts every peer without the seeding flag and
 *     sets it only when {@code left} is present and 0. Claiming "seeder" for a client that
 *     said nothing would hide it from seeders and inflate the seed count.</li>
 * <li>A known parameter given twice is refused ({@code repeated port}): the first and the
 *     last occurrence could mean different things to a proxy in front and to us, and no
 *     client sends them twice. Exception: {@code ipv4} and {@code ipv6} (BEP 7), which
 *     libtorrent 2 repeats once per local address; the first one is kept.</li>
 * <li>{@code event}: {@code started}, {@code completed}, {@code stopped}; empty, absent,
 *     BEP 21's {@code paused} or any other word is {@link AnnounceEvent#NONE}, as
 *     in opentracker: an unknown event carries nothing the tracker could act on.</li>
 * <li>{@code numwant}: negative means the default ({@value AnnounceRequest#DEFAULT_NUMWANT}),
 *     more than {@value AnnounceRequest#MAX_NUMWANT} is lowered to it; a number outside
 *     the range of a long is refused like any other malformed number.</li>
 * <li>{@code compact} and {@code no_peer_id} are numbers: 0 is false, anything else true.</li>
 * <li>Parameters the tracker does not know ({@code corrupt}, {@code redundant},
 *     {@code supportcrypto}, {@code requirecrypto}, a private tracker's own) are skipped
 *     unread.</li>
 * </ul>
 */
public final class AnnounceRequestParser {

    /** Longest raw query read at all. */
    public static final int MAX_QUERY_LENGTH = 4096;

    /** Longest {@code key} and {@code trackerid}: clients send 8 to 20 bytes. */
    static final int MAX_KEY_LENGTH = 64;

    /** {@code ip} may be a DNS name (BEP 3): 253 characters at most, rounded up. */
    static final int MAX_IP_LENGTH = 255;

    /** {@code ipv4}/{@code ipv6} hints: an address, possibly {@code [addr]:port} (BEP 7). */
    static final int MAX_IP_HINT_LENGTH = 64;

    private static final int INFO_HASH = 1;
    private static final int PEER_ID = 1 << 1;
    private static final int PORT = 1 << 2;
    private static final int UPLOADED = 1 << 3;
    private static final int DOWNLOADED = 1 << 4;
    private static final int LEFT = 1 << 5;
    private static final int EVENT = 1 << 6;
    private static final int NUMWANT = 1 << 7;
    private static final int COMPACT = 1 << 8;
    private static final int NO_PEER_ID = 1 << 9;
    private static final int KEY = 1 << 10;
    private static final int TRACKER_ID = 1 << 11;
    private static final int IP = 1 << 12;

    private AnnounceRequestParser() {
    }

    /**
     * @param rawQuery the query string exactly as received, without the {@code ?}, still
     *                 percent-encoded ({@code HttpServletRequest.getQueryString()});
     *                 {@code null} when there was none
     * @throws TrackerRequestException when the announce cannot be served
     */
    public static AnnounceRequest parse(String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new TrackerRequestException(
                    "invalid query: longer than " + MAX_QUERY_LENGTH + " characters");
        }
        byte[] infoHash = null;
        byte[] peerId = null;
        long port = 0;
        long uploaded = 0;
        long downloaded = 0;
        long left = AnnounceRequest.LEFT_UNKNOWN;
        AnnounceEvent event = AnnounceEvent.NONE;
        long numWant = AnnounceRequest.DEFAULT_NUMWANT;
        boolean compact = true;
        boolean noPeerId = false;
        byte[] key = null;
        byte[] trackerId = null;
        String ip = null;
        String ipv4 = null;
        String ipv6 = null;

        int seen = 0;
        QueryCursor query = new QueryCursor(rawQuery);
        while (query.advance()) {
            if (query.nameIs("info_hash")) {
                seen = once(seen, INFO_HASH, "info_hash");
                infoHash = query.bytesExactly("info_hash", 20);
            } else if (query.nameIs("peer_id")) {
                seen = once(seen, PEER_ID, "peer_id");
                peerId = query.bytesExactly("peer_id", 20);
            } else if (query.nameIs("port")) {
                seen = once(seen, PORT, "port");
                port = query.nonNegativeDecimal("port");
                if (port < 1 || port > 65535) {
                    throw new TrackerRequestException("invalid port: " + port);
                }
            } else if (query.nameIs("uploaded")) {
                seen = once(seen, UPLOADED, "uploaded");
                uploaded = query.nonNegativeDecimal("uploaded");
            } else if (query.nameIs("downloaded")) {
                seen = once(seen, DOWNLOADED, "downloaded");
                downloaded = query.nonNegativeDecimal("downloaded");
            } else if (query.nameIs("left")) {
                seen = once(seen, LEFT, "left");
                left = query.nonNegativeDecimal("left");
            } else if (query.nameIs("event")) {
                seen = once(seen, EVENT, "event");
                event = event(query);
            } else if (query.nameIs("numwant")) {
                seen = once(seen, NUMWANT, "numwant");
                numWant = query.decimal("numwant");
            } else if (query.nameIs("compact")) {
                seen = once(seen, COMPACT, "compact");
                compact = query.nonNegativeDecimal("compact") != 0;
            } else if (query.nameIs("no_peer_id")) {
                seen = once(seen, NO_PEER_ID, "no_peer_id");
                noPeerId = query.nonNegativeDecimal("no_peer_id") != 0;
            } else if (query.nameIs("key")) {
                seen = once(seen, KEY, "key");
                key = query.bytesAtMost("key", MAX_KEY_LENGTH);
            } else if (query.nameIs("trackerid")) {
                seen = once(seen, TRACKER_ID, "trackerid");
                trackerId = query.bytesAtMost("trackerid", MAX_KEY_LENGTH);
            } else if (query.nameIs("ip")) {
                seen = once(seen, IP, "ip");
                ip = query.asciiAtMost("ip", MAX_IP_LENGTH);
            } else if (query.nameIs("ipv4")) {
                String hint = query.asciiAtMost("ipv4", MAX_IP_HINT_LENGTH);
                ipv4 = ipv4 == null ? hint : ipv4;
            } else if (query.nameIs("ipv6")) {
                String hint = query.asciiAtMost("ipv6", MAX_IP_HINT_LENGTH);
                ipv6 = ipv6 == null ? hint : ipv6;
            }
        }

        if (infoHash == null) {
            throw new TrackerRequestException("missing info_hash");
        }
        if (peerId == null) {
            throw new TrackerRequestException("missing peer_id");
        }
        if ((seen & PORT) == 0) {
            throw new TrackerRequestException("missing port");
        }
        if (numWant < 0) {
            numWant = AnnounceRequest.DEFAULT_NUMWANT;
        } else if (numWant > AnnounceRequest.MAX_NUMWANT) {
            numWant = AnnounceRequest.MAX_NUMWANT;
        }
        return new AnnounceRequest(infoHash, peerId, (int) port, uploaded, downloaded, left,
                event, (int) numWant, compact, noPeerId, key, trackerId, ip, ipv4, ipv6);
    }

    private static AnnounceEvent event(QueryCursor query) {
        if (query.valueIsEmpty()) {
            return AnnounceEvent.NONE;
        }
        if (query.valueIs("event", "started")) {
            return AnnounceEvent.STARTED;
        }
        if (query.valueIs("event", "completed")) {
            return AnnounceEvent.COMPLETED;
        }
        if (query.valueIs("event", "stopped")) {
            return AnnounceEvent.STOPPED;
        }
        return AnnounceEvent.NONE;
    }

    private static int once(int seen, int flag, String param) {
        if ((seen & flag) != 0) {
            throw new TrackerRequestException("repeated " + param);
        }
        return seen | flag;
    }
}
