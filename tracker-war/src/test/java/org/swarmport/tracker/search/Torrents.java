package org.swarmport.tracker.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.swarmport.tracker.catalogue.CatalogueSource;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.Category;

/** Catalogued torrents for tests, with hashes derived from the id. */
final class Torrents {

    private Torrents() {
    }

    static String v1(long id) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(20).putLong(12, id).array());
    }

    static String v2(long id) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(0, 0x5eedL).putLong(24, id).array());
    }

    static CataloguedTorrent torrent(long id, String name, String... files) {
        return new CataloguedTorrent(id, v1(id), v2(id), v1(id), name, "", Category.MOVIES, List.of(), List.of(files),
                1000L * id, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusDays(id), 0, 0, 0);
    }

    static CataloguedTorrent with(CataloguedTorrent t, Category category, List<String> tags, long seeders, long leechers) {
        return new CataloguedTorrent(t.id(), t.infoHashV1(), t.infoHashV2(), t.swarmHash(), t.name(), t.description(),
                category, tags, t.files(), t.totalSize(), t.addedAt(), seeders, leechers, t.completed());
    }

    /** A catalogue held in a list, in id order, like the database's. */
    static class ListSource implements CatalogueSource {

        final List<CataloguedTorrent> torrents = new ArrayList<>();
        int passes;

        ListSource(List<CataloguedTorrent> torrents) {
            this.torrents.addAll(torrents);
        }

        @Override
        public void forEach(Consumer<CataloguedTorrent> sink) {
            passes++;
            torrents.forEach(sink);
        }

        @Override
        public long count() {
            return torrents.size();
        }
    }
}
