package org.swarmport.peer.tracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-process HTTP tracker on 127.0.0.1 and an ephemeral port: it records every request and
 * answers what the test's {@link Reply} function says. Closing it stops the server and its
 * threads.
 */
public final class FakeHttpTracker implements AutoCloseable {

    /** A request as the tracker saw it: path and the query's parameters, values as raw bytes. */
    public record Request(String path, Map<String, List<byte[]>> parameters) {
        public byte[] bytes(String name) {
            List<byte[]> values = parameters.get(name);
            return values == null ? null : values.get(0);
        }

        public String text(String name) {
            byte[] value = bytes(name);
            return value == null ? null : new String(value, StandardCharsets.ISO_8859_1);
        }
    }

    /** The status and body to answer; a {@code drip} writes the body itself, as slowly as it likes. */
    public record Reply(int status, byte[] body, Drip drip) {
        public Reply(int status, byte[] body) {
            this(status, body, null);
        }

        public static Reply ok(String body) {
            return new Reply(200, body.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Writes a body bit by bit. */
    @FunctionalInterface
    public interface Drip {
        void write(OutputStream out) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> reply = request -> Reply.ok("d8:intervali60e5:peers0:e");

    public FakeHttpTracker() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                Request request = new Request(exchange.getRequestURI().getRawPath(),
                        parse(exchange.getRequestURI().getRawQuery()));
                requests.add(request);
                Reply answer = reply.apply(request);
                if (answer.drip() != null) {
                    exchange.sendResponseHeaders(answer.status(), 0); // chunked
                    try (OutputStream out = exchange.getResponseBody()) {
                        answer.drip().write(out);
                    }
                    return;
                }
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        });
        server.start();
    }

    public void answer(Function<Request, Reply> reply) {
        this.reply = reply;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** {@code a=%00x&b=1}: percent-decoded to bytes, without any charset. */
    static Map<String, List<byte[]>> parse(String rawQuery) {
        Map<String, List<byte[]>> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '%') {
                    bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(bytes.toByteArray());
        }
        return parameters;
    }
}
