package org.swarmport.portal.feed;

/**
 * A Torznab error: its code from the spec and the HTTP status it goes out with. Answered as
 * {@code <error code="…" description="…"/>} with an XML content type: Prowlarr and Sonarr read
 * the error element of any answer whose type names XML, whatever its status, and map code
 * 100–199 to "invalid API key"; Jackett's own Torznab server answers parameter errors with 400
 * and a busy indexer with 429, and so do these statuses, so a generic HTTP client sees a
 * failure too.
 */
final class TorznabError extends Exception {

    static final int BAD_API_KEY = 100;
    static final int MISSING_PARAMETER = 200;
    static final int BAD_PARAMETER = 201;
    static final int NO_SUCH_FUNCTION = 202;
    static final int FUNCTION_NOT_AVAILABLE = 203;
    static final int OTHER = 900;

    private final int code;
    private final int httpStatus;

    private TorznabError(int code, int httpStatus, String description) {
        super(description, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    static TorznabError badApiKey(String description) {
        return new TorznabError(BAD_API_KEY, 401, description);
    }

    static TorznabError missingParameter(String name) {
        return new TorznabError(MISSING_PARAMETER, 400, "Missing parameter (" + name + ")");
    }

    static TorznabError badParameter(String description) {
        return new TorznabError(BAD_PARAMETER, 400, "Incorrect parameter (" + description + ")");
    }

    static TorznabError noSuchFunction(String function) {
        return new TorznabError(NO_SUCH_FUNCTION, 400, "No such function (" + function + ")");
    }

    static TorznabError functionNotAvailable(String description) {
        return new TorznabError(FUNCTION_NOT_AVAILABLE, 400, "Function not available (" + description + ")");
    }

    /** The tracker behind the portal does not answer: try again later. */
    static TorznabError trackerUnavailable() {
        return new TorznabError(OTHER, 503, "The tracker cannot be reached right now; try again later");
    }

    static TorznabError other(String description) {
        return new TorznabError(OTHER, 500, description);
    }

    int code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }

    String description() {
        return getMessage();
    }
}
