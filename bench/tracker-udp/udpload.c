/*
 * udpload: a BEP 15 (UDP tracker) load generator for bench/tracker-udp/run.sh.
 *
 *   udpload HOST PORT WHITELIST MODE SECONDS [key=value ...]
 *
 * MODE:
 *   sweep      every (torrent, peer) pair announces exactly once (warm-up: event=started,
 *              or sweep_event=stopped for the clean-up), at most SECONDS
 *   rate       announces at rate=N per second (open loop: sent on schedule whatever the
 *              answers), random (torrent, peer) pairs, for SECONDS
 *   unbounded  as fast as the tracker answers: window=W announces in flight per socket
 *              (closed loop), random pairs, for SECONDS
 *
 * Keys: peers=100 sockets=4 window=64 rate=20000 numwant=50 seed=1 sweep_event=started
 *       timeout_ms=1000 count=<lines of WHITELIST>
 *
 * The load has the shape of bench/tracker-http: WHITELIST is hashes.py's whitelist.txt
 * (40 hex a line), COUNT torrents x PEERS peers, peer p of torrent t always the same client
 * (peer_id "-WU0100-" + t + p, key, port 1024 + p), a seeder (left 0) for 20 % of the peers.
 * Each socket first connects (BEP 15) and connects again every 50 s, before its
 * connection id's minute is over. Every send gets a transaction id that indexes its send
 * time, so each answer gives a latency; answers after timeout_ms count as lost.
 *
 * Prints one line: UDP-RESULT key=value ... (sent, answered, rps, lost, errors, latency
 * percentiles in microseconds, average peers per answer). Exit status 0, or 2 on bad use.
 * Loopback only: HOST must be 127.x.x.x.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_SOCKETS 64
#define BATCH 64
#define RING (1u << 20)          /* transaction ids in flight: index into send times */
#define CONNECT_TID_FLAG 0x80000000u
#define HIST_US 200000           /* latency histogram, 1 us buckets up to 200 ms */
#define RECONNECT_NS (50LL * 1000000000LL)

static uint8_t (*hashes)[20];
static long count, peers = 100, sockets_n = 4, window = 64, rate = 20000, numwant = 50, seed = 1, timeout_ms = 1000;
static int sweep_stop;

typedef struct {
    int fd;
    uint64_t id;           /* connection id; 0 until the first connect answer */
    long long connected;   /* when the id arrived */
    long long connect_sent;
    long inflight;
} sock_t;

static sock_t socks[MAX_SOCKETS];
static long long *sent_at;        /* [RING], ns; 0 = free */
static uint16_t *sent_sock;       /* [RING] */
static uint32_t next_tid;
static uint64_t rng;
static uint32_t *hist;
static unsigned long long n_sent, n_answered, n_errors, n_lost, n_bad, n_peers, n_over, n_connects;
static long long lat_max;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static uint64_t xorshift(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void put32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static void put64(uint8_t *p, uint64_t v) { put32(p, v >> 32); put32(p + 4, (uint32_t) v); }
static uint32_t get32(const uint8_t *p) { return (uint32_t) p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
static uint64_t get64(const uint8_t *p) { return (uint64_t) get32(p) << 32 | get32(p + 4); }

static void build_connect(uint8_t *b, uint32_t tid) {
    put64(b, 0x41727101980ULL);
    put32(b + 8, 0);
    put32(b + 12, tid);
}

/* The 98-byte announce of peer p of torrent t. */
static void build_announce(uint8_t *b, uint64_t id, uint32_t tid, long t, long p, uint32_t event) {
    put64(b, id);
    put32(b + 8, 1);
    put32(b + 12, tid);
    memcpy(b + 16, hashes[t], 20);
    memcpy(b + 36, "-WU0100-", 8);
    put32(b + 44, (uint32_t) t);
    b[48] = (uint8_t) (p >> 8);
    b[49] = (uint8_t) p;
    put32(b + 50, (uint32_t) (t * 2654435761u) ^ (uint32_t) p);
    b[54] = 'W';
    b[55] = 'U';
    put64(b + 56, 0);                              /* downloaded */
    put64(b + 64, p < peers / 5 ? 0 : 1048576);    /* left: 20 % seeders */
    put64(b + 72, 0);                              /* uploaded */
    put32(b + 80, event);
    put32(b + 84, 0);                              /* ip: the sender's */
    put32(b + 88, (uint32_t) (t * peers + p));     /* key */
    put32(b + 92, (uint32_t) numwant);
    b[96] = (uint8_t) ((1024 + p) >> 8);
    b[97] = (uint8_t) (1024 + p);
}

static uint32_t take_tid(int s, long long now) {
    for (;;) {
        uint32_t tid = next_tid++ & (RING - 1);
        if (sent_at[tid] == 0) {
            sent_at[tid] = now;
            sent_sock[tid] = (uint16_t) s;
            return tid;
        }
    }
}

static void send_connect(int s, long long now) {
    uint8_t b[16];
    build_connect(b, CONNECT_TID_FLAG | (uint32_t) s);
    socks[s].connect_sent = now;
    if (send(socks[s].fd, b, sizeof b, 0) == 16) {
        n_connects++;
    }
}

/* Sends up to n announces on socket s; returns how many went out. */
static long send_announces(int s, long n, long long now, long *sweep_next, long sweep_total) {
    static uint8_t bufs[BATCH][98];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    uint32_t tids[BATCH];
    if (n > BATCH) {
        n = BATCH;
    }
    long k = 0;
    for (; k < n; k++) {
        long t, p;
        uint32_t event = 0;
        if (sweep_next) {
            if (*sweep_next >= sweep_total) {
                break;
            }
            /* peer-major order: all swarms grow together */
            long i = (*sweep_next)++;
            t = i % count;
            p = i / count;
            event = sweep_stop ? 3 : 2;
        } else {
            uint64_t r = xorshift();
            t = (long) (r % (uint64_t) count);
            p = (long) ((r >> 32) % (uint64_t) peers);
        }
        tids[k] = take_tid(s, now);
        build_announce(bufs[k], socks[s].id, tids[k], t, p, event);
        iov[k].iov_base = bufs[k];
        iov[k].iov_len = 98;
        memset(&msgs[k], 0, sizeof msgs[k]);
        msgs[k].msg_hdr.msg_iov = &iov[k];
        msgs[k].msg_hdr.msg_iovlen = 1;
    }
    if (k == 0) {
        return 0;
    }
    int out = sendmmsg(socks[s].fd, msgs, (unsigned) k, MSG_DONTWAIT);
    if (out < 0) {
        out = 0;
    }
    for (long j = out; j < k; j++) {
        sent_at[tids[j]] = 0;  /* not sent (socket buffer full): free the slot again */
        if (sweep_next) {
            (*sweep_next)--;  /* retried later; order within the sweep does not matter */
        }
    }
    n_sent += (unsigned long long) out;
    socks[s].inflight += out;
    return out;
}

static void receive_all(int s, long long now) {
    static uint8_t bufs[BATCH][2048];
    struct mmsghdr msgs[BATCH];
    struct iovec iov[BATCH];
    for (;;) {
        for (int k = 0; k < BATCH; k++) {
            iov[k].iov_base = bufs[k];
            iov[k].iov_len = sizeof bufs[k];
            memset(&msgs[k], 0, sizeof msgs[k]);
            msgs[k].msg_hdr.msg_iov = &iov[k];
            msgs[k].msg_hdr.msg_iovlen = 1;
        }
        int n = recvmmsg(socks[s].fd, msgs, BATCH, MSG_DONTWAIT, NULL);
        if (n <= 0) {
            return;
        }
        for (int k = 0; k < n; k++) {
            const uint8_t *b = bufs[k];
            unsigned len = msgs[k].msg_len;
            if (len < 8) {
                n_bad++;
                continue;
            }
            uint32_t action = get32(b), tid = get32(b + 4);
            if (action == 0 && len >= 16 && (tid & CONNECT_TID_FLAG)) {
                socks[s].id = get64(b + 8);
                socks[s].connected = now;
                continue;
            }
            if (tid >= RING || sent_at[tid] == 0) {
                n_bad++;  /* late (already counted lost) or unknown */
                continue;
            }
            long long lat = now - sent_at[tid];
            sent_at[tid] = 0;
            socks[sent_sock[tid]].inflight--;
            if (lat > timeout_ms * 1000000LL) {
                n_lost++;
                continue;
            }
            if (action == 1 && len >= 20) {
                n_answered++;
                n_peers += (len - 20) / 6;
                long long us = lat / 1000;
                if (us > lat_max) {
                    lat_max = us;
                }
                if (us < HIST_US) {
                    hist[us]++;
                } else {
                    n_over++;
                }
            } else {
                n_errors++;
            }
        }
    }
}

/* Frees the transaction ids of sends unanswered for timeout_ms: lost datagrams. */
static void expire(long long now) {
    static uint32_t cursor;
    long long limit = now - timeout_ms * 1000000LL;
    /* a slice of the ring per call keeps this cheap; the whole ring within ~64 calls */
    for (uint32_t i = 0; i < RING / 64; i++) {
        uint32_t tid = cursor++ & (RING - 1);
        if (sent_at[tid] != 0 && sent_at[tid] < limit) {
            sent_at[tid] = 0;
            socks[sent_sock[tid]].inflight--;
            n_lost++;
        }
    }
}

static long long percentile(double q) {
    unsigned long long total = n_answered, want = (unsigned long long) (q * (double) total), seen = 0;
    if (total == 0) {
        return -1;
    }
    for (long us = 0; us < HIST_US; us++) {
        seen += hist[us];
        if (seen > want) {
            return us;
        }
    }
    return lat_max;
}

static long kv(int argc, char **argv, const char *key, long def) {
    size_t n = strlen(key);
    for (int i = 6; i < argc; i++) {
        if (strncmp(argv[i], key, n) == 0 && argv[i][n] == '=') {
            char *end;
            long v = strtol(argv[i] + n + 1, &end, 10);
            if (*end || v < 0) {
                fprintf(stderr, "udpload: %s must be a non-negative integer\n", key);
                exit(2);
            }
            return v;
        }
    }
    return def;
}

static int load_hashes(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    long cap = 16384, n = 0;
    char line[128];
    hashes = malloc((size_t) cap * 20);
    while (fgets(line, sizeof line, f)) {
        if (strlen(line) < 40) {
            continue;
        }
        if (n == cap) {
            cap *= 2;
            hashes = realloc(hashes, (size_t) cap * 20);
        }
        for (int i = 0; i < 20; i++) {
            unsigned v;
            if (sscanf(line + 2 * i, "%2x", &v) != 1) {
                fprintf(stderr, "udpload: %s: not 40 hex at line %ld\n", path, n + 1);
                fclose(f);
                return -1;
            }
            hashes[n][i] = (uint8_t) v;
        }
        n++;
    }
    fclose(f);
    count = n;
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: udpload HOST PORT WHITELIST sweep|rate|unbounded SECONDS [key=value ...]\n");
        return 2;
    }
    const char *host = argv[1], *mode = argv[4];
    long port = atol(argv[2]), seconds = atol(argv[5]);
    int sweep = strcmp(mode, "sweep") == 0, open_loop = strcmp(mode, "rate") == 0;
    if (!sweep && !open_loop && strcmp(mode, "unbounded") != 0) {
        fprintf(stderr, "udpload: mode must be sweep, rate or unbounded\n");
        return 2;
    }
    if (strncmp(host, "127.", 4) != 0 || port < 1 || port > 65535 || seconds < 1 || seconds > 3600) {
        fprintf(stderr, "udpload: HOST must be 127.x.x.x, PORT 1-65535, SECONDS 1-3600\n");
        return 2;
    }
    if (load_hashes(argv[3]) != 0 || count == 0) {
        return 2;
    }
    long limit_count = kv(argc, argv, "count", count);
    count = limit_count > 0 && limit_count < count ? limit_count : count;
    peers = kv(argc, argv, "peers", peers);
    sockets_n = kv(argc, argv, "sockets", sockets_n);
    window = kv(argc, argv, "window", window);
    rate = kv(argc, argv, "rate", rate);
    numwant = kv(argc, argv, "numwant", numwant);
    seed = kv(argc, argv, "seed", seed);
    timeout_ms = kv(argc, argv, "timeout_ms", timeout_ms);
    for (int i = 6; i < argc; i++) {
        if (strcmp(argv[i], "sweep_event=stopped") == 0) {
            sweep_stop = 1;
        }
    }
    if (peers < 1 || peers > 65535 - 1024 || sockets_n < 1 || sockets_n > MAX_SOCKETS || window < 1
            || (long) sockets_n * window > (long) RING / 2 || rate < 1 || timeout_ms < 1) {
        fprintf(stderr, "udpload: peers 1-64511, sockets 1-%d, window >= 1, rate >= 1\n", MAX_SOCKETS);
        return 2;
    }
    rng = 0x9E3779B97F4A7C15ULL ^ (uint64_t) seed;
    sent_at = calloc(RING, sizeof *sent_at);
    sent_sock = calloc(RING, sizeof *sent_sock);
    hist = calloc(HIST_US, sizeof *hist);

    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t) port)};
    if (inet_pton(AF_INET, host, &to.sin_addr) != 1) {
        fprintf(stderr, "udpload: bad HOST %s\n", host);
        return 2;
    }
    struct pollfd pfd[MAX_SOCKETS];
    for (int s = 0; s < sockets_n; s++) {
        int fd = socket(AF_INET, SOCK_DGRAM, 0);
        int buf = 8 << 20;
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
        setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);
        if (fd < 0 || connect(fd, (struct sockaddr *) &to, sizeof to) != 0) {
            perror("udpload: socket");
            return 2;
        }
        socks[s].fd = fd;
        pfd[s].fd = fd;
        pfd[s].events = POLLIN;
    }

    /* Connect every socket; retry each second, give up after 10 s. */
    long long start = now_ns();
    for (;;) {
        long long now = now_ns();
        int ready = 1;
        for (int s = 0; s < sockets_n; s++) {
            if (socks[s].id == 0) {
                ready = 0;
                if (now - socks[s].connect_sent > 1000000000LL) {
                    send_connect(s, now);
                }
            }
        }
        if (ready) {
            break;
        }
        if (now - start > 10000000000LL) {
            printf("UDP-RESULT mode=%s error=no_connect_answer\n", mode);
            return 1;
        }
        poll(pfd, (nfds_t) sockets_n, 50);
        for (int s = 0; s < sockets_n; s++) {
            receive_all(s, now_ns());
        }
    }

    long sweep_next = 0, sweep_total = count * peers;
    start = now_ns();
    long long end = start + seconds * 1000000000LL;
    long long now = start;
    int s_rr = 0;
    while (now < end) {
        now = now_ns();
        for (int s = 0; s < sockets_n; s++) {
            if (now - socks[s].connected > RECONNECT_NS && now - socks[s].connect_sent > 1000000000LL) {
                send_connect(s, now);
            }
        }
        if (open_loop) {
            long long due = (long long) ((double) (now - start) * (double) rate / 1e9);
            long long behind = due - (long long) n_sent;
            /* one round over the sockets per pass; what is not sent now goes out next pass */
            for (int i = 0; i < sockets_n && behind > 0; i++) {
                int s = s_rr++ % (int) sockets_n;
                behind -= send_announces(s, behind, now, NULL, 0);
            }
        } else {
            for (int s = 0; s < sockets_n; s++) {
                long room = window - socks[s].inflight;
                while (room > 0) {
                    long sent = send_announces(s, room, now, sweep ? &sweep_next : NULL, sweep_total);
                    if (sent == 0) {
                        break;
                    }
                    room -= sent;
                }
            }
            if (sweep && sweep_next >= sweep_total) {
                int idle = 1;
                for (int s = 0; s < sockets_n; s++) {
                    idle &= socks[s].inflight == 0;
                }
                if (idle) {
                    break;
                }
            }
        }
        poll(pfd, (nfds_t) sockets_n, open_loop ? 0 : 1);
        now = now_ns();
        for (int s = 0; s < sockets_n; s++) {
            receive_all(s, now);
        }
        expire(now);
    }
    /* Answers still on their way: wait up to timeout_ms for them, then count the rest lost. */
    long long drain_end = now_ns() + timeout_ms * 1000000LL;
    long long elapsed_ns = now_ns() - start;
    for (;;) {
        long inflight = 0;
        for (int s = 0; s < sockets_n; s++) {
            inflight += socks[s].inflight;
        }
        if (inflight <= 0 || now_ns() > drain_end) {
            break;
        }
        poll(pfd, (nfds_t) sockets_n, 10);
        for (int s = 0; s < sockets_n; s++) {
            receive_all(s, now_ns());
        }
    }
    for (uint32_t tid = 0; tid < RING; tid++) {
        if (sent_at[tid] != 0) {
            n_lost++;
        }
    }
    double secs = (double) elapsed_ns / 1e9;
    printf("UDP-RESULT mode=%s sent=%llu answered=%llu rps=%.0f lost=%llu errors=%llu bad=%llu "
           "p50_us=%lld p90_us=%lld p99_us=%lld max_us=%lld avg_peers=%.1f connects=%llu elapsed=%.1f "
           "sweep_done=%ld\n",
           mode, n_sent, n_answered, (double) n_answered / secs, n_lost, n_errors, n_bad,
           percentile(0.50), percentile(0.90), percentile(0.99), lat_max,
           n_answered ? (double) n_peers / (double) n_answered : 0.0, n_connects, secs,
           sweep ? sweep_next : -1L);
    return 0;
}
