package org.swarmport.peer.bencode;

/** A bencoded integer: {@code i<decimal>e}, any signed 64-bit value (BEP 3 sets no range). */
public record BInteger(long value) implements BValue {

    public static BInteger of(long value) {
        return new BInteger(value);
    }

    @Override
    public Type type() {
        return Type.INTEGER;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
