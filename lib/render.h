/* render.h — one renderer per output format (render_*.c). */
#ifndef VNPLAN_RENDER_H
#define VNPLAN_RENDER_H
#include "vnplan.h"

char *vp_render_json(const vnplan_plan *plan);
char *vp_render_tree(const vnplan_plan *plan);
char *vp_render_outline(const vnplan_plan *plan);

/* Names shared by the renderers. */
const char *vp_field_name(vnplan_field f);
const char *vp_para_kind_name(vnplan_para_kind k);
#endif
