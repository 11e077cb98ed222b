/* tree.c — the canonical dump: one line per node, two spaces of
 * indentation per level, strings quoted with \" and \\ escaped.  Golden
 * tests compare it byte for byte, so its form changes only on purpose. */
#include "config.h"
#include "core/buf.h"
#include "model/model.h"
#include "render/render.h"
#include <stdlib.h>
#include <string.h>

static void quoted(vp_buf *b, const char *s)
{
    vp_buf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            vp_buf_putc(b, '\\');
        vp_buf_putc(b, *s);
    }
    vp_buf_putc(b, '"');
}

static void indent(vp_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        vp_buf_puts(b, "  ");
}

static void section(vp_buf *b, const vnplan_section *root)
{
    /* Iterative pre-order walk: depth follows the section levels. */
    const vnplan_section *s = root;
    while (s) {
        int depth = s->level + 1;
        if (s != root) {
            indent(b, depth);
            vp_buf_printf(b, "section %s line=%ld ", s->path, s->line);
            quoted(b, s->heading);
            vp_buf_putc(b, '\n');
        }
        for (size_t i = 0; i < s->npara; i++) {
            const vp_para *pa = &s->paras[i];
            indent(b, depth + 1);
            vp_buf_printf(b, "%s", vp_para_kind_name(pa->kind));
            if (pa->label[0] && pa->kind == VNPLAN_PARA_ITEM)
                vp_buf_printf(b, " %s", pa->label);
            vp_buf_printf(b, " line=%ld ", pa->line);
            quoted(b, pa->text);
            vp_buf_putc(b, '\n');
        }
        s = vp_section_following(s, root);
    }
}

char *vp_render_tree(const vnplan_plan *p)
{
    vp_buf b;
    vp_buf_init(&b);
    vp_buf_printf(&b, "plan format=%s encoding=%s documents=%zu\n", p->format, p->encoding,
                  p->ndocs);
    for (size_t k = 0; k < p->ndocs; k++) {
        const vnplan_document *d = p->docs[k];
        vp_buf_printf(&b, "document lines=%ld-%ld\n", d->line, d->last_line);
        for (int f = 0; f < VNPLAN_FIELD__COUNT; f++) {
            if (!d->fields[f])
                continue;
            vp_buf_printf(&b, "  %s ", vp_field_name((vnplan_field)f));
            quoted(&b, d->fields[f]);
            vp_buf_putc(&b, '\n');
        }
        for (size_t i = 0; i < d->nrecip; i++) {
            vp_buf_puts(&b, i < d->naddressee ? "  addressee " : "  recipient ");
            quoted(&b, d->recipients[i]);
            vp_buf_putc(&b, '\n');
        }
        for (size_t i = 0; i < d->nresidue; i++) {
            vp_buf_printf(&b, "  residue %s line=%ld ", d->residue[i].why, d->residue[i].line);
            quoted(&b, d->residue[i].text);
            vp_buf_putc(&b, '\n');
        }
        section(&b, d->root);
    }
    for (size_t i = 0; i < p->nwarn; i++) {
        vp_buf_printf(&b, "warning %s line=%ld ", p->warnings[i].code, p->warnings[i].line);
        quoted(&b, p->warnings[i].message);
        vp_buf_putc(&b, '\n');
    }
    return vp_buf_detach(&b);
}
