/* arena.c — bump allocation in 32 KiB chunks (see arena.h): a plan's
 * nodes and strings, a gazetteer's or a framework's entries, all released
 * at once without walking what they hold. */
#include "config.h"
#include "core/arena.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
} chunk;

struct vp_arena {
    chunk *head;
};

vp_arena *vp_arena_new(void) { return calloc(1, sizeof(vp_arena)); }

void vp_arena_free(vp_arena *a)
{
    if (!a)
        return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void *vp_alloc(vp_arena *a, size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t cap = size > 32768 ? size : 32768;
        c = malloc(sizeof(chunk) + cap);
        if (!c)
            return NULL;
        c->size = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

char *vp_strndup(vp_arena *a, const char *s, size_t n)
{
    char *p = vp_alloc(a, n + 1);
    if (p && n)
        memcpy(p, s, n);
    return p;
}

char *vp_strdup(vp_arena *a, const char *s) { return s ? vp_strndup(a, s, strlen(s)) : NULL; }

int vp_grow(vp_arena *a, void **v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 1;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *nv = vp_alloc(a, ncap * elem);
    if (!nv)
        return 0;
    if (n)
        memcpy(nv, *v, n * elem);
    *v = nv;
    *cap = ncap;
    return 1;
}

/* ---------------------------------------------------------------- build */
