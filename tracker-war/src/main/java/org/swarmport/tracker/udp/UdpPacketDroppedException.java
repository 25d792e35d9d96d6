package org.swarmport.tracker.udp;

/**
 * A datagram the tracker answers with nothing: too short to carry a transaction id, a connect
 * without the BEP 15 protocol id, or a packet a tracker never receives from a client (an
 * error, action 3 — answering it could start a loop between two trackers). The message is for
 * logs and counters only.
 *
 * <p>No stack trace is captured: any host on the internet can cause this for every packet.
 */
public final class UdpPacketDroppedException extends Exception {

    private static final long serialVersionUID = 1L;

    public UdpPacketDroppedException(String reason) {
        super(reason, null, false, false);
    }
}
