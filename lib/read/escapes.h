/* escapes.h — text that a web page stored with its line breaks escaped
 * (escapes.c). */
#ifndef VNPLAN_ESCAPES_H
#define VNPLAN_ESCAPES_H
#include <stddef.h>

/* Some legal-text sites store a document's own line breaks as the four
 * characters "\r\n" inside its lines.  No Vietnamese document writes them,
 * so each run of them (with the spaces around it) becomes one space, or
 * nothing at the start or end of a line; real line ends are kept, so line
 * numbers do not move.  Works in place; returns how many runs were undone
 * and sets *len to the new length. */
size_t vp_undo_escaped_breaks(char *text, size_t *len);
#endif
