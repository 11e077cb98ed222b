/*
 * icu_floor — the NFC floor measured with ICU, beside bench/nfc_floor's
 * utf8proc one.
 *
 * The floor of issue 11: u_strFromUTF8 (the UTF-8 bytes to ICU's UTF-16)
 * then unorm2_normalize with the NFC instance, both timed, over the whole
 * input at once.  bench/bench.sh compares planparse against it, and
 * bench/cover.sh compares plancover (target: within 10x).
 *
 *   icu_floor FILE [N]     normalize FILE N times (default 5), print the
 *                          best time and MB/s
 *
 * Output is one line, "icu_floor: BYTES bytes, best SECONDS s, MBPS MB/s"
 * (with the time of the conversion alone in parentheses), which the bench
 * scripts parse.  Links only ICU's common library.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "floor.h"
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>



int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "Usage: icu_floor FILE [N]\n");
        return 2;
    }
    int rounds = argc == 3 ? atoi(argv[2]) : 5;
    if (rounds < 1) {
        fprintf(stderr, "icu_floor: N must be a positive number\n");
        return 2;
    }
    size_t len = 0;
    char *text = slurp(argv[1], &len);
    if (!text) {
        fprintf(stderr, "icu_floor: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if (len > INT32_MAX / 4) {
        fprintf(stderr, "icu_floor: %s: too large for one ICU string\n", argv[1]);
        free(text);
        return 1;
    }
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
    if (U_FAILURE(ec)) {
        fprintf(stderr, "icu_floor: NFC: %s\n", u_errorName(ec));
        free(text);
        return 1;
    }
    /* UTF-16 needs at most one unit per byte; NFC grows a string at most
     * three times (Unicode's stated bound).  Allocated once, outside the
     * timing, as a reader would keep its buffers. */
    int32_t cap16 = (int32_t)len + 1, capn = 3 * (int32_t)len + 16;
    UChar *u16 = malloc((size_t)cap16 * sizeof *u16);
    UChar *norm = malloc((size_t)capn * sizeof *norm);
    if (!u16 || !norm) {
        fprintf(stderr, "icu_floor: out of memory\n");
        return 1;
    }
    double best = -1, best_conv = -1;
    int32_t n16 = 0, nn = 0;
    for (int i = 0; i < rounds; i++) {
        double t0 = now();
        ec = U_ZERO_ERROR;
        /* invalid bytes become U+FFFD, as the reader's would */
        u_strFromUTF8WithSub(u16, cap16, &n16, text, (int32_t)len, 0xFFFD, NULL, &ec);
        double t1 = now();
        if (U_SUCCESS(ec))
            nn = unorm2_normalize(nfc, u16, n16, norm, capn, &ec);
        double t = now() - t0;
        if (U_FAILURE(ec)) {
            fprintf(stderr, "icu_floor: %s: %s\n", argv[1], u_errorName(ec));
            return 1;
        }
        if (best < 0 || t < best)
            best = t;
        if (best_conv < 0 || t1 - t0 < best_conv)
            best_conv = t1 - t0;
    }
    printf("icu_floor: %zu bytes (%ld UTF-16 units, %ld after NFC), best %.4f s, %.1f MB/s "
           "(u_strFromUTF8 alone %.4f s)\n",
           len, (long)n16, (long)nn, best, best > 0 ? (double)len / 1e6 / best : 0.0, best_conv);
    free(norm);
    free(u16);
    free(text);
    return 0;
}
