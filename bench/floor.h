/* floor.h — what the two NFC floor programs (nfc_floor.c, icu_floor.c)
 * share: a monotonic clock and reading a whole file. */
#ifndef VNPLAN_BENCH_FLOOR_H
#define VNPLAN_BENCH_FLOOR_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read the whole file into a malloc'd buffer; NULL and errno on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *grown = realloc(buf, ncap);
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
#endif
