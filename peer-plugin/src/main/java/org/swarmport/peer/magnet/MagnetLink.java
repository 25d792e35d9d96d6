package org.swarmport.peer.magnet;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.swarmport.peer.discovery.PeerAddress;
import org.swarmport.peer.discovery.PeerAddressException;
import org.swarmport.peer.metainfo.InfoHash;
import org.swarmport.peer.metainfo.Metainfo;

/**
 * A magnet link (BEP 9): a torrent named by its info-hash alone, to be completed by fetching
 * the info dictionary from peers ({@code ut_metadata}). Immutable; {@link #parse} reads one,
 * {@link #toString()} writes one that {@link #parse} reads back to an equal link.
 *
 * <p>Parameters understood: {@code xt=urn:btih:} (v1 SHA-1 info-hash, 40 hex or 32 base32
 * characters), {@code xt=urn:btmh:1220...} (BEP 52: a multihash, SHA-256, 32 bytes), both
 * for a hybrid torrent; {@code dn} (display name), {@code tr} (trackers, several, order kept),
 * {@code ws} (web seeds, BEP 19), {@code xl} (exact length), {@code x.pe} (peer addresses,
 * {@code host:port} or {@code [v6]:port}) and {@code so} (select only, BEP 53). Keys may carry
 * a numeric suffix ({@code tr.1}, {@code xt.2}) as BEP 9 allows. Other parameters are ignored.
 *
 * <p>Defects are refused with a {@link MagnetException} naming the parameter; duplicates of a
 * tracker, web seed or peer are dropped silently, as clients write them.
 */
public final class MagnetLink {

    private static final String SCHEME = "magnet:";
    private static final String BTIH = "urn:btih:";
    private static final String BTMH = "urn:btmh:";
    /** Multihash prefix of a SHA-256 digest: function code 0x12, length 0x20 (BEP 52). */
    private static final String SHA256_MULTIHASH = "1220";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final HexFormat HEX = HexFormat.of();
    private static final String UNRESERVED = "-._~";

    private final InfoHash v1;
    private final InfoHash v2;
    private final String displayName;
    private final List<String> trackers;
    private final List<String> webSeeds;
    private final Long exactLength;
    private final List<InetSocketAddress> peers;
    private final FileSelection selectOnly;

    private MagnetLink(Builder builder) {
        this.v1 = builder.v1;
        this.v2 = builder.v2;
        this.displayName = builder.displayName;
        this.trackers = List.copyOf(builder.trackers);
        this.webSeeds = List.copyOf(builder.webSeeds);
        this.exactLength = builder.exactLength;
        this.peers = List.copyOf(builder.peers);
        this.selectOnly = builder.selectOnly;
    }

    /** Parses {@code link} under {@link MagnetLimits#DEFAULT}. */
    public static MagnetLink parse(String link) throws MagnetException {
        return parse(link, MagnetLimits.DEFAULT);
    }

    public static MagnetLink parse(String link, MagnetLimits limits) throws MagnetException {
        if (link.length() > limits.maxLength()) {
            throw new MagnetException("link has " + link.length() + " characters, more than the limit of "
                    + limits.maxLength());
        }
        String text = link.strip();
        if (!text.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new MagnetException("not a magnet link: it must start with 'magnet:?'");
        }
        int fragment = text.indexOf('#');
        String query = text.substring(SCHEME.length(), fragment < 0 ? text.length() : fragment);
        if (!query.startsWith("?")) {
            throw new MagnetException("not a magnet link: it must start with 'magnet:?'");
        }
        Builder builder = new Builder();
        int count = 0;
        for (String parameter : query.substring(1).split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            if (++count > limits.maxParameters()) {
                throw new MagnetException("more than " + limits.maxParameters() + " parameters");
            }
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw new MagnetException("parameter '" + excerpt(parameter) + "' has no '='");
            }
            String key = baseKey(decode(parameter.substring(0, equals), "parameter name", false));
            String raw = parameter.substring(equals + 1);
            builder.read(key, raw, limits);
        }
        if (builder.v1 == null && builder.v2 == null) {
            throw new MagnetException("xt", "no urn:btih or urn:btmh info-hash");
        }
        return builder.build();
    }

    /** A link for {@code torrent}: its info-hashes, name, every tracker in tier order, and its web seeds. */
    public static MagnetLink of(Metainfo torrent) {
        Builder builder = builder().displayName(torrent.name());
        torrent.infoHashV1().ifPresent(builder::infoHash);
        torrent.infoHashV2().ifPresent(builder::infoHash);
        torrent.trackerTiers().forEach(tier -> tier.forEach(builder::tracker));
        torrent.webSeeds().forEach(builder::webSeed);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The v1 (SHA-1) info-hash from {@code xt=urn:btih:}. */
    public Optional<InfoHash> infoHashV1() {
        return Optional.ofNullable(v1);
    }

    /** The v2 (SHA-256) info-hash from {@code xt=urn:btmh:}. */
    public Optional<InfoHash> infoHashV2() {
        return Optional.ofNullable(v2);
    }

    /** Every info-hash of the link, v1 first: the metadata must hash to each of them. */
    public List<InfoHash> infoHashes() {
        List<InfoHash> hashes = new ArrayList<>(2);
        if (v1 != null) {
            hashes.add(v1);
        }
        if (v2 != null) {
            hashes.add(v2);
        }
        return List.copyOf(hashes);
    }

    /**
     * The hash to find peers and handshake with: v1 when there is one, because every client
     * speaks v1; else v2, which travels {@link InfoHash#truncated() truncated} (BEP 52).
     */
    public InfoHash bestInfoHash() {
        return v1 != null ? v1 : v2;
    }

    /** {@code dn}: a name to show until the metadata arrives; never a path to write to. */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** {@code tr}, in the order of the link, each once: one tier each, tried in order (libtorrent does the same). */
    public List<String> trackers() {
        return trackers;
    }

    /**
     * The trackers as BEP 12 tiers, for {@link org.swarmport.peer.discovery.PeerSourceContext}:
     * one tier per {@code tr}, so that they are tried in the link's order and none is
     * shuffled ahead of another.
     */
    public List<List<String>> trackerTiers() {
        List<List<String>> tiers = new ArrayList<>(trackers.size());
        trackers.forEach(tracker -> tiers.add(List.of(tracker)));
        return List.copyOf(tiers);
    }

    /** {@code ws} web seeds (BEP 19), each once. */
    public List<String> webSeeds() {
        return webSeeds;
    }

    /** {@code xl}: the size in bytes, when the link states it. */
    public OptionalLong exactLength() {
        return exactLength == null ? OptionalLong.empty() : OptionalLong.of(exactLength);
    }

    /** {@code x.pe}: peers to try at once; names unresolved, literals resolved (no DNS lookup while parsing). */
    public List<InetSocketAddress> peers() {
        return peers;
    }

    /** {@code so}: the files to download (BEP 53); empty means all. */
    public Optional<FileSelection> selectOnly() {
        return Optional.ofNullable(selectOnly);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MagnetLink link && Objects.equals(v1, link.v1) && Objects.equals(v2, link.v2)
                && Objects.equals(displayName, link.displayName) && trackers.equals(link.trackers)
                && webSeeds.equals(link.webSeeds) && Objects.equals(exactLength, link.exactLength)
                && peers.equals(link.peers) && Objects.equals(selectOnly, link.selectOnly);
    }

    @Override
    public int hashCode() {
        return Objects.hash(v1, v2, displayName, trackers, webSeeds, exactLength, peers, selectOnly);
    }

    /** The link: {@code magnet:?xt=urn:btih:<hex>&xt=urn:btmh:1220<hex>&dn=...&xl=...&tr=...&ws=...&x.pe=...&so=...}. */
    @Override
    public String toString() {
        StringBuilder link = new StringBuilder("magnet:?");
        List<String> parameters = new ArrayList<>();
        if (v1 != null) {
            parameters.add("xt=" + BTIH + v1.hex());
        }
        if (v2 != null) {
            parameters.add("xt=" + BTMH + SHA256_MULTIHASH + v2.hex());
        }
        if (displayName != null) {
            parameters.add("dn=" + encode(displayName));
        }
        if (exactLength != null) {
            parameters.add("xl=" + exactLength);
        }
        trackers.forEach(tracker -> parameters.add("tr=" + encode(tracker)));
        webSeeds.forEach(seed -> parameters.add("ws=" + encode(seed)));
        // Written raw: an address is only letters, digits, '.', ':', '[' and ']', and libtorrent
        // does not unescape x.pe.
        peers.forEach(peer -> parameters.add("x.pe=" + PeerAddress.format(peer)));
        if (selectOnly != null) {
            parameters.add("so=" + selectOnly);
        }
        return link.append(String.join("&", parameters)).toString();
    }

    /** {@code tr.1} is {@code tr}; {@code x.pe} stays {@code x.pe}. */
    private static String baseKey(String key) {
        int dot = key.lastIndexOf('.');
        if (dot > 0 && dot < key.length() - 1 && key.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return key.substring(0, dot);
        }
        return key;
    }

    /**
     * Percent-decoding (RFC 3986) to UTF-8, strictly: a {@code %} must be followed by two hex
     * digits and the bytes must be well-formed UTF-8. {@code +} is a space where
     * {@code plusIsSpace}, as browsers write form-encoded names.
     */
    static String decode(String value, String parameter, boolean plusIsSpace) throws MagnetException {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return checkText(value, parameter);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new MagnetException(parameter, "'%' at position " + i + " is not followed by two hex digits");
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MagnetException(parameter, "'%" + excerpt(value.substring(i + 1, i + 3))
                            + "' at position " + i + " is not a hex escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    encoded = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return checkText(text, parameter);
        } catch (CharacterCodingException e) {
            throw new MagnetException(parameter, "escaped bytes are not UTF-8");
        }
    }

    /** No control characters: a NUL or a newline in a name or URL is an attack, not a name. */
    private static String checkText(String text, String parameter) throws MagnetException {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new MagnetException(parameter, String.format("control character U+%04X", (int) text.charAt(i)));
            }
        }
        return text;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String excerpt(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static InfoHash btih(String value) throws MagnetException {
        if (value.length() == 40) {
            if (!isHex(value)) {
                throw new MagnetException("xt", "btih '" + excerpt(value) + "' is not hex");
            }
            return InfoHash.of(InfoHash.Version.V1, HEX.parseHex(value));
        }
        if (value.length() == 32) {
            return InfoHash.of(InfoHash.Version.V1, base32(value));
        }
        throw new MagnetException("xt", "btih has " + value.length() + " characters, expected 40 hex or 32 base32");
    }

    private static InfoHash btmh(String value) throws MagnetException {
        if (value.length() < 4 || !isHex(value.substring(0, 4))) {
            throw new MagnetException("xt", "btmh '" + excerpt(value) + "' is not a hex multihash");
        }
        if (!value.substring(0, 4).equals(SHA256_MULTIHASH)) {
            throw new MagnetException("xt", "btmh multihash " + value.substring(0, 4)
                    + " is not SHA-256 (1220), the only hash of BEP 52");
        }
        String digest = value.substring(4);
        if (digest.length() != 64 || !isHex(digest)) {
            throw new MagnetException("xt", "btmh SHA-256 digest must be 64 hex digits, is '" + excerpt(digest) + "'");
        }
        return InfoHash.of(InfoHash.Version.V2, HEX.parseHex(digest));
    }

    private static boolean isHex(String text) {
        return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    /** RFC 4648 base32 without padding, either case: 32 characters, 160 bits. */
    private static byte[] base32(String value) throws MagnetException {
        byte[] out = new byte[20];
        long buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < value.length(); i++) {
            int digit = BASE32.indexOf(Character.toUpperCase(value.charAt(i)));
            if (digit < 0 || value.charAt(i) >= 128) {
                throw new MagnetException("xt", "btih '" + excerpt(value) + "' is not base32");
            }
            buffer = buffer << 5 | digit;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[at++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }

    /** Collects a link's parts; {@link MagnetLink#parse} fills one from the text. */
    public static final class Builder {

        private InfoHash v1;
        private InfoHash v2;
        private String displayName;
        private final Set<String> trackers = new LinkedHashSet<>();
        private final Set<String> webSeeds = new LinkedHashSet<>();
        private Long exactLength;
        private final Set<InetSocketAddress> peers = new LinkedHashSet<>();
        private FileSelection selectOnly;

        private Builder() {
        }

        /** Sets the v1 or the v2 hash, by the hash's version. */
        public Builder infoHash(InfoHash hash) {
            if (hash.version() == InfoHash.Version.V1) {
                v1 = hash;
            } else {
                v2 = hash;
            }
            return this;
        }

        public Builder displayName(String name) {
            displayName = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder tracker(String url) {
            trackers.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        public Builder webSeed(String url) {
            webSeeds.add(Objects.requireNonNull(url, "url"));
            return this;
        }

        public Builder exactLength(long length) {
            if (length < 0) {
                throw new IllegalArgumentException("negative length " + length);
            }
            exactLength = length;
            return this;
        }

        public Builder peer(InetSocketAddress peer) {
            peers.add(Objects.requireNonNull(peer, "peer"));
            return this;
        }

        public Builder selectOnly(FileSelection selection) {
            selectOnly = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /** @throws IllegalStateException without an info-hash */
        public MagnetLink build() {
            if (v1 == null && v2 == null) {
                throw new IllegalStateException("a magnet link needs an info-hash");
            }
            return new MagnetLink(this);
        }

        private void read(String key, String raw, MagnetLimits limits) throws MagnetException {
            switch (key) {
                case "xt":
                    readTopic(decode(raw, "xt", false));
                    break;
                case "dn":
                    String name = decode(raw, "dn", true);
                    if (displayName != null && !displayName.equals(name)) {
                        throw new MagnetException("dn", "given twice with different names");
                    }
                    displayName = name;
                    break;
                case "tr":
                    trackers.add(url(decode(raw, "tr", false), "tr"));
                    break;
                case "ws":
                    webSeeds.add(url(decode(raw, "ws", false), "ws"));
                    break;
                case "xl":
                    readLength(decode(raw, "xl", false));
                    break;
                case "x.pe":
                    try {
                        peers.add(PeerAddress.parse(decode(raw, "x.pe", false)));
                    } catch (PeerAddressException e) {
                        throw new MagnetException("x.pe", e.getMessage());
                    }
                    break;
                case "so":
                    if (selectOnly != null) {
                        throw new MagnetException("so", "given twice");
                    }
                    selectOnly = FileSelection.parse(decode(raw, "so", false), limits.maxParameters());
                    break;
                default:
                    // BEP 9 and the magnet draft let clients add their own parameters (x.*, as, kt...).
            }
        }

        private void readTopic(String topic) throws MagnetException {
            InfoHash hash;
            if (topic.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                hash = btih(topic.substring(BTIH.length()));
            } else if (topic.regionMatches(true, 0, BTMH, 0, BTMH.length())) {
                hash = btmh(topic.substring(BTMH.length()));
            } else {
                // Other URNs (sha1, ed2k...) may stand beside a BitTorrent one; they name no torrent for us.
                return;
            }
            InfoHash present = hash.version() == InfoHash.Version.V1 ? v1 : v2;
            if (present != null && !present.equals(hash)) {
                throw new MagnetException("xt", "two different " + (present.version() == InfoHash.Version.V1
                        ? "btih" : "btmh") + " info-hashes");
            }
            infoHash(hash);
        }

        private void readLength(String digits) throws MagnetException {
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new MagnetException("xl", "'" + excerpt(digits) + "' is not a length in bytes");
            }
            long length = Long.parseLong(digits);
            if (exactLength != null && exactLength != length) {
                throw new MagnetException("xl", "given twice with different lengths");
            }
            exactLength = length;
        }

        private static String url(String url, String parameter) throws MagnetException {
            int colon = url.indexOf(':');
            if (colon <= 0 || !url.substring(0, colon).chars().allMatch(c -> c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                throw new MagnetException(parameter, "'" + excerpt(url) + "' is not a URL");
            }
            return url;
        }
    }
}
