package org.swarmport.tracker.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The write API's token when {@code SWARMPORT_SERVICE_TOKEN} is not set: 32 random bytes,
 * base64url, generated once and kept in {@code <data dir>/service-token}, readable by its
 * owner only. So the portal in the same server (which reads the same file) reaches the write
 * API out of the box, and nobody without access to the data directory does.
 *
 * <p>Created atomically: written to a private temporary file, then hard-linked to its name,
 * which fails if another node or an earlier start got there first; the token that won is the
 * one read back. A reader never sees a half-written file.
 */
public final class ServiceTokenFile {

    public static final String FILE_NAME = "service-token";
    private static final int TOKEN_BYTES = 32;

    private ServiceTokenFile() {
    }

    /** The token in {@code directory}, made there first if there is none. */
    public static String readOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(directory, file);
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.length() < 16) {
            throw new IOException(file + " holds no usable token; delete it to have a new one generated");
        }
        return token;
    }

    private static void create(Path directory, Path file) throws IOException {
        Files.createDirectories(directory);
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, "." + FILE_NAME, ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
            }
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // its token is read back by the caller
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
