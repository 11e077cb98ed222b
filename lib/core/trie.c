/* trie.c — the word vocabulary and the phrase trie (see trie.h).
 *
 * Both tables are open addressing with linear probing, kept at most half
 * full and doubled when they would not be; a slot is empty when its id or
 * key is 0, which no word and no edge has (word ids count from 1, and an
 * edge's key holds its word id).  Keys are copied into one growing buffer
 * and referred to by offset, so growing it moves nothing that points in. */
#include "config.h"
#include "core/trie.h"
#include "core/hash.h"

#include <stdlib.h>
#include <string.h>

struct vp_trie_word {
    uint32_t off, len;          /* the key in t->keys                        */
    uint32_t id;                /* 0: empty slot                             */
};

struct vp_trie_edge {
    uint64_t key;               /* parent << 32 | word id; 0: empty slot     */
    uint32_t child;
};

void vp_trie_init(vp_trie *t)
{
    memset(t, 0, sizeof *t);
    t->nodes = 1;
}

void vp_trie_free(vp_trie *t)
{
    if (!t)
        return;
    free(t->words);
    free(t->keys);
    free(t->edges);
    vp_trie_init(t);
}

/* ---------------------------------------------------------------- words */

uint32_t vp_trie_word_id(const vp_trie *t, const char *key, size_t len)
{
    if (!t->words_cap)
        return 0;
    size_t mask = t->words_cap - 1;
    for (size_t i = vp_hash_bytes(key, len) & mask;; i = (i + 1) & mask) {
        const vp_trie_word *w = &t->words[i];
        if (!w->id)
            return 0;
        if (w->len == len && memcmp(t->keys + w->off, key, len) == 0)
            return w->id;
    }
}

static int words_grow(vp_trie *t)
{
    size_t cap = t->words_cap ? t->words_cap * 2 : 1024;
    vp_trie_word *nw = calloc(cap, sizeof *nw);
    if (!nw)
        return 0;
    for (size_t j = 0; j < t->words_cap; j++) {
        vp_trie_word w = t->words[j];
        if (!w.id)
            continue;
        size_t i = vp_hash_bytes(t->keys + w.off, w.len) & (cap - 1);
        while (nw[i].id)
            i = (i + 1) & (cap - 1);
        nw[i] = w;
    }
    free(t->words);
    t->words = nw;
    t->words_cap = cap;
    return 1;
}

/* Copies a key to the end of t->keys, its offset in *off; 0 when out of
 * memory or past what an offset can say. */
static int keys_add(vp_trie *t, const char *key, size_t len, uint32_t *off)
{
    if (len > UINT32_MAX - t->keys_len)
        return 0;
    if (!t->keys || t->keys_len + len > t->keys_cap) {   /* even for "" */
        size_t cap = t->keys_cap ? t->keys_cap : 4096;
        while (cap < t->keys_len + len)
            cap *= 2;
        char *nk = realloc(t->keys, cap);
        if (!nk)
            return 0;
        t->keys = nk;
        t->keys_cap = cap;
    }
    if (len)
        memcpy(t->keys + t->keys_len, key, len);
    *off = (uint32_t)t->keys_len;
    t->keys_len += len;
    return 1;
}

uint32_t vp_trie_intern(vp_trie *t, const char *key, size_t len)
{
    uint32_t id = vp_trie_word_id(t, key, len);
    if (id)
        return id;
    if (t->nwords >= UINT32_MAX - 1 || ((t->nwords + 1) * 2 > t->words_cap && !words_grow(t)))
        return 0;
    uint32_t off;
    if (!keys_add(t, key, len, &off))
        return 0;
    size_t mask = t->words_cap - 1;
    size_t i = vp_hash_bytes(key, len) & mask;
    while (t->words[i].id)
        i = (i + 1) & mask;
    t->words[i] = (vp_trie_word){ off, (uint32_t)len, (uint32_t)(t->nwords + 1) };
    return (uint32_t)++t->nwords;
}

/* ---------------------------------------------------------------- edges */

uint32_t vp_trie_child(const vp_trie *t, uint32_t node, uint32_t word)
{
    if (!t->edges_cap)
        return 0;
    uint64_t key = (uint64_t)node << 32 | word;
    size_t mask = t->edges_cap - 1;
    for (size_t i = vp_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (t->edges[i].key == key)
            return t->edges[i].child;
        if (!t->edges[i].key)
            return 0;
    }
}

static int edges_grow(vp_trie *t)
{
    size_t cap = t->edges_cap ? t->edges_cap * 2 : 1024;
    vp_trie_edge *ne = calloc(cap, sizeof *ne);
    if (!ne)
        return 0;
    for (size_t j = 0; j < t->edges_cap; j++) {
        if (!t->edges[j].key)
            continue;
        size_t i = vp_hash_u64(t->edges[j].key) & (cap - 1);
        while (ne[i].key)
            i = (i + 1) & (cap - 1);
        ne[i] = t->edges[j];
    }
    free(t->edges);
    t->edges = ne;
    t->edges_cap = cap;
    return 1;
}

uint32_t vp_trie_add_child(vp_trie *t, uint32_t node, uint32_t word)
{
    uint32_t child = vp_trie_child(t, node, word);
    if (child)
        return child;
    if (t->nodes >= UINT32_MAX || ((t->nedges + 1) * 2 > t->edges_cap && !edges_grow(t)))
        return 0;
    uint64_t key = (uint64_t)node << 32 | word;
    size_t mask = t->edges_cap - 1;
    size_t i = vp_hash_u64(key) & mask;
    while (t->edges[i].key)
        i = (i + 1) & mask;
    child = (uint32_t)t->nodes++;
    t->edges[i] = (vp_trie_edge){ key, child };
    t->nedges++;
    return child;
}

/* ---------------------------------------------------------------- spellings */

int vp_spellings_parse(vp_spellings *sp, const char *phrase, size_t len)
{
    sp->phrase = phrase;
    sp->len = len;
    sp->n = 0;
    for (size_t i = 0; i < len; i++) {
        if (phrase[i] == '[') {
            if (sp->n == VP_MAX_OPTIONAL)
                return VP_SPELLINGS_TOO_MANY;
            const char *c = memchr(phrase + i + 1, ']', len - i - 1);
            const char *o = memchr(phrase + i + 1, '[', len - i - 1);
            if (!c || (o && o < c))
                return VP_SPELLINGS_OPEN;
            sp->open[sp->n] = i;
            sp->close[sp->n] = (size_t)(c - phrase);
            i = sp->close[sp->n++];
        } else if (phrase[i] == ']') {
            return VP_SPELLINGS_CLOSE;
        }
    }
    return VP_SPELLINGS_OK;
}

size_t vp_spelling(const vp_spellings *sp, unsigned k, char *buf)
{
    size_t b = 0, i = 0;
    for (size_t o = 0; o <= sp->n; o++) {
        size_t stop = o < sp->n ? sp->open[o] : sp->len;
        memcpy(buf + b, sp->phrase + i, stop - i);
        b += stop - i;
        if (o == sp->n)
            break;
        if (k & (1u << o)) {
            size_t n = sp->close[o] - sp->open[o] - 1;
            memcpy(buf + b, sp->phrase + sp->open[o] + 1, n);
            b += n;
        }
        i = sp->close[o] + 1;
    }
    buf[b] = '\0';
    return b;
}
