package org.swarmport.peer.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.swarm.PieceFailure;
import org.swarmport.peer.swarm.PiecePicker;
import org.swarmport.peer.webseed.RangeFetcher;
import org.swarmport.peer.webseed.WebSeedException;
import org.swarmport.peer.webseed.WebSeedLayout;
import org.swarmport.peer.webseed.WebSeedUrl;

/**
 * A torrent's web seeds (BEP 19 {@code url-list}), started once its storage is open. A URL
 * that cannot be used (not http or https, no host) is listed as dropped with the reason rather
 * than failing the torrent. The HTTP client is made only for a torrent that has a web seed.
 * On the network thread.
 */
final class WebSeeds {

    private final List<WebSeed> seeds = new ArrayList<>();
    private final List<WebSeedInfo> unusable = new ArrayList<>();

    WebSeeds(TorrentSession session, Metainfo metainfo, PiecePicker<BlockSource> picker, Supplier<RangeFetcher> fetcher,
             java.util.concurrent.Executor loop) {
        for (String url : metainfo.webSeeds()) {
            try {
                WebSeedLayout layout = WebSeedLayout.of(metainfo, WebSeedUrl.parse(url));
                seeds.add(new WebSeed(session, layout, fetcher.get(), loop, picker, metainfo.pieceLength()));
            } catch (WebSeedException | IllegalArgumentException e) {
                unusable.add(new WebSeedInfo(url, WebSeedInfo.State.DROPPED, 0, 0, 0, Optional.of(e.getMessage())));
            }
        }
    }

    boolean isEmpty() {
        return seeds.isEmpty();
    }

    void fill(long now) {
        for (WebSeed seed : seeds) {
            seed.fill(now);
        }
    }

    void tick(long now) {
        for (WebSeed seed : seeds) {
            seed.tick(now);
            seed.fill(now);
        }
    }

    /**
     * A piece failed its hash check: each web seed that sent a block of it is dropped. Answers
     * whether there was one; the peers that shared the piece are then not blamed for it, since a
     * server with a changed file is by far the likelier cause.
     */
    boolean pieceFailed(PieceFailure<BlockSource> failure) {
        boolean any = false;
        for (BlockSource sender : failure.contributors()) {
            if (sender instanceof WebSeed seed) {
                seed.drop("sent data of piece " + failure.piece() + " that failed its hash check");
                any = true;
            }
        }
        return any;
    }

    void stop() {
        seeds.forEach(WebSeed::stop);
    }

    List<WebSeedInfo> infos() {
        List<WebSeedInfo> infos = new ArrayList<>(seeds.size() + unusable.size());
        seeds.forEach(seed -> infos.add(seed.info()));
        infos.addAll(unusable);
        return List.copyOf(infos);
    }
}
