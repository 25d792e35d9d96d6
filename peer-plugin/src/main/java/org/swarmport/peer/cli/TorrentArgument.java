package org.swarmport.peer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.swarmport.peer.metainfo.MetainfoLimits;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * A .torrent file named on the command line, read and parsed: every way it can be wrong becomes a
 * {@link CommandFailure} that names the file and, for a broken torrent, repeats the parser's
 * message (which names the field).
 */
final class TorrentArgument {

    private TorrentArgument() {
    }

    static Metainfo read(Path torrent) throws CommandFailure {
        if (torrent.toString().startsWith("magnet:")) {
            // The engine cannot yet fetch a magnet link's metadata (BEP 9) for a download.
            throw new CommandFailure("magnet links are not supported yet: give a .torrent file");
        }
        long limit = MetainfoLimits.DEFAULT.bencode().maxBytes();
        byte[] bytes;
        try {
            if (Files.isDirectory(torrent)) {
                throw new CommandFailure(torrent + ": is a directory, not a .torrent file");
            }
            long size = Files.size(torrent);
            if (size > limit) {
                throw new CommandFailure(torrent + ": " + ByteSize.format(size) + " is too large for a .torrent file (limit "
                        + ByteSize.format(limit) + ")");
            }
            bytes = Files.readAllBytes(torrent);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(torrent + ": no such file");
        } catch (IOException e) {
            throw new CommandFailure(torrent + ": cannot read: " + e.getMessage());
        }
        try {
            return MetainfoParser.parse(bytes);
        } catch (MetainfoException e) {
            throw new CommandFailure(torrent + ": not a valid torrent: " + e.getMessage());
        }
    }
}
