package org.swarmport.peer.pex;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A peer as PEX advertises it (BEP 11): its address and the one-byte flags of
 * {@code added.f}/{@code added6.f}. Identity is the address alone, so a peer whose flags
 * change is not advertised twice.
 */
public record PexPeer(InetSocketAddress address, int flags) {

    /** Prefers encryption, as its extension handshake's {@code e} said. */
    public static final int PREFERS_ENCRYPTION = 0x01;
    /** Seed or upload-only. */
    public static final int SEED = 0x02;
    public static final int SUPPORTS_UTP = 0x04;
    /** Announced {@code ut_holepunch} in its extension handshake. */
    public static final int SUPPORTS_HOLEPUNCH = 0x08;
    /** We connected to it, so it is reachable. */
    public static final int REACHABLE = 0x10;

    public PexPeer {
        Objects.requireNonNull(address, "address");
        if (flags < 0 || flags > 0xff) {
            throw new IllegalArgumentException("PEX flags are one byte: " + flags);
        }
    }

    public static PexPeer of(InetSocketAddress address) {
        return new PexPeer(address, 0);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PexPeer peer && address.equals(peer.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}
