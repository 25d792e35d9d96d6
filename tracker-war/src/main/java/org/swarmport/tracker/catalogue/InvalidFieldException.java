package org.swarmport.tracker.catalogue;

/**
 * A value a client sent for a torrent that cannot be stored; the API answers 400 with
 * {@link #getMessage()}, which names the field and is fit to show to the person who typed it.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String defect) {
        super(field + ": " + defect);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
