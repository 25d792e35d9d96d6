package org.swarmport.peer.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.swarmport.peer.storage.StorageException;

/** Where a test's storage call waits, once the test has armed it, until the test opens it. */
final class StoreGate {

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean armed;

    /** Passes at once while not armed; armed, says it was entered and waits for {@link #release} (20 s at most). */
    void pass() throws StorageException {
        if (!armed) {
            return;
        }
        entered.countDown();
        try {
            if (!release.await(20, TimeUnit.SECONDS)) {
                throw new StorageException("test storage call never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted");
        }
    }
}
