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
#include "floor.h"
#include <utf8proc.h>



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
    unsigned char *text = (unsigned char *)slurp(argv[1], &len);
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
