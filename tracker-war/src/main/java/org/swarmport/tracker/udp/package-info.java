/**
 * The UDP tracker protocol (BEP 15) with its URL-data extension (BEP 41), as pure functions
 * over bytes: no sockets, no Jakarta API, so unit tests and fuzzers drive them directly.
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
 */
package org.swarmport.tracker.udp;
