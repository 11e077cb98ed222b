/* body.h — the body of an office document (Word, OpenDocument) turned into
 * blocks, whatever the XML vocabulary: a reader tells it where paragraphs,
 * table rows and cells start and end and hands it their text; it makes
 * the blocks the text reader would make of the same document (see
 * blocks.h): one per paragraph, its list label before its text, lines
 * ended by a line break kept apart, a table row with its cells, a small
 * borderless table (a letterhead) read column by column.  Text typed in
 * the legacy Vietnamese fonts is converted here too. */
#ifndef VNPLAN_BODY_H
#define VNPLAN_BODY_H
#include <stddef.h>
#include "core/buf.h"
#include "read/blocks.h"

/* A line break inside a paragraph, as it stands in the paragraph text
 * until the paragraph ends (XML text cannot hold this control
 * character). */
#define VP_BODY_LINE_BREAK '\x1e'

struct vp_charsets;
typedef struct vp_body_row vp_body_row;
typedef struct vp_body_para vp_body_para;

typedef struct vp_body {
    vp_blocks *out;
    const struct vp_charsets *cs;   /* NULL: legacy fonts left as they are */
    const char *legacy;  /* a legacy encoding some text was read from     */
    long para_no;        /* paragraphs so far: the line of a block        */
    int group;
    vp_buf text;         /* the open paragraph's text                     */
    int r_bold, r_italic;   /* the look of the text being added           */
    const char *r_enc;   /* the legacy encoding of its font, or NULL      */
    int r_caps;          /* ... a capitals font                           */
    vp_buf leg;          /* legacy-font text not yet converted: runs split
                            words, and a syllable is converted whole      */
    const char *leg_enc;
    int leg_caps;
    size_t chars, bold_chars, italic_chars;
    int pending_page;    /* a page break not yet given to a block         */
    int tbl_depth;       /* tables open (the reader counts them)          */
    char **cells;        /* the open row's cells                          */
    size_t ncells, capcells;
    vp_buf cell;         /* the open cell's text                          */
    long row_line;
    int vmerge;          /* the open cell only continues a merged one     */
    size_t span;         /* grid columns the open cell covers: the columns
                            after the first get empty cells, so a column
                            keeps its index in every row                  */
    vp_body_row *rows;   /* the rows of the open top-level table          */
    size_t nrows, caprows;
    vp_body_para *paras; /* its paragraphs, for a layout table            */
    size_t np, capp;
} vp_body;

/* What the reader knows of a paragraph besides its text. */
/* Word allows at most 63 columns; a span claiming more is cut to it. */
#define VP_BODY_MAX_SPAN 63

typedef struct vp_para_props {
    const char *label;   /* the list label shown, "" or NULL for none     */
    const char *style;   /* style name, or NULL                           */
    int outline;         /* outline level 0-8, -1 for none                */
    int centered, list, page_break;
} vp_para_props;

void vp_body_init(vp_body *d, vp_blocks *out, const struct vp_charsets *cs);
void vp_body_free(vp_body *d);

/* Paragraphs: start (counts it), text, end.  0 on lack of memory. */
void vp_body_para_start(vp_body *d);
int vp_body_para_end(vp_body *d, const vp_para_props *pp);
/* Text in the current look (r_bold, r_italic, r_enc). */
int vp_body_text(vp_body *d, const char *s, size_t n);
/* A character not in the run's font: ' ' (a tab) or VP_BODY_LINE_BREAK. */
int vp_body_putc(vp_body *d, char c);
/* Convert the pending legacy-font text (a run or paragraph ended). */
int vp_body_flush(vp_body *d);
/* The run's font is `font` (a family name): a legacy one is converted. */
void vp_body_font(vp_body *d, const char *font);

/* Set aside text that is not the body's (a footnote, a comment) at the
 * current paragraph's line, white space collapsed.  0 on lack of memory. */
int vp_body_aside(vp_body *d, const char *s, size_t n, const char *why);

/* Tables: rows of cells; the top-level table ends with vp_body_table_end
 * (the reader keeps tbl_depth). */
void vp_body_row_start(vp_body *d);
int vp_body_row_end(vp_body *d);
void vp_body_cell_start(vp_body *d);
int vp_body_cell_end(vp_body *d);
int vp_body_table_end(vp_body *d);

/* Number `v` as a list shows it: fmt '1' decimal, '0' decimal of two
 * digits, 'I' / 'i' roman, 'A' / 'a' letters (a..z, aa..zz, ...). */
void vp_body_number(long v, char fmt, vp_buf *b);
/* A bullet as the text reader knows it: "-" or "+" kept, any other "•". */
const char *vp_body_bullet(const char *shown);
#endif
