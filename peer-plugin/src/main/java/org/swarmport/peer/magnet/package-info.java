/**
 * Magnet links (BEP 9, with BEP 52's {@code btmh} and BEP 53's {@code so}): start at
 * {@link org.swarmport.peer.magnet.MagnetLink#parse(String)}. A link only names a torrent;
 * the engine finds peers with its trackers and {@code x.pe} addresses and fetches the info
 * dictionary with {@code ut_metadata} ({@link org.swarmport.peer.metadata}).
 */
package org.swarmport.peer.magnet;
