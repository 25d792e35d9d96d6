package org.swarmport.db.jdbc;

/**
 * JDBC URLs as they may be shown to people: without anything that could hold a secret.
 * PostgreSQL URLs can carry {@code user} and {@code password} in their query string.
 */
public final class DatabaseUrls {

    private DatabaseUrls() {
    }

    /** The URL up to its query string or H2 settings, e.g. {@code jdbc:postgresql://db:5432/swarmport}. */
    public static String redacted(String url) {
        if (url == null) {
            return "(none)";
        }
        int end = url.length();
        for (char stop : new char[] {'?', ';'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String head = url.substring(0, end);
        // jdbc:postgresql://user:secret@host/db is not a form PostgreSQL's driver accepts,
        // but a person may still type it; never echo what stands before an '@'.
        int at = head.indexOf('@');
        int slashes = head.indexOf("//");
        if (at >= 0 && slashes >= 0 && at > slashes) {
            head = head.substring(0, slashes + 2) + "…@" + head.substring(at + 1);
        }
        return head;
    }

    /** Only the scheme, e.g. {@code jdbc:mysql:}, for messages about URLs that are not accepted. */
    public static String scheme(String url) {
        if (url == null) {
            return "(none)";
        }
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        return second < 0 ? "an URL without a jdbc:<database>: scheme" : url.substring(0, second + 1);
    }
}
