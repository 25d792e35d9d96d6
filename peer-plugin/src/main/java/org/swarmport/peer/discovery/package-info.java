/**
 * Peer discovery: the {@link org.swarmport.peer.discovery.PeerSource} SPI through which the
 * engine gets peer addresses for a torrent, found by {@link java.util.ServiceLoader} as
 * {@link org.swarmport.peer.discovery.PeerSourceProvider}s
 * ({@link org.swarmport.peer.discovery.PeerSources#load()}), and the built-in tracker-backed
 * source. Plain interfaces and records: a source knows nothing of the engine's classes. Also the
 * peer address forms every source shares: compact binary
 * ({@link org.swarmport.peer.discovery.CompactPeers}, BEP 23 and BEP 7) and text
 * ({@link org.swarmport.peer.discovery.PeerAddress}).
 */
package org.swarmport.peer.discovery;
