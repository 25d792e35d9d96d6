package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code download}: fetches a torrent's content (from a .torrent file, or from a magnet link
 * through the metadata exchange, BEP 9) into a directory with the engine's
 * {@link org.swarmport.peer.session.Client}, showing progress and rates, and ends when every piece
 * is verified (or keeps seeding with {@code --seed}). What is already on disk and verified is
 * kept, so running it again resumes.
 */
@Command(name = "download", mixinStandardHelpOptions = true, description = "Download a torrent's content.")
final class DownloadCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(250);

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up (exit status 1) when not complete after this long (default: never).")
    Long timeoutSeconds;

    @Option(names = "--seed", description = "Keep seeding after the download completes, until interrupted.")
    boolean seed;

    @Override
    public Integer call() throws Exception {
        boolean magnet = TorrentArgument.isMagnet(options.torrent);
        MagnetLink link = magnet ? TorrentArgument.magnet(options.torrent) : null;
        Metainfo metainfo = magnet ? null : TorrentArgument.read(options.torrent);
        ClientOptions.checkSeconds(timeoutSeconds, "--timeout");
        try {
            Files.createDirectories(options.directory);
        } catch (java.io.IOException e) {
            throw new CommandFailure(options.directory + ": cannot create the download directory: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "downloading", !options.quiet);
        long deadline = timeoutSeconds == null ? Long.MAX_VALUE : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try (RunningTorrent running = magnet ? RunningTorrent.start(link, options) : RunningTorrent.start(metainfo, options)) {
            if (magnet) {
                out.println("fetching the metadata of " + link.displayName().orElse(running.handle.infoHash().hex())
                        + " from peers, listening on port " + running.client.listenPort());
                out.flush();
                while (!running.handle.awaitMetadata(POLL)) {
                    running.checkHealthy();
                    bar.status("fetching metadata  " + running.status());
                    if (System.nanoTime() > deadline) {
                        bar.finish();
                        throw new CommandFailure("no metadata after " + timeoutSeconds + " s");
                    }
                }
            }
            String name = running.handle.metainfo().map(Metainfo::name).orElseThrow();
            out.println("downloading " + name + " into " + options.directory + ", listening on port "
                    + running.client.listenPort());
            out.flush();
            while (!running.handle.awaitCompletion(POLL)) {
                running.checkHealthy();
                bar.updateBytes(running.handle.bytesDone(), running.handle.bytesWanted(), running.status());
                if (System.nanoTime() > deadline) {
                    bar.finish();
                    running.printSummary(out);
                    throw new CommandFailure("not complete after " + timeoutSeconds + " s");
                }
            }
            bar.updateBytes(running.handle.bytesWanted(), running.handle.bytesWanted(), running.status());
            bar.finish();
            running.printSummary(out);
            if (seed) {
                out.println("seeding until interrupted (Ctrl-C)");
                out.flush();
                SeedCommand.seedUntilStopped(running, bar, null);
            }
            return ExitStatus.OK;
        } catch (InterruptedException e) {
            bar.finish();
            spec.commandLine().getErr().println(SwarmportPeer.NAME + " download: interrupted");
            return ExitStatus.INTERRUPTED;
        } catch (IllegalStateException e) {
            // awaitCompletion reports a torrent that stopped with an error this way.
            bar.finish();
            throw new CommandFailure(e.getMessage());
        }
    }
}
