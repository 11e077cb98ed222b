/* sbuf.h — a growing string for the tools' output (the library's own
 * buffer is internal to it).  `failed` is set by the first allocation
 * failure and makes every later append a no-op, so callers check once at
 * the end. */
#ifndef VNPLAN_SBUF_H
#define VNPLAN_SBUF_H
#include <stddef.h>

typedef struct sbuf {
    char *p;
    size_t n, cap;
    int failed;
} sbuf;

void sb_add(sbuf *b, const char *s, size_t len);
void sb_puts(sbuf *b, const char *s);          /* NULL appends nothing */
void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The string so far ("" when empty); NULL only after a failure. */
const char *sb_str(sbuf *b);
/* The string, handed to the caller (free() it); NULL after a failure,
 * when the buffer is released. */
char *sb_take(sbuf *b);
#endif
