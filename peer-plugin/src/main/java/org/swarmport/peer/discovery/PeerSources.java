package org.swarmport.peer.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The peer sources available to the engine: the {@link PeerSourceProvider}s found by
 * {@link ServiceLoader}, or a fixed list an embedding program chooses.
 */
public final class PeerSources {

    private final List<PeerSourceProvider> providers;

    private PeerSources(List<PeerSourceProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** Every provider on the class path of this class's loader, the built-in tracker source among them. */
    public static PeerSources load() {
        return load(PeerSources.class.getClassLoader());
    }

    public static PeerSources load(ClassLoader loader) {
        List<PeerSourceProvider> found = new ArrayList<>();
        ServiceLoader.load(PeerSourceProvider.class, loader).forEach(found::add);
        return new PeerSources(found);
    }

    public static PeerSources of(List<PeerSourceProvider> providers) {
        return new PeerSources(providers);
    }

    public List<PeerSourceProvider> providers() {
        return providers;
    }

    /** A source from each provider that has one for {@code torrent}; none started yet. */
    public List<PeerSource> open(PeerSourceContext torrent) {
        List<PeerSource> sources = new ArrayList<>();
        for (PeerSourceProvider provider : providers) {
            provider.open(torrent).ifPresent(sources::add);
        }
        return sources;
    }
}
