/* agencies.h — the agency gazetteer: canonical ids, names, sectors,
 * abbreviations and spelling variants, province-specific departments and
 * the 2025 successors, loaded from data/agencies.tsv (and an optional user
 * file), and a matcher that finds agency names in text. */
#ifndef VNPLAN_AGENCIES_H
#define VNPLAN_AGENCIES_H
#include <stddef.h>
#include "vnplan.h"

typedef struct vp_agency {
    const char *id;          /* "so-ldtbxh"                                  */
    const char *label;       /* "Sở Lao động - Thương binh và Xã hội"        */
    const char *sector;      /* "labour-social", "culture-sport-tourism", ... */
    const char *kind;        /* "department", "committee", "mass-org",
                                "media", "collective", "central", ...       */
    const char *successor;   /* id of the body that took its duties over,
                                or NULL                                     */
    const char *until;       /* ISO date from which `successor` applies      */
    int collective;          /* a group: "các sở, ban, ngành", "các cấp, các
                                ngành", "UBND các huyện, thị xã, thành phố" */
} vp_agency;

typedef struct vp_gazetteer vp_gazetteer;

/* Load <datadir>/agencies.tsv, then `user_file` when not NULL (its rows add
 * agencies or add names to existing ids).  The words that begin an agency
 * not in the gazetteer ("Sở", "Trung tâm") come from the vocabulary.
 * Errors name the file and line. */
struct vp_vocab;
vp_gazetteer *vp_gazetteer_load(const char *datadir, const char *user_file,
                                 const struct vp_vocab *vocab, vnplan_error *err);
void vp_gazetteer_free(vp_gazetteer *g);

size_t vp_gazetteer_count(const vp_gazetteer *g);
const vp_agency *vp_gazetteer_at(const vp_gazetteer *g, size_t i);
const vp_agency *vp_gazetteer_by_id(const vp_gazetteer *g, const char *id);

/* A name found in text: bytes [start, end) of the text, and the agency it
 * names, or NULL for a name that has the shape of an agency ("Sở X",
 * "Ban X", "Hội X", "Trường X", ...) but is not in the gazetteer; such
 * names are kept as printed. */
typedef struct vp_agency_match {
    size_t start, end;
    const vp_agency *agency;
} vp_agency_match;

/* Find agency names in text[0..len), left to right, longest match first,
 * not overlapping.  Matching is on folded words (case, tone placement,
 * dashes, "&" ~ "và", optional "có liên quan" / "tỉnh" tails as the data
 * says).  Stores at most `max` matches; returns how many were found (which
 * may exceed max). */
size_t vp_agencies_find(const vp_gazetteer *g, const char *text, size_t len,
                        vp_agency_match *out, size_t max);

/* Who holds `a`'s duties on `as_of` ("YYYY-MM-DD"): follows successors
 * whose `until` is on or before `as_of`; `a` itself otherwise. */
const vp_agency *vp_agency_as_of(const vp_gazetteer *g, const vp_agency *a,
                                 const char *as_of);
#endif
