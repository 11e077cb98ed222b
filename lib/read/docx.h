/* docx.h — a Word (.docx) file's bytes → the blocks the text reader would
 * make of the same document (see blocks.h): paragraphs with their style,
 * marks and the list label Word shows (computed from numbering.xml and put
 * in front of the text, as on screen), table rows with cells.
 *
 * Hostile files are refused with one line: entries are read in chunks and
 * stopped at the size limit whatever the ZIP header claims; the number of
 * entries and the XML nesting are capped; the XML is read without network,
 * DTD or entity expansion, and a part with a DOCTYPE is refused. */
#ifndef VNPLAN_DOCX_H
#define VNPLAN_DOCX_H
#include <stddef.h>
#include "vnplan.h"
#include "read/blocks.h"

/* More entries than any Word file holds: a ZIP made to exhaust us. */
#define VP_DOCX_MAX_ENTRIES 10000
/* Deeper XML than Word writes (tables in tables stay far below); under
 * libxml2's own cap of 256, so that our message is the one given. */
#define VP_DOCX_MAX_DEPTH 128

/* Do the bytes start like a ZIP file (a DOCX is one)? */
int vp_docx_is_zip(const unsigned char *bytes, size_t len);

/* Read the DOCX in `bytes`.  `limit` caps the decompressed bytes of each
 * part and of all parts together.  Errors: VNPLAN_E_BINARY for a ZIP that
 * is damaged or not a DOCX, or XML that is not well formed;
 * VNPLAN_E_LIMIT for a part or a total over `limit`, too many entries or
 * too deep XML; VNPLAN_E_NOMEM.  Block lines are paragraph numbers:
 * the n-th w:p of the body (table cells included) is line n.
 * Text in the legacy fonts (".VnTime", "VNI-Times", ...) is converted
 * through `cs` (NULL: left as it is); *legacy is then the encoding of
 * the last text converted, else NULL. */
struct vp_charsets;
vnplan_status vp_blocks_from_docx(const unsigned char *bytes, size_t len, size_t limit,
                                  const struct vp_charsets *cs, const char **legacy,
                                  vp_blocks *out, const char *name, vnplan_error *err);
#endif
