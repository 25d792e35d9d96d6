package org.swarmport.peer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.session.TorrentState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seed}: serves complete content to peers until interrupted (or for {@code --duration}).
 * It checks the content first, with the storage's resume data when it has some, and refuses to
 * seed what is incomplete ({@link ExitStatus#VERIFICATION_FAILED}).
 */
@Command(name = "seed", mixinStandardHelpOptions = true, description = "Seed a torrent's complete content.")
final class SeedCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 250;

    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this long (default: until interrupted).")
    Long durationSeconds;

    @Override
    public Integer call() throws Exception {
        Metainfo metainfo = TorrentArgument.read(options.torrent);
        if (!Files.isDirectory(options.directory)) {
            throw new CommandFailure(options.directory + ": no such directory");
        }
        ClientOptions.checkSeconds(durationSeconds, "--duration");
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "seeding", !options.quiet);
        try (RunningTorrent running = RunningTorrent.start(metainfo, options)) {
            while (running.handle.state() == TorrentState.CHECKING) {
                running.checkHealthy();
                running.handle.awaitCompletion(java.time.Duration.ofMillis(POLL_MILLIS));
            }
            running.checkHealthy();
            if (running.handle.state() != TorrentState.SEEDING) {
                throw new CommandFailure(String.format(java.util.Locale.ROOT,
                        "%s in %s is incomplete (%.1f%% verified): nothing to seed; see 'swarmport-peer verify'",
                        metainfo.name(), options.directory, running.handle.progress() * 100),
                        ExitStatus.VERIFICATION_FAILED);
            }
            out.println("seeding " + metainfo.name() + " from " + options.directory + " on port "
                    + running.client.listenPort());
            out.flush();
            seedUntilStopped(running, bar, durationSeconds);
            running.printSummary(out);
            return ExitStatus.OK;
        } catch (InterruptedException e) {
            bar.finish();
            spec.commandLine().getErr().println(SwarmportPeer.NAME + " seed: interrupted");
            return ExitStatus.INTERRUPTED;
        }
    }

    /**
     * Shows the upload status until {@code seconds} pass (null: forever); an interrupt (in-process
     * use) or the JVM's shutdown (Ctrl-C, which stops the client through its hook) ends it.
     */
    static void seedUntilStopped(RunningTorrent running, ProgressBar bar, Long seconds)
            throws InterruptedException, CommandFailure {
        long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            running.checkHealthy();
            bar.status(running.status());
            // The refresh period of the status line, not a wait for anything.
            TimeUnit.MILLISECONDS.sleep(Math.min(POLL_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        bar.finish();
    }
}
