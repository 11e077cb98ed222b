/* arena.h — memory that lives and dies with one object (a plan, a
 * gazetteer, a framework, a comparison): allocations are never freed one
 * by one, only all together. */
#ifndef VNPLAN_ARENA_H
#define VNPLAN_ARENA_H
#include <stddef.h>

typedef struct vp_arena vp_arena;
vp_arena *vp_arena_new(void);
void vp_arena_free(vp_arena *a);
void *vp_alloc(vp_arena *a, size_t size);          /* zeroed */
char *vp_strndup(vp_arena *a, const char *s, size_t n);
char *vp_strdup(vp_arena *a, const char *s);
/* Grow an arena array of `*cap` elements to hold one more. */
int vp_grow(vp_arena *a, void **v, size_t *cap, size_t n, size_t elem);
#endif
