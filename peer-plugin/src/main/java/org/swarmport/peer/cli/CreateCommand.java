package org.swarmport.peer.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code create}: hashes a file or a directory into a .torrent with {@link MetainfoBuilder}: v1,
 * v2 or hybrid (the default, which every client reads), trackers in tiers (BEP 12), web seeds
 * (BEP 19), the private flag (BEP 27), a comment. Without {@code --date} the output depends on
 * the content and options only, so the same release always gets the same info-hash.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make a .torrent file of a file or a directory.")
final class CreateCommand implements Callable<Integer> {

    /** BEP 52: a v2 piece is a power of two of at least one 16 KiB merkle leaf. */
    private static final long MIN_V2_PIECE_LENGTH = 16 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The file or directory to share.")
    Path content;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the torrent (default: <name>.torrent here).")
    Path output;

    @Option(names = "--meta-version", paramLabel = "VERSION", defaultValue = "hybrid",
            description = "v1, v2 or hybrid (default: ${DEFAULT-VALUE}).")
    MetainfoVersion version;

    @Option(names = {"-p", "--piece-length"}, paramLabel = "SIZE", converter = ByteSize.class,
            description = "Piece length, e.g. 256K or 1M (default: chosen for 1,000-2,000 pieces).")
    Long pieceLength;

    @Option(names = {"-t", "--tracker"}, paramLabel = "URL[,URL...]",
            description = "A tier of trackers, tried in order; repeat for more tiers (BEP 12).")
    List<String> tiers = new ArrayList<>();

    @Option(names = {"-w", "--web-seed"}, paramLabel = "URL", description = "A web seed (BEP 19); repeatable.")
    List<String> webSeeds = new ArrayList<>();

    @Option(names = "--private", description = "Only the trackers may give out peers (BEP 27).")
    boolean privateTorrent;

    @Option(names = {"-c", "--comment"}, paramLabel = "TEXT")
    String comment;

    @Option(names = "--created-by", paramLabel = "TEXT", defaultValue = SwarmportPeer.NAME,
            description = "The creator's name in the torrent (default: ${DEFAULT-VALUE}).")
    String createdBy;

    @Option(names = "--date", description = "Write the creation date (it changes the file, not the info-hash).")
    boolean date;

    @Option(names = {"-f", "--force"}, description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws CommandFailure {
        if (!Files.exists(content)) {
            throw new CommandFailure(content + ": no such file or directory");
        }
        checkPieceLength();
        MetainfoBuilder builder;
        try {
            builder = MetainfoBuilder.of(content);
        } catch (IOException e) {
            throw new CommandFailure(content + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(content + ": cannot be a torrent's name: " + e.getMessage());
        }
        Path target = output != null ? output : Path.of(content.toAbsolutePath().normalize().getFileName() + ".torrent");
        if (Files.exists(target) && !force) {
            throw new CommandFailure(target + " exists; use --force to replace it");
        }
        configure(builder);
        Metainfo torrent;
        try {
            torrent = builder.build();
        } catch (IOException e) {
            throw new CommandFailure(content + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(content + ": " + e.getMessage());
        }
        write(target, torrent.rawBytes());
        report(target, torrent);
        return ExitStatus.OK;
    }

    private void checkPieceLength() {
        if (pieceLength == null) {
            return;
        }
        if (version.hasV2() && (pieceLength < MIN_V2_PIECE_LENGTH || Long.bitCount(pieceLength) != 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--piece-length of a " + version.name().toLowerCase()
                    + " torrent must be a power of two of at least 16 KiB (BEP 52), not " + pieceLength);
        }
    }

    private void configure(MetainfoBuilder builder) {
        builder.version(version).privateTorrent(privateTorrent).createdBy(createdBy);
        try {
            if (pieceLength != null) {
                builder.pieceLength(pieceLength);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--piece-length: " + e.getMessage());
        }
        try {
            for (String tier : tiers) {
                builder.trackerTier(Arrays.asList(tier.split(",")));
            }
            for (String webSeed : webSeeds) {
                builder.webSeed(webSeed);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (comment != null) {
            builder.comment(comment);
        }
        if (date) {
            builder.creationDate(Instant.now());
        }
    }

    /** Writes beside the target and renames, so that a failure never leaves half a torrent under the name. */
    private static void write(Path target, byte[] bytes) throws CommandFailure {
        Path absolute = target.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
            throw new CommandFailure(target + ": cannot write: " + e.getMessage());
        }
    }

    private void report(Path target, Metainfo torrent) {
        var out = spec.commandLine().getOut();
        out.println("created " + target + ": " + torrent.name() + ", " + torrent.contentFiles().size()
                + (torrent.contentFiles().size() == 1 ? " file, " : " files, ") + ByteSize.format(torrent.totalLength())
                + ", " + torrent.pieceCount() + " pieces of " + ByteSize.format(torrent.pieceLength()));
        torrent.infoHashV1().map(InfoHash::hex).ifPresent(hash -> out.println("info-hash v1: " + hash));
        torrent.infoHashV2().map(InfoHash::hex).ifPresent(hash -> out.println("info-hash v2: " + hash));
        out.println("magnet:       " + MagnetLink.of(torrent));
    }
}
