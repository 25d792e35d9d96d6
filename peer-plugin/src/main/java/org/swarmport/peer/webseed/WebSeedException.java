package org.swarmport.peer.webseed;

import java.io.IOException;

/**
 * A web seed (BEP 19) could not serve a range: an unusable URL, an HTTP status other than the
 * one a range request expects, a {@code Content-Range} that names other bytes, a body longer
 * or shorter than asked, a timeout. The message names the defect and is fit to show a user.
 */
public final class WebSeedException extends IOException {

    private static final long serialVersionUID = 1L;

    public WebSeedException(String message) {
        super(message);
    }

    public WebSeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
