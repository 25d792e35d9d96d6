package org.swarmport.peer.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.swarmport.peer.bencode.BDecoder;
import org.swarmport.peer.bencode.BDictionary;
import org.swarmport.peer.bencode.BEncoder;
import org.swarmport.peer.bencode.BencodeException;
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * Real metadata with a real client, both ways: a libtorrent session serves a torrent and a
 * bare-bones peer written here (BEP 3 handshake, BEP 10 extension handshake, nothing else)
 * fetches its info dictionary with our {@code ut_metadata} codec and assembler; then libtorrent,
 * given only a magnet link, fetches an info dictionary that peer serves with our codec.
 */
class LibtorrentMetadataTest {

    private static final int OUR_UT_METADATA_ID = 3;
    private static final int MAX_MESSAGE = 1 << 20;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void metadataServedByLibtorrentAssemblesAndVerifies_BEP9() throws Exception {
        RealTools.requireLibtorrent();
        Metainfo torrent = MetadataAssemblerTest.manyFiles(MetainfoVersion.HYBRID, 300);
        Path file = temp.resolve("many.torrent");
        Files.write(file, torrent.rawBytes());
        Path script = Path.of(getClass().getResource("/metadata/libtorrent-serve-metadata.py").toURI());
        Process libtorrent = new ProcessBuilder(RealTools.PYTHON, script.toString(), file.toString(), temp.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            int port = readPort(libtorrent);
            Metainfo fetched = fetchMetadata(port, torrent);
            assertArrayEquals(torrent.infoBytes(), fetched.infoBytes());
            assertEquals(torrent.infoHashes(), fetched.infoHashes());
        } finally {
            libtorrent.getOutputStream().close();
            if (!libtorrent.waitFor(10, TimeUnit.SECONDS)) {
                libtorrent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void libtorrentFetchesTheMetadataWeServe_BEP9() throws Exception {
        RealTools.requireLibtorrent();
        Metainfo torrent = MetadataAssemblerTest.manyFiles(MetainfoVersion.V1, 500);
        Path script = Path.of(getClass().getResource("/metadata/libtorrent-fetch-metadata.py").toURI());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            String magnet = "magnet:?xt=urn:btih:" + torrent.infoHashV1().orElseThrow().hex();
            Process libtorrent = new ProcessBuilder(RealTools.PYTHON, script.toString(), magnet,
                    Integer.toString(server.getLocalPort()), temp.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> serveMetadata(server, torrent));
                String line = new BufferedReader(new InputStreamReader(libtorrent.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertEquals("metadata " + torrent.infoHashV1().orElseThrow().hex() + " many", line);
                assertTrue(served.get(10, TimeUnit.SECONDS) > 1, "libtorrent asked for several pieces");
            } finally {
                server.close();
                if (!libtorrent.waitFor(10, TimeUnit.SECONDS)) {
                    libtorrent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Accepts libtorrent's connection and answers its ut_metadata requests until it hangs up; answers how many. */
    private static int serveMetadata(ServerSocket server, Metainfo torrent) {
        byte[] info = torrent.infoBytes();
        int answered = 0;
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(20_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            readHandshake(in);
            sendHandshake(out, torrent);
            sendExtended(out, 0, extensionHandshake(info.length));
            int theirId = -1;
            while (true) {
                byte[] message = readExtended(in);
                if (message[1] == 0) {
                    BDictionary theirs = (BDictionary) BDecoder.decode(Arrays.copyOfRange(message, 2, message.length));
                    theirId = (int) theirs.getDictionary("m").getLong("ut_metadata");
                } else if (message[1] == OUR_UT_METADATA_ID && theirId > 0) {
                    MetadataMessage request = MetadataMessage.parse(message, 2, message.length - 2,
                            MetadataMessage.DEFAULT_MAX_METADATA_SIZE).orElseThrow();
                    sendExtended(out, theirId, MetadataAssembler.piece(info, request.piece()).encode());
                    answered++;
                }
            }
        } catch (IOException | BencodeException | MetadataException hungUpOrBroken) {
            // libtorrent disconnects once it has the metadata; the count tells what it got.
            return answered;
        }
    }

    private static int readPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null || !line.matches("[1-9][0-9]*")) {
            fail("libtorrent did not report a listening port: " + line);
        }
        return Integer.parseInt(line);
    }

    private static Metainfo fetchMetadata(int port, Metainfo torrent) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            sendHandshake(out, torrent);
            readHandshake(in);
            sendExtended(out, 0, extensionHandshake(-1));

            MetadataAssembler assembler = null;
            int theirId = -1;
            while (true) {
                byte[] message = readExtended(in);
                int length = message.length;
                if (message[1] == 0) {
                    BDictionary theirs = (BDictionary) BDecoder.decode(Arrays.copyOfRange(message, 2, length));
                    theirId = (int) theirs.getDictionary("m").getLong("ut_metadata");
                    assembler = new MetadataAssembler(torrent.infoHashes(), theirs.getLong("metadata_size"));
                    OptionalInt piece;
                    while ((piece = assembler.nextPiece()).isPresent()) {
                        sendExtended(out, theirId, new MetadataMessage.Request(piece.getAsInt()).encode());
                    }
                } else if (message[1] == OUR_UT_METADATA_ID && assembler != null) {
                    MetadataMessage reply = MetadataMessage.parse(message, 2, length - 2,
                            MetadataMessage.DEFAULT_MAX_METADATA_SIZE).orElseThrow();
                    if (!(reply instanceof MetadataMessage.Data)) {
                        fail("libtorrent answered " + reply);
                    }
                    if (assembler.accept((MetadataMessage.Data) reply)) {
                        return assembler.metainfo(List.of(), List.of());
                    }
                }
            }
        }
    }

    private static void sendHandshake(DataOutputStream out, Metainfo torrent) throws IOException {
        byte[] reserved = new byte[8];
        reserved[5] = 0x10; // BEP 10: extension protocol
        out.writeByte(19);
        out.write("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
        out.write(reserved);
        out.write(torrent.infoHashV1().orElseThrow().truncated());
        out.write("-SP0001-metadatatest".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void readHandshake(DataInputStream in) throws IOException {
        byte[] handshake = new byte[68];
        in.readFully(handshake);
        assertEquals("\u0013BitTorrent protocol", new String(handshake, 0, 20, StandardCharsets.ISO_8859_1));
        assertTrue((handshake[25] & 0x10) != 0, "libtorrent supports the extension protocol");
    }

    /** {@code {m: {ut_metadata: 3}}}, with {@code metadata_size} when we have metadata to serve. */
    private static byte[] extensionHandshake(int metadataSize) {
        BEncoder handshake = new BEncoder().beginDictionary().string("m").beginDictionary()
                .string("ut_metadata").integer(OUR_UT_METADATA_ID).end();
        if (metadataSize > 0) {
            handshake.string("metadata_size").integer(metadataSize);
        }
        return handshake.end().toByteArray();
    }

    /** The next extended message (BEP 10), skipping keep-alives and every other message. */
    private static byte[] readExtended(DataInputStream in) throws IOException {
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                continue; // keep-alive
            }
            if (length < 0 || length > MAX_MESSAGE) {
                fail("message of " + length + " bytes");
            }
            byte[] message = new byte[length];
            in.readFully(message);
            if (message[0] == 20 && length >= 2) {
                return message;
            }
        }
    }

    private static void sendExtended(DataOutputStream out, int id, byte[] payload) throws IOException {
        out.writeInt(payload.length + 2);
        out.writeByte(20);
        out.writeByte(id);
        out.write(payload);
        out.flush();
    }
}
