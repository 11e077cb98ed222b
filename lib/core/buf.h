/* buf.h — a growable byte buffer, the one way the library builds strings.
 * A failed allocation sets `failed` and turns later appends into no-ops, so
 * callers check once at the end instead of after every append. */
#ifndef VNPLAN_BUF_H
#define VNPLAN_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct vp_buf {
    char *data;     /* always NUL-terminated once anything was appended */
    size_t len;
    size_t cap;
    int failed;
} vp_buf;

void vp_buf_init(vp_buf *b);
void vp_buf_free(vp_buf *b);
void vp_buf_clear(vp_buf *b);
void vp_buf_append(vp_buf *b, const char *s, size_t n);
void vp_buf_puts(vp_buf *b, const char *s);
/* One byte: inline, since readers build their text a byte at a time. */
static inline void vp_buf_putc(vp_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        vp_buf_append(b, &c, 1);
    }
}
void vp_buf_printf(vp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (malloc'd; "" when empty); NULL if any
 * append failed.  The buffer is left empty. */
char *vp_buf_detach(vp_buf *b);
#endif
