package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The broken and hostile corpus ({@code src/test/corpus/make-hostile.py}): real torrents with
 * one defect each, and the message a user must see for it, recorded in {@code expected.tsv}.
 */
class HostileCorpusTest {

    private static final String DIRECTORY = "/metainfo/hostile/";

    record Case(String file, String message) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        String manifest = new String(ToolCorpusTest.resource(DIRECTORY + "expected.tsv"), StandardCharsets.UTF_8);
        for (String line : manifest.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split("\t", 2);
                cases.add(new Case(fields[0], fields[1]));
            }
        }
        return cases.stream();
    }

    @Test
    void theCorpusCoversEveryKindOfDefect() throws IOException {
        assertTrue(corpus().count() >= 40);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachDefectIsRefusedWithItsOwnMessage(Case hostile) throws IOException {
        byte[] torrent = ToolCorpusTest.resource(DIRECTORY + hostile.file());
        MetainfoException e = assertThrows(MetainfoException.class, () -> MetainfoParser.parse(torrent));
        assertEquals(hostile.message(), e.getMessage());
    }
}
