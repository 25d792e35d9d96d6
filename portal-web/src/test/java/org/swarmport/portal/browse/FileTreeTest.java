package org.swarmport.portal.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swarmport.portal.tracker.TorrentDetails;

class FileTreeTest {

    private static TorrentDetails.File file(String path, long length) {
        return new TorrentDetails.File(path, length);
    }

    @Test
    void foldersComeBeforeFilesAndHoldTheSumOfWhatIsInThem() {
        List<FileTreeRow> rows = FileTree.rows(List.of(
                file("Show/readme.txt", 5), file("Show/video/b.mkv", 200), file("Show/video/extras/t.mkv", 30),
                file("Show/video/a.mkv", 100)));

        assertEquals(List.of(
                new FileTreeRow("Show", 0, 335, true),
                new FileTreeRow("video", 1, 330, true),
                new FileTreeRow("extras", 2, 30, true),
                new FileTreeRow("t.mkv", 3, 30, false),
                new FileTreeRow("a.mkv", 2, 100, false),
                new FileTreeRow("b.mkv", 2, 200, false),
                new FileTreeRow("readme.txt", 1, 5, false)), rows);
    }

    @Test
    void aSingleFileTorrentIsOneRow() {
        assertEquals(List.of(new FileTreeRow("file.iso", 0, 7, false)), FileTree.rows(List.of(file("file.iso", 7))));
    }

    @Test
    void noFilesNoRows() {
        assertEquals(List.of(), FileTree.rows(List.of()));
    }

    @Test
    void aRowWritesWhatThePageShowsItsClassIndentAndName() {
        FileTreeRow folder = new FileTreeRow("Season 1", 2, 3L << 29, true);
        assertEquals("folder depth-2", folder.getStyleClass());
        assertEquals("padding-left: 3.0rem", folder.getIndent());
        assertEquals("Folder, level 3: ", folder.getKind());
        assertEquals("Season 1/", folder.getShownName());
        assertEquals("1.50 GiB", folder.getShownSize());
        FileTreeRow deep = new FileTreeRow("e.mkv", 11, 5, false);
        assertEquals("file depth-8", deep.getStyleClass());
        assertEquals(11, deep.getDepth());
        assertEquals("padding-left: 14.25rem", deep.getIndent());
        assertEquals("e.mkv", deep.getShownName());
        assertEquals("5 B", deep.getShownSize());
    }
}
