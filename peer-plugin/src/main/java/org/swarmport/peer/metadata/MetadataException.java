package org.swarmport.peer.metadata;

/**
 * A {@code ut_metadata} message or assembled metadata that must be refused (BEP 9): malformed,
 * beyond the limits, inconsistent with the announced size, or not hashing to the magnet
 * link's info-hash. The message says which; the peer that caused it may be dropped.
 */
public final class MetadataException extends Exception {

    private static final String PREFIX = "ut_metadata: ";

    public MetadataException(String defect) {
        super(PREFIX + defect);
    }

    public MetadataException(String defect, Throwable cause) {
        super(PREFIX + defect, cause);
    }
}
