import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.swarmport.tracker.catalogue.CataloguedTorrent;

/**
 * Puts the search benchmark's synthetic catalogue ({@code bench/search}'s {@code Generator}:
 * same names, files, sizes, categories and counts) straight into the tracker's tables of a
 * PostgreSQL database the tracker has migrated, with {@code COPY}: 100,000 torrents through
 * the upload API would each need a .torrent, a transaction and an index write, and the pages
 * under test read rows, not metainfo. The tracker indexes the rows when it next starts.
 *
 *   java -cp <classes> CatalogueLoad torrents seed jdbc-url user password
 *
 * Compiled together with bench/search/SearchBench.java by run.sh. Not a test.
 */
public class CatalogueLoad {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        long t0 = System.nanoTime();
        long[] files = {0};
        try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("truncate tracker.torrent cascade");
            }
            PGConnection pg = db.unwrap(PGConnection.class);
            CopyIn torrents = pg.getCopyAPI().copyIn("copy tracker.torrent (id, info_hash_v1, swarm_hash, name, total_size,"
                    + " added_at, seeders, leechers, completed, piece_length, private_torrent, category, description, file_count)"
                    + " from stdin");
            StringBuilder fileRows = new StringBuilder();
            new SearchBench.Generator(n, seed).forEach(t -> {
                write(torrents, String.join("\t", Long.toString(t.id()), t.infoHashV1(), t.swarmHash(), text(t.name()),
                        Long.toString(t.totalSize()), t.addedAt().toString(), Long.toString(t.seeders()),
                        Long.toString(t.leechers()), Long.toString(t.completed()), Long.toString(pieceLength(t.totalSize())),
                        "f", Integer.toString(t.category().id()), text(description(t)), Integer.toString(t.files().size()))
                        + "\n");
                long[] lengths = lengths(t);
                for (int i = 0; i < lengths.length; i++) {
                    fileRows.append(t.id()).append('\t').append(i).append('\t').append(text(t.files().get(i))).append('\t')
                            .append(lengths[i]).append('\n');
                }
                files[0] += lengths.length;
            });
            torrents.endCopy();
            CopyIn fileCopy = pg.getCopyAPI().copyIn("copy tracker.torrent_file (torrent_id, file_index, path, length) from stdin");
            write(fileCopy, fileRows.toString());
            fileCopy.endCopy();
            try (Statement s = db.createStatement()) {
                // Ids were given explicitly: the identity must continue after them, or the
                // first upload after the load would collide with torrent 1.
                s.execute("select setval(pg_get_serial_sequence('tracker.torrent', 'id'), (select max(id) from tracker.torrent))");
            }
            db.commit();
            try (Statement s = db.createStatement()) {
                db.setAutoCommit(true);
                s.execute("vacuum analyze tracker.torrent");
                s.execute("vacuum analyze tracker.torrent_file");
                try (ResultSet rs = s.executeQuery("select count(*) from tracker.torrent")) {
                    rs.next();
                    if (rs.getLong(1) != n) {
                        throw new IllegalStateException("expected " + n + " torrents, the table has " + rs.getLong(1));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "loaded %d torrents, %d files in %.1f s%n", n, files[0], (System.nanoTime() - t0) / 1e9);
    }

    private static void write(CopyIn copy, String rows) {
        byte[] bytes = rows.getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value in COPY's text format: backslash, tab and line breaks escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** What mktorrent picks: about 1,500 pieces, 256 KiB to 16 MiB. */
    private static long pieceLength(long size) {
        long piece = 256 << 10;
        while (piece < 16 << 20 && size / piece > 1500) {
            piece <<= 1;
        }
        return piece;
    }

    /** A few lines as uploaders write them, so the torrent page renders a description too. */
    private static String description(CataloguedTorrent t) {
        return t.name() + "\n\n" + t.category().name() + " release, " + t.files().size() + " files.\n"
                + "Please seed after downloading.";
    }

    /**
     * The generator gives a total and paths; lengths that add up to the total: subtitles,
     * .nfo, covers and readmes small, the rest sharing what is left.
     */
    private static long[] lengths(CataloguedTorrent t) {
        List<String> paths = t.files();
        long[] lengths = new long[paths.size()];
        long small = 0;
        int large = 0;
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i).toLowerCase(Locale.ROOT);
            if (p.endsWith(".nfo") || p.endsWith(".srt") || p.endsWith(".jpg") || p.endsWith(".txt")) {
                lengths[i] = 4096 + (Math.floorMod(p.hashCode(), 200) << 10);
                small += lengths[i];
            } else {
                large++;
            }
        }
        long rest = Math.max(0, t.totalSize() - small);
        long left = rest;
        for (int i = 0, seen = 0; i < paths.size(); i++) {
            if (lengths[i] == 0) {
                seen++;
                lengths[i] = seen == large ? left : rest / large;
                left -= lengths[i];
            }
        }
        return lengths;
    }
}
