package org.swarmport.portal.account;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106, version 0x13) from Bouncy Castle: the one place that calls it. */
final class Argon2id {

    private Argon2id() {
    }

    static byte[] tag(byte[] password, byte[] salt, Argon2Cost cost, int length) {
        return tag(password, salt, new byte[0], new byte[0], cost, length);
    }

    /** With the optional secret and associated data of RFC 9106 section 3.1; the portal uses neither. */
    static byte[] tag(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(associatedData)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[length];
        generator.generateBytes(password, tag);
        return tag;
    }
}
