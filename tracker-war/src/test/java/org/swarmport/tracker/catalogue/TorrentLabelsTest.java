package org.swarmport.tracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Categories, tags, descriptions and the PATCH body that changes them. */
class TorrentLabelsTest {

    private static final TorrentLabels CURRENT = new TorrentLabels(Category.TV, List.of("1080p"), "old");

    private static TorrentLabels patch(String json) {
        return TorrentPatch.apply(json.getBytes(StandardCharsets.UTF_8), CURRENT);
    }

    @Test
    void categoriesAreTorznabTopLevelIdsOrTheirNames() {
        assertEquals(Category.MOVIES, Category.parse("2000"));
        assertEquals(Category.PC, Category.parse(" pc "));
        assertEquals(List.of(1000, 2000, 3000, 4000, 5000, 7000, 8000), Category.ALL.stream().map(Category::id).toList());
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Category.parse("6000"));
        assertTrue(e.getMessage().startsWith("category: must be one of 1000 console, 2000 movies"), e.getMessage());
    }

    @Test
    void tagsAreLowercasedSortedAndEachKeptOnce() {
        assertEquals(List.of("1080p", "c++", "x.264"), Tags.parse(" X.264,1080p,,c++, 1080P "));
        assertEquals(List.of(), Tags.parse("  "));
    }

    @Test
    void tagsOutsideTheAlphabetOrTooManyAreRefused() {
        for (String bad : new String[] {"-dash", "two words", "ünï", "a".repeat(33), "tag<script>"}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> Tags.parse(bad), bad);
            assertEquals("tags", e.field());
        }
        assertEquals(32, Tags.parse("a".repeat(32)).get(0).length());
        String seventeen = String.join(",", java.util.stream.IntStream.range(0, 17).mapToObj(i -> "t" + i).toList());
        assertEquals("tags: at most 16 tags, got 17", assertThrows(InvalidFieldException.class,
                () -> Tags.parse(seventeen)).getMessage());
    }

    @Test
    void descriptionIsPlainTextOfAtMost64KiBWithoutControlCharacters() {
        assertNull(PlainText.description("   "));
        assertEquals("line\nnext\ttab", PlainText.description("line\nnext\ttab"));
        assertEquals(65_536, PlainText.description("é".repeat(32_768)).length() * 2);
        assertThrows(InvalidFieldException.class, () -> PlainText.description("é".repeat(32_768) + "x"));
        assertThrows(InvalidFieldException.class, () -> PlainText.description("nul\0byte"));
        assertThrows(InvalidFieldException.class, () -> PlainText.uploader("two\nlines"));
    }

    @Test
    void aTitleIsOneStrippedLineOfAtMost250CharactersAndBlankMeansNone() {
        assertNull(PlainText.title(null));
        assertNull(PlainText.title(" \t "));
        assertEquals("Some Film (2026)", PlainText.title("  Some Film (2026) "));
        assertEquals(250, PlainText.title("é".repeat(250)).length());
        assertEquals(500, PlainText.title("\uD83C\uDFAC".repeat(250)).length(), "counted in characters, not UTF-16 units");
        assertEquals("title: at most 250 characters, got 251", assertThrows(InvalidFieldException.class,
                () -> PlainText.title("x".repeat(251))).getMessage());
        assertEquals("title", assertThrows(InvalidFieldException.class, () -> PlainText.title("a\u0007b")).field());
    }

    @Test
    void patchSetsAndClearsTheTitle() {
        TorrentLabels titled = patch("{\"title\": \" A Title \"}");
        assertEquals(new TorrentLabels("A Title", Category.TV, List.of("1080p"), "old"), titled);
        assertEquals(CURRENT, TorrentPatch.apply("{\"title\": null}".getBytes(StandardCharsets.UTF_8), titled));
        assertEquals(CURRENT, TorrentPatch.apply("{\"title\": \"  \"}".getBytes(StandardCharsets.UTF_8), titled));
        assertEquals(titled, TorrentPatch.apply("{\"tags\": [\"1080p\"]}".getBytes(StandardCharsets.UTF_8), titled),
                "a patch without a title keeps it");
    }

    @Test
    void patchChangesOnlyTheMembersItNamesAndNullClearsTheDescription() {
        assertEquals(new TorrentLabels(Category.BOOKS, List.of("1080p"), null),
                patch("{\"category\": 7000, \"description\": null}"));
        assertEquals(new TorrentLabels(Category.TV, List.of("a", "b"), "old"), patch("{\"tags\": [\"B\", \"a\"]}"));
        assertEquals(CURRENT, patch("{}"));
    }

    @Test
    void patchRefusesTheNameUnknownFieldsWrongTypesAndBrokenJson() {
        String[][] cases = {
            {"{\"name\": \"x\"}", "name: comes from the metainfo and cannot be changed (a title can be set)"},
            {"{\"colour\": 1}", "colour: unknown field: a patch may change title, category, tags, description"},
            {"{\"title\": 5}", "title: must be a string"},
            {"{\"title\": \"two\\nlines\"}", "title: contains a control character at position 3"},
            {"{\"tags\": \"a,b\"}", "tags: must be an array of strings"},
            {"{\"description\": 5}", "description: must be a string"},
            {"[1]", "body: must be a JSON object"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], assertThrows(InvalidFieldException.class, () -> patch(c[0])).getMessage(), c[0]);
        }
        assertTrue(assertThrows(InvalidFieldException.class, () -> patch("{\"tags\": ")).getMessage()
                .startsWith("body: is not JSON"));
    }
}
