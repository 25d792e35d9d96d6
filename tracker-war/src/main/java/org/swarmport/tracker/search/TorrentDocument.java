package org.swarmport.tracker.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.Category;

/**
 * The index's layout: one document per torrent. Changing a field here means raising
 * {@link #LAYOUT}, which makes every server rebuild its index from the catalogue at start.
 */
final class TorrentDocument {

    /** Kept in each commit's user data; an index of another layout is rebuilt. */
    static final String LAYOUT = "3"; // 2: release names no longer indexed whole; word prefixes indexed; 3: HIT

    // Stored and indexed as keywords: lookups by id, by hash and filters.
    static final String ID = "id";
    static final String V1 = "v1";
    static final String V2 = "v2";
    static final String SWARM = "swarm";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    // Analyzed text: the name on its own (suggest, boost) and everything searchable together.
    static final String NAME = "name";
    static final String TEXT = "text";
    /**
     * The beginnings of every word of {@link #TEXT}, 2 to {@link ReleaseNameAnalyzer#MAX_INDEXED_PREFIX}
     * characters ({@code web} for {@code webrip}), so the prefix the last typed word stands for is
     * one term, not a union of every word that starts so (Elasticsearch's {@code index_prefixes}).
     * No positions: phrases use {@link #TEXT}.
     */
    static final String TEXT_PREFIXES = "text_prefixes";
    // Doc values: sorting, ranges, the counts updated in place, and the reconciliation digest.
    static final String SIZE = "size";
    static final String ADDED = "added";
    static final String SEEDERS = "seeders";
    static final String LEECHERS = "leechers";
    static final String COMPLETED = "completed";
    static final String NAME_SORT = "name_sort";
    static final String ID_VALUE = "id_value";
    static final String DIGEST = "digest";
    /**
     * What a search hit shows beyond the numeric doc values (name, info-hashes, tags), as one
     * binary doc value ({@link HitFields}): a page of hits read from stored fields decompressed
     * a block of up to 80 KiB for nearly every hit, a sixth of the search page's CPU (bench/portal, JFR).
     */
    static final String HIT = "hit";

    /** Doc-values sort keys longer than this are cut; names are rarely a tenth of it. */
    private static final int MAX_SORT_KEY = 256;

    private TorrentDocument() {
    }

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    /** A category as the index holds it: its Torznab id ({@code "2000"}), empty for none. */
    static String categoryKey(Category category) {
        return category == null ? "" : Integer.toString(category.id());
    }

    /** The category {@link #categoryKey} made, or null for none. */
    static Category category(String key) {
        return key == null || key.isEmpty() ? null : Category.byId(Integer.parseInt(key)).orElse(Category.OTHER);
    }

    private static final FieldType PREFIXES = prefixesType();

    private static FieldType prefixesType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static void text(Document doc, String value) {
        doc.add(new TextField(TEXT, value, Field.Store.NO));
        doc.add(new Field(TEXT_PREFIXES, value, PREFIXES));
    }

    static Document of(CataloguedTorrent t) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(t.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(ID_VALUE, t.id()));
        if (t.infoHashV1() != null) {
            doc.add(new StringField(V1, t.infoHashV1(), Field.Store.YES));
        }
        if (t.infoHashV2() != null) {
            doc.add(new StringField(V2, t.infoHashV2(), Field.Store.YES));
        }
        doc.add(new StringField(SWARM, t.swarmHash(), Field.Store.YES));
        doc.add(new TextField(NAME, t.name(), Field.Store.YES));
        text(doc, t.name());
        for (String file : t.files()) {
            text(doc, file);
        }
        if (t.description() != null && !t.description().isBlank()) {
            text(doc, t.description());
        }
        String category = categoryKey(t.category());
        doc.add(new StringField(CATEGORY, category, Field.Store.YES));
        doc.add(new SortedDocValuesField(CATEGORY, new BytesRef(category)));
        for (String tag : t.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(TAG, new BytesRef(tag)));
        }
        doc.add(new StoredField(SIZE, t.totalSize()));
        doc.add(new LongPoint(SIZE, t.totalSize()));
        doc.add(new NumericDocValuesField(SIZE, t.totalSize()));
        long added = t.addedAt().toInstant().toEpochMilli();
        doc.add(new StoredField(ADDED, added));
        doc.add(new NumericDocValuesField(ADDED, added));
        doc.add(new NumericDocValuesField(SEEDERS, t.seeders()));
        doc.add(new NumericDocValuesField(LEECHERS, t.leechers()));
        doc.add(new NumericDocValuesField(COMPLETED, t.completed()));
        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(sortKey(t.name()))));
        doc.add(new NumericDocValuesField(DIGEST, contentDigest(t)));
        doc.add(new BinaryDocValuesField(HIT, HitFields.encoded(t.name(), t.infoHashV1(), t.infoHashV2(), t.tags())));
        return doc;
    }

    static String sortKey(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.length() > MAX_SORT_KEY ? key.substring(0, MAX_SORT_KEY) : key;
    }

    /**
     * 64 bits of SHA-256 over everything indexed except the counts, which change in place:
     * reconciliation compares it, with the counts, against the catalogue.
     */
    static long contentDigest(CataloguedTorrent t) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        for (Object part : new Object[] {t.id(), t.infoHashV1(), t.infoHashV2(), t.swarmHash(), t.name(),
                t.description(), t.category(), t.tags(), t.files(), t.totalSize(), t.addedAt().toInstant()}) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        byte[] d = sha.digest();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (d[i] & 0xff);
        }
        return v;
    }

    /** The digest and the live counts together: what must agree between index and catalogue. */
    static long stateDigest(long contentDigest, long seeders, long leechers, long completed) {
        long h = contentDigest;
        for (long v : new long[] {seeders, leechers, completed}) {
            h = (h ^ v) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return h;
    }
}
