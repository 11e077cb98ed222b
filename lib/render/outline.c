/* outline.c — a readable outline for people: each document's
 * administrative parts, then its sections indented by level with their
 * first line and how many paragraphs they hold. */
#include "config.h"
#include "core/buf.h"
#include "model/model.h"
#include "render/render.h"
#include "core/unicode.h"
#include <string.h>

/* Append at most `cols` columns of s, with "…" when cut. */
static void clipped(vp_buf *b, const char *s, size_t cols)
{
    size_t n = strlen(s);
    if (vp_columns(s, n) <= cols) {
        vp_buf_append(b, s, n);
        return;
    }
    size_t i = 0, c = 0;
    while (i < n && c + 1 < cols) {
        int32_t cp;
        int l = vp_utf8_decode(s + i, n - i, &cp);
        i += (size_t)l;
        c++;
    }
    vp_buf_append(b, s, i);
    vp_buf_puts(b, "…");
}

static void field(vp_buf *b, const char *label, const char *value)
{
    if (!value)
        return;
    vp_buf_printf(b, "  %-10s ", label);
    clipped(b, value, 100);
    vp_buf_putc(b, '\n');
}

char *vp_render_outline(const vnplan_plan *p)
{
    vp_buf b;
    vp_buf_init(&b);
    vp_buf_printf(&b, "== %s  (%s, %zu bytes, %zu document%s)\n", p->path, p->encoding, p->bytes,
                  p->ndocs, p->ndocs == 1 ? "" : "s");
    for (size_t k = 0; k < p->ndocs; k++) {
        const vnplan_document *d = p->docs[k];
        const char *const *f = d->fields;
        vp_buf_printf(&b, "\n%s %s  lines %ld–%ld\n", f[VNPLAN_FIELD_KIND] ? f[VNPLAN_FIELD_KIND] : "?",
                      f[VNPLAN_FIELD_NUMBER] ? f[VNPLAN_FIELD_NUMBER] : "(no number)", d->line,
                      d->last_line);
        field(&b, "title", f[VNPLAN_FIELD_TITLE]);
        field(&b, "issuer", f[VNPLAN_FIELD_ISSUER]);
        field(&b, "under", f[VNPLAN_FIELD_ISSUER_PARENT]);
        field(&b, "issued by", f[VNPLAN_FIELD_ATTACHED_TO]);
        if (f[VNPLAN_FIELD_PLACE] || f[VNPLAN_FIELD_DATE]) {
            vp_buf_printf(&b, "  %-10s %s%s%s\n", "dated", f[VNPLAN_FIELD_PLACE] ? f[VNPLAN_FIELD_PLACE] : "",
                          f[VNPLAN_FIELD_PLACE] && f[VNPLAN_FIELD_DATE] ? ", " : "",
                          f[VNPLAN_FIELD_DATE] ? f[VNPLAN_FIELD_DATE] : "");
        }
        if (f[VNPLAN_FIELD_SIGNER_NAME]) {
            vp_buf_printf(&b, "  %-10s %s", "signed", f[VNPLAN_FIELD_SIGNER_NAME]);
            if (f[VNPLAN_FIELD_SIGNER_POSITION])
                vp_buf_printf(&b, ", %s", f[VNPLAN_FIELD_SIGNER_POSITION]);
            if (f[VNPLAN_FIELD_SIGNER_AUTHORITY])
                vp_buf_printf(&b, " (%s)", f[VNPLAN_FIELD_SIGNER_AUTHORITY]);
            vp_buf_putc(&b, '\n');
        }
        if (d->nrecip)
            vp_buf_printf(&b, "  %-10s %zu\n", "recipients", d->nrecip);
        if (d->nresidue)
            vp_buf_printf(&b, "  %-10s %zu piece%s set aside (see --format=tree)\n", "residue",
                          d->nresidue, d->nresidue == 1 ? "" : "s");
        const vnplan_section *root = d->root, *s = root->first_child;
        if (root->npara)
            vp_buf_printf(&b, "  (preamble: %zu paragraph%s)\n", root->npara,
                          root->npara == 1 ? "" : "s");
        while (s) {
            for (int i = 0; i < s->level; i++)
                vp_buf_puts(&b, "  ");
            vp_buf_printf(&b, "%s. ", s->number);
            clipped(&b, s->heading, 72);
            if (s->npara)
                vp_buf_printf(&b, "  [%zu]", s->npara);
            vp_buf_printf(&b, "  :%ld\n", s->line);
            s = vp_section_following(s, root);
        }
    }
    for (size_t i = 0; i < p->nwarn; i++)
        vp_buf_printf(&b, "warning: line %ld: %s (%s)\n", p->warnings[i].line,
                      p->warnings[i].message, p->warnings[i].code);
    return vp_buf_detach(&b);
}
