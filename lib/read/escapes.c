/* escapes.c — undo line breaks that a web export escaped (see escapes.h).
 *
 * Consumes NFC UTF-8 text with LF line ends; produces the same text with
 * every run of literal "\r\n" sequences inside a line made one space.  One pass, in place. */
#include "config.h"
#include "read/escapes.h"
#include <string.h>

/* Length of one escaped break at s[i] ("\r\n"), or 0.  A lone "\n" is
 * left alone: it can be real text (a path, a formula). */
static size_t escaped_break(const char *s, size_t len, size_t i)
{
    return i + 4 <= len && memcmp(s + i, "\\r\\n", 4) == 0 ? 4 : 0;
}

size_t vp_undo_escaped_breaks(char *text, size_t *len)
{
    size_t n = *len, o = 0, runs = 0;
    for (size_t i = 0; i < n;) {
        size_t k = escaped_break(text, n, i);
        if (!k) {
            text[o++] = text[i++];
            continue;
        }
        /* A run: breaks and the spaces between them. */
        runs++;
        while (o > 0 && (text[o - 1] == ' ' || text[o - 1] == '\t'))
            o--;
        for (;;) {
            i += k;
            while (i < n && (text[i] == ' ' || text[i] == '\t'))
                i++;
            if (!(k = escaped_break(text, n, i)))
                break;
        }
        int at_start = o == 0 || text[o - 1] == '\n';
        int at_end = i >= n || text[i] == '\n';
        if (!at_start && !at_end)
            text[o++] = ' ';
    }
    text[o] = '\0';
    *len = o;
    return runs;
}
