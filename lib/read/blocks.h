/* blocks.h — the seam between readers and everything after them.
 *
 * A reader (plain text, read/blocks.c; DOCX, read/docx.c; ODT,
 * read/odt.c, both through read/body.c) produces a
 * sequence of blocks: paragraphs with their markup remembered, and table
 * rows with cells.
 * Everything downstream (documents, header, sections, extraction) sees
 * only blocks and never knows which reader ran. */
#ifndef VNPLAN_BLOCKS_H
#define VNPLAN_BLOCKS_H
#include <stddef.h>
#include "vnplan.h"

typedef enum vp_block_kind {
    VP_BLOCK_PARA,
    VP_BLOCK_TABLE_ROW
} vp_block_kind;

/* What the source said about a block besides its words. */
enum {
    VP_MARK_HEADING    = 1 << 0, /* "#" heading, DOCX/ODT outline level      */
    VP_MARK_BOLD       = 1 << 1, /* some bold text                           */
    VP_MARK_ALL_BOLD   = 1 << 2, /* the whole block is bold                  */
    VP_MARK_ITALIC     = 1 << 3, /* some italic text                         */
    VP_MARK_ALL_ITALIC = 1 << 4, /* the whole block is italic                */
    VP_MARK_HARD_BREAK = 1 << 5, /* ended by a forced line break, not a
                                    paragraph end ("  " in Markdown)        */
    VP_MARK_PAGE_BREAK = 1 << 6, /* a page break came before this block      */
    VP_MARK_CENTERED   = 1 << 7, /* DOCX/ODT: centred paragraph              */
    VP_MARK_LIST       = 1 << 8  /* DOCX/ODT: a list item, its label from
                                    the numbering: never a continuation */
};

/* A span of the clean text that was italic (kept for residue detection:
 * handwriting and stamps are often exported in italics). */
typedef struct vp_span {
    size_t start, end;
} vp_span;

typedef struct vp_block {
    vp_block_kind kind;
    char *text;          /* clean text: markup removed, spaces collapsed   */
    size_t len;
    unsigned marks;
    int heading_depth;   /* "#" count or DOCX/ODT outline level + 1      */
    int indent;          /* leading indentation in columns                 */
    int group;           /* blocks from one source paragraph (no blank line
                            between them) share a group number            */
    const char *style;   /* DOCX/ODT style name, NULL for text             */
    const char *list_label; /* a label known apart from the text ("1.",
                            "a)"), or NULL: then the label, if any, is
                            part of `text`.  Every reader leaves it NULL:
                            the DOCX and ODT readers put the label they
                            compute before the text (see read/body.c)    */
    long line;           /* first source line (1-based) / DOCX, ODT para. */
    long last_line;
    vp_span *italics;    /* italic spans in `text`                         */
    size_t nitalics;
    char **cells;        /* TABLE_ROW: cell texts                          */
    size_t ncells;
    size_t textcap;      /* bytes allocated for text, italcap spans: joins
                            grow them geometrically (0: exactly len + 1) */
    size_t italcap;
} vp_block;

/* Text the block stage set aside: page furniture (running headers,
 * "Trang 3"), HTML residue like <sub>KTS</sub>.  Reported to the user. */
typedef struct vp_aside {
    char *text;
    long line;
    const char *why;     /* "page-furniture", "subscript", ... */
} vp_aside;

typedef struct vp_blocks {
    vp_block *v;
    size_t n, cap;
    vp_aside *asides;
    size_t naside, capaside;
    char **owned;        /* strings blocks point to (DOCX style names),
                            freed with the blocks                          */
    size_t nowned, capowned;
    int wrapped;         /* the text was detected as hard-wrapped          */
    int wrap_width;      /* columns, when wrapped                          */
} vp_blocks;

/* Split NFC UTF-8 text (LF line ends) into blocks.  Never fails except for
 * lack of memory (VNPLAN_E_NOMEM) or a line over `max_line` bytes
 * (VNPLAN_E_LIMIT, naming the line). */
vnplan_status vp_blocks_from_text(const char *text, size_t len, size_t max_line,
                                  vp_blocks *out, const char *name, vnplan_error *err);
void vp_blocks_free(vp_blocks *b);

/* Helpers shared with the office readers (read/body.c): append a block (text is copied and
 * cleaned of Markdown residue) and set aside a piece of text. */
vp_block *vp_blocks_push(vp_blocks *b, const char *text, size_t len, long line);
int vp_blocks_aside(vp_blocks *b, const char *text, size_t len, long line,
                    const char *why);
/* A copy of `s` that lives as long as `b` (for block->style); NULL on
 * lack of memory. */
const char *vp_blocks_keep(vp_blocks *b, const char *s);
/* Append `next` to `prev` (with a space), as one paragraph, and empty
 * `next` (its memory released; the caller removes it from the array).  0
 * on lack of memory. */
int vp_blocks_join(vp_block *prev, vp_block *next);
/* Rejoin paragraphs cut by a page (a lower-case start, a dangling
 * comma or dash, a sentence broken over a page break) and drop empty
 * paragraphs.  Both readers end with it.  0 on lack of memory (the blocks
 * stay whole, to be freed). */
int vp_blocks_rejoin(vp_blocks *b);
#endif
