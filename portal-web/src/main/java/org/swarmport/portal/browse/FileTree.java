package org.swarmport.portal.browse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.swarmport.portal.tracker.TorrentDetails;

/**
 * A torrent's files as a tree: folders before files, each level in name order, written out
 * depth first as rows, so a page draws it with one loop and indentation (no recursion in the
 * view, no script).
 */
final class FileTree {

    private final Map<String, FileTree> folders = new TreeMap<>();
    private final Map<String, Long> files = new TreeMap<>();
    private long size;

    private FileTree() {
    }

    /** Paths are {@code /}-separated, as the tracker gives them. */
    static List<FileTreeRow> rows(List<TorrentDetails.File> torrentFiles) {
        FileTree root = new FileTree();
        for (TorrentDetails.File file : torrentFiles) {
            root.add(file.path().split("/"), 0, file.length());
        }
        List<FileTreeRow> rows = new ArrayList<>();
        root.writeTo(rows, 0);
        return rows;
    }

    private void add(String[] parts, int from, long length) {
        size += length;
        if (from == parts.length - 1) {
            files.merge(parts[from], length, Long::sum);
        } else {
            folders.computeIfAbsent(parts[from], name -> new FileTree()).add(parts, from + 1, length);
        }
    }

    private void writeTo(List<FileTreeRow> rows, int depth) {
        folders.forEach((name, folder) -> {
            rows.add(new FileTreeRow(name, depth, folder.size, true));
            folder.writeTo(rows, depth + 1);
        });
        files.forEach((name, length) -> rows.add(new FileTreeRow(name, depth, length, false)));
    }
}
