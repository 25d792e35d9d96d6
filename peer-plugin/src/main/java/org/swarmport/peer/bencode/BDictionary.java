package org.swarmport.peer.bencode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A bencoded dictionary: {@code d<key><value>...e}. Immutable.
 *
 * <p>Keys are strings, unique and sorted by raw bytes, as BEP 3 requires: the decoder rejects
 * anything else and {@link Builder} sorts, so every dictionary encodes canonically and
 * {@link #get(String)} is a binary search.
 *
 * <p>A dictionary that came from {@link BDecoder} remembers where it lay in the input:
 * {@link #rawStart()} to {@link #rawEnd()}. The info-hash (BEP 3, BEP 52) is the hash of the
 * {@code info} dictionary exactly as it appeared in the file, so it must be computed over that
 * span of the original bytes, e.g.
 * {@code sha1.update(source, info.rawStart(), info.rawLength())}. The dictionary keeps only
 * offsets, not the input, so that a value can outlive a buffer that its owner reuses.
 */
public final class BDictionary implements BValue {

    private static final BDictionary EMPTY = new BDictionary(new BString[0], new BValue[0], -1, -1);

    private final BString[] keys;
    private final BValue[] values;
    private final int rawStart;
    private final int rawEnd;

    /** Takes ownership of the arrays, whose keys must already be unique and sorted. */
    BDictionary(BString[] keys, BValue[] values, int rawStart, int rawEnd) {
        this.keys = keys;
        this.values = values;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BDictionary empty() {
        return EMPTY;
    }

    /** A dictionary of the entries of {@code map}, keys encoded as UTF-8 and sorted by raw bytes. */
    public static BDictionary of(Map<String, ? extends BValue> map) {
        Builder builder = new Builder();
        map.forEach(builder::put);
        return builder.build();
    }

    @Override
    public Type type() {
        return Type.DICTIONARY;
    }

    public int size() {
        return keys.length;
    }

    public boolean isEmpty() {
        return keys.length == 0;
    }

    /** The keys in order: the order read, which is sorted by raw bytes. */
    public List<BString> keys() {
        return Collections.unmodifiableList(Arrays.asList(keys));
    }

    public BString keyAt(int index) {
        return keys[index];
    }

    public BValue valueAt(int index) {
        return values[index];
    }

    public boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The value under {@code key} (UTF-8), or null when there is none. */
    public BValue get(String key) {
        int index = indexOf(key);
        return index >= 0 ? values[index] : null;
    }

    /** The value under a binary key, or null when there is none. */
    public BValue get(BString key) {
        int index = Arrays.binarySearch(keys, key);
        return index >= 0 ? values[index] : null;
    }

    public BString getString(String key) throws BencodeException {
        return (BString) required(key, Type.STRING);
    }

    public long getLong(String key) throws BencodeException {
        return ((BInteger) required(key, Type.INTEGER)).value();
    }

    public BList getList(String key) throws BencodeException {
        return (BList) required(key, Type.LIST);
    }

    public BDictionary getDictionary(String key) throws BencodeException {
        return (BDictionary) required(key, Type.DICTIONARY);
    }

    /** Empty when {@code key} is absent; an error when it holds something other than a string. */
    public Optional<BString> optString(String key) throws BencodeException {
        return Optional.ofNullable((BString) optional(key, Type.STRING));
    }

    public OptionalLong optLong(String key) throws BencodeException {
        BInteger value = (BInteger) optional(key, Type.INTEGER);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.value());
    }

    public Optional<BList> optList(String key) throws BencodeException {
        return Optional.ofNullable((BList) optional(key, Type.LIST));
    }

    public Optional<BDictionary> optDictionary(String key) throws BencodeException {
        return Optional.ofNullable((BDictionary) optional(key, Type.DICTIONARY));
    }

    /** True when this dictionary came from {@link BDecoder} and so knows its raw span. */
    public boolean hasRawSpan() {
        return rawStart >= 0;
    }

    /** Offset of the {@code d} in the decoded array, or -1 for a dictionary built in code. */
    public int rawStart() {
        return rawStart;
    }

    /** Offset just past the closing {@code e} in the decoded array, or -1 for a dictionary built in code. */
    public int rawEnd() {
        return rawEnd;
    }

    /** {@code rawEnd() - rawStart()}, or -1 for a dictionary built in code. */
    public int rawLength() {
        return hasRawSpan() ? rawEnd - rawStart : -1;
    }

    /**
     * A copy of this dictionary's exact bytes in {@code source}, the array it was decoded from.
     *
     * @throws IllegalStateException when the dictionary was built in code and has no span
     */
    public byte[] rawBytes(byte[] source) {
        if (!hasRawSpan()) {
            throw new IllegalStateException("dictionary was not decoded, it has no raw bytes");
        }
        Objects.checkFromToIndex(rawStart, rawEnd, source.length);
        return Arrays.copyOfRange(source, rawStart, rawEnd);
    }

    private int indexOf(String key) {
        int low = 0;
        int high = keys.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = keys[middle].compareToUtf8(key);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private BValue required(String key, Type expected) throws BencodeException {
        BValue value = optional(key, expected);
        if (value == null) {
            throw problem("missing key \"" + key + "\"");
        }
        return value;
    }

    private BValue optional(String key, Type expected) throws BencodeException {
        BValue value = get(key);
        if (value != null && value.type() != expected) {
            throw problem("\"" + key + "\" is " + value.type().withArticle() + ", expected " + expected.withArticle());
        }
        return value;
    }

    private BencodeException problem(String defect) {
        return hasRawSpan()
                ? new BencodeException(defect + " in dictionary", rawStart)
                : new BencodeException(defect);
    }

    /** Content equality: where a dictionary was read from does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BDictionary dictionary
                && Arrays.equals(keys, dictionary.keys)
                && Arrays.equals(values, dictionary.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(keys[i]).append(": ").append(values[i]);
        }
        return text.append('}').toString();
    }

    /**
     * Collects entries in any order and builds a dictionary sorted by raw key bytes (BEP 3).
     * Putting the same key twice is a programming error and fails in {@link #build()}.
     */
    public static final class Builder {

        private final List<BString> keys = new ArrayList<>();
        private final List<BValue> values = new ArrayList<>();

        private Builder() {
        }

        public Builder put(BString key, BValue value) {
            keys.add(Objects.requireNonNull(key, "key"));
            values.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder put(String key, BValue value) {
            return put(BString.of(key), value);
        }

        public Builder put(String key, long value) {
            return put(key, BInteger.of(value));
        }

        /** A text value, encoded as UTF-8. */
        public Builder put(String key, String value) {
            return put(key, BString.of(value));
        }

        /** A binary value; the bytes are copied. */
        public Builder put(String key, byte[] value) {
            return put(key, BString.of(value));
        }

        /** @throws IllegalArgumentException when a key was put twice */
        public BDictionary build() {
            int size = keys.size();
            if (size == 0) {
                return EMPTY;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys.get(a).compareTo(keys.get(b)));
            BString[] sortedKeys = new BString[size];
            BValue[] sortedValues = new BValue[size];
            for (int i = 0; i < size; i++) {
                sortedKeys[i] = keys.get(order[i]);
                sortedValues[i] = values.get(order[i]);
                if (i > 0 && sortedKeys[i].equals(sortedKeys[i - 1])) {
                    throw new IllegalArgumentException("duplicate dictionary key " + sortedKeys[i]);
                }
            }
            return new BDictionary(sortedKeys, sortedValues, -1, -1);
        }
    }
}
