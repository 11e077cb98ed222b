/* sections.c — numbering to a section tree (see sections.h).
 *
 * Rank: roman I. is 1, arabic with k parts (1., 1.1., 1.1.1.) is 1 + k.
 * A new section closes every open section of the same or a deeper rank;
 * its parent is the innermost one left.  Lettered items, bullets and plain
 * paragraphs are paragraphs of the innermost section.  A stack, no
 * recursion. */
#include "config.h"
#include "core/buf.h"
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
    enum { MAX_STACK = 64 };
    vnplan_section *stack[MAX_STACK];
    size_t top = 0;
    stack[0] = d->root;
    d->root->line = body.start < body.end ? b->v[body.start].line : d->line;
    if (max_depth >= MAX_STACK)
        max_depth = MAX_STACK - 1;

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
        if (k == VP_LABEL_ROMAN || k == VP_LABEL_ARABIC) {
            int rank = k == VP_LABEL_ROMAN ? 1 : 1 + lab.parts;
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
                s->heading = vp_strndup(p->arena, text + lab.skip, len - lab.skip);
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
                continue;
            }
        }
        para.kind = para_kind(k);
        switch (k) {
        case VP_LABEL_LETTER:
        case VP_LABEL_ROMAN:    /* numbering too deep for a section */
        case VP_LABEL_ARABIC:
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
