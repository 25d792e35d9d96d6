package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFilesTest {

    @TempDir
    Path directory;

    private final List<FileChannel> opened = new ArrayList<>();

    private OpenFiles cache(int capacity) throws IOException {
        for (int i = 0; i < 5; i++) {
            Files.write(directory.resolve("f" + i), new byte[] {(byte) i});
        }
        return new OpenFiles((file, writable) -> {
            try {
                FileChannel channel = writable
                        ? FileChannel.open(directory.resolve("f" + file), StandardOpenOption.READ, StandardOpenOption.WRITE)
                        : FileChannel.open(directory.resolve("f" + file), StandardOpenOption.READ);
                opened.add(channel);
                return channel;
            } catch (IOException e) {
                throw new StorageException("f" + file, "cannot open", e);
            }
        }, capacity);
    }

    @Test
    void noMoreThanTheCapacityStaysOpenLeastRecentlyUsedClosedFirst() throws Exception {
        OpenFiles cache = cache(2);
        for (int file = 0; file < 5; file++) {
            try (OpenFiles.Lease lease = cache.lease(file, false)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                lease.channel().read(one, 0);
                assertEquals(file, one.get(0));
            }
            assertTrue(cache.size() <= 2);
        }
        assertEquals(List.of(false, false, false, true, true), opened.stream().map(FileChannel::isOpen).toList());
        cache.closeAll();
        assertTrue(opened.stream().noneMatch(FileChannel::isOpen));
    }

    @Test
    void anEvictedChannelStaysOpenUntilItsLeaseEnds() throws Exception {
        OpenFiles cache = cache(1);
        OpenFiles.Lease held = cache.lease(0, false);
        try (OpenFiles.Lease other = cache.lease(1, false)) {
            assertTrue(held.channel().isOpen(), "a transfer in progress is not cut short");
        }
        FileChannel evicted = held.channel();
        held.close();
        assertFalse(evicted.isOpen());
        cache.closeAll();
    }

    @Test
    void aReadOnlyChannelIsReopenedWritableOnTheFirstWrite() throws Exception {
        OpenFiles cache = cache(4);
        FileChannel readOnly;
        try (OpenFiles.Lease lease = cache.lease(0, false)) {
            readOnly = lease.channel();
        }
        try (OpenFiles.Lease lease = cache.lease(0, true)) {
            assertNotSame(readOnly, lease.channel());
            lease.channel().write(ByteBuffer.wrap(new byte[] {9}), 0);
        }
        try (OpenFiles.Lease lease = cache.lease(0, false)) {
            assertSame(opened.get(1), lease.channel(), "the writable channel also serves reads");
        }
        assertFalse(readOnly.isOpen());
        cache.closeAll();
        assertEquals(9, Files.readAllBytes(directory.resolve("f0"))[0]);
    }
}
