package org.swarmport.peer.webseed;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.swarmport.peer.metainfo.FileEntry;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * Which HTTP ranges of a web seed hold a run of a torrent's piece space. Pad files (BEP 47)
 * and v2 alignment gaps are left out: they are zeros no server holds, so the caller's buffer
 * keeps its zeros there. Pure and immutable; the files are looked up by binary search, so a
 * torrent of many small files costs a request per file, never a scan per request.
 */
public final class WebSeedLayout {

    private final WebSeedUrl url;
    /** Files holding bytes a server serves (not pad files, not empty), in piece-space order. */
    private final URI[] uris;
    private final long[] starts;
    private final long[] lengths;

    private WebSeedLayout(WebSeedUrl url, URI[] uris, long[] starts, long[] lengths) {
        this.url = url;
        this.uris = uris;
        this.starts = starts;
        this.lengths = lengths;
    }

    /** The layout of {@code metainfo}'s files under {@code url}. */
    public static WebSeedLayout of(Metainfo metainfo, WebSeedUrl url) {
        List<FileEntry> served = new ArrayList<>();
        for (FileEntry file : metainfo.files()) {
            if (!file.padding() && file.length() > 0 && !file.isSymlink()) {
                served.add(file);
            }
        }
        URI[] uris = new URI[served.size()];
        long[] starts = new long[served.size()];
        long[] lengths = new long[served.size()];
        boolean multiFile = !metainfo.isSingleFile();
        for (int i = 0; i < served.size(); i++) {
            uris[i] = url.fileUri(served.get(i), multiFile);
            starts[i] = served.get(i).offset();
            lengths[i] = served.get(i).length();
        }
        return new WebSeedLayout(url, uris, starts, lengths);
    }

    public WebSeedUrl url() {
        return url;
    }

    /**
     * The ranges holding {@code length} bytes of piece space from {@code start}, in order; bytes
     * no file holds (padding, gaps) are in none of them.
     */
    public List<FileRange> ranges(long start, int length) {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("run of " + length + " bytes at " + start);
        }
        List<FileRange> ranges = new ArrayList<>(2);
        long end = start + length;
        int at = Arrays.binarySearch(starts, start);
        at = at >= 0 ? at : Math.max(0, -at - 2);
        for (; at < starts.length && starts[at] < end; at++) {
            long from = Math.max(start, starts[at]);
            long to = Math.min(end, starts[at] + lengths[at]);
            if (from < to) {
                ranges.add(new FileRange(uris[at], lengths[at], from - starts[at], (int) (to - from),
                        (int) (from - start)));
            }
        }
        return ranges;
    }
}
