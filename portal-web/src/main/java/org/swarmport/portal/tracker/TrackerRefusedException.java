package org.swarmport.portal.tracker;

import java.util.OptionalLong;

/**
 * The tracker refused a write with a 4xx its API documents: 400 (a field it will not store; its
 * message begins with the field's name, {@code tags: …}), 404 (no such torrent), 409 (already
 * in the catalogue: {@link #existingId()} names the torrent there), 413 (too large). The message
 * is the tracker's own, meant for the person who filled in the form.
 */
public class TrackerRefusedException extends Exception {

    private final int status;
    private final OptionalLong existingId;

    public TrackerRefusedException(int status, String trackerMessage, OptionalLong existingId) {
        super(trackerMessage);
        this.status = status;
        this.existingId = existingId;
    }

    public int status() {
        return status;
    }

    /** For a 409: the id of the torrent already in the catalogue. */
    public OptionalLong existingId() {
        return existingId;
    }

    /** The field the tracker's message names ({@code title}, {@code tags}, {@code metainfo} …), or empty. */
    public String field() {
        String message = getMessage();
        int colon = message == null ? -1 : message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : "";
    }

    /** The message without the field's name in front. */
    public String defect() {
        String field = field();
        return field.isEmpty() ? getMessage() : getMessage().substring(field.length() + 1).strip();
    }
}
