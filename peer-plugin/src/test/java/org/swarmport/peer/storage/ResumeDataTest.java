package org.swarmport.peer.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.swarmport.peer.metainfo.Metainfo;
import org.swarmport.peer.metainfo.MetainfoVersion;
import org.swarmport.peer.wire.Bitfield;

/** The resume file is ours, but whatever a crash or a hand edit leaves in it must mean "recheck", never a crash. */
class ResumeDataTest {

    /** How {@link #sample()} encodes its first file's state. */
    private static final String FIRST_FILE = "d5:mtimei1700000000123e4:sizei20000ee";

    private final Metainfo metainfo = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 0, 5).metainfo;

    private ResumeData sample() {
        Bitfield pieces = new Bitfield(metainfo.pieceCount());
        pieces.set(0);
        pieces.set(2);
        return new ResumeData(pieces,
                List.of(Optional.of(new FileState(20_000, 1_700_000_000_123L)), Optional.empty(), Optional.empty(),
                        Optional.of(new FileState(5, -1))),
                Optional.of(new FileState(16392, 42)),
                List.of(FilePriority.HIGH, FilePriority.SKIP, FilePriority.NORMAL, FilePriority.LOW));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The defect found in {@link #sample()}'s encoding after its first match of {@code regex} is
     * replaced by {@code replacement}.
     */
    private String defect(String regex, String replacement) {
        return message(bytes(text(sample().encode(metainfo)).replaceFirst(regex, replacement)));
    }

    private String message(byte[] data) {
        return assertThrows(ResumeDataException.class, () -> ResumeData.decode(data, metainfo)).getMessage();
    }

    @Test
    void resumeDataRoundTrips() throws Exception {
        ResumeData data = sample();
        ResumeData back = ResumeData.decode(data.encode(metainfo), metainfo);
        assertEquals(data.pieces(), back.pieces());
        assertEquals(data.files(), back.files());
        assertEquals(data.part(), back.part());
        assertEquals(data.priorities(), back.priorities());
        assertArrayEquals(data.encode(metainfo), back.encode(metainfo), "canonical bencode");
    }

    @Test
    void everyTruncationIsADefectNotACrash() {
        byte[] whole = sample().encode(metainfo);
        for (int length = 0; length < whole.length; length++) {
            message(Arrays.copyOf(whole, length));
        }
    }

    /** Edits of valid resume data (a regex, its replacement) and the defect each must be named by. */
    static Stream<Arguments> hostileEdits() {
        return Stream.of(
                // wrong types
                Arguments.of("6:pieces1:.", "6:piecesi7e",
                        "resume data: bencode: \"pieces\" is an integer, expected a string in dictionary at offset 0"),
                Arguments.of(FIRST_FILE, "i1e", "resume data: files[0]: is not a dictionary"),
                Arguments.of("16:swarmport resume", "16:swarmport RESUME",
                        "resume data: file format: is not 'swarmport resume'"),
                // the wrong number of pieces (BEP 3 bitfield: two bytes where three pieces need one) or files
                Arguments.of("6:pieces1:(.)", "6:pieces2:$1\u0000",
                        "resume data: pieces: bitfield of 2 bytes for 3 pieces (expected 1)"),
                Arguments.of("6:pieces1:.", "6:pieces1:\u00ff",
                        "resume data: pieces: bitfield has spare bit 3 set beyond the last piece 2"),
                Arguments.of(FIRST_FILE, "", "resume data: files: 3 entries for the torrent's 4 files"),
                Arguments.of("10:prioritiesl", "10:prioritiesli0e",
                        "resume data: priorities: 5 entries for the torrent's 4 files"),
                // huge and negative numbers
                Arguments.of("4:sizei20000e", "4:sizei-5e", "resume data: files[0].size: -5 is negative"),
                Arguments.of("10:prioritiesli3e", "10:prioritiesli99e",
                        "resume data: priorities[0]: 99 is not a priority 0..3"),
                Arguments.of("4:sizei20000e", "4:sizei99999999999999999999e",
                        "resume data: bencode: integer overflows 64 bits at offset 89"),
                Arguments.of("12:piece lengthi16384e", "12:piece lengthi1099511627776e",
                        "resume data: piece length: 1099511627776 is not the torrent's 16384"));
    }

    @ParameterizedTest
    @MethodSource("hostileEdits")
    void eachHostileEditIsNamed(String regex, String replacement, String expected) {
        assertEquals(expected, defect(regex, replacement));
    }

    @Test
    void theLargestSizeDecodesAndSimplyMatchesNoFile() throws Exception {
        ResumeData huge = ResumeData.decode(bytes(text(sample().encode(metainfo))
                .replace("4:sizei20000e", "4:sizei" + Long.MAX_VALUE + "e")), metainfo);
        assertEquals(Long.MAX_VALUE, huge.files().get(0).orElseThrow().size());
    }

    @Test
    void anotherTorrentsResumeDataIsRefused() {
        Metainfo other = Content.of(MetainfoVersion.HYBRID, 16384, 20_000, 0, 6).metainfo;
        byte[] theirs = new ResumeData(new Bitfield(other.pieceCount()), List.of(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(),
                List.of(FilePriority.NORMAL, FilePriority.SKIP, FilePriority.NORMAL, FilePriority.NORMAL)).encode(other);
        assertEquals("resume data: info-hash: is another torrent's", message(theirs));
    }

    @Test
    void aListIsNotResumeData() {
        assertEquals("resume data: is a list, not a dictionary", message(bytes("le")));
    }

    @Test
    void dataLongerThanAnyValidResumeDataIsRefusedUnparsed() {
        byte[] padded = Arrays.copyOf(sample().encode(metainfo), ResumeData.maxLength(metainfo) + 1);
        String defect = message(padded);
        assertEquals(true, defect.startsWith("resume data: bencode: "), defect);
    }

    @Test
    void randomMutationsNeverEscapeAsAnythingButADefect() {
        byte[] whole = sample().encode(metainfo);
        Random random = new Random(20261201);
        for (int round = 0; round < 5_000; round++) {
            byte[] mutated = whole.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                ResumeData.decode(mutated, metainfo);
            } catch (ResumeDataException expected) {
                // a defect, named
            } catch (RuntimeException e) {
                fail("mutation " + round + " escaped as " + e, e);
            }
        }
    }
}
