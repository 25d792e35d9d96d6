package org.swarmport.tracker.ws;

import java.time.Duration;

/**
 * What one browser peer may ask of the WebSocket tracker. None is a setting: they bound what
 * a hostile client costs, and well-behaved WebTorrent clients stay far inside them.
 *
 * @param maxMessageChars         longest text message, however framed; a longer one closes the
 *                                socket (1009, message too big). An offer's SDP is 0.5–3 KB,
 *                                so 64 KiB holds ten offers with room
 * @param maxOffers               offers relayed per announce; further ones are dropped.
 *                                webtorrent's client sends at most 5 (websocket-tracker.js
 *                                caps its numwant at 5), bittorrent-tracker's server relays up
 *                                to 82; 10 leaves headroom while one message fans out to at
 *                                most 10 sockets
 * @param maxConnectionsPerAddress sockets open from one client address at once; more are closed
 *                                with 1008 (policy violation). One WebTorrent client opens one
 *                                socket per tracker URL, so 20 leaves room for many tabs or a NAT
 * @param maxSwarmsPerConnection  swarms one socket may be in (webtorrent shares one socket among
 *                                all the torrents of a client)
 * @param idleTimeout             a socket silent this long is closed; clients announce every
 *                                {@link WsTracker#INTERVAL_SECONDS} s
 * @param maxPendingSends         relayed messages waiting for a slow reader before it is closed
 */
record WsLimits(int maxMessageChars, int maxOffers, int maxConnectionsPerAddress, int maxSwarmsPerConnection,
                Duration idleTimeout, int maxPendingSends) {

    static final int MAX_MESSAGE_CHARS = 64 * 1024;

    static final WsLimits DEFAULT = new WsLimits(MAX_MESSAGE_CHARS, 10, 20, 100, Duration.ofMinutes(5), 256);
}
