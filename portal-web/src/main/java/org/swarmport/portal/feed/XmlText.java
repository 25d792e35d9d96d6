package org.swarmport.portal.feed;

/**
 * Text as XML 1.0 may carry it. Torrent names come from .torrent files, which allow any
 * byte; XML 1.0 forbids most control characters even as character references, so one such
 * character in one name would make the whole feed unreadable to every consumer.
 */
final class XmlText {

    private XmlText() {
    }

    /** The text with every character XML 1.0 forbids (and every unpaired surrogate) replaced by U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (!allowed && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (kept != null) {
                kept.append(allowed ? c : '\uFFFD');
            }
        }
        return kept == null ? text : kept.toString();
    }
}
