/* align.h — pairing the tasks of two plans.
 *
 * Similarity suited to Vietnamese: each text becomes a bag of syllable
 * unigrams and bigrams of its folded key, stop words (data/stopwords.txt)
 * removed, TF-IDF weighted over both plans; cosine similarity.  Candidates
 * come from an inverted index (never all pairs), and pairs are chosen 1:1,
 * best first, within a group (pillar) and then across groups ("moved"). */
#ifndef VNPLAN_ALIGN_H
#define VNPLAN_ALIGN_H
#include <stddef.h>
#include "vnplan.h"

typedef struct vp_aligner vp_aligner;

/* Loads <datadir>/stopwords.txt (one folded-or-not word per line, "#"
 * comments). */
vp_aligner *vp_aligner_new(const char *datadir, vnplan_error *err);
void vp_aligner_free(vp_aligner *al);

typedef struct vp_pair {
    size_t a, b;         /* indexes into the two item arrays               */
    double score;        /* cosine similarity, 0..1                        */
    int moved;           /* the two items are in different groups          */
    int verbatim;        /* near-identical text (score >= VP_VERBATIM):
                            shared national wording                       */
} vp_pair;

#define VP_ALIGN_THRESHOLD 0.22   /* default: pairs below are not reported */
#define VP_VERBATIM 0.90

/* Align na texts of A to nb texts of B.  `ga`/`gb` give each item's group
 * (e.g. pillar index; -1 for none).  Pairs with score >= threshold, each
 * item in at most one pair; malloc'd array in *out (free it), sorted by a;
 * returns the count, or (size_t)-1 on lack of memory.  Linear-ish: the
 * inverted index skips items that share no term. */
size_t vp_align(const vp_aligner *al, const char *const *a, const int *ga, size_t na,
                const char *const *b, const int *gb, size_t nb, double threshold,
                vp_pair **out);

/* Every pair of texts with a score >= threshold, many to many (groups
 * play no part): at most 32 for each text of A, its best.  Sorted by a,
 * then best first.  Count, or (size_t)-1 on lack of memory. */
size_t vp_align_links(const vp_aligner *al, const char *const *a, size_t na,
                      const char *const *b, size_t nb, double threshold, vp_pair **out);

/* The terms two texts share, for showing why two tasks are related: a
 * text's kept syllable bigrams (stop words out), made once per text; then
 * those of `a` that `b` has too, as `atext` prints them, in its order,
 * each once, at most six, joined by ", " into buf (cap bytes, cut at a
 * term); the bytes written. */
typedef struct vp_termset vp_termset;
vp_termset *vp_termset_new(const vp_aligner *al, const char *text);   /* NULL: no memory */
void vp_termset_free(vp_termset *t);
size_t vp_shared_terms(const vp_termset *a, const char *atext, const vp_termset *b, char *buf,
                       size_t cap);

/* Word-level differences of two texts for display: a sequence of runs,
 * each the same in both, only in a, or only in b (byte ranges).  Bounded:
 * texts over 2,000 words each are compared as one changed run. */
typedef struct vp_diff_run {
    int kind;            /* 0 same, 1 only in a, 2 only in b               */
    size_t a_start, a_end, b_start, b_end;
} vp_diff_run;
size_t vp_word_diff(const char *a, size_t alen, const char *b, size_t blen,
                    vp_diff_run **out);
#endif
