/* render.h — the renderers: one file per output format in render/, chosen
 * by render.c, which also holds the names they share. */
#ifndef VNPLAN_RENDER_H
#define VNPLAN_RENDER_H
#include "vnplan.h"

char *vp_render_json(const vnplan_plan *plan);
char *vp_render_json_part(const vnplan_plan *plan, vnplan_json_part part);
char *vp_render_tree(const vnplan_plan *plan);
char *vp_render_outline(const vnplan_plan *plan);

char *vp_render_diff_text(const vnplan_diff *df, int width, int flags);
char *vp_render_diff_json(const vnplan_diff *df);
char *vp_render_diff_markdown(const vnplan_diff *df);
char *vp_render_diff_html(const vnplan_diff *df);

/* Names shared by the renderers. */
const char *vp_field_name(vnplan_field f);
const char *vp_para_kind_name(vnplan_para_kind k);

/* Building JSON with jansson: vp_json_begin, then members added with
 * vp_json_put / vp_json_push (a failed insertion is remembered, per
 * thread), then vp_json_text: the value as text, indented by 2, with a
 * final newline; malloc'd, NULL when out of memory now or in any
 * insertion since vp_json_begin. */
/* Under a task without a pair: "related in B: T12 (người cao tuổi), T14
 * (chăm sóc)" — the tasks of the other plan related to it, with the
 * subjects or wording they share, five at most — or "nothing related in
 * B: a gap", appended to out (in the report's language).  1 for a gap. */
struct vp_buf;
int vp_diff_related_text(const vnplan_diff *df, int side, const vnplan_task *t,
                         struct vp_buf *out);

/* The subjects a category's tasks name ("subjects of both: trẻ em, người
 * cao tuổi; only A: ma túy; only B: …"), appended to out in the report's
 * language; 0 when none is named. */
struct vp_diff_cat;
int vp_diff_subjects_text(const vnplan_diff *df, const struct vp_diff_cat *c,
                          struct vp_buf *out);

struct json_t;
void vp_json_begin(void);
void vp_json_put(struct json_t *o, const char *key, struct json_t *v);
void vp_json_push(struct json_t *a, struct json_t *v);
char *vp_json_text(const struct json_t *root);
#endif
