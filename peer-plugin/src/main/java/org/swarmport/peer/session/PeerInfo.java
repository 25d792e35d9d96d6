package org.swarmport.peer.session;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A snapshot of one connected peer, for display ({@link TorrentHandle#peers()}).
 *
 * @param address       where the peer is
 * @param client        the name its extension handshake gives ({@code v}, BEP 10), if any
 * @param outgoing      whether we opened the connection
 * @param downloadRate  bytes per second we receive from it
 * @param uploadRate    bytes per second we send it
 * @param peerChoking   it chokes us
 * @param amChoking     we choke it
 * @param outstanding   our block requests it has not answered
 */
public record PeerInfo(InetSocketAddress address, Optional<String> client, boolean outgoing, double downloadRate,
                       double uploadRate, boolean peerChoking, boolean amChoking, int outstanding) {
}
