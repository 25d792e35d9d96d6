package org.swarmport.tracker.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No API request body may be larger than {@value #MAX_BODY_BYTES} bytes (a 10 MiB .torrent,
 * a 64 KiB description and the multipart framing around them): refused with 413 before any of
 * it is read when {@code Content-Length} says so, and cut off at the limit when a chunked
 * body does not say. Without it, the multipart reader would buffer whatever a client sends.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final long MAX_BODY_BYTES = 11L << 20;
    static final String TOO_LARGE = "request body larger than " + MAX_BODY_BYTES + " bytes";

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                request.abortWith(ApiError.response(400, "Content-Length is not a number"));
                return;
            }
            if (length > MAX_BODY_BYTES) {
                request.abortWith(ApiError.response(413, TOO_LARGE));
            }
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream()));
        }
    }

    /** Throws the 413 once a chunked body goes past the limit. */
    private static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw ApiError.exception(413, TOO_LARGE);
            }
        }
    }
}
