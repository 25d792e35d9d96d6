/**
 * Bencode, the serialization of BitTorrent (BEP 3): integers, byte strings, lists and
 * dictionaries.
 *
 * <p>Start with {@link org.swarmport.peer.bencode.BDecoder} (bytes to values, strict and
 * bounded by {@link org.swarmport.peer.bencode.BencodeLimits}) and
 * {@link org.swarmport.peer.bencode.BEncoder} (values or primitive calls to bytes). Values are
 * the four immutable types of the sealed {@link org.swarmport.peer.bencode.BValue}.
 *
 * <p>The decoder accepts only the canonical encoding, so that decoding then encoding gives
 * back the same bytes; that is what makes an info-hash stable. It still remembers the raw byte
 * span of each dictionary ({@link org.swarmport.peer.bencode.BDictionary#rawStart()}), and the
 * info-hash must be computed over that span, never over a re-encoding.
 *
 * <p>Every defect in the input is reported as a {@link org.swarmport.peer.bencode.BencodeException}
 * whose message is short enough to show to a user (a tracker {@code failure reason}, an HTTP 400).
 */
package org.swarmport.peer.bencode;
