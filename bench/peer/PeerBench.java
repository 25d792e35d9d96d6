import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoParser;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.session.Client;
import org.swarmport.peer.session.TorrentHandle;
import org.swarmport.peer.session.TorrentState;

/**
 * The plug-in side of the peer loopback benchmark (issue #6), and the maker of the content and
 * the torrent both sides use. See README.md beside this file.
 *
 * <pre>
 * java -cp CP bench/peer/PeerBench.java make FILE SIZE_MIB PIECE_KIB TORRENT
 * java -cp CP bench/peer/PeerBench.java transfer TORRENT SEED_DIR DOWNLOAD_DIR [TIMEOUT_S]
 * </pre>
 *
 * {@code transfer} runs two {@link Client}s in this JVM, one seeding from SEED_DIR, one
 * downloading into DOWNLOAD_DIR, connected directly on 127.0.0.1 without encryption, and prints
 * one result line: {@code side=plugin wall_s=… mib_s=… cpu_s=… …}. The clock and the CPU
 * counter start after the seed has checked its data (state SEEDING), just before the
 * downloading torrent is added, and stop when the download reports every piece verified.
 */
public final class PeerBench {

    private static final long MIB = 1024 * 1024;
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");
    /** Untimed transfers first (-Dbench.warmup=N): the timed one then runs JIT-compiled code, as a long-running embedder does. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 0);

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "make" -> {
                if (args.length != 5) {
                    usage();
                }
                make(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]), Path.of(args[4]));
            }
            case "transfer" -> {
                if (args.length < 4) {
                    usage();
                }
                long timeout = args.length > 4 ? Long.parseLong(args[4]) : 600;
                transfer(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Duration.ofSeconds(timeout));
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: PeerBench make FILE SIZE_MIB PIECE_KIB TORRENT\n"
                + "       PeerBench transfer TORRENT SEED_DIR DOWNLOAD_DIR [TIMEOUT_S]");
        System.exit(2);
    }

    /**
     * Writes SIZE_MIB of incompressible, deterministic bytes (xorshift64*, seed 6) and the v1
     * torrent of them with MetainfoBuilder; the content is not regenerated when it already has
     * the right size.
     */
    private static void make(Path file, long sizeMib, long pieceKib, Path torrent) throws IOException {
        long size = sizeMib * MIB;
        if (!Files.exists(file) || Files.size(file) != size) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ByteBuffer chunk = ByteBuffer.allocate((int) MIB).order(ByteOrder.LITTLE_ENDIAN);
            long x = 0x9E3779B97F4A7C15L ^ 6;
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long m = 0; m < sizeMib; m++) {
                    chunk.clear();
                    while (chunk.hasRemaining()) {
                        x ^= x >>> 12;
                        x ^= x << 25;
                        x ^= x >>> 27;
                        chunk.putLong(x * 0x2545F4914F6CDD1DL);
                    }
                    out.write(chunk.array());
                }
            }
        }
        long t0 = System.nanoTime();
        Metainfo metainfo = MetainfoBuilder.of(file).version(MetainfoVersion.V1).pieceLength(pieceKib * 1024)
                .createdBy("swarmport bench/peer").build();
        Files.write(torrent, metainfo.rawBytes());
        System.out.printf(Locale.ROOT, "made %s: %d bytes, %d pieces of %d KiB, info-hash %s (hashed in %.1f s)%n",
                torrent, metainfo.totalLength(), metainfo.pieceCount(), metainfo.pieceLength() / 1024,
                metainfo.bestInfoHash(), (System.nanoTime() - t0) / 1e9);
    }

    private static void transfer(Path torrent, Path seedDir, Path downloadDir, Duration timeout) throws Exception {
        Metainfo metainfo = MetainfoParser.parse(Files.readAllBytes(torrent));
        Files.createDirectories(downloadDir);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Client seed = client(loopback).build().start(); Client leech = client(loopback).build().start()) {
            long c0 = System.nanoTime();
            TorrentHandle seeding = seed.add(metainfo, seedDir);
            while (seeding.state() != TorrentState.SEEDING) {
                if (seeding.state() == TorrentState.ERROR || System.nanoTime() - c0 > timeout.toNanos()) {
                    throw new IllegalStateException("seed not ready: " + seeding + " " + seeding.error().orElse(""));
                }
                Thread.sleep(10);
            }
            double checkSeconds = (System.nanoTime() - c0) / 1e9;
            for (int i = 0; i < WARMUP; i++) {
                warmUp(metainfo, seed, downloadDir.resolveSibling(downloadDir.getFileName() + ".warmup"), timeout);
            }
            List<long[]> threadsBefore = threadCpu(threads);
            Map<String, Long> tasksBefore = TaskCpu.byName();

            double cpu0 = ProcessCpu.seconds();
            long t0 = System.nanoTime();
            // JVM uptime at both ends of the timed window, to match -XX:+PrintCompilation and -Xlog lines against it
            long uptime0 = ManagementFactory.getRuntimeMXBean().getUptime();
            TorrentHandle downloading = leech.add(metainfo, downloadDir);
            downloading.connect(new InetSocketAddress(loopback, seed.listenPort()));
            boolean complete = TRACE ? traced(downloading, seeding, timeout) : downloading.awaitCompletion(timeout);
            long t1 = System.nanoTime();
            double cpu1 = ProcessCpu.seconds();
            System.err.printf(Locale.ROOT, "timed window: JVM uptime %d ms .. %d ms%n", uptime0,
                    ManagementFactory.getRuntimeMXBean().getUptime());

            if (!complete) {
                throw new IllegalStateException("download incomplete after " + timeout + ": " + downloading
                        + " peers " + downloading.peers() + ", seed " + seeding);
            }
            double wall = (t1 - t0) / 1e9;
            double mib = metainfo.totalLength() / (double) MIB;
            System.out.printf(Locale.ROOT, "side=plugin wall_s=%.3f mib_s=%.1f cpu_s=%.2f bytes=%d seed_check_s=%.2f"
                            + " downloaded=%d uploaded=%d warmup=%d%n", // uploaded counts the warm-up transfers too
                    wall, mib / wall, cpu1 - cpu0, metainfo.totalLength(), checkSeconds, downloading.downloaded(),
                    seeding.uploaded(), WARMUP);
            printThreadCpu(threads, threadsBefore);
            TaskCpu.print(tasksBefore);
        }
    }

    /**
     * CPU of every thread of the process by name from /proc/self/task, the JVM's own included
     * (C2 and C1 compiler threads, GC threads, the VM thread), which ThreadMXBean does not list:
     * what the JIT and the collector cost during the transfer (profile evidence, not a result).
     */
    private static final class TaskCpu {

        static Map<String, Long> byName() throws IOException {
            Map<String, Long> ticks = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String stat;
                    try {
                        stat = ProcessCpu.read(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue; // the thread ended
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[#0-9]+$", "").trim();
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                }
            }
            return ticks;
        }

        static void print(Map<String, Long> before) throws IOException {
            StringBuilder out = new StringBuilder("all threads by name during transfer (s):");
            byName().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> out.append(String.format(Locale.ROOT, " %s=%.2f", e.getKey(), e.getValue() / ProcessCpu.HZ)));
            System.err.println(out);
        }
    }

    /**
     * One untimed transfer from the same seed to a client of its own, into {@code scratch}, which is
     * deleted after; then {@code sync}, so that none of its pages is still being written back when
     * the timed transfer starts (deleted files' dirty pages are dropped, not written).
     */
    private static void warmUp(Metainfo metainfo, Client seed, Path scratch, Duration timeout) throws Exception {
        try (Client warm = client(InetAddress.getLoopbackAddress()).build().start()) {
            TorrentHandle handle = warm.add(metainfo, scratch);
            handle.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), seed.listenPort()));
            if (!handle.awaitCompletion(timeout)) {
                throw new IllegalStateException("warm-up transfer incomplete: " + handle);
            }
        }
        try (var files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (new ProcessBuilder("sync").inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("sync failed");
        }
    }

    /** awaitCompletion, printing progress, rates and the peer list every 0.5 s on stderr (-Dbench.trace=true). */
    private static boolean traced(TorrentHandle downloading, TorrentHandle seeding, Duration timeout) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (downloading.awaitCompletion(Duration.ofMillis(500))) {
                return true;
            }
            System.err.printf(Locale.ROOT, "%6.1f s done %d MiB down %.1f MiB/s up %.1f MiB/s peers %s%n",
                    (System.nanoTime() - start) / 1e9, downloading.bytesDone() / MIB, downloading.downloadRate() / MIB,
                    seeding.uploadRate() / MIB, downloading.peers());
        }
        return false;
    }

    private static Client.Builder client(InetAddress loopback) {
        // plaintext on both sides, as the libtorrent sessions are set up (pe_disabled)
        return Client.builder().bindAddress(loopback).listenPort(0).encryption(EncryptionPolicy.DISABLED);
    }

    /** [thread id, cpu ns] of every live thread. */
    private static List<long[]> threadCpu(ThreadMXBean threads) {
        List<long[]> cpu = new ArrayList<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.add(new long[] {id, threads.getThreadCpuTime(id)});
        }
        return cpu;
    }

    /** CPU seconds per thread during the transfer, busiest first, on stderr (profile evidence, not a result). */
    private static void printThreadCpu(ThreadMXBean threads, List<long[]> before) {
        List<String[]> rows = new ArrayList<>();
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (now < 0 || info == null) {
                continue;
            }
            long then = before.stream().filter(t -> t[0] == id).mapToLong(t -> Math.max(t[1], 0)).findFirst().orElse(0);
            rows.add(new String[] {String.format(Locale.ROOT, "%.2f", (now - then) / 1e9), info.getThreadName()});
        }
        rows.sort(Comparator.comparingDouble((String[] r) -> Double.parseDouble(r[0])).reversed());
        StringBuilder out = new StringBuilder("thread cpu during transfer (s):");
        for (String[] row : rows.subList(0, Math.min(12, rows.size()))) {
            out.append(' ').append(row[1]).append('=').append(row[0]);
        }
        System.err.println(out);
    }

    /** user+sys of this process from /proc/self/stat, the same counter the libtorrent side reads. */
    private static final class ProcessCpu {
        private static final double HZ = 100.0; // USER_HZ on Linux; run.sh checks getconf CLK_TCK

        /**
         * A /proc file, read with a FileInputStream: Files.readString reads through NIO into a heap
         * ByteBuffer, whose put from the JDK's temporary direct buffer is a call the transfer's
         * profile of ByteBuffer.put never saw, so reading the counters right before the clock
         * started made C2 recompile the plug-in's block copy inside the timed window (JFR, 2026-12-02).
         */
        static String read(Path file) throws IOException {
            try (java.io.FileInputStream in = new java.io.FileInputStream(file.toFile())) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
        }

        static double seconds() throws IOException {
            String stat = read(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / HZ;
        }
    }
}
