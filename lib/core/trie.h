/* trie.h — phrases as paths of word ids: the vocabulary that interns folded
 * word keys (words.h) to small integers, a trie over those ids whose edges
 * live in one hash table keyed by (node, word), and the spellings of a
 * phrase with optional parts, as the data files write them.  The agency
 * gazetteer (names) and the frameworks (terms, heading phrases) are built
 * on it; what a node means (a name ends here, a term of that category) is
 * kept by the caller in its own array indexed by node. */
#ifndef VNPLAN_TRIE_H
#define VNPLAN_TRIE_H
#include <stddef.h>
#include <stdint.h>

typedef struct vp_trie_word vp_trie_word;
typedef struct vp_trie_edge vp_trie_edge;

typedef struct vp_trie {
    vp_trie_word *words;        /* open addressing over the keys             */
    size_t nwords, words_cap;
    char *keys;                 /* the interned keys, back to back           */
    size_t keys_len, keys_cap;
    vp_trie_edge *edges;
    size_t nedges, edges_cap;
    size_t nodes;               /* nodes made so far; node 0 is the root     */
} vp_trie;

/* An empty trie: no words, only the root. */
void vp_trie_init(vp_trie *t);
void vp_trie_free(vp_trie *t);

/* The id of a key (ids count from 1), or 0 when it was never interned. */
uint32_t vp_trie_word_id(const vp_trie *t, const char *key, size_t len);
/* The id of a key, added when new; 0 when out of memory. */
uint32_t vp_trie_intern(vp_trie *t, const char *key, size_t len);

/* The child of `node` by `word`, or 0 when there is none (the root is
 * never a child). */
uint32_t vp_trie_child(const vp_trie *t, uint32_t node, uint32_t word);
/* The same, created when missing (numbered t->nodes - 1); 0 when out of
 * memory. */
uint32_t vp_trie_add_child(vp_trie *t, uint32_t node, uint32_t word);

/* ---------------------------------------------------------------- spellings */

/* A phrase with up to VP_MAX_OPTIONAL parts in "[...]" that may be left
 * out ("Sở Y tế [tỉnh]", "[sự] tham gia của người dân"): each combination
 * of kept parts is one spelling, added to the trie like any phrase. */
#define VP_MAX_OPTIONAL 4

typedef struct vp_spellings {
    const char *phrase;
    size_t len;
    size_t open[VP_MAX_OPTIONAL], close[VP_MAX_OPTIONAL];  /* of each "[...]" */
    size_t n;                   /* optional parts: 2^n spellings             */
} vp_spellings;

/* What vp_spellings_parse finds wrong. */
enum {
    VP_SPELLINGS_OK,
    VP_SPELLINGS_TOO_MANY,      /* more than VP_MAX_OPTIONAL parts           */
    VP_SPELLINGS_OPEN,          /* a "[" without its "]" before the next "[" */
    VP_SPELLINGS_CLOSE          /* a "]" without its "["                     */
};

/* Finds the optional parts of phrase[0..len), left to right: the first
 * fault wins. */
int vp_spellings_parse(vp_spellings *sp, const char *phrase, size_t len);
/* Spelling k (0 .. 2^n - 1; bit i keeps part i, brackets dropped) into buf
 * (room for len + 1 bytes), NUL-terminated; its length. */
size_t vp_spelling(const vp_spellings *sp, unsigned k, char *buf);
#endif
