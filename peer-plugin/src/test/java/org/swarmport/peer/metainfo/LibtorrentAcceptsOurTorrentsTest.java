package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.interop.RealTools;

/**
 * Torrents our builder writes, loaded by libtorrent (python3-libtorrent): libtorrent must read
 * the same info-hashes we computed, and its own hash check of the content must find every
 * piece good. Skipped where libtorrent is not installed, except in CI ({@code CI=true}), where
 * a missing libtorrent fails the test: the CI script installs it, so its absence is a broken
 * setup, not a reason to stop checking.
 */
class LibtorrentAcceptsOurTorrentsTest {


    @Test
    void libtorrentReadsOurInfoHashesAndFindsEveryPieceGood_BEP3_BEP52() throws Exception {
        RealTools.requireLibtorrent();
        Path work = Files.createDirectories(Path.of("target", "libtorrent-check"));
        Path content = work.resolve("content");
        for (Map.Entry<FilePath, byte[]> file : CorpusContent.multi().entrySet()) {
            Path target = content.resolve("multi").resolve(String.join("/", file.getKey().components()));
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.write(content.resolve("single.bin"), CorpusContent.single());

        Map<String, Metainfo> written = new LinkedHashMap<>();
        for (MetainfoVersion version : MetainfoVersion.values()) {
            written.put("ours-" + version + "-single.torrent",
                    MetainfoBuilder.singleFile("single.bin", ContentSource.of(CorpusContent.single())).version(version)
                            .tracker("http://tracker.example/announce").build());
            written.put("ours-" + version + "-multi.torrent",
                    CorpusContent.multiBuilder().version(version).pieceLength(16 * 1024).privateTorrent(true)
                            .webSeed("http://seed.example/").build());
        }
        // Pad placement around empty files, and a file of exactly one piece, for hybrids.
        Path odd = content.resolve("odd");
        Files.createDirectories(odd);
        Files.write(odd.resolve("a"), CorpusContent.bytes(100, "odd-a"));
        Files.write(odd.resolve("b"), new byte[0]);
        Files.write(odd.resolve("c"), CorpusContent.bytes(16 * 1024, "odd-c"));
        Files.write(odd.resolve("d"), new byte[0]);
        Files.write(odd.resolve("e"), CorpusContent.bytes(7, "odd-e"));
        for (MetainfoVersion version : MetainfoVersion.values()) {
            written.put("ours-" + version + "-odd.torrent", MetainfoBuilder.of(odd).version(version).build());
        }
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON, script().toString(), content.toString()));
        for (Map.Entry<String, Metainfo> torrent : written.entrySet()) {
            Path file = work.resolve(torrent.getKey());
            Files.write(file, torrent.getValue().rawBytes());
            command.add(file.toString());
        }

        List<String> lines = RealTools.output(command, 60);
        assertEquals(written.size(), lines.size(), "one line per torrent: " + lines);
        for (String line : lines) {
            String[] f = line.split("\t");
            Metainfo ours = written.get(f[0]);
            assertEquals(ours.infoHashV1().map(InfoHash::hex).orElse("-"), f[1], f[0] + " v1");
            assertEquals(ours.infoHashV2().map(InfoHash::hex).orElse("-"), f[2], f[0] + " v2");
            assertEquals("complete", f[3], f[0] + ": libtorrent's hash check of the content");
        }
    }

    private static Path script() throws IOException {
        Path script = Path.of("target", "libtorrent-check", "libtorrent-check.py");
        Files.write(script, ToolCorpusTest.resource("/metainfo/libtorrent-check.py"));
        return script;
    }
}
