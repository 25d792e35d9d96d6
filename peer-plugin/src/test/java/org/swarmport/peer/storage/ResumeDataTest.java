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

import org.junit.jupiter.api.Test;
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

    @Test
    void wrongTypesAreNamed() {
        String good = text(sample().encode(metainfo));
        assertEquals("resume data: is a list, not a dictionary", message(bytes("le")));
        assertEquals("resume data: bencode: \"pieces\" is an integer, expected a string in dictionary at offset 0",
                message(bytes(good.replaceFirst("6:pieces1:.", "6:piecesi7e"))));
        assertEquals("resume data: files[0]: is not a dictionary",
                message(bytes(good.replace(FIRST_FILE, "i1e"))));
        assertEquals("resume data: file format: is not 'swarmport resume'",
                message(bytes(good.replace("16:swarmport resume", "16:swarmport RESUME"))));
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
    void theWrongNumberOfPiecesOrFilesIsRefused_BEP3() {
        String good = text(sample().encode(metainfo));
        // Two bitfield bytes for a torrent of three pieces, which needs one.
        assertEquals("resume data: pieces: bitfield of 2 bytes for 3 pieces (expected 1)",
                message(bytes(good.replaceFirst("6:pieces1:(.)", "6:pieces2:$1\u0000"))));
        assertEquals("resume data: pieces: bitfield has spare bit 3 set beyond the last piece 2",
                message(bytes(good.replaceFirst("6:pieces1:.", "6:pieces1:\u00ff"))));
        assertEquals("resume data: files: 3 entries for the torrent's 4 files",
                message(bytes(good.replace(FIRST_FILE, ""))));
        assertEquals("resume data: priorities: 5 entries for the torrent's 4 files",
                message(bytes(good.replace("10:prioritiesl", "10:prioritiesli0e"))));
    }

    @Test
    void hugeAndNegativeNumbersAreRefusedOrHarmless() throws Exception {
        String good = text(sample().encode(metainfo));
        assertEquals("resume data: files[0].size: -5 is negative",
                message(bytes(good.replace("4:sizei20000e", "4:sizei-5e"))));
        assertEquals("resume data: priorities[0]: 99 is not a priority 0..3",
                message(bytes(good.replace("10:prioritiesli3e", "10:prioritiesli99e"))));
        String tooBig = message(bytes(good.replace("4:sizei20000e", "4:sizei99999999999999999999e")));
        assertEquals(true, tooBig.startsWith("resume data: bencode: "), tooBig);
        assertEquals("resume data: piece length: 1099511627776 is not the torrent's 16384",
                message(bytes(good.replace("12:piece lengthi16384e", "12:piece lengthi1099511627776e"))));
        // The largest size there is decodes; it simply matches no file, so the file is rechecked.
        ResumeData huge = ResumeData.decode(bytes(good.replace("4:sizei20000e", "4:sizei" + Long.MAX_VALUE + "e")), metainfo);
        assertEquals(Long.MAX_VALUE, huge.files().get(0).orElseThrow().size());
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
