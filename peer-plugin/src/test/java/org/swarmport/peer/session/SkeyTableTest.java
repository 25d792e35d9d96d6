package org.swarmport.peer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.crypto.SkeyIndex;

class SkeyTableTest {

    private static final byte[] SKEY = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aClientThatAnswersMseFindsAnAddedTorrentByItsReq2HashUntilRemoved() {
        SkeyTable table = new SkeyTable(EncryptionPolicy.PREFERRED);
        table.add(SKEY);
        assertArrayEquals(SKEY, table.find(SkeyIndex.req2Hash(SKEY)));
        table.remove(SKEY);
        assertNull(table.find(SkeyIndex.req2Hash(SKEY)));
    }

    @Test
    void aClientWithEncryptionDisabledKeepsNoSkeys() {
        SkeyTable table = new SkeyTable(EncryptionPolicy.DISABLED);
        table.add(SKEY);
        assertNull(table.find(SkeyIndex.req2Hash(SKEY)));
    }
}
