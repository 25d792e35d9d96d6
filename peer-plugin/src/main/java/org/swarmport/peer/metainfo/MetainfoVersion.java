package org.swarmport.peer.metainfo;

/** Which of the two metainfo formats a torrent carries. */
public enum MetainfoVersion {
    /** BEP 3: a file list (or one file) and SHA-1 piece hashes. */
    V1,
    /** BEP 52 only: {@code meta version} 2, a file tree with per-file SHA-256 merkle roots. */
    V2,
    /** Both formats over the same, piece-aligned files (BEP 52 "upgrade path"); two info-hashes, one swarm. */
    HYBRID;

    public boolean hasV1() {
        return this != V2;
    }

    public boolean hasV2() {
        return this != V1;
    }
}
