package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.storage.PieceMap;
import org.swarmport.peer.storage.StorageException;
import org.swarmport.peer.storage.StorageOptions;
import org.swarmport.peer.storage.TorrentStorage;
import org.swarmport.peer.wire.Bitfield;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: hashes the content on disk against a torrent, every piece, whatever resume
 * data says, through {@link TorrentStorage} (so it checks exactly what a download or a seed
 * would serve, pad files and v2 merkle trees included). Ends with {@link ExitStatus#OK} when all
 * pieces match, {@link ExitStatus#VERIFICATION_FAILED} otherwise, listing the files with missing
 * or damaged pieces. It opens the storage read-only: no file is created and no resume data
 * written, so checking someone else's directory changes nothing in it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check downloaded content against a .torrent file, piece by piece.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TORRENT", description = "The .torrent file.")
    Path torrent;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "The directory the content is in: it holds the file, or the torrent's top directory "
                    + "(default: the current directory).")
    Path directory;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws CommandFailure {
        Metainfo metainfo = TorrentArgument.read(torrent);
        if (!Files.isDirectory(directory)) {
            throw new CommandFailure(directory + ": no such directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "verifying", !quiet);
        StorageOptions options = StorageOptions.defaults().useResume(false).readOnly(true)
                .listener((piece, good, done, total) -> bar.update(done, total, "pieces", null));
        Bitfield verified;
        PieceMap map;
        try {
            TorrentStorage storage = TorrentStorage.open(metainfo, directory, options);
            verified = storage.verifiedPieces();
            map = storage.pieceMap();
            storage.close();
        } catch (StorageException e) {
            bar.finish();
            throw new CommandFailure(e.getMessage());
        }
        bar.finish();
        noteOversizedFiles(metainfo);
        int good = verified.cardinality();
        int count = metainfo.pieceCount();
        if (good == count) {
            out.println("complete: all " + count + " pieces of " + metainfo.name() + " match");
            return ExitStatus.OK;
        }
        out.println("incomplete: " + good + " of " + count + " pieces of " + metainfo.name() + " match");
        List<FileEntry> files = metainfo.files();
        for (int i = 0; i < files.size(); i++) {
            FileEntry file = files.get(i);
            if (file.padding() || file.isSymlink() || file.length() == 0) {
                continue;
            }
            int bad = 0;
            int first = map.firstPiece(i);
            int last = map.lastPiece(i);
            for (int piece = first; piece <= last; piece++) {
                bad += verified.get(piece) ? 0 : 1;
            }
            if (bad > 0) {
                String state = Files.exists(directory.resolve(file.path().toString())) ? "damaged" : "missing";
                out.println("  " + state + ": " + file.path() + " (" + bad + " of " + (last - first + 1) + " pieces)");
            }
        }
        return ExitStatus.VERIFICATION_FAILED;
    }

    /**
     * A file longer than the torrent says still verifies (its pieces are all there), but the
     * extra bytes are no part of the torrent: say so, so that nobody trusts them.
     */
    private void noteOversizedFiles(Metainfo metainfo) {
        for (FileEntry file : metainfo.contentFiles()) {
            if (file.isSymlink()) {
                continue;
            }
            Path onDisk = directory.resolve(file.path().toString());
            try {
                long size = Files.isRegularFile(onDisk) ? Files.size(onDisk) : -1;
                if (size > file.length()) {
                    spec.commandLine().getErr().println(SwarmportPeer.NAME + " verify: note: " + file.path() + " is "
                            + size + " bytes on disk, the torrent has " + file.length() + "; the rest is not checked");
                }
            } catch (java.io.IOException e) {
                // The hash check has already reported what cannot be read.
            }
        }
    }
}
