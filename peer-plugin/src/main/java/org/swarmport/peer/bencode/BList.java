package org.swarmport.peer.bencode;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** A bencoded list: {@code l<values>e}. Immutable. */
public final class BList implements BValue, Iterable<BValue> {

    private static final BList EMPTY = new BList(new BValue[0]);

    private final BValue[] values;

    /** Takes ownership of {@code values}; only for arrays nobody else holds. */
    BList(BValue[] values) {
        this.values = values;
    }

    public static BList of(BValue... values) {
        return of(Arrays.asList(values));
    }

    public static BList of(List<? extends BValue> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        BValue[] copy = values.toArray(new BValue[0]);
        for (BValue value : copy) {
            Objects.requireNonNull(value, "list item");
        }
        return new BList(copy);
    }

    @Override
    public Type type() {
        return Type.LIST;
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public BValue get(int index) {
        return values[index];
    }

    /** An unmodifiable view of the items. */
    public List<BValue> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Iterator<BValue> iterator() {
        return values().iterator();
    }

    public BString getString(int index) throws BencodeException {
        return (BString) typed(index, Type.STRING);
    }

    public long getLong(int index) throws BencodeException {
        return ((BInteger) typed(index, Type.INTEGER)).value();
    }

    public BList getList(int index) throws BencodeException {
        return (BList) typed(index, Type.LIST);
    }

    public BDictionary getDictionary(int index) throws BencodeException {
        return (BDictionary) typed(index, Type.DICTIONARY);
    }

    private BValue typed(int index, Type expected) throws BencodeException {
        BValue value = values[index];
        if (value.type() != expected) {
            throw new BencodeException("list item " + index + " is " + value.type().withArticle()
                    + ", expected " + expected.withArticle());
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BList list && Arrays.equals(values, list.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
