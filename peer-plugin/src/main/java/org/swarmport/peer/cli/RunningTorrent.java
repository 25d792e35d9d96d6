package org.swarmport.peer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.swarmport.peer.magnet.MagnetLink;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TorrentHandle;
import org.swarmport.peer.session.TorrentState;
import org.swarmport.peer.session.WebSeedInfo;

/**
 * One torrent in a {@link Client} started for a command: listens as the {@link ClientOptions}
 * say, adds the torrent, calls the given peers, and on close (or Ctrl-C, through a shutdown
 * hook) stops the client, which writes resume data, so an interrupted download resumes without
 * rehashing.
 */
final class RunningTorrent implements AutoCloseable {

    final Client client;
    final TorrentHandle handle;
    private final Thread hook;

    private RunningTorrent(Client client, TorrentHandle handle) {
        this.client = client;
        this.handle = handle;
        this.hook = new Thread(this::stopQuietly, "swarmport-peer shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static RunningTorrent start(Metainfo metainfo, ClientOptions options) throws CommandFailure {
        return start(client -> client.add(metainfo, options.directory), options);
    }

    /** For a magnet link: the engine fetches the metadata from the peers (BEP 9), then the content. */
    static RunningTorrent start(MagnetLink magnet, ClientOptions options) throws CommandFailure {
        return start(client -> client.addMagnet(magnet, options.directory), options);
    }

    private static RunningTorrent start(Function<Client, TorrentHandle> add, ClientOptions options) throws CommandFailure {
        Client.Builder builder = Client.builder().listenPort(options.port).encryption(options.encryption);
        if (options.bind != null) {
            builder.bindAddress(options.bind);
        }
        Client client;
        try {
            client = builder.build().start();
        } catch (IOException e) {
            throw new CommandFailure("cannot listen on port " + options.port + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), ExitStatus.USAGE);
        }
        TorrentHandle handle = add.apply(client);
        for (InetSocketAddress peer : options.peers) {
            handle.connect(peer);
        }
        return new RunningTorrent(client, handle);
    }

    /** Fails the command when the torrent stopped with an error (storage, for instance). */
    void checkHealthy() throws CommandFailure {
        if (handle.state() == TorrentState.ERROR) {
            throw new CommandFailure(handle.error().orElse("the torrent stopped with an error"));
        }
    }

    /** The progress line's detail: rates, peers, web seeds (BEP 19) and totals. */
    String status() {
        int peers = handle.peers().size();
        return String.format(Locale.ROOT, "down %s/s  up %s/s  %d %s%s  %s uploaded", ByteSize.format((long) handle.downloadRate()),
                ByteSize.format((long) handle.uploadRate()), peers, peers == 1 ? "peer" : "peers",
                webSeeds(handle.webSeeds()), ByteSize.format(handle.uploaded()));
    }

    /** "  2 web seeds 1.5 MiB/s" (the active ones and their rate), "  1 web seed dropped", or nothing without any. */
    static String webSeeds(List<WebSeedInfo> seeds) {
        if (seeds.isEmpty()) {
            return "";
        }
        long active = seeds.stream().filter(s -> s.state() == WebSeedInfo.State.ACTIVE).count();
        long waiting = seeds.stream().filter(s -> s.state() == WebSeedInfo.State.BACKING_OFF).count();
        long dropped = seeds.size() - active - waiting;
        double rate = seeds.stream().mapToDouble(WebSeedInfo::downloadRate).sum();
        StringBuilder out = new StringBuilder("  ").append(seeds.size()).append(seeds.size() == 1 ? " web seed " : " web seeds ")
                .append(ByteSize.format((long) rate)).append("/s");
        if (waiting > 0) {
            out.append(", ").append(waiting).append(" waiting");
        }
        if (dropped > 0) {
            out.append(", ").append(dropped).append(" dropped");
        }
        return out.toString();
    }

    void printSummary(PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%s: %s, %.1f%% verified, %s downloaded, %s uploaded", handle.state()
                .name().toLowerCase(Locale.ROOT), handle.metainfo().map(Metainfo::name).orElse(handle.infoHash().hex()),
                handle.progress() * 100, ByteSize.format(handle.downloaded()), ByteSize.format(handle.uploaded())));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            client.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
