package org.swarmport.tracker.udp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.swarmport.tracker.swarm.AnnounceEvent;

/**
 * Parses one BEP 15 datagram. All integers are big-endian.
 *
 * <p>Outcomes, and nothing else (the fuzz test holds the parser to this):
 * <ul>
 * <li>a {@link UdpRequest};</li>
 * <li>{@link UdpPacketDroppedException}: shorter than the 16-byte header (no transaction id to
 *     answer), a connect without the protocol id, or an error packet (action 3);</li>
 * <li>{@link UdpRequestException}: anything else malformed — unknown action, announce shorter
 *     than 98 bytes, unknown event, malformed BEP 41 options, URL data over
 *     {@link #MAX_URL_DATA} bytes, scrape of no hash or more than {@link #MAX_SCRAPE_HASHES}.</li>
 * </ul>
 *
 * <p>Bytes after the fixed part: BEP 15 says packets may grow, so a connect ignores whatever
 * follows its 16 bytes and a scrape ignores a trailing piece shorter than a whole info-hash.
 * After an announce's 98 bytes the only extension defined is BEP 41's options, so they are
 * parsed strictly: a truncated option is refused rather than half-used, since a cut URL path
 * would name another passkey.
 *
 * <p>The option loop consumes at least one byte per step, so it ends within the packet's
 * length (at most 65,507 bytes); URL data is copied into one buffer of at most
 * {@link #MAX_URL_DATA} bytes, allocated only when a URLData option appears.
 */
public final class UdpRequestParser {

    public static final int HEADER_LENGTH = 16;
    public static final int ANNOUNCE_LENGTH = 98;

    /**
     * BEP 15: "Up to about 74 torrents can be scraped at once. A full scrape can't be done
     * with this protocol." 8 + 12 · 74 = 896 bytes of answer.
     */
    public static final int MAX_SCRAPE_HASHES = 74;

    /** Bound on the concatenated BEP 41 URL data: one option's length byte worth. */
    public static final int MAX_URL_DATA = 255;

    /** BEP 15 numbers the events in {@link AnnounceEvent}'s declaration order. */
    private static final AnnounceEvent[] EVENTS = AnnounceEvent.values();

    static final int OPTION_END = 0x0;
    static final int OPTION_NOP = 0x1;
    static final int OPTION_URL_DATA = 0x2;

    private UdpRequestParser() {
    }

    /**
     * Parses {@code packet[0, length)}.
     *
     * @throws IllegalArgumentException if {@code length} is outside {@code [0, packet.length]}
     */
    public static UdpRequest parse(byte[] packet, int length)
            throws UdpRequestException, UdpPacketDroppedException {
        if (length < 0 || length > packet.length) {
            throw new IllegalArgumentException("length " + length + " outside packet of " + packet.length);
        }
        if (length < HEADER_LENGTH) {
            throw new UdpPacketDroppedException("shorter than 16 bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(packet, 0, length);
        long connectionId = in.getLong(0);
        int action = in.getInt(8);
        int transactionId = in.getInt(12);
        switch (action) {
            case UdpRequest.ACTION_CONNECT:
                if (connectionId != UdpRequest.PROTOCOL_ID) {
                    throw new UdpPacketDroppedException("connect without protocol id");
                }
                return new UdpRequest.Connect(transactionId);
            case UdpRequest.ACTION_ANNOUNCE:
                return announce(in, packet, length, connectionId, transactionId);
            case UdpRequest.ACTION_SCRAPE:
                return scrape(packet, length, connectionId, transactionId);
            case UdpRequest.ACTION_ERROR:
                throw new UdpPacketDroppedException("error packet from a client");
            default:
                throw new UdpRequestException(transactionId, connectionId, "unknown action");
        }
    }

    private static UdpRequest.Announce announce(
            ByteBuffer in, byte[] packet, int length, long connectionId, int transactionId)
            throws UdpRequestException {
        if (length < ANNOUNCE_LENGTH) {
            throw new UdpRequestException(transactionId, connectionId, "announce shorter than 98 bytes");
        }
        int eventCode = in.getInt(80);
        if (eventCode < 0 || eventCode >= EVENTS.length) {
            throw new UdpRequestException(transactionId, connectionId, "unknown event");
        }
        AnnounceEvent event = EVENTS[eventCode];
        String urlData = urlData(packet, length, connectionId, transactionId);
        return new UdpRequest.Announce(
                connectionId,
                transactionId,
                Arrays.copyOfRange(packet, 16, 36),
                Arrays.copyOfRange(packet, 36, 56),
                in.getLong(56),
                in.getLong(64),
                in.getLong(72),
                event,
                in.getInt(84),
                in.getInt(88),
                in.getInt(92),
                in.getShort(96) & 0xFFFF,
                urlData);
    }

    /** BEP 41 options after the announce's fixed 98 bytes. */
    private static String urlData(byte[] packet, int length, long connectionId, int transactionId)
            throws UdpRequestException {
        byte[] url = null;
        int urlLength = 0;
        int pos = ANNOUNCE_LENGTH;
        while (pos < length) {
            int type = packet[pos++] & 0xFF;
            if (type == OPTION_END) {
                break;
            }
            if (type == OPTION_NOP) {
                continue;
            }
            // BEP 41: every option but EndOfOptions and NOP has a length byte, so options
            // this tracker does not know are skipped.
            if (pos >= length) {
                throw new UdpRequestException(transactionId, connectionId, "truncated option");
            }
            int optionLength = packet[pos++] & 0xFF;
            if (optionLength > length - pos) {
                throw new UdpRequestException(transactionId, connectionId, "truncated option");
            }
            if (type == OPTION_URL_DATA) {
                if (optionLength > MAX_URL_DATA - urlLength) {
                    throw new UdpRequestException(transactionId, connectionId, "url data too long");
                }
                if (url == null) {
                    url = new byte[MAX_URL_DATA];
                }
                System.arraycopy(packet, pos, url, urlLength, optionLength);
                urlLength += optionLength;
            }
            pos += optionLength;
        }
        return url == null ? "" : new String(url, 0, urlLength, StandardCharsets.ISO_8859_1);
    }

    private static UdpRequest.Scrape scrape(byte[] packet, int length, long connectionId, int transactionId)
            throws UdpRequestException {
        int count = (length - HEADER_LENGTH) / UdpRequest.INFO_HASH_LENGTH;
        if (count == 0) {
            throw new UdpRequestException(transactionId, connectionId, "scrape without info hash");
        }
        if (count > MAX_SCRAPE_HASHES) {
            throw new UdpRequestException(transactionId, connectionId, "more than 74 info hashes");
        }
        byte[] hashes = Arrays.copyOfRange(packet, HEADER_LENGTH,
                HEADER_LENGTH + count * UdpRequest.INFO_HASH_LENGTH);
        return new UdpRequest.Scrape(connectionId, transactionId, hashes);
    }
}
