package org.swarmport.portal.browse;

/**
 * One line of a torrent's file tree: a folder or a file, its own name (not the whole path), how
 * deep it sits (0 at the top) and its size (a folder's is the sum of what it holds). The
 * getters are what {@link FileTreeRows} writes into the torrent page.
 */
public record FileTreeRow(String name, int depth, long size, boolean folder) {

    /** {@code folder depth-2}: the row's classes; depths past 8 share the deepest style. */
    public String getStyleClass() {
        return (folder ? "folder" : "file") + " depth-" + Math.min(depth, 8);
    }

    public int getDepth() {
        return depth;
    }

    /** The indentation, in rem. */
    public String getIndent() {
        return "padding-left: " + (0.5 + depth * 1.25) + "rem";
    }

    /** For screen readers: {@code Folder, level 2: }. */
    public String getKind() {
        return (folder ? "Folder" : "File") + ", level " + (depth + 1) + ": ";
    }

    /** The name, a folder's with a trailing {@code /}. */
    public String getShownName() {
        return folder ? name + "/" : name;
    }

    public String getShownSize() {
        return Formats.size(size);
    }
}
