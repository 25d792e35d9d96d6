package org.swarmport.peer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Sizes as typed on the command line and as printed. */
class ByteSizeTest {

    @Test
    void binaryUnitsInEverySpelling() {
        assertEquals(262_144, ByteSize.parse("262144"));
        assertEquals(262_144, ByteSize.parse("256K"));
        assertEquals(262_144, ByteSize.parse("256k"));
        assertEquals(262_144, ByteSize.parse("256KiB"));
        assertEquals(262_144, ByteSize.parse("256KB"));
        assertEquals(4L << 20, ByteSize.parse("4M"));
        assertEquals(1L << 30, ByteSize.parse(" 1G "));
        assertEquals(100, ByteSize.parse("100B"));
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        for (String bad : new String[] {"", "K", "1.5M", "-1", "12X", "1T", "0x10", "9999999999999K"}) {
            CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                    () -> ByteSize.parse(bad), bad);
            assertEquals("'" + bad + "' is not a size: use bytes or a number with K, M or G (binary units)", e.getMessage());
        }
    }

    @Test
    void formattingUsesTheLargestUnitWithOneDecimalWhenNeeded() {
        assertEquals("0 B", ByteSize.format(0));
        assertEquals("1023 B", ByteSize.format(1023));
        assertEquals("1 KiB", ByteSize.format(1024));
        assertEquals("1.5 MiB", ByteSize.format(3L << 19));
        assertEquals("16 GiB", ByteSize.format(16L << 30));
    }
}
