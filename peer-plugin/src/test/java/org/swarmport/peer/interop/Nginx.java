package org.swarmport.peer.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian {@code nginx-light}) serving a directory on 127.0.0.1 on a free port,
 * for web seed tests (BEP 19): one process ({@code master_process off}, {@code daemon off}),
 * its configuration, logs and temporary files under its own prefix directory, stopped by
 * {@link #close}. {@code limitRate} (bytes per second per connection, 0 for none) slows it so
 * that a test can let peers and the web seed share a download.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    public static Nginx serve(Path root, Path prefix, long limitRate) throws Exception {
        Path nginx = RealTools.requireCommand("nginx", "nginx-light");
        int port = RealPeer.freePort();
        Files.createDirectories(prefix.resolve("temp"));
        String config = """
                daemon off;
                master_process off;
                worker_processes 1;
                error_log %1$s/error.log info;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp;
                    default_type application/octet-stream;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                        limit_rate %4$d;
                        location / { }
                    }
                }
                """.formatted(prefix, port, root.toAbsolutePath(), limitRate);
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        Process process = new ProcessBuilder(List.of(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString()))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx server = new Nginx(process, prefix, port);
        if (RealPeer.listening(process, port, 10)) {
            return server;
        }
        server.close();
        fail("nginx did not listen on " + port + ": " + server.log());
        return server;
    }

    /** The URL of {@code path} (already encoded) on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The access log's lines: one per request, with the status. */
    public List<String> accessLog() throws IOException {
        Path log = prefix.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    public String log() {
        try {
            return Files.readString(prefix.resolve("stdout.log")) + Files.readString(prefix.resolve("error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
