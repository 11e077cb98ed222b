/* docx.h — a Word (.docx) file's bytes → the blocks the text reader would
 * make of the same document (see blocks.h): paragraphs with their style,
 * marks and the list label Word shows (computed from numbering.xml and put
 * in front of the text, as on screen), table rows with cells.  The ZIP and
 * its XML are read by read/package.c, which refuses hostile files with one
 * line; the blocks are made by read/body.c, shared with the OpenDocument
 * reader (read/odt.c). */
#ifndef VNPLAN_DOCX_H
#define VNPLAN_DOCX_H
#include <stddef.h>
#include "vnplan.h"
#include "read/blocks.h"

/* Read the DOCX in `bytes`, within `lim` (read/package.h): the
 * decompressed bytes of each part and of all parts together, the entries
 * and the XML nesting.  Errors: VNPLAN_E_BINARY for a ZIP that
 * is damaged or not a DOCX, or XML that is not well formed;
 * VNPLAN_E_LIMIT for anything over a limit;
 * VNPLAN_E_NOMEM.  Block lines are paragraph numbers: the n-th w:p of the
 * body (table cells included) is line n.
 * Text in the legacy fonts (".VnTime", "VNI-Times", ...) is converted
 * through `cs` (NULL: left as it is); *legacy is then the encoding of
 * the last text converted, else NULL. */
struct vp_charsets;
struct vp_package_limits;
vnplan_status vp_blocks_from_docx(const unsigned char *bytes, size_t len,
                                  const struct vp_package_limits *lim, const struct vp_charsets *cs,
                                  const char **legacy, vp_blocks *out, const char *name,
                                  vnplan_error *err);
#endif
