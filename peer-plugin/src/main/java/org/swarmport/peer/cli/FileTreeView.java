package org.swarmport.peer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swarmport.peer.metainfo.FileEntry;

/**
 * A torrent's files drawn as a tree, directories first-seen order, each file with its size:
 *
 * <pre>
 * album/
 * |-- cover.jpg  120 KiB
 * `-- disc 1/
 *     `-- 01.flac  31 MiB
 * </pre>
 *
 * ASCII only, so it reads the same on every terminal and in a log.
 */
final class FileTreeView {

    private final Map<String, FileTreeView> children = new LinkedHashMap<>();
    private FileEntry file;

    private FileTreeView() {
    }

    /** The lines of the tree of {@code files} (pad files should be left out by the caller). */
    static List<String> render(List<FileEntry> files) {
        FileTreeView root = new FileTreeView();
        for (FileEntry entry : files) {
            FileTreeView node = root;
            for (String component : entry.path().components()) {
                node = node.children.computeIfAbsent(component, name -> new FileTreeView());
            }
            node.file = entry;
        }
        List<String> lines = new java.util.ArrayList<>();
        root.children.forEach((name, child) -> child.draw(name, "", "", lines));
        return lines;
    }

    private void draw(String name, String firstPrefix, String restPrefix, List<String> lines) {
        if (file != null) {
            String link = file.symlinkTarget().map(target -> " -> " + target).orElse("");
            lines.add(firstPrefix + name + link + "  " + ByteSize.format(file.length()));
            return;
        }
        lines.add(firstPrefix + name + "/");
        int left = children.size();
        for (Map.Entry<String, FileTreeView> child : children.entrySet()) {
            boolean last = --left == 0;
            child.getValue().draw(child.getKey(), restPrefix + (last ? "`-- " : "|-- "),
                    restPrefix + (last ? "    " : "|   "), lines);
        }
    }
}
