/**
 * Message stream encryption (MSE, also called protocol encryption or PE): the obfuscated
 * handshake Azureus introduced and every major client speaks, so that a connection looks like
 * random bytes from its first byte. A Diffie-Hellman exchange over a fixed 768-bit group gives a
 * shared secret; RC4 keyed from it and the torrent's info-hash encrypts the rest of the handshake
 * and, if both sides select it, the whole payload stream.
 *
 * <p>Start at {@link org.swarmport.peer.crypto.MseHandshake}: a state machine over byte buffers,
 * with no I/O, for the initiator and the responder, under an
 * {@link org.swarmport.peer.crypto.EncryptionPolicy}. When it is done, its
 * {@link org.swarmport.peer.crypto.NegotiatedStream} gives the two
 * {@link org.swarmport.peer.crypto.WireCipher}s of the connection. The responder finds the
 * torrent through a {@link org.swarmport.peer.crypto.SkeyIndex}, and tells a plaintext BEP 3
 * handshake from an MSE one by {@link org.swarmport.peer.crypto.IncomingKind}. Bouncy Castle
 * provides the Diffie-Hellman arithmetic and RC4, which the JDK lacks.
 *
 * <p>Limits from the specification, enforced against hostile peers: padding (PadA to PadD) at
 * most 512 bytes, so each side looks for the other's synchronisation marker within 512 bytes; the
 * initial payload at most 65535 bytes (its length field has two bytes). Nothing read from the
 * wire allocates more than that.
 */
package org.swarmport.peer.crypto;
