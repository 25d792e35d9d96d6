package org.swarmport.peer.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.tracker.FakeHttpTracker;
import org.swarmport.peer.tracker.TrackerSettings;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrackerPeerSourceTest {

    private static final InfoHash V1 = InfoHash.fromHex("b6401410cae8917a1b3aff7f10763424785a9f60");
    private static final InfoHash V2 = InfoHash.fromHex("c3ca2a0fcc05ee7671b12a1359b5ed576a51b2f88bfc5470dd9f532d3ce56b46");
    private static final byte[] PEER_ID = "-SP0001-sourcetest01".getBytes(StandardCharsets.US_ASCII);
    private static final String ONE_PEER = "d8:intervali0e5:peers6:\n\u0000\u0000\u0007\u001a\u00e1e";

    private FakeHttpTracker tracker;
    private ScheduledThreadPoolExecutor executor;
    private final List<String> found = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicReference<TransferTotals> totals = new AtomicReference<>(new TransferTotals(0, 0, 1000));

    @BeforeEach
    void start() throws Exception {
        tracker = new FakeHttpTracker();
        tracker.answer(request -> FakeHttpTracker.Reply.ok(ONE_PEER));
        executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        tracker.close();
    }

    @Test
    void startAnnouncesEveryInfoHashAndDeliversThePeers_BEP3_BEP52() throws Exception {
        try (PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMinutes(5))) {
            source.start();
            await(() -> tracker.requests().size() >= 2 && !found.isEmpty());
            List<FakeHttpTracker.Request> requests = tracker.requests();
            assertArrayEquals(V1.truncated(), requests.get(0).bytes("info_hash"));
            assertArrayEquals(V2.truncated(), requests.get(1).bytes("info_hash"), "the hybrid's v2 hash, truncated");
            assertEquals("started", requests.get(0).text("event"));
            assertEquals("started", requests.get(1).text("event"));
            assertEquals("6881", requests.get(0).text("port"));
            assertEquals("1000", requests.get(0).text("left"));
            assertEquals(requests.get(0).text("key"), requests.get(1).text("key"), "one key for the session");
            assertEquals("tracker:/10.0.0.7:6881", found.get(0));
        }
    }

    @Test
    void regularAnnouncesFollowAtTheIntervalWithoutAnEvent_BEP3() throws Exception {
        try (PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMillis(100))) {
            source.start();
            await(() -> tracker.requests().size() >= 6);
            List<FakeHttpTracker.Request> requests = tracker.requests();
            assertEquals("started", requests.get(0).text("event"));
            assertEquals(null, requests.get(2).text("event"));
            assertEquals(null, requests.get(4).text("event"));
        }
    }

    @Test
    void completedIsAnnouncedOnceThenRegularAnnouncesResume_BEP3() throws Exception {
        try (PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMillis(300))) {
            source.start();
            await(() -> tracker.requests().size() >= 2);
            totals.set(new TransferTotals(5, 1000, 0));
            source.completed();
            await(() -> events().contains("completed") && tracker.requests().size() >= events().lastIndexOf("completed") + 3);
            List<String> events = events();
            assertEquals(2, events.stream().filter("completed"::equals).count(), "once per info-hash");
            int completed = events.indexOf("completed");
            assertEquals("0", tracker.requests().get(completed).text("left"));
            assertEquals("none", events.get(events.size() - 1));
        }
    }

    @Test
    void completedDuringAnAnnounceStillMakesOneScheduleNotTwo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        tracker.answer(request -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeHttpTracker.Reply.ok(ONE_PEER);
        });
        try (PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofHours(1))) {
            source.start();
            await(() -> tracker.requests().size() == 1);
            source.completed();
            release.countDown();
            await(() -> events().stream().filter("completed"::equals).count() == 2 && executor.getActiveCount() == 0
                    && executor.getQueue().size() == 1);
            assertEquals(List.of("started", "started", "completed", "completed"), events());
        }
    }

    @Test
    void closeAnnouncesStoppedWithoutAskingForPeers_BEP3() throws Exception {
        PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMinutes(5));
        source.start();
        await(() -> tracker.requests().size() >= 2);
        source.close();
        await(() -> events().stream().filter("stopped"::equals).count() == 2);
        FakeHttpTracker.Request stopped = tracker.requests().get(tracker.requests().size() - 1);
        assertEquals("0", stopped.text("numwant"));
        source.close();
        assertEquals(4, tracker.requests().size(), "closing twice sends nothing more");
    }

    @Test
    void closingBeforeAnyAnswerSendsNoStopped() throws Exception {
        tracker.answer(request -> new FakeHttpTracker.Reply(500, new byte[0]));
        PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMinutes(5));
        source.start();
        await(() -> tracker.requests().size() >= 2);
        source.close();
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertTrue(events().stream().noneMatch("stopped"::equals), String.valueOf(events()));
    }

    @Test
    void aFailingRoundIsRetriedWithStartedUntilATrackerAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        tracker.answer(request -> calls.incrementAndGet() <= 2
                ? new FakeHttpTracker.Reply(503, new byte[0]) : FakeHttpTracker.Reply.ok(ONE_PEER));
        try (PeerSource source = open(List.of(List.of(tracker.url("/announce"))), Duration.ofMinutes(5))) {
            source.start();
            await(() -> !found.isEmpty() && tracker.requests().size() >= 4);
            assertEquals(List.of("started", "started", "started", "started"), events().subList(0, 4));
            assertTrue(log.get(0).contains("answered HTTP 503"), log.get(0));
        }
    }

    @Test
    void aDeadTrackerIsSkippedForTheNextTier_BEP12() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort + "/announce";
        try (PeerSource source = open(List.of(List.of(dead), List.of(tracker.url("/announce"))), Duration.ofMinutes(5))) {
            source.start();
            await(() -> found.size() >= 2);
        }
        assertTrue(log.isEmpty(), "a tier that answered makes the round a success: " + log);
    }

    @Test
    void theBuiltInProviderIsFoundByServiceLoaderAndSkipsTrackerlessTorrents() {
        PeerSources sources = PeerSources.load();
        assertTrue(sources.providers().stream().anyMatch(provider -> provider instanceof TrackerPeerSourceProvider),
                String.valueOf(sources.providers()));
        assertTrue(sources.open(context(List.of())).isEmpty());
        List<PeerSource> opened = sources.open(context(List.of(List.of("udp://127.0.0.1:9/announce"))));
        assertEquals(List.of("tracker"), opened.stream().map(PeerSource::name).collect(Collectors.toList()));
        opened.forEach(PeerSource::close);
    }

    private PeerSource open(List<List<String>> tiers, Duration interval) {
        TrackerPeerSourceProvider provider = new TrackerPeerSourceProvider(
                TrackerSettings.DEFAULT.withHttpTimeout(Duration.ofSeconds(5)), HttpClient.newHttpClient(), executor,
                interval, Duration.ofMillis(50), log::add);
        Optional<PeerSource> source = provider.open(context(tiers));
        return source.orElseThrow();
    }

    private PeerSourceContext context(List<List<String>> tiers) {
        return new PeerSourceContext(List.of(V1, V2), PEER_ID, 6881, tiers, false, totals::get,
                (name, peers) -> peers.forEach(peer -> found.add(name + ":" + peer)));
    }

    private List<String> events() {
        return tracker.requests().stream().map(request -> Optional.ofNullable(request.text("event")).orElse("none"))
                .collect(Collectors.toList());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 10 s");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
