package org.swarmport.tracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceTokenFileTest {

    @TempDir
    Path data;

    @Test
    void aTokenIsGeneratedOnceOwnerOnlyAndReadBackAfterwards() throws Exception {
        Path directory = data.resolve("not/there/yet");

        String token = ServiceTokenFile.readOrCreate(directory);

        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        Path file = directory.resolve(ServiceTokenFile.FILE_NAME);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        assertEquals(token, ServiceTokenFile.readOrCreate(directory));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void twoStartsAtOnceAgreeOnOneToken() throws Exception {
        String[] tokens = new String[8];
        Thread[] threads = new Thread[tokens.length];
        for (int i = 0; i < threads.length; i++) {
            int slot = i;
            threads[i] = new Thread(() -> {
                try {
                    tokens[slot] = ServiceTokenFile.readOrCreate(data);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (String token : tokens) {
            assertEquals(tokens[0], token);
        }
    }

    @Test
    void anEmptyTokenFileIsRefusedNotUsed() throws Exception {
        Files.writeString(data.resolve(ServiceTokenFile.FILE_NAME), "\n");

        IOException e = assertThrows(IOException.class, () -> ServiceTokenFile.readOrCreate(data));
        assertTrue(e.getMessage().endsWith("delete it to have a new one generated"), e.getMessage());
    }
}
