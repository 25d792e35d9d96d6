package org.swarmport.tracker.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HitFieldsTest {

    @Test
    void roundTripsEveryFieldWithNullHashesAndAnyText() throws Exception {
        String odd = "<script>\"&'</script> \u00e9\u2014\ud83d\ude00";
        assertEquals(new HitFields(odd, null, "ab".repeat(32), List.of(odd, "hd")),
                HitFields.decoded(HitFields.encoded(odd, null, "ab".repeat(32), List.of(odd, "hd"))));
        assertEquals(new HitFields("n", "a".repeat(40), null, List.of()),
                HitFields.decoded(HitFields.encoded("n", "a".repeat(40), null, List.of())));
    }
}
