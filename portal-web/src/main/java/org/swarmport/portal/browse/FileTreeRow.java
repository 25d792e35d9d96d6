package org.swarmport.portal.browse;

/**
 * One line of a torrent's file tree: a folder or a file, its own name (not the whole path), how
 * deep it sits (0 at the top) and its size (a folder's is the sum of what it holds).
 */
public record FileTreeRow(String name, int depth, long size, boolean folder) {
}
