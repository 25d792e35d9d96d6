package org.swarmport.peer.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilePathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "..|path has a '..' component",
            ".|path has a '.' component",
            "/etc|path is absolute",
            "\\\\server|path is absolute",
            "a/b|path component contains '/'",
            "a\\b|path component contains '\\'",
            "C:|path starts with a drive letter",
            "c:evil|path starts with a drive letter",
            "CON|path component 'CON' is a Windows device name",
            "nul.tar.gz|path component 'nul.tar.gz' is a Windows device name",
            "Com1|path component 'Com1' is a Windows device name",
            "LPT9.txt|path component 'LPT9.txt' is a Windows device name",
            "CON .txt|path component 'CON .txt' is a Windows device name",
            "clock$|path component 'clock$' is a Windows device name",
    })
    void unsafeComponentsAreNamedInTheMessage(String component, String defect) {
        assertEquals(defect, FilePath.defectOfComponent(component));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilePath.of("ok", component));
        assertEquals(defect, e.getMessage());
    }

    @Test
    void controlAndTextDirectionCharactersAreRefused() {
        assertEquals("path component contains a control character", FilePath.defectOfComponent("a\0b"));
        assertEquals("path component contains a control character", FilePath.defectOfComponent("a\nb"));
        assertEquals("path component contains a text-direction control character", FilePath.defectOfComponent("evil\u202etxt.exe"));
        assertEquals("path component contains a text-direction control character", FilePath.defectOfComponent("a\u2067b"));
        assertEquals("path has an empty component", FilePath.defectOfComponent(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.txt", "CONFIG", "COM10", "auxiliary", "nul_", "Star Wars: Episode IV", "café",
            "日本語.mkv", ".hidden", "...", "a..b", "Note: x"})
    void ordinaryNamesAreSafe(String component) {
        assertNull(FilePath.defectOfComponent(component));
    }

    @Test
    void componentsAndWholePathsHaveLengthLimits() {
        assertNull(FilePath.defectOfComponent("x".repeat(255)));
        assertEquals("path component is longer than 255 bytes", FilePath.defectOfComponent("x".repeat(256)));
        assertEquals("path component is longer than 255 bytes", FilePath.defectOfComponent("é".repeat(128)), "bytes, not chars");
        // 16 components of 250 bytes and their separators, then 80 bytes: 4,096 bytes in all.
        List<String> long4096 = new ArrayList<>(Collections.nCopies(16, "x".repeat(250)));
        long4096.add("x".repeat(4096 - 16 * 251));
        assertNull(FilePath.defectOf(long4096));
        long4096.set(16, long4096.get(16) + "x");
        assertEquals("path is longer than 4096 bytes", FilePath.defectOf(long4096));
        assertEquals("path has more than 256 components", FilePath.defectOf(Collections.nCopies(257, "a")));
        assertEquals("path is empty", FilePath.defectOf(List.of()));
    }

    @Test
    void pathsOrderByUnsignedUtf8BytesComponentByComponent_BEP52() {
        List<FilePath> paths = new ArrayList<>(List.of(FilePath.of("é"), FilePath.of("a", "b"), FilePath.of("a"),
                FilePath.of("B"), FilePath.of("a-b"), FilePath.of("a", "a")));
        Collections.sort(paths);
        assertEquals("[B, a, a/a, a/b, a-b, é]", paths.toString());
    }

    @Test
    void resolveAndStartsWith() {
        FilePath path = FilePath.of("d").resolve(FilePath.of("sub", "f"));
        assertEquals("d/sub/f", path.toString());
        assertEquals("f", path.fileName());
        assertTrue(path.startsWith(FilePath.of("d", "sub")));
        assertEquals(false, FilePath.of("d", "subway").startsWith(FilePath.of("d", "sub", "x")));
    }
}
