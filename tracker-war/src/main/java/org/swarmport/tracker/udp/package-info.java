/**
 * The UDP tracker (BEP 15) with its URL-data extension (BEP 41): the protocol as pure
 * functions over bytes, no sockets, no Jakarta API, so unit tests and fuzzers drive them
 * directly; {@link org.swarmport.tracker.udp.UdpTracker}, the answer to one datagram; and the
 * thin shells that put it on a port: {@link org.swarmport.tracker.udp.UdpServer} (sockets and
 * threads) and {@link org.swarmport.tracker.udp.UdpListener} (started and stopped with the war).
 *
 * <p>Start with {@link org.swarmport.tracker.udp.UdpRequestParser}: a datagram becomes a
 * {@link org.swarmport.tracker.udp.UdpRequest}, a
 * {@link org.swarmport.tracker.udp.UdpRequestException} (answer with an error packet) or a
 * {@link org.swarmport.tracker.udp.UdpPacketDroppedException} (answer nothing).
 * {@link org.swarmport.tracker.udp.UdpResponse} writes the answers into a caller's buffer,
 * {@link org.swarmport.tracker.udp.ConnectionIdIssuer} issues and checks the stateless
 * connection ids.
 *
 * <p>What the server around them must do, in this order, for each datagram:
 * <ol>
 * <li>parse; on {@code UdpPacketDroppedException} send nothing;</li>
 * <li>for anything but a connect (including a {@code UdpRequestException}), check the
 *     connection id with {@code ConnectionIdIssuer.isValid} against the sender's address and
 *     port, and send nothing if it fails: answering unverified senders would let spoofed
 *     packets turn the tracker into a reflector;</li>
 * <li>answer from the swarm registry, with peers of the socket's address family (BEP 15), and
 *     never more than {@link org.swarmport.tracker.udp.UdpResponse#IPV6_SAFE_DATAGRAM_BYTES}.</li>
 * </ol>
 * {@code UdpTracker} does exactly this.
 *
 * <p>BEP 41 URL data (the path and query of a {@code udp://host:port/path?query} announce
 * URL) is parsed and carried in {@link org.swarmport.tracker.udp.UdpRequest.Announce#urlData()},
 * and nothing reads it yet: passkeys (private mode) come with a later issue. The option
 * rules the parser follows are BEP 41's, checked against its text: option types up to 0x1
 * (EndOfOptions, NOP) never have a length byte, types from 0x2 on always do (so unknown ones
 * are skipped), a length may be zero, and URLData options are concatenated in order. One
 * deliberate limit: BEP 41 lets URL data run past 255 bytes in several options; this tracker
 * refuses more than {@link org.swarmport.tracker.udp.UdpRequestParser#MAX_URL_DATA} in all,
 * which any passkey path fits.
 */
package org.swarmport.tracker.udp;
