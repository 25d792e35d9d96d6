package org.swarmport.peer.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.swarmport.peer.crypto.EncryptionPolicy;
import org.swarmport.peer.discovery.PeerAddress;
import org.swarmport.peer.discovery.PeerAddressException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What {@code download} and {@code seed} share: the torrent, where to listen, encryption, peers to call. */
final class ClientOptions {

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "TORRENT", description = "The .torrent file (download: or a magnet link).")
    java.nio.file.Path torrent;

    @Option(names = {"-d", "--dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "The directory the content is (or goes) in (default: the current directory).")
    java.nio.file.Path directory;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "6881",
            description = "TCP port for incoming peers; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", converter = AddressConverter.class,
            description = "Address to listen on (default: all interfaces).")
    InetAddress bind;

    @Option(names = "--encryption", paramLabel = "POLICY", defaultValue = "preferred",
            description = "Message stream encryption: disabled, preferred or required (default: ${DEFAULT-VALUE}).")
    EncryptionPolicy encryption;

    @Option(names = "--peer", paramLabel = "HOST:PORT", converter = PeerConverter.class,
            description = "A peer to connect to; repeatable. [v6]:port for IPv6.")
    List<InetSocketAddress> peers = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    /** Checks an optional number of seconds given as {@code option}: absent, or at least 1. */
    static void checkSeconds(Long seconds, String option) throws CommandFailure {
        if (seconds != null && seconds < 1) {
            throw new CommandFailure(option + " must be at least 1 second", ExitStatus.USAGE);
        }
    }

    /** {@code host:port} through the shared {@link PeerAddress} rules, then resolved (a person may type a name). */
    static final class PeerConverter implements CommandLine.ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            InetSocketAddress parsed;
            try {
                parsed = PeerAddress.parse(value);
            } catch (PeerAddressException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
            if (parsed.isUnresolved()) {
                parsed = new InetSocketAddress(parsed.getHostString(), parsed.getPort());
                if (parsed.isUnresolved()) {
                    throw new CommandLine.TypeConversionException("cannot resolve host '" + parsed.getHostString() + "'");
                }
            }
            return parsed;
        }
    }

    static final class AddressConverter implements CommandLine.ITypeConverter<InetAddress> {
        @Override
        public InetAddress convert(String value) {
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new CommandLine.TypeConversionException("cannot resolve address '" + value + "'");
            }
        }
    }
}
