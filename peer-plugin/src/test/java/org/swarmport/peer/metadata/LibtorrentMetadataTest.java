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
import org.swarmport.peer.interop.RealTools;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * Real metadata from a real client: a libtorrent session serves a torrent, and a bare-bones
 * peer written here (BEP 3 handshake, BEP 10 extension handshake, nothing else) fetches its
 * info dictionary with our {@code ut_metadata} codec and assembler.
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
            byte[] reserved = new byte[8];
            reserved[5] = 0x10; // BEP 10: extension protocol
            out.writeByte(19);
            out.write("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
            out.write(reserved);
            out.write(torrent.infoHashV1().orElseThrow().truncated());
            out.write("-SP0001-metadatatest".getBytes(StandardCharsets.US_ASCII));
            byte[] handshake = new byte[68];
            in.readFully(handshake);
            assertTrue((handshake[25] & 0x10) != 0, "libtorrent supports the extension protocol");
            byte[] ours = new BEncoder().beginDictionary().string("m").beginDictionary()
                    .string("ut_metadata").integer(OUR_UT_METADATA_ID).end().end().toByteArray();
            sendExtended(out, 0, ours);

            MetadataAssembler assembler = null;
            int theirId = -1;
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
                if (message[0] != 20) {
                    continue; // bitfield, have, unchoke...: not our business here
                }
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

    private static void sendExtended(DataOutputStream out, int id, byte[] payload) throws IOException {
        out.writeInt(payload.length + 2);
        out.writeByte(20);
        out.writeByte(id);
        out.write(payload);
        out.flush();
    }
}
