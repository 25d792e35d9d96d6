import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.swarmport.tracker.catalogue.CatalogueSource;
import org.swarmport.tracker.catalogue.CataloguedTorrent;
import org.swarmport.tracker.catalogue.Category;
import org.swarmport.tracker.search.SearchRequest;
import org.swarmport.tracker.search.SearchResults;
import org.swarmport.tracker.search.SortOrder;
import org.swarmport.tracker.search.TorrentIndex;

/**
 * Search benchmark (issue #5): N synthetic torrents indexed by Swarmport's own TorrentIndex and
 * loaded into PostgreSQL full-text search (tsvector over names and paths pre-split on
 * punctuation, GIN), then the same mixed query set against both, in the same run.
 *
 *   java -Xmx2g -cp <classpath> bench/search/SearchBench.java [torrents] [rounds] [jdbc-url]
 *
 * See README.md for the classpath. Not a test: a measurement.
 */
public class SearchBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String url = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/swarmport_search";
        // INDEX_DIR keeps the index between runs (reused when it holds one: no build figures);
        // LUCENE_ONLY=1 skips PostgreSQL. Both for working on the index; a reported run uses neither.
        String keep = System.getenv("INDEX_DIR");
        boolean luceneOnly = "1".equals(System.getenv("LUCENE_ONLY"));
        Path dir = keep == null ? Files.createTempDirectory("swarmport-search-bench") : Files.createDirectories(Path.of(keep));
        System.out.printf(Locale.ROOT, "torrents %,d, rounds %d, index %s, %s, %d cores, max heap %d MiB%n", n, rounds, dir,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        // Every query is timed ten times: Lucene's query cache would answer the repeats of
        // filters and value-sorted queries from memory. Off, each run costs what a first one does.
        org.apache.lucene.search.IndexSearcher.setDefaultQueryCache(null);
        Generator generator = new Generator(n, 5);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        ExecutorService searchThreads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        TorrentIndex index = TorrentIndex.open(FSDirectory.open(dir), searchThreads);
        index.reconcile(generator);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeap() - heapBefore;
        long disk;
        try (Stream<Path> files = Files.list(dir)) {
            disk = files.mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "lucene build: %.1f s, %,.0f torrents/s, heap after build %d MiB, disk %d MiB%n",
                buildSeconds, n / buildSeconds, heap >> 20, disk >> 20);

        List<BenchQuery> queries = BenchQuery.set();
        double[] lucene = runLucene(index, queries, rounds);
        if (luceneOnly) {
            report("lucene", lucene);
            index.close();
            searchThreads.shutdown();
            return;
        }

        double[] pg;
        try (Connection db = DriverManager.getConnection(url, "swarmport", "swarmport")) {
            long p0 = System.nanoTime();
            loadPostgres(db, generator);
            System.out.printf(Locale.ROOT, "postgresql load + GIN index: %.1f s%n", (System.nanoTime() - p0) / 1e9);
            pg = runPostgres(db, queries, rounds);
        }
        report("lucene", lucene);
        report("postgresql", pg);
        System.out.printf(Locale.ROOT, "p95 ratio postgresql/lucene: %.1fx%n", percentile(pg, 95) / percentile(lucene, 95));
        index.close();
        searchThreads.shutdown();
        if (keep != null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double[] runLucene(TorrentIndex index, List<BenchQuery> queries, int rounds) throws IOException {
        for (BenchQuery q : queries) { // warm-up, and the hit counts for the report
            SearchResults r = index.search(q.request());
            System.out.printf(Locale.ROOT, "  %-34s total %,9d%n", q.label(), r.total());
        }
        double[] ms = new double[queries.size() * rounds];
        double[][] perQuery = new double[queries.size()][rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                index.search(queries.get(i).request());
                ms[k++] = perQuery[i][round] = (System.nanoTime() - s) / 1e6;
            }
        }
        for (int i = 0; i < queries.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-34s median %7.2f ms, max %7.2f ms%n", queries.get(i).label(),
                    percentile(perQuery[i], 50), percentile(perQuery[i], 100));
        }
        return ms;
    }

    /** What the API answers from PostgreSQL too: a page of 20, the total, counts per category. */
    private static double[] runPostgres(Connection db, List<BenchQuery> queries, int rounds) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("set statement_timeout = '20s'");
        }
        double[] ms = new double[queries.size() * rounds];
        int k = 0;
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            for (BenchQuery q : queries) {
                String where = "doc @@ to_tsquery('simple', ?)" + (q.category() == null ? "" : " and category = ?");
                String order = q.sort() == SortOrder.SEEDERS ? "seeders desc" : "ts_rank(doc, to_tsquery('simple', ?)) desc";
                long s = System.nanoTime();
                try (PreparedStatement page = db.prepareStatement("select id, name, seeders from torrents where " + where
                        + " order by " + order + " limit 20");
                     PreparedStatement counts = db.prepareStatement("select category, count(*) from torrents where " + where
                             + " group by category")) {
                    int i = 1;
                    page.setString(i++, q.tsquery());
                    if (q.category() != null) {
                        page.setString(i++, q.category());
                    }
                    if (q.sort() != SortOrder.SEEDERS) {
                        page.setString(i, q.tsquery());
                    }
                    drain(page.executeQuery());
                    counts.setString(1, q.tsquery());
                    if (q.category() != null) {
                        counts.setString(2, q.category());
                    }
                    drain(counts.executeQuery());
                }
                if (round >= 0) {
                    ms[k++] = (System.nanoTime() - s) / 1e6;
                }
            }
        }
        return ms;
    }

    private static void drain(ResultSet rs) throws Exception {
        try (rs) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    private static void loadPostgres(Connection db, Generator generator) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("drop table if exists torrents");
            s.execute("create unlogged table torrents (id bigint primary key, name text not null, category text not null,"
                    + " size bigint not null, added timestamptz not null, seeders bigint not null, body text not null,"
                    + " doc tsvector generated always as (to_tsvector('simple', body)) stored)");
        }
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "copy torrents (id, name, category, size, added, seeders, body) from stdin");
        StringBuilder row = new StringBuilder();
        generator.forEach(t -> {
            row.setLength(0);
            row.append(t.id()).append('\t').append(clean(t.name())).append('\t').append(t.category().id()).append('\t')
                    .append(t.totalSize()).append('\t').append(t.addedAt()).append('\t').append(t.seeders()).append('\t')
                    .append(split(t.name()));
            for (String f : t.files()) {
                row.append(' ').append(split(f));
            }
            row.append('\n');
            byte[] bytes = row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        copy.endCopy();
        try (Statement s = db.createStatement()) {
            s.execute("set maintenance_work_mem = '512MB'");
            s.execute("create index torrents_doc on torrents using gin (doc)");
            s.execute("create index torrents_seeders on torrents (seeders)");
            s.execute("create index torrents_category on torrents (category)");
            s.execute("vacuum analyze torrents");
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\\', '/');
    }

    /** Names and paths pre-split on punctuation, as DESIGN.md's PostgreSQL anchor was measured. */
    private static String split(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double percentile(double[] ms, int p) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void report(String engine, double[] ms) {
        System.out.printf(Locale.ROOT, "%-10s %d queries: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", engine,
                ms.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99),
                Arrays.stream(ms).max().orElse(0));
    }

    /** One query of the mixed set, in Swarmport's language and as the equivalent tsquery. */
    record BenchQuery(String label, SearchRequest request, String tsquery, String category, SortOrder sort) {

        static BenchQuery of(String q, String tsquery) {
            return new BenchQuery(q, SearchRequest.of(q), tsquery, null, SortOrder.RELEVANCE);
        }

        static BenchQuery bySeeders(String q, String tsquery, Category category) {
            SearchRequest r = SearchRequest.of(q).sortedBy(SortOrder.SEEDERS, false).filtered(category, null, null, null, null);
            return new BenchQuery(q + " [" + (category == null ? "" : category.name().toLowerCase(Locale.ROOT) + ", ")
                    + "by seeders]", r, tsquery, category == null ? null : Integer.toString(category.id()), SortOrder.SEEDERS);
        }

        /** The parser makes the last plain word also a prefix; the tsquery says so with :*. */
        static List<BenchQuery> set() {
            return List.of(
                    of("1080p", "1080p:*"),
                    of("flac", "flac:*"),
                    of("x264", "x264:*"),
                    of("web", "web:*"),
                    of("hdtv", "hdtv:*"),
                    of("2160p hevc", "2160p & hevc:*"),
                    of("midnight garden", "midnight & garden:*"),
                    of("love story 720p", "love & story & 720p:*"),
                    of("\"silent river\"", "silent <-> river"),
                    of("\"the last\" 1080p", "(the <-> last) & 1080p:*"),
                    of("s01e01 1080p", "s01e01 & 1080p:*"),
                    of("1080p -x264", "1080p & !x264"),
                    of("720p|2160p web", "(720p | 2160p) & web:*"),
                    of("winter 2160p|720p", "winter & (2160p | 720p:*)"),
                    of("mid", "mid:*"),
                    of("shad", "shad:*"),
                    of("linux x86-64", "linux & (x86 <-> 64)"),
                    of("epub", "epub:*"),
                    of("mp3 320", "mp3 & 320:*"),
                    of("the", "the:*"),
                    of("flac 2019", "flac & 2019:*"),
                    of("ocean s02", "ocean & s02:*"),
                    bySeeders("1080p", "1080p:*", null),
                    bySeeders("flac", "flac:*", Category.AUDIO),
                    bySeeders("web", "web:*", Category.TV),
                    bySeeders("2021", "2021:*", Category.MOVIES),
                    bySeeders("pdf", "pdf:*", Category.BOOKS),
                    bySeeders("windows", "windows:*", Category.PC));
        }
    }

    /**
     * Deterministic synthetic catalogue: TV episodes and season packs, movies, music albums,
     * software and books, with release-group style names and a few files each.
     */
    static final class Generator implements CatalogueSource {

        private static final String[] WORDS = ("the last silent river midnight garden love story winter shadow ocean "
                + "city night king queen dark light house fire storm blue red golden iron glass empire summer "
                + "broken dream wild heart black white lost found secret island mountain road home star moon sun "
                + "dragon ghost hunter doctor office family crown kingdom war peace time machine world north south "
                + "east west girl boy man woman children lake forest desert sky rain snow wind echo mirror paper "
                + "silver stone wolf bear fox eagle crow tiger angel devil saint sinner rose lily ivy thorn blood "
                + "bone steel velvet neon electric quiet loud fast slow first second hidden open closed final "
                + "eternal ancient modern future past present signal noise harbor bridge tower castle village").split(" ");
        private static final String[] RES = {"720p", "1080p", "1080p", "2160p", "480p"};
        private static final String[] SOURCE = {"WEB-DL", "WEB", "WEBRip", "HDTV", "BluRay", "BDRip"};
        private static final String[] CODEC = {"x264", "x265", "H.264", "HEVC", "AV1"};
        private static final String[] GROUP = {"NTb", "FLUX", "GRP", "SPARKS", "RARBG", "TEPES", "ELiTE", "GGEZ", "CAKES",
                "SiGMA"};
        private static final String[] AUDIO = {"FLAC", "FLAC 24bit", "MP3 320", "MP3 V0", "ALAC", "OPUS"};
        private static final String[] OS = {"Linux", "Windows", "macOS"};
        private static final String[] ARCH = {"x64", "x86-64", "arm64", "i386"};
        private static final String[] BOOK = {"EPUB", "PDF", "MOBI", "AZW3"};

        private final int n;
        private final long seed;

        Generator(int n, long seed) {
            this.n = n;
            this.seed = seed;
        }

        @Override
        public long count() {
            return n;
        }

        @Override
        public void forEach(Consumer<CataloguedTorrent> sink) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int id = 1; id <= n; id++) {
                sink.accept(torrent(id, random));
            }
        }

        /** Zipf-like: low indexes much more often, as real title words are. */
        private static String word(SplittableRandom r) {
            double u = r.nextDouble();
            return cap(WORDS[(int) (WORDS.length * u * u)]);
        }

        private static String cap(String w) {
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }

        private static String pick(SplittableRandom r, String[] from) {
            return from[r.nextInt(from.length)];
        }

        private static String title(SplittableRandom r, String sep) {
            int words = 1 + r.nextInt(3);
            StringBuilder t = new StringBuilder(word(r));
            for (int i = 1; i < words; i++) {
                t.append(sep).append(word(r));
            }
            return t.toString();
        }

        private static CataloguedTorrent torrent(long id, SplittableRandom r) {
            int kind = r.nextInt(100);
            String name;
            Category category;
            List<String> files = new ArrayList<>();
            long size;
            if (kind < 40) {
                category = Category.TV;
                String show = title(r, ".");
                int season = 1 + r.nextInt(12);
                String tail = "." + pick(r, RES) + "." + pick(r, SOURCE) + "." + pick(r, CODEC) + "-" + pick(r, GROUP);
                if (r.nextInt(5) == 0) {
                    name = String.format(Locale.ROOT, "%s.S%02d%s", show, season, tail);
                    for (int e = 1, eps = 3 + r.nextInt(4); e <= eps; e++) {
                        files.add(String.format(Locale.ROOT, "%s/%s.S%02dE%02d%s.mkv", name, show, season, e, tail));
                    }
                } else {
                    name = String.format(Locale.ROOT, "%s.S%02dE%02d%s", show, season, 1 + r.nextInt(24), tail);
                    files.add(name + ".mkv");
                    files.add(name + ".nfo");
                }
                size = (200L + r.nextInt(4000)) << 20;
            } else if (kind < 65) {
                category = Category.MOVIES;
                name = title(r, ".") + "." + (1950 + r.nextInt(76)) + "." + pick(r, RES) + "." + pick(r, SOURCE) + "."
                        + pick(r, CODEC) + "-" + pick(r, GROUP);
                files.add(name + "/" + name + ".mkv");
                files.add(name + "/Subs/English.srt");
                if (r.nextBoolean()) {
                    files.add(name + "/Sample/sample.mkv");
                }
                size = (700L + r.nextInt(30_000)) << 20;
            } else if (kind < 80) {
                category = Category.AUDIO;
                String artist = title(r, " ");
                String album = title(r, " ");
                String format = pick(r, AUDIO);
                name = artist + " - " + album + " (" + (1960 + r.nextInt(66)) + ") [" + format + "]";
                String ext = format.startsWith("FLAC") ? "flac" : format.startsWith("MP3") ? "mp3"
                        : format.equals("ALAC") ? "m4a" : "opus";
                for (int t = 1, tracks = 3 + r.nextInt(5); t <= tracks; t++) {
                    files.add(String.format(Locale.ROOT, "%s/%02d - %s.%s", name, t, title(r, " "), ext));
                }
                files.add(name + "/cover.jpg");
                size = (40L + r.nextInt(1500)) << 20;
            } else if (kind < 90) {
                category = Category.PC;
                String product = title(r, "_");
                String version = (1 + r.nextInt(30)) + "." + r.nextInt(20) + "." + r.nextInt(10);
                String os = pick(r, OS);
                name = product + "_" + version + "_" + os + "_" + pick(r, ARCH);
                files.add(name + "/" + product.toLowerCase(Locale.ROOT) + (os.equals("Windows") ? "-setup.exe" : ".tar.gz"));
                files.add(name + "/readme.txt");
                size = (5L + r.nextInt(4000)) << 20;
            } else {
                category = Category.BOOKS;
                String author = title(r, " ");
                String book = title(r, " ");
                String format = pick(r, BOOK);
                name = author + " - " + book + " (" + (1900 + r.nextInt(126)) + ") [" + format + "]";
                files.add(book + "." + format.toLowerCase(Locale.ROOT));
                size = (1L + r.nextInt(50)) << 20;
            }
            byte[] hash = new byte[20];
            r.nextBytes(hash);
            String v1 = HexFormat.of().formatHex(hash);
            long seeders = (long) Math.floor(Math.pow(r.nextDouble(), 4) * 2000);
            return new CataloguedTorrent(id, v1, null, v1, name, "", category, List.of(), files, size,
                    OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(r.nextInt(5 * 525_600)),
                    seeders, (long) Math.floor(Math.pow(r.nextDouble(), 4) * 500), r.nextInt(10_000));
        }
    }
}
