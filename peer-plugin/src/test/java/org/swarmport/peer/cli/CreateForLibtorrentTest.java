package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * Torrents made by {@code swarmport-peer create}, handed to libtorrent (python3-libtorrent): it
 * must compute the info-hashes the command printed and find every piece of the content good.
 */
class CreateForLibtorrentTest {

    @Test
    void libtorrentReadsOurHashesAndChecksTheContentComplete_BEP3_BEP52(@TempDir Path work) throws Exception {
        RealTools.requireLibtorrent();
        Path content = CreateCommandTest.multiFileContent(work);
        List<String> command = new ArrayList<>(List.of(RealTools.PYTHON,
                InfoCommandTest.corpus("libtorrent-check.py").toString(), work.toString()));
        List<String> expected = new ArrayList<>();
        for (String version : List.of("v1", "v2", "hybrid")) {
            Path torrent = work.resolve(version + ".torrent");
            Cli cli = Cli.run("create", content.toString(), "-o", torrent.toString(), "--meta-version", version,
                    "-p", "16K", "-t", "http://tracker.example/announce", "-w", "http://seed.example/", "--private");
            assertEquals(ExitStatus.OK, cli.status(), cli.both());
            Metainfo ours = MetainfoParser.parse(java.nio.file.Files.readAllBytes(torrent));
            command.add(torrent.toString());
            expected.add(String.join("\t", torrent.getFileName().toString(),
                    ours.infoHashV1().map(h -> h.hex()).orElse("-"), ours.infoHashV2().map(h -> h.hex()).orElse("-"),
                    "complete"));
            // The hashes printed are the hashes in the file.
            ours.infoHashV1().ifPresent(h -> org.junit.jupiter.api.Assertions.assertTrue(cli.out().contains(h.hex())));
            ours.infoHashV2().ifPresent(h -> org.junit.jupiter.api.Assertions.assertTrue(cli.out().contains(h.hex())));
        }
        assertEquals(expected, RealTools.output(command, 90));
    }
}
