package org.swarmport.portal.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why someone reports a torrent or a comment; stored by {@link #code()} ({@code report.reason}). */
public enum ReportReason {
    SPAM("spam", "Spam or advertising"),
    ILLEGAL("illegal", "Illegal content"),
    WRONG_CATEGORY("wrong-category", "Wrong category"),
    FAKE("fake", "Fake or not what it says"),
    OTHER("other", "Something else");

    /** Longest optional text a report may carry ({@code report.details}). */
    public static final int DETAILS_MAX = 500;

    private final String code;
    private final String label;

    ReportReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** As stored and as the form sends it. */
    public String code() {
        return code;
    }

    /** As the pages show it. */
    public String label() {
        return label;
    }

    /** The reason a form sent, if it is one of ours; anything else (forged, blank) is empty. */
    public static Optional<ReportReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    /** What is wrong with a report's optional text, for the form; empty when it is fine. */
    public static Optional<String> detailsProblem(String details) {
        if (details != null && details.strip().length() > DETAILS_MAX) {
            return Optional.of("At most " + DETAILS_MAX + " characters.");
        }
        if (details != null && details.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of("Remove the control characters.");
        }
        return Optional.empty();
    }
}
