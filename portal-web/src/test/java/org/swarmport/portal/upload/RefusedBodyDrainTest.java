package org.swarmport.portal.upload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only the POST that UploadSizeLimit refuses unread may be drained past the portal's own bound. */
class RefusedBodyDrainTest {

    @Test
    void aPostOver16MiBIsDrainedAndNothingElseIs() {
        assertTrue(RefusedBodyDrain.isRefused("POST", UploadSizeLimit.MAX_REQUEST_BYTES + 1));
        assertTrue(RefusedBodyDrain.isRefused("POST", 300L << 20));
        assertFalse(RefusedBodyDrain.isRefused("POST", UploadSizeLimit.MAX_REQUEST_BYTES), "16 MiB is read by the form");
        assertFalse(RefusedBodyDrain.isRefused("POST", -1), "a chunked body keeps the portal's bound");
        assertFalse(RefusedBodyDrain.isRefused("PUT", 300L << 20), "UploadSizeLimit refuses only a POST");
        assertFalse(RefusedBodyDrain.isRefused("GET", 300L << 20));
    }
}
