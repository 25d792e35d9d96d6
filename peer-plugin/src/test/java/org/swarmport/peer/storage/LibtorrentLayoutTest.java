package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * Our piece map against libtorrent's own (python3-libtorrent): every piece's size on the wire and
 * every file's place in piece space must agree, or a libtorrent peer would ask for bytes we call
 * out of range. The corpus holds v1, v2-only (whose last piece libtorrent pads to a whole piece)
 * and hybrid torrents with pad files. And the files we write must be what libtorrent finds complete.
 */
class LibtorrentLayoutTest {

    @Test
    void pieceSizesAndFileOffsetsAreLibtorrents_BEP3_BEP47_BEP52() throws Exception {
        RealTools.requireLibtorrent();
        Path corpus = corpus();
        List<Path> torrents = new ArrayList<>();
        try (var listing = Files.list(corpus)) {
            listing.filter(path -> path.toString().endsWith(".torrent")).sorted().forEach(torrents::add);
        }
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON, script().toString()));
        torrents.forEach(path -> command.add(path.toString()));
        List<String> libtorrent = RealTools.output(command, 60);
        List<String> ours = new ArrayList<>();
        for (Path torrent : torrents) {
            ours.add(layout(torrent));
        }
        assertEquals(torrents.size(), ours.size());
        assertEquals(libtorrent, ours);
    }

    @Test
    void filesWeWriteBlockByBlockAreCompleteForLibtorrent(@TempDir Path directory) throws Exception {
        RealTools.requireLibtorrent();
        for (String name : List.of("libtorrent-hybrid-multi", "libtorrent-v2-multi", "transmission-multi")) {
            Content content = ToolCorpusStorageTest.corpus(name);
            Path saveTo = Files.createDirectory(directory.resolve(name));
            try (TorrentStorage storage = TorrentStorage.open(content.metainfo, saveTo)) {
                content.download(storage);
                assertTrue(storage.recheck(RecheckListener.NONE).isComplete(), name);
            }
            Path torrent = corpus().resolve(name + ".torrent");
            List<String> lines = RealTools.output(List.of(RealTools.PYTHON,
                    resource("/metainfo/libtorrent-check.py").toString(), saveTo.toString(), torrent.toString()), 60);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).endsWith("\tcomplete"), name + ": libtorrent says " + lines.get(0));
        }
    }

    private static String layout(Path torrent) throws Exception {
        Metainfo metainfo = MetainfoParser.parse(Files.readAllBytes(torrent));
        PieceMap map = PieceMap.of(metainfo);
        StringJoiner sizes = new StringJoiner(",");
        for (int piece = 0; piece < map.pieceCount(); piece++) {
            sizes.add(Integer.toString(map.pieceSize(piece)));
        }
        StringJoiner offsets = new StringJoiner("|");
        for (FileEntry file : metainfo.files()) {
            if (!file.padding() && file.length() > 0) {
                offsets.add(file.path() + "=" + file.offset());
            }
        }
        return torrent.getFileName() + "\t" + sizes + "\t" + offsets;
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(LibtorrentLayoutTest.class.getResource("/metainfo/tools/manifest.tsv").toURI()).getParent();
    }

    private static Path script() throws URISyntaxException {
        return resource("/storage/libtorrent-layout.py");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LibtorrentLayoutTest.class.getResource(name).toURI());
    }
}
