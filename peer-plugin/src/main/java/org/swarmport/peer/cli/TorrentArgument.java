package org.swarmport.peer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.swarmport.peer.magnet.MagnetException;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.MetainfoLimits;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoException;
import org.swarmport.peer.metainfo.MetainfoParser;

/**
 * A .torrent file (or, for {@code download}, a magnet link) named on the command line, read and
 * parsed: every way it can be wrong becomes a
 * {@link CommandFailure} that names the file and, for a broken torrent, repeats the parser's
 * message (which names the field).
 */
final class TorrentArgument {

    private TorrentArgument() {
    }

    /** Whether the argument is a magnet link rather than a file name. */
    static boolean isMagnet(Path argument) {
        return argument.toString().regionMatches(true, 0, "magnet:", 0, 7);
    }

    /** The argument as a magnet link (BEP 9); a bad one fails with the parser's message, which names the parameter. */
    static MagnetLink magnet(Path argument) throws CommandFailure {
        try {
            return MagnetLink.parse(argument.toString());
        } catch (MagnetException e) {
            throw new CommandFailure("not a valid magnet link: " + e.getMessage(), ExitStatus.USAGE);
        }
    }

    static Metainfo read(Path torrent) throws CommandFailure {
        if (isMagnet(torrent)) {
            // Only download fetches the metadata (BEP 9); the other commands need it from the start.
            throw new CommandFailure("a magnet link does not hold the torrent this command needs: give a .torrent file");
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
