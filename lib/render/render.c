/* render.c — the renderers' front door: vnplan_render and
 * vnplan_diff_render choose the renderer of a format (one file each in
 * render/), and the names every format shares live here once. */
#include "config.h"
#include "compare/compare.h"
#include "render/render.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/i18n.h"
#include <jansson.h>

static const char *const field_names[VNPLAN_FIELD__COUNT] = {
    "kind", "number", "number_raw", "issuer", "issuer_raw", "issuer_parent", "province",
    "place", "date", "title", "signer_name", "signer_position", "signer_authority", "archive",
    "attached_to", "kind_name",
};

const char *vp_field_name(vnplan_field f)
{
    return (unsigned)f < VNPLAN_FIELD__COUNT ? field_names[f] : "";
}

const char *vp_para_kind_name(vnplan_para_kind k)
{
    switch (k) {
    case VNPLAN_PARA_TEXT: return "text";
    case VNPLAN_PARA_ITEM: return "item";
    case VNPLAN_PARA_DASH: return "dash";
    case VNPLAN_PARA_PLUS: return "plus";
    case VNPLAN_PARA_TABLE_ROW: return "row";
    }
    return "text";
}

char *vnplan_render_json_part(const vnplan_plan *plan, vnplan_json_part part)
{
    return plan ? vp_render_json_part(plan, part) : NULL;
}

char *vnplan_render(const vnplan_plan *plan, vnplan_format format)
{
    if (!plan)
        return NULL;
    switch (format) {
    case VNPLAN_FORMAT_JSON: return vp_render_json(plan);
    case VNPLAN_FORMAT_TREE: return vp_render_tree(plan);
    case VNPLAN_FORMAT_OUTLINE: return vp_render_outline(plan);
    }
    return NULL;
}

char *vnplan_diff_render(const vnplan_diff *df, vnplan_diff_format format, int width, int flags)
{
    if (!df)
        return NULL;
    char *r = NULL;
    /* The labels' language, for this thread and this rendering only
     * (core/i18n.h); JSON has none. */
    vp_lang_saved saved;
    vp_lang_begin(vp_lang_of_flags(flags), &saved);
    switch (format) {
    case VNPLAN_DIFF_TEXT: r = vp_render_diff_text(df, width > 0 ? width : 80, flags); break;
    case VNPLAN_DIFF_JSON: r = vp_render_diff_json(df); break;
    case VNPLAN_DIFF_MARKDOWN: r = vp_render_diff_markdown(df); break;
    case VNPLAN_DIFF_HTML: r = vp_render_diff_html(df); break;
    }
    vp_lang_end(&saved);
    return r;
}

/* jansson's dump ignores some failed appends of its own (the quote after a
 * key), which would leave a broken document; a vp_buf fails for good at its
 * first failed allocation, so no later append can hide one. */
static int dump_to_buf(const char *s, size_t n, void *data)
{
    vp_buf *b = data;
    vp_buf_append(b, s, n);
    return b->failed ? -1 : 0;
}

/* jansson reports a member it could not add (its value NULL for want of
 * memory, or no memory to add it) only in a return value: the JSON
 * renderers add through these, which note it, so that the rendering fails
 * as a whole (vp_json_text) instead of silently missing a member.  Per
 * thread, as renderings run in several threads at once. */
static _Thread_local int json_lost;

void vp_json_begin(void) { json_lost = 0; }

void vp_json_put(json_t *o, const char *key, json_t *v)
{
    if (json_object_set_new(o, key, v) != 0)
        json_lost = 1;
}

void vp_json_push(json_t *a, json_t *v)
{
    if (json_array_append_new(a, v) != 0)
        json_lost = 1;
}

char *vp_json_text(const struct json_t *root)
{
    vp_buf b;
    vp_buf_init(&b);
    if (!root || json_lost || json_dump_callback(root, dump_to_buf, &b, JSON_INDENT(2)) != 0) {
        vp_buf_free(&b);
        return NULL;
    }
    vp_buf_putc(&b, '\n');
    return vp_buf_detach(&b);
}

int vp_diff_related_text(const vnplan_diff *df, int side, const vnplan_task *t, vp_buf *out)
{
    enum { SHOWN = 5 };
    size_t i = vp_diff_task_index(df, side, t);
    if (i == VP_DIFF_NONE)
        return 0;
    size_t from = df->link_of[side][i], to = df->link_of[side][i + 1];
    const vnplan_document *other = side ? df->da : df->db;
    if (from == to) {
        vp_buf_printf(out, _("nothing related in %c: a gap"), side ? 'A' : 'B');
        return 1;
    }
    vp_buf_printf(out, _("related in %c:"), side ? 'A' : 'B');
    for (size_t r = from; r < to && r < from + SHOWN; r++) {
        const vp_diff_link *k = &df->links[df->link_idx[side][r]];
        const vnplan_task *ot = &other->tasks[VNPLAN_TASKS][side ? k->a : k->b];
        const char *why = k->subjects ? k->subjects : k->terms;
        vp_buf_printf(out, "%s %s", r > from ? "," : "", ot->id);
        if (why)
            vp_buf_printf(out, " (%s)", why);
    }
    if (to - from > SHOWN)
        vp_buf_printf(out, _(" and %zu more"), to - from - SHOWN);
    return 0;
}

int vp_diff_subjects_text(const vnplan_diff *df, const struct vp_diff_cat *c, vp_buf *out)
{
    const vp_subjects *sub = vp_data_subjects(df->data);
    size_t ns = vp_subjects_count(sub);
    if (!c->subj[0] || !c->subj[1])
        return 0;
    /* named by both, then only by A, then only by B */
    static const char *const heads[3] = {N_("subjects of both: "), N_("only A: "), N_("only B: ")};
    int any = 0;
    for (int w = 0; w < 3; w++) {
        int first = 1;
        for (size_t k = 0; k < ns; k++) {
            int a = c->subj[0][k], b = c->subj[1][k];
            if (!(w == 0 ? a && b : w == 1 ? a && !b : b && !a))
                continue;
            if (first)
                vp_buf_printf(out, "%s%s", any ? "; " : "", _(heads[w]));
            vp_buf_printf(out, "%s%s", first ? "" : " · ", vp_subject_label(sub, k));
            first = 0;
            any = 1;
        }
    }
    return any;
}
