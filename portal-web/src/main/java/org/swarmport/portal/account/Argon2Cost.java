package org.swarmport.portal.account;

/**
 * How much work one Argon2id hash costs: memory in KiB, passes over it, lanes.
 *
 * @param memoryKib   {@code m}, at least 8 KiB per lane (RFC 9106 section 3.1)
 * @param iterations  {@code t}
 * @param parallelism {@code p}
 */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    /** OWASP's first recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
    static final Argon2Cost OWASP = new Argon2Cost(19 * 1024, 2, 1);

    /** Bounds on what a stored hash may ask for, so a bad row cannot exhaust the server. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB, got " + memoryKib);
        }
    }
}
