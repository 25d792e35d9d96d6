package org.swarmport.portal.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void lineBreaksFromAnyBrowserBecomeNewlinesAndOuterSpaceGoes() {
        assertEquals("one\ntwo\nthree", CommentText.normalized("  one\r\ntwo\rthree \n\n"));
    }

    @Test
    void missingTextIsEmpty() {
        assertEquals("", CommentText.normalized(null));
    }

    @Test
    void blankIsRefused() {
        assertEquals(Optional.of("Write something first."), CommentText.problem(CommentText.normalized(" \r\n\t ")));
    }

    @Test
    void fourThousandCharactersAreAccepted() {
        assertEquals(Optional.empty(), CommentText.problem("x".repeat(CommentText.MAX_LENGTH)));
    }

    @Test
    void oneMoreIsRefusedSayingHowLongItIs() {
        assertEquals(Optional.of("At most 4,000 characters; this one has 4,001."),
                CommentText.problem("x".repeat(CommentText.MAX_LENGTH + 1)));
    }

    @Test
    void markupIsJustTextHere() {
        // escaping is the page's job; the rule accepts what people may legitimately write about HTML
        assertEquals(Optional.empty(), CommentText.problem("<script>alert(1)</script> & <b>"));
    }

    @Test
    void controlCharactersOtherThanLineBreaksAndTabsAreRefused() {
        assertTrue(CommentText.problem("bell\u0007").isPresent());
        assertTrue(CommentText.problem("nul\u0000byte").isPresent());
        assertEquals(Optional.empty(), CommentText.problem("tab\there\nnext line"));
    }
}
