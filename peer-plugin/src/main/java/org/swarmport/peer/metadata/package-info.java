/**
 * Metadata exchange (BEP 9 {@code ut_metadata}): downloading a torrent's info dictionary from
 * peers when all we have is a magnet link. {@link org.swarmport.peer.metadata.MetadataMessage}
 * is the wire codec (request, data, reject), pure over bytes;
 * {@link org.swarmport.peer.metadata.MetadataAssembler} collects pieces from any number of
 * peers and turns them into a {@link org.swarmport.peer.metainfo.Metainfo} only once they hash
 * to the magnet's info-hash. The engine does the BEP 10 handshake and framing.
 */
package org.swarmport.peer.metadata;
