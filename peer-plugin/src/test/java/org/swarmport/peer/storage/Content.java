package org.swarmport.peer.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.swarmport.peer.metainfo.ContentSource;
import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.FilePath;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoBuilder;
import org.swarmport.peer.metainfo.MetainfoVersion;

/**
 * Torrents for storage tests: files of given sizes filled with seeded random bytes, made into a
 * torrent by the real {@link MetainfoBuilder}, and the bytes of any piece-space range, computed
 * from the files, to compare storage with.
 */
final class Content {

    final Metainfo metainfo;
    /** Content by torrent path (the torrent name first, for a multi-file torrent). */
    final Map<FilePath, byte[]> files;

    private Content(Metainfo metainfo, Map<FilePath, byte[]> files) {
        this.metainfo = metainfo;
        this.files = files;
    }

    /** A multi-file torrent named {@code t} of files {@code f0, f1, ...} with the given sizes. */
    static Content of(MetainfoVersion version, long pieceLength, int... sizes) {
        Map<FilePath, byte[]> byPath = new LinkedHashMap<>();
        Random random = new Random(sizes.length * 31L + pieceLength);
        for (int i = 0; i < sizes.length; i++) {
            byte[] bytes = new byte[sizes[i]];
            random.nextBytes(bytes);
            byPath.put(FilePath.of(String.format("f%02d", i)), bytes);
        }
        return of(version, pieceLength, byPath);
    }

    /** A multi-file torrent named {@code t} of {@code byPath} (paths under the torrent's directory). */
    static Content of(MetainfoVersion version, long pieceLength, Map<FilePath, byte[]> byPath) {
        MetainfoBuilder builder = MetainfoBuilder.directory("t").version(version).pieceLength(pieceLength);
        Map<FilePath, byte[]> files = new LinkedHashMap<>();
        byPath.forEach((path, bytes) -> {
            builder.add(path, ContentSource.of(bytes));
            files.put(FilePath.of("t").resolve(path), bytes);
        });
        try {
            return new Content(builder.build(), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code metainfo} with contents for its files, by torrent path. */
    static Content of(Metainfo metainfo, Map<FilePath, byte[]> files) {
        return new Content(metainfo, files);
    }

    /** The bytes of file entry {@code index} (zeros for a pad file). */
    byte[] fileBytes(int index) {
        FileEntry entry = metainfo.files().get(index);
        return entry.padding() ? new byte[(int) entry.length()] : files.get(entry.path());
    }

    /** Index in {@code Metainfo.files()} of the file at {@code path} under the torrent's directory. */
    int index(String... pathUnderTorrent) {
        FilePath path = FilePath.of(metainfo.name()).resolve(FilePath.of(pathUnderTorrent));
        for (int i = 0; i < metainfo.files().size(); i++) {
            if (metainfo.files().get(i).path().equals(path)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no file " + path);
    }

    /** The bytes of piece {@code piece}, pads and gaps as zeros. */
    byte[] piece(int piece) {
        PieceMap map = PieceMap.of(metainfo);
        byte[] bytes = new byte[map.pieceSize(piece)];
        for (FileSpan span : map.spans(piece)) {
            if (!span.padding()) {
                System.arraycopy(fileBytes(span.file()), (int) span.fileOffset(), bytes, span.pieceOffset(), span.length());
            }
        }
        return bytes;
    }

    /** Writes every file that holds data, or has none, under {@code directory}, as a finished download. */
    void writeTo(Path directory) throws IOException {
        for (FileEntry entry : metainfo.files()) {
            if (entry.padding()) {
                continue;
            }
            Path file = directory.resolve(String.join("/", entry.path().components()));
            Files.createDirectories(file.getParent());
            Files.write(file, files.get(entry.path()));
        }
    }

    /** Writes every piece through {@code storage}, block by block. */
    void download(TorrentStorage storage) throws IOException {
        PieceMap map = storage.pieceMap();
        for (int piece = 0; piece < map.pieceCount(); piece++) {
            byte[] bytes = piece(piece);
            for (int offset = 0; offset < bytes.length; offset += PieceMap.BLOCK_SIZE) {
                int length = Math.min(PieceMap.BLOCK_SIZE, bytes.length - offset);
                storage.writeBlock(piece, offset, java.nio.ByteBuffer.wrap(bytes, offset, length));
            }
        }
    }
}
