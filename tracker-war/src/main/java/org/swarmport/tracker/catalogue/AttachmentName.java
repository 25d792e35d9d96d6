package org.swarmport.tracker.catalogue;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a served .torrent: {@code attachment} with the torrent's
 * name. The plain {@code filename} keeps only characters no browser or shell misreads (no
 * quotes, slashes, control characters); {@code filename*} (RFC 6266, RFC 8187) carries the
 * full name in UTF-8 for browsers that read it.
 */
final class AttachmentName {

    private static final int MAX_CHARS = 150;

    private AttachmentName() {
    }

    static String of(String torrentName) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < torrentName.length() && plain.length() < MAX_CHARS; i++) {
            char c = torrentName.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == ' ' || c == '(' || c == ')' || c == '[' || c == ']';
            plain.append(safe ? c : '_');
        }
        String base = plain.toString().strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isEmpty()) {
            base = "torrent";
        }
        String full = torrentName.length() > MAX_CHARS ? torrentName.substring(0, MAX_CHARS) : torrentName;
        return "attachment; filename=\"" + base + ".torrent\"; filename*=UTF-8''"
                + MagnetLink.percentEncoded(full + ".torrent");
    }
}
