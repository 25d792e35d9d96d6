package org.swarmport.peer.metainfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A file's path inside a torrent, relative to the directory it is downloaded into, as a list
 * of components that are each safe to create as one file or directory name on Linux, macOS
 * and Windows.
 *
 * <p>A torrent's paths come from strangers, and a client that joins them into a file name
 * writes wherever they point. So a path is refused, never repaired, when a component
 * <ul>
 * <li>is empty, {@code .} or {@code ..} (would name the parent or the directory itself; BEP 47
 *     forbids {@code ..} in symlink targets for the same reason);</li>
 * <li>contains {@code /} or {@code \} (a separator on some system, so one component would
 *     become several, or an absolute path), or begins with a drive letter such as {@code C:};</li>
 * <li>contains a control character (NUL ends a C string early; others hide the real name), or
 *     a Unicode text-direction control, which disguises an extension
 *     ({@code "evil\u202Etxt.exe"} shows as {@code "evilexe.txt"});</li>
 * <li>is a Windows device name ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 *     {@code COM0}-{@code COM9}, {@code LPT0}-{@code LPT9}, {@code CLOCK$}), also with an
 *     extension or trailing dots and spaces ({@code nul.txt}, {@code "CON ."}): opening one on
 *     Windows opens the device, not a file;</li>
 * <li>is longer than {@value #MAX_COMPONENT_BYTES} bytes of UTF-8, the limit of common file
 *     systems.</li>
 * </ul>
 * and when the whole path, joined with {@code /}, is longer than {@value #MAX_PATH_BYTES} bytes
 * (Linux's PATH_MAX) or has more than {@value #MAX_COMPONENTS} components.
 *
 * <p>libtorrent instead rewrites such components ({@code aux::sanitize_append_path_element});
 * Swarmport refuses them because the catalogue must show users the same names every client
 * will create, and a rewritten name would differ between clients.
 *
 * <p>Paths order component by component, each by its unsigned UTF-8 bytes: the order of a v2
 * file tree (BEP 52), whose keys are sorted bencode strings.
 */
public final class FilePath implements Comparable<FilePath> {

    public static final int MAX_COMPONENT_BYTES = 255;
    public static final int MAX_PATH_BYTES = 4096;
    public static final int MAX_COMPONENTS = 256;

    private static final Set<String> DEVICE_NAMES = Set.of(
            "con", "prn", "aux", "nul", "clock$",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final List<String> components;
    private final byte[][] utf8;

    private FilePath(List<String> components) {
        this.components = components;
        this.utf8 = new byte[components.size()][];
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = components.get(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A path of the given components.
     *
     * @throws IllegalArgumentException naming the defect when the path is not safe
     */
    public static FilePath of(String... components) {
        return of(Arrays.asList(components));
    }

    /** As {@link #of(String...)}. */
    public static FilePath of(List<String> components) {
        String defect = defectOf(components);
        if (defect != null) {
            throw new IllegalArgumentException(defect);
        }
        return new FilePath(List.copyOf(components));
    }

    /** A path read from a torrent's {@code field}: its defect, if any, is the torrent's. */
    static FilePath parse(List<String> components, String field) throws MetainfoException {
        String defect = defectOf(components);
        if (defect != null) {
            throw new MetainfoException(field, defect);
        }
        return new FilePath(List.copyOf(components));
    }

    /** The defect that makes {@code components} unsafe, in words for a user, or null when it is safe. */
    static String defectOf(List<String> components) {
        if (components.isEmpty()) {
            return "path is empty";
        }
        if (components.size() > MAX_COMPONENTS) {
            return "path has more than " + MAX_COMPONENTS + " components";
        }
        long bytes = components.size() - 1L;
        for (String component : components) {
            String defect = defectOfComponent(component);
            if (defect != null) {
                return defect;
            }
            bytes += component.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_PATH_BYTES) {
            return "path is longer than " + MAX_PATH_BYTES + " bytes";
        }
        return null;
    }

    /** The defect of one component, or null when it may be created as a file or directory name. */
    static String defectOfComponent(String component) {
        if (component.isEmpty()) {
            return "path has an empty component";
        }
        if (component.equals(".") || component.equals("..")) {
            return "path has a '" + component + "' component";
        }
        char first = component.charAt(0);
        if (first == '/' || first == '\\') {
            return "path is absolute";
        }
        if (component.length() >= 2 && component.charAt(1) == ':' && isAsciiLetter(first)) {
            return "path starts with a drive letter";
        }
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '/' || c == '\\') {
                return "path component contains '" + c + "'";
            }
            if (c < 0x20 || c == 0x7f) {
                return "path component contains a control character";
            }
            if (c >= 0x202a && c <= 0x202e || c == 0x200e || c == 0x200f || c >= 0x2066 && c <= 0x2069) {
                return "path component contains a text-direction control character";
            }
        }
        if (isDeviceName(component)) {
            return "path component '" + component + "' is a Windows device name";
        }
        if (component.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
            return "path component is longer than " + MAX_COMPONENT_BYTES + " bytes";
        }
        return null;
    }

    /** Windows ignores trailing dots and spaces and reserves a device name with any extension. */
    private static boolean isDeviceName(String component) {
        int end = component.indexOf('.');
        String base = end < 0 ? component : component.substring(0, end);
        int trimmed = base.length();
        while (trimmed > 0 && (base.charAt(trimmed - 1) == ' ' || base.charAt(trimmed - 1) == '.')) {
            trimmed--;
        }
        return trimmed >= 3 && trimmed <= 6 && DEVICE_NAMES.contains(base.substring(0, trimmed).toLowerCase(Locale.ROOT));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The components, first to last. */
    public List<String> components() {
        return components;
    }

    public int size() {
        return components.size();
    }

    /** The last component: the file's own name. */
    public String fileName() {
        return components.get(components.size() - 1);
    }

    /** This path followed by {@code child}'s components. */
    public FilePath resolve(FilePath child) {
        List<String> joined = new ArrayList<>(components.size() + child.components.size());
        joined.addAll(components);
        joined.addAll(child.components);
        return of(joined);
    }

    /** True when {@code prefix}'s components are the first components of this path. */
    public boolean startsWith(FilePath prefix) {
        return prefix.components.size() <= components.size()
                && components.subList(0, prefix.components.size()).equals(prefix.components);
    }

    /** The components joined with {@code /}. */
    @Override
    public String toString() {
        return String.join("/", components);
    }

    @Override
    public int compareTo(FilePath other) {
        int common = Math.min(utf8.length, other.utf8.length);
        for (int i = 0; i < common; i++) {
            int order = Arrays.compareUnsigned(utf8[i], other.utf8[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(utf8.length, other.utf8.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilePath path && components.equals(path.components);
    }

    @Override
    public int hashCode() {
        return components.hashCode();
    }
}
