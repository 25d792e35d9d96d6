package org.swarmport.portal.browse;

/** What a results table's column headers link to: the search view's sort links ({@link SearchView}). */
public interface SortLinks {

    /** The link of a column header: sorted by it, or the other way when it already is. */
    String sortHref(String column);

    /** {@code aria-sort} of a column header: {@code ascending}, {@code descending} or {@code none}. */
    String ariaSort(String column);
}
