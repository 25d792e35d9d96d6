package org.swarmport.tracker.announce;

import java.io.FileDescriptor;
import java.lang.reflect.Method;
import java.nio.channels.ServerSocketChannel;
import java.util.Locale;

/**
 * Linux's {@code TCP_DEFER_ACCEPT} on the HTTP port's listening sockets: the kernel hands a
 * connection over only once its first bytes, the request, have arrived.
 *
 * <p>Why: without it a third of the connections under a connection-per-announce load are
 * accepted before their request is there, so the loop reads nothing, registers them with
 * its selector and deregisters them afterwards: three system calls more, and system calls
 * are most of what a connection costs (docs/BENCHMARKS.md). nginx ({@code deferred}) and
 * HAProxy set the same option.
 *
 * <p>Java's socket options lack it, so it is set through the JDK's own native option setter
 * ({@code sun.nio.ch.Net.setIntOption0}), which the JVM must open to the deployment with
 * {@code --add-opens=java.base/sun.nio.ch=ALL-UNNAMED} (the server module adds it to
 * WildFly's {@code standalone.conf}). Anywhere that is not possible (another OS, another
 * JDK, the flag missing) {@link #enable} says no and the port works as before.
 */
final class TcpDeferAccept {

    private static final int IPPROTO_TCP = 6;
    private static final int TCP_DEFER_ACCEPT = 9;

    private TcpDeferAccept() {
    }

    /**
     * @param seconds how long the kernel waits for a request before handing the connection
     *                over anyway, or dropping it
     * @return whether the option is now set
     */
    static boolean enable(ServerSocketChannel server, int seconds) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            Method fd = Class.forName("sun.nio.ch.ServerSocketChannelImpl").getDeclaredMethod("getFD");
            Method setIntOption = Class.forName("sun.nio.ch.Net").getDeclaredMethod("setIntOption0",
                    FileDescriptor.class, boolean.class, int.class, int.class, int.class, boolean.class);
            fd.setAccessible(true);
            setIntOption.setAccessible(true);
            setIntOption.invoke(null, fd.invoke(server), false, IPPROTO_TCP, TCP_DEFER_ACCEPT, seconds, false);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not opened to us (InaccessibleObjectException), or another JDK's internals
            return false;
        }
    }
}
