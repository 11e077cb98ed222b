/* sbuf.c — a growing string for the tools (see sbuf.h). */
#include "config.h"
#include "sbuf.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_add(sbuf *b, const char *s, size_t len)
{
    if (b->failed)
        return;
    if (b->n + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + len + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    if (len)
        memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

void sb_puts(sbuf *b, const char *s) { sb_add(b, s ? s : "", s ? strlen(s) : 0); }

void sb_printf(sbuf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

const char *sb_str(sbuf *b)
{
    if (!b->p && !b->failed)
        sb_add(b, "", 0);
    return b->failed ? NULL : b->p;
}

char *sb_take(sbuf *b)
{
    if (!sb_str(b)) {
        free(b->p);
        b->p = NULL;
        return NULL;
    }
    return b->p;
}
