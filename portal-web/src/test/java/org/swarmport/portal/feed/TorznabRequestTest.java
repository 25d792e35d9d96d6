package org.swarmport.portal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TorznabRequestTest {

    private static Map<String, String[]> parameters(String... namesAndValues) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return map;
    }

    private static TorznabRequest parse(String... namesAndValues) throws TorznabError {
        return TorznabRequest.parse(parameters(namesAndValues));
    }

    private static TorznabError error(String... namesAndValues) {
        return assertThrows(TorznabError.class, () -> parse(namesAndValues));
    }

    @Test
    void aSearchWithoutParametersIsTheNewestFifty() throws TorznabError {
        TorznabRequest request = parse("t", "search");
        assertEquals(TorznabRequest.Function.SEARCH, request.function());
        assertEquals("", request.query());
        assertEquals(List.of(), request.categories());
        assertEquals(50, request.limit());
        assertEquals(0, request.offset());
    }

    @Test
    void theFunctionNameIsReadInAnyCase() throws TorznabError {
        assertEquals(TorznabRequest.Function.TV_SEARCH, parse("t", "TVSearch").function());
        assertEquals(TorznabRequest.Function.MOVIE, parse("t", "movie").function());
        assertEquals(TorznabRequest.Function.CAPS, parse("t", "caps").function());
    }

    @Test
    void limitIsCappedAtTheMaximumOfCaps() throws TorznabError {
        assertEquals(100, parse("t", "search", "limit", "5000").limit());
        assertEquals(1, parse("t", "search", "limit", "1").limit());
        assertEquals(30, parse("t", "search", "limit", "30", "offset", "60").limit());
        assertEquals(60, parse("t", "search", "limit", "30", "offset", "60").offset());
    }

    @Test
    void badNumbersAreIncorrectParameters_201() {
        for (String[] bad : List.of(new String[] {"limit", "0"}, new String[] {"limit", "-1"}, new String[] {"limit", "ten"},
                new String[] {"offset", "-5"}, new String[] {"offset", "1e3"}, new String[] {"limit", "99999999999"},
                new String[] {"cat", "2000,tv"}, new String[] {"cat", "2000;5000"})) {
            TorznabError error = error("t", "search", bad[0], bad[1]);
            assertEquals(201, error.code(), bad[0] + "=" + bad[1]);
            assertEquals(400, error.httpStatus());
            assertTrue(error.description().contains(bad[0]), error.description());
        }
    }

    @Test
    void categoriesAreACommaListWithoutRepeats() throws TorznabError {
        assertEquals(List.of(5030, 5040, 2000), parse("t", "search", "cat", "5030, 5040,,2000,5030").categories());
    }

    @Test
    void tooManyCategoriesOrTooLongAQueryAreRefused() {
        StringBuilder cats = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            cats.append(1000 + i).append(',');
        }
        assertEquals(201, error("t", "search", "cat", cats.toString()).code());
        assertEquals(201, error("t", "search", "q", "x".repeat(201)).code());
    }

    @Test
    void missingFunctionIsMissingParameter_200() {
        TorznabError error = error("q", "show");
        assertEquals(200, error.code());
        assertEquals(400, error.httpStatus());
    }

    @Test
    void unknownFunctionIs202AndAnUnofferedOneIs203() {
        assertEquals(202, error("t", "frobnicate").code());
        assertEquals(203, error("t", "music").code());
        assertEquals(203, error("t", "book").code());
        assertTrue(error("t", "x".repeat(500)).description().length() < 100, "the echo of t is bounded");
    }

    @Test
    void tvSearchAppendsSeasonAndEpisodeAsJackettDoes() throws TorznabError {
        assertEquals("Show Name S01E02", parse("t", "tvsearch", "q", "Show Name", "season", "1", "ep", "2").query());
        assertEquals("Show S03", parse("t", "tvsearch", "q", "Show", "season", "3").query());
        assertEquals("Daily 2016.12.20", parse("t", "tvsearch", "q", "Daily", "season", "2016", "ep", "12/20").query());
        assertEquals("S10E11", parse("t", "tvsearch", "season", "10", "ep", "11").query());
        assertEquals("Show", parse("t", "tvsearch", "q", "Show").query());
        assertEquals("", parse("t", "search", "season", "1", "ep", "2").query(), "only a TV search reads season and ep");
    }

    @Test
    void badSeasonOrEpisodeAreRefused() {
        assertEquals(201, error("t", "tvsearch", "q", "x", "season", "one").code());
        assertEquals(201, error("t", "tvsearch", "q", "x", "season", "1", "ep", "two").code());
        assertEquals(201, error("t", "tvsearch", "q", "x", "season", "1", "ep", "12/20").code(), "a date needs a year");
        assertEquals(200, error("t", "tvsearch", "q", "x", "ep", "2").code(), "an episode needs its season");
    }

    @Test
    void authenticationErrorsAreCode100WithStatus401() {
        TorznabError error = TorznabError.badApiKey("Incorrect user credentials");
        assertEquals(100, error.code());
        assertEquals(401, error.httpStatus());
        assertEquals(900, TorznabError.trackerUnavailable().code());
        assertEquals(503, TorznabError.trackerUnavailable().httpStatus());
    }
}
