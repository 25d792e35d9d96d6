package org.swarmport.tracker.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link TorrentDocument#HIT} doc value: a hit's name, info-hashes and tags, each a
 * length-prefixed UTF-8 string (an absent hash as the empty string, which no hash is), then the
 * tags' count and the tags. Doc values are read in place, without the block decompression a
 * stored document costs.
 */
record HitFields(String name, String infoHashV1, String infoHashV2, List<String> tags) {

    static BytesRef encoded(String name, String v1, String v2, Collection<String> tags) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeString(name);
            out.writeString(v1 == null ? "" : v1);
            out.writeString(v2 == null ? "" : v2);
            out.writeVInt(tags.size());
            for (String tag : tags) {
                out.writeString(tag);
            }
        } catch (IOException e) {
            throw new IllegalStateException("written to memory", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static HitFields decoded(BytesRef value) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        String name = in.readString();
        String v1 = in.readString();
        String v2 = in.readString();
        int count = in.readVInt();
        List<String> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tags.add(in.readString());
        }
        return new HitFields(name, v1.isEmpty() ? null : v1, v2.isEmpty() ? null : v2, List.copyOf(tags));
    }
}
