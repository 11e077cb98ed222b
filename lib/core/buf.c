/* buf.c — growable byte buffer (see buf.h). */
#include "core/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vp_buf_init(vp_buf *b) { memset(b, 0, sizeof *b); }

void vp_buf_free(vp_buf *b)
{
    free(b->data);
    vp_buf_init(b);
}

void vp_buf_clear(vp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static int grow(vp_buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (extra > (size_t)-1 / 2 - b->len) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void vp_buf_append(vp_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void vp_buf_puts(vp_buf *b, const char *s) { vp_buf_append(b, s, strlen(s)); }

void vp_buf_printf(vp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        vp_buf_append(b, small, (size_t)n);
        return;
    }
    if (!grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *vp_buf_detach(vp_buf *b)
{
    if (b->failed) {
        vp_buf_free(b);
        return NULL;
    }
    char *s = b->data ? b->data : calloc(1, 1);
    vp_buf_init(b);
    return s;
}
