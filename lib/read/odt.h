/* odt.h — an OpenDocument text (.odt) file's bytes → the blocks the text
 * reader would make of the same document (see blocks.h), as the Word
 * reader does (read/docx.h): paragraphs and headings with their style and
 * marks, the list label LibreOffice shows (computed from the list styles
 * and put in front of the text), table rows with cells.  Notes and
 * annotations are set aside, never mixed into the body; tracked
 * deletions are not read.  The ZIP and its XML are read by
 * read/package.c, which refuses hostile files with one line. */
#ifndef VNPLAN_ODT_H
#define VNPLAN_ODT_H
#include <stddef.h>
#include "vnplan.h"
#include "read/blocks.h"

/* Read the ODT in `bytes`: arguments, limits, errors and legacy fonts as
 * for vp_blocks_from_docx (read/docx.h); a ZIP without content.xml is
 * VNPLAN_E_BINARY.  Block lines are paragraph numbers: the n-th text:p or
 * text:h of the body (table cells included) is line n. */
struct vp_charsets;
struct vp_package_limits;
vnplan_status vp_blocks_from_odt(const unsigned char *bytes, size_t len,
                                 const struct vp_package_limits *lim, const struct vp_charsets *cs,
                                 const char **legacy, vp_blocks *out, const char *name,
                                 vnplan_error *err);
#endif
