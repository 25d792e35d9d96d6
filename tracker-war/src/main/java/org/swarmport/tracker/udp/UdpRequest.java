package org.swarmport.tracker.udp;

import java.util.Arrays;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * A BEP 15 request, parsed by {@link UdpRequestParser}. Byte arrays are the parser's own
 * copies; the records do not copy them again, so treat them as read-only (and mind that a
 * record's {@code equals} compares arrays by identity).
 */
public sealed interface UdpRequest {

    /** The {@code protocol_id} a connect request carries in place of a connection id. */
    long PROTOCOL_ID = 0x41727101980L;

    int ACTION_CONNECT = 0;
    int ACTION_ANNOUNCE = 1;
    int ACTION_SCRAPE = 2;
    int ACTION_ERROR = 3;

    int INFO_HASH_LENGTH = 20;
    int PEER_ID_LENGTH = 20;

    int transactionId();

    /** BEP 15 connect: asks for a connection id. */
    record Connect(int transactionId) implements UdpRequest {
    }

    /**
     * BEP 15 announce. The layout is the same over IPv6: BEP 15 keeps the 32-bit IP field,
     * which is then of no use.
     *
     * @param ipAddress the 32-bit IPv4 address field as sent, 0 meaning "the sender's"; the
     *        server decides whether to honour a non-zero value
     * @param numWant as sent; -1 asks for the tracker's default, other negatives mean the same
     * @param port unsigned, 0–65535
     * @param urlData the BEP 41 path and query (for example {@code /passkey/announce}),
     *        concatenated from every URLData option, one char per byte (ISO-8859-1); empty
     *        when the request carries none
     */
    record Announce(
            long connectionId,
            int transactionId,
            byte[] infoHash,
            byte[] peerId,
            long downloaded,
            long left,
            long uploaded,
            AnnounceEvent event,
            int ipAddress,
            int key,
            int numWant,
            int port,
            String urlData) implements UdpRequest {
    }

    /**
     * BEP 15 scrape of 1 to {@link UdpRequestParser#MAX_SCRAPE_HASHES} info-hashes.
     *
     * @param infoHashes the hashes back to back, 20 bytes each, in request order
     */
    record Scrape(long connectionId, int transactionId, byte[] infoHashes) implements UdpRequest {

        public int count() {
            return infoHashes.length / INFO_HASH_LENGTH;
        }

        /** A copy of the {@code index}-th info-hash. */
        public byte[] infoHash(int index) {
            int from = index * INFO_HASH_LENGTH;
            return Arrays.copyOfRange(infoHashes, from, from + INFO_HASH_LENGTH);
        }
    }
}
