/* subjects.h — what a task is about, by a thesaurus (data/subjects.tsv):
 * subjects such as "người cao tuổi" or "ma túy", each with the words and
 * abbreviations plans use for it ("NCT", "cai nghiện").  Two tasks of two
 * plans that name the same uncommon subject are related even when their
 * wording differs; the subjects are also what a report names as the
 * reason. */
#ifndef VNPLAN_SUBJECTS_H
#define VNPLAN_SUBJECTS_H
#include <stddef.h>
#include "vnplan.h"

typedef struct vp_subjects vp_subjects;

/* Loads <datadir>/subjects.tsv (format: docs/vocabulary.md). */
vp_subjects *vp_subjects_load(const char *datadir, vnplan_error *err);
void vp_subjects_free(vp_subjects *s);

size_t vp_subjects_count(const vp_subjects *s);
const char *vp_subject_id(const vp_subjects *s, size_t i);     /* "nguoi_cao_tuoi" */
const char *vp_subject_label(const vp_subjects *s, size_t i);  /* "người cao tuổi" */

/* The subjects `text` names: out[i] set to 1 for subject i (out holds
 * vp_subjects_count bytes, zeroed by the caller).  Time: the text's
 * length times the number of terms' first words that occur in it, at
 * worst.  0 on lack of memory. */
int vp_subjects_find(const vp_subjects *s, const char *text, unsigned char *out);
#endif
