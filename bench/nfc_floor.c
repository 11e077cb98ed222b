/*
 * nfc_floor — how fast can any reader of this input be?
 *
 * Every byte planparse reads goes through NFC normalization once (the
 * reader's Unicode boundary), so the time utf8proc takes to normalize the
 * same bytes is a floor for the whole parse.  bench/bench.sh compares
 * planparse against it; the target is a parse within 5x of this floor.
 *
 *   nfc_floor FILE [N]     normalize FILE N times (default 5), print the
 *                          best time and MB/s
 *
 * Output is one line, "nfc_floor: BYTES bytes, best SECONDS s, MBPS MB/s",
 * which bench.sh parses.  Links only utf8proc.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read the whole file into a malloc'd buffer; NULL and errno on failure. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            unsigned char *grown = realloc(buf, ncap);
            if (!grown)
                goto fail;
            buf = grown;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        goto fail;
    fclose(f);
    *len = n;
    return buf;
fail:
    free(buf);
    fclose(f);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "Usage: nfc_floor FILE [N]\n");
        return 2;
    }
    int rounds = argc == 3 ? atoi(argv[2]) : 5;
    if (rounds < 1) {
        fprintf(stderr, "nfc_floor: N must be a positive number\n");
        return 2;
    }
    size_t len = 0;
    unsigned char *text = slurp(argv[1], &len);
    if (!text) {
        fprintf(stderr, "nfc_floor: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }

    /* utf8proc_map is what utf8proc_NFC calls, with the length given so
     * that the input need not be NUL-terminated (and NUL bytes in it do
     * not stop the normalization early). */
    double best = -1;
    size_t out_len = 0;
    for (int i = 0; i < rounds; i++) {
        utf8proc_uint8_t *out = NULL;
        double t0 = now();
        utf8proc_ssize_t r = utf8proc_map(text, (utf8proc_ssize_t)len, &out,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        double t = now() - t0;
        if (r < 0) {
            fprintf(stderr, "nfc_floor: %s: %s\n", argv[1], utf8proc_errmsg(r));
            free(text);
            return 1;
        }
        out_len = (size_t)r;
        free(out);
        if (best < 0 || t < best)
            best = t;
    }
    printf("nfc_floor: %zu bytes (%zu after NFC), best %.4f s, %.1f MB/s\n", len, out_len,
           best, best > 0 ? (double)len / 1e6 / best : 0.0);
    free(text);
    return 0;
}
