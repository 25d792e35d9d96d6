package org.swarmport.tracker.announce;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.List;

/**
 * {@link RealClientsIT} over the UDP tracker (BEP 15): the torrent names only
 * {@code udp://127.0.0.1:<SWARMPORT_UDP_PORT>/announce}, so libtorrent and aria2 find each
 * other through it alone, and complete the transfer both ways. The same requirements: the
 * two clients, or a failure when {@code CI=true}.
 *
 * <p>aria2 speaks to UDP trackers only with its DHT on ("udp is not supported yet"
 * otherwise; aria2/aria2#1491: the tracker client uses the DHT's socket). Its DHT here starts
 * from an empty routing table (a file of its own that does not exist yet, which aria2 logs as
 * an error it cannot load) and no entry point, and libtorrent's DHT is
 * off, so it finds nobody: the tracker is still the only way in.
 */
class RealClientsUdpIT extends RealClientsIT {

    @Override
    String announceUrl(URL base, boolean ownPort) {
        return "udp://127.0.0.1:" + Integer.getInteger("swarmport.udp.port", 6969) + "/announce";
    }

    @Override
    List<String> aria2Dht() throws IOException {
        int port;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = socket.getLocalPort();
        }
        return List.of("--enable-dht=true",
                "--dht-listen-port=" + port,
                "--dht-file-path=" + WORK.resolve("aria2-dht-" + port + ".dat"));
    }
}
