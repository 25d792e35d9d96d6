package org.swarmport.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The heap the server starts with when launched as shipped, through {@code bin/standalone.sh}
 * and its {@code standalone.conf}: half the machine's memory unless {@code JBOSS_JAVA_SIZING}
 * says otherwise, not WildFly's fixed 512 MiB. The launcher runs its {@code -v}, which starts
 * the JVM with the server's options and exits, and the JVM prints the heap it chose.
 */
class ServerHeapTest {

    private static final Pattern MAX_HEAP = Pattern.compile("size_t MaxHeapSize\\s+= (\\d+)");
    private static final long MIB = 1 << 20;

    private static long maxHeapOfTheServer(String sizing) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path output = Files.createTempFile("standalone-v", ".out");
        try {
            ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-v")
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = launcher.environment();
            env.remove("JAVA_OPTS"); // the distribution's conf only builds its options when it is unset
            env.remove("JBOSS_JAVA_SIZING");
            if (sizing != null) {
                env.put("JBOSS_JAVA_SIZING", sizing);
            }
            env.put("JBOSS_HOME", home.toString());
            env.put("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");
            Process process = launcher.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "standalone.sh -v did not exit in 60 s");
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), printed);
            Matcher heap = MAX_HEAP.matcher(printed);
            assertTrue(heap.find(), "the JVM printed no MaxHeapSize:\n" + printed);
            return Long.parseLong(heap.group(1));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void asShippedTheHeapMayGrowToHalfTheMachinesMemory() throws Exception {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize(); // the container's limit inside one, as the server's JVM sees it too
        long heap = maxHeapOfTheServer(null);
        // G1 rounds the maximum to its region size (at most 32 MiB)
        assertTrue(Math.abs(heap - memory / 2) <= 32 * MIB,
                "max heap " + heap / MIB + " MiB on a machine of " + memory / MIB + " MiB");
    }

    @Test
    void aSizingGivenByTheOperatorWins() throws Exception {
        assertEquals(768 * MIB, maxHeapOfTheServer("-Xms64m -Xmx768m"));
    }
}
