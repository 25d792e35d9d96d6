package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP listener lets a body of up to 8 GiB in, so that the portal can drain the upload it
 * refuses and the browser sees the 413 page; every other body keeps the bound of 64 MiB each war
 * sets again. A chunked body says no length, so nothing refuses it up front: the server reads it
 * until that bound and then closes the connection, which the sender sees as a failed write.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestBodyBoundsIT extends PortalWithTracker {

    private static final long BOUND = 64L << 20;

    @Test
    void aChunkedFormToAPortalPageIsCutOffAt64MiB() throws Exception {
        long sent = sendChunkedForm(portal, "login");
        assertTrue(sent < BOUND + (16L << 20), "the portal read " + sent + " bytes of a form");
    }

    @Test
    void aChunkedFormToTheTrackerIsCutOffAt64MiB() throws Exception {
        long sent = sendChunkedForm(tracker, "announce");
        assertTrue(sent < BOUND + (16L << 20), "the tracker read " + sent + " bytes of a form");
    }

    /**
     * A urlencoded form that says 1 GiB, of which 1 KiB is sent: the 413 comes at once. Were
     * anything to read the form's parameters before the refusal (Weld looks for a conversation id
     * in every request), it would wait here for the body, and with the drain's 8 GiB bound it
     * would hold what it read in memory.
     */
    @Test
    void aFormThatSaysItIsTooLargeIsRefusedBeforeAnythingReadsIt() throws Exception {
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + portal.getPath() + "login HTTP/1.1\r\nHost: " + portal.getHost() + ":" + portal.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (1L << 30) + "\r\n\r\n"
                    + "cid=1&q=" + "a".repeat(1016)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413 "), "answered " + status);
        }
    }

    /**
     * Sends up to 96 MiB of form in 64 KiB chunks and returns how much was written before the
     * server closed; what it wrote past the bound sat in the sockets' buffers (a few MiB on
     * loopback). A server that stops reading without closing fails the test after a minute.
     */
    private static long sendChunkedForm(URL base, String path) throws Exception {
        long total = 96L << 20;
        long sent = 0;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                    socket.close();
                } catch (InterruptedException | IOException e) {
                    // the test ended first
                }
            });
            watchdog.start();
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 << 10];
            Arrays.fill(block, (byte) 'a');
            byte[] header = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                out.write("2\r\nq=\r\n".getBytes(StandardCharsets.US_ASCII));
                while (sent < total) {
                    out.write(header);
                    out.write(block);
                    out.write(end);
                    sent += block.length;
                }
            } catch (IOException closedByTheServer) {
                // the server stopped at its bound
            } finally {
                watchdog.interrupt();
            }
        }
        return sent;
    }
}
