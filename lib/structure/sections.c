/* sections.c — numbering to a section tree (see sections.h).
 *
 * Rank, from the largest: Phần, Chương, Mục, Tiểu mục, Điều (the named
 * divisions of a legal text), then roman I., then arabic with k parts
 * (1., 1.1., 1.1.1.).  A plan may use any of them as its top level: a new
 * section closes every open section of the same or a deeper rank; its
 * parent is the innermost one left.  Lettered items, bullets and plain
 * paragraphs are paragraphs of the innermost section.  A stack, no
 * recursion. */
#include "config.h"
#include "core/buf.h"
#include "core/unicode.h"
#include "read/labels.h"
#include "structure/sections.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *make_path(vnplan_plan *p, const vnplan_section *parent, const vp_label *lab)
{
    const char *comp = lab->number;
    size_t pl = strlen(parent->number);
    /* "2.1" under "2" contributes "1": paths join printed numbers. */
    if (lab->kind == VP_LABEL_ARABIC && pl && strncmp(lab->number, parent->number, pl) == 0 &&
        lab->number[pl] == '.')
        comp = lab->number + pl + 1;
    vp_buf b;
    vp_buf_init(&b);
    if (parent->path[0])
        vp_buf_printf(&b, "%s.%s", parent->path, comp);
    else
        vp_buf_puts(&b, comp);
    char *s = vp_buf_detach(&b);
    char *r = s ? vp_strdup(p->arena, s) : NULL;
    free(s);
    return r;
}

/* The rank of a section label, 0 for a label that makes no section. */
static int rank_of(const vp_label *lab)
{
    switch (lab->kind) {
    case VP_LABEL_PART: return 1;
    case VP_LABEL_CHAPTER: return 2;
    case VP_LABEL_DIVISION: return 3;
    case VP_LABEL_SUBDIVISION: return 4;
    case VP_LABEL_ARTICLE: return 5;
    case VP_LABEL_ROMAN: return 6;
    case VP_LABEL_ARABIC: return 6 + lab->parts;
    default: return 0;
    }
}

/* Longest block taken as the heading of a division that stands alone
 * ("PHẦN I." with its heading on the next line), in bytes. */
#define HEADING_BLOCK_MAX 300
/* Lines of capitals that continue a heading cut by the export ("I. MỤC
 * ĐÍCH," / "YÊU CẦU"), at most. */
#define HEADING_MORE_MAX 3

/* Could block j be (a line of) a heading: a paragraph without a label,
 * nor a first word that looks like one ("A.", "B)": letters in capitals
 * are no label, but they begin a heading of their own). */
static int heading_line(const vp_blocks *b, size_t j, size_t end)
{
    if (j >= end)
        return 0;
    const vp_block *blk = &b->v[j];
    vp_label lab;
    size_t w = 0;
    while (w < blk->len && blk->text[w] != ' ')
        w++;
    return blk->kind == VP_BLOCK_PARA && !blk->list_label && blk->len > 0 &&
           blk->len <= HEADING_BLOCK_MAX && !(w && w <= 3 && strchr(".)", blk->text[w - 1])) &&
           vp_label_parse(blk->text, blk->len, &lab) == VP_LABEL_NONE;
}

/* The heading of the section labelled by block i: its text after the label,
 * or for a division alone on its line the next block; then the lines of
 * capitals of the same source paragraph that go on with a heading in
 * capitals not yet ended.  Returns the heading (arena) and sets *last to
 * the last block used. */
static char *heading_of(vnplan_plan *p, const vp_blocks *b, size_t i, size_t end,
                        const char *text, size_t len, size_t *last)
{
    vp_buf h;
    vp_buf_init(&h);
    vp_buf_append(&h, text, len);
    *last = i;
    if (len == 0 && heading_line(b, i + 1, end)) {
        *last = i + 1;
        vp_buf_append(&h, b->v[i + 1].text, b->v[i + 1].len);
    }
    for (int more = 0; more < HEADING_MORE_MAX; more++) {
        size_t j = *last + 1;
        if (!h.len || !vp_is_all_caps(h.data, h.len) || strchr(".:;!?", h.data[h.len - 1]) ||
            !heading_line(b, j, end) || b->v[j].group != b->v[*last].group ||
            !vp_is_all_caps(b->v[j].text, b->v[j].len))
            break;
        vp_buf_putc(&h, ' ');
        vp_buf_append(&h, b->v[j].text, b->v[j].len);
        *last = j;
    }
    char *s = vp_buf_detach(&h);
    char *r = s ? vp_strdup(p->arena, s) : NULL;
    free(s);
    return r;
}

static vnplan_para_kind para_kind(vp_label_kind k)
{
    switch (k) {
    case VP_LABEL_LETTER: return VNPLAN_PARA_ITEM;
    case VP_LABEL_DASH: return VNPLAN_PARA_DASH;
    case VP_LABEL_PLUS: return VNPLAN_PARA_PLUS;
    default: return VNPLAN_PARA_TEXT;
    }
}

int vp_build_sections(vnplan_plan *p, vnplan_document *d, const vp_blocks *b,
                      vp_span_range body, const vp_patterns *re, size_t max_depth)
{
    /* the open section of each level: never deeper than the limit, nor
     * than one level a block */
    size_t nblocks = body.end > body.start ? body.end - body.start : 0;
    if (max_depth > nblocks)
        max_depth = nblocks;
    vnplan_section **stack = vp_alloc(p->arena, (max_depth + 1) * sizeof *stack);
    if (!stack)
        return 0;
    size_t top = 0;
    stack[0] = d->root;
    d->root->line = body.start < body.end ? b->v[body.start].line : d->line;

    for (size_t i = body.start; i < body.end; i++) {
        const vp_block *blk = &b->v[i];
        vp_para para;
        memset(&para, 0, sizeof para);
        para.line = blk->line;
        para.last_line = blk->last_line;
        para.block = i;
        if (blk->kind == VP_BLOCK_TABLE_ROW) {
            para.kind = VNPLAN_PARA_TABLE_ROW;
            para.label = "";
            para.text = vp_strndup(p->arena, blk->text, blk->len);
            if (!para.text || !vp_section_add_para(p, stack[top], &para))
                return 0;
            continue;
        }
        vp_label lab;
        const char *text = blk->text;
        size_t len = blk->len;
        vp_label_kind k;
        if (blk->list_label) {
            char tmp[40];
            snprintf(tmp, sizeof tmp, "%s x", blk->list_label);
            k = vp_label_parse(tmp, strlen(tmp), &lab);
            lab.skip = 0;
        } else {
            k = vp_label_parse(text, len, &lab);
        }
        /* The last paragraph may end with the typist's initials after the
         * closing mark "./." — residue, not content. */
        long g[4];
        if (vp_match(re, VP_RE_END_INITIALS, text, len, 0, g, 2)) {
            if (!vp_doc_add_residue(p, d, text + g[2], (size_t)(g[3] - g[2]), blk->line,
                                    "initials"))
                return 0;
            len = (size_t)g[2];
            while (len && text[len - 1] == ' ')
                len--;
        }
        int rank = rank_of(&lab);
        if (rank) {
            while (top > 0 && stack[top]->rank >= rank)
                top--;
            if (top + 1 > max_depth) {
                if (!vp_plan_warn(p, blk->line, "too-deep",
                                  "section %s nested deeper than %zu levels; kept as a paragraph",
                                  lab.number, max_depth))
                    return 0;
            } else {
                vnplan_section *s = vp_section_new(p, stack[top]);
                if (!s)
                    return 0;
                s->rank = rank;
                s->line = blk->line;
                s->block = i;
                s->number = vp_strdup(p->arena, lab.number);
                size_t last;
                s->heading = heading_of(p, b, i, body.end, text + lab.skip, len - lab.skip, &last);
                s->path = make_path(p, stack[top], &lab);
                if (!s->number || !s->heading || !s->path)
                    return 0;
                /* Numbering that skips (3. after 1.) is worth a look. */
                vnplan_section *prev = NULL;
                for (vnplan_section *c = stack[top]->first_child; c && c != s; c = c->next)
                    prev = c;
                if (prev && prev->rank == rank) {
                    vp_label pl;
                    char tmp[40];
                    snprintf(tmp, sizeof tmp, "%s. x", prev->number);
                    if (vp_label_parse(tmp, strlen(tmp), &pl) != VP_LABEL_NONE &&
                        pl.value + 1 != lab.value &&
                        !vp_plan_warn(p, blk->line, "numbering-gap",
                                      "section %s follows %s", s->path, prev->path))
                        return 0;
                }
                stack[++top] = s;
                i = last;   /* the heading's other lines */
                continue;
            }
        }
        para.kind = para_kind(k);
        switch (k) {
        case VP_LABEL_LETTER:
        case VP_LABEL_ROMAN:    /* numbering too deep for a section */
        case VP_LABEL_ARABIC:
        case VP_LABEL_PART:
        case VP_LABEL_CHAPTER:
        case VP_LABEL_DIVISION:
        case VP_LABEL_SUBDIVISION:
        case VP_LABEL_ARTICLE:
            para.kind = VNPLAN_PARA_ITEM;
            para.label = vp_strdup(p->arena, lab.number);
            break;
        case VP_LABEL_DASH: para.label = "-"; break;
        case VP_LABEL_PLUS: para.label = "+"; break;
        default: para.label = ""; lab.skip = 0; break;
        }
        para.text = vp_strndup(p->arena, text + lab.skip, len - lab.skip);
        if (!para.label || !para.text || !vp_section_add_para(p, stack[top], &para))
            return 0;
    }
    return 1;
}
