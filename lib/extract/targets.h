/* targets.h — quantified targets (targets.c): "giảm 1/2 số hộ nghèo
 * đến năm 2025", found in the text of one paragraph. */
#ifndef VNPLAN_TARGETS_H
#define VNPLAN_TARGETS_H
#include <stddef.h>
#include "vnplan.h"
#include "core/patterns.h"
#include "core/vocab.h"

typedef struct vp_target {
    size_t start, end;      /* the sentence clause holding the target      */
    size_t ind_start, ind_end; /* the indicator ("số hộ nghèo", "tỷ lệ hộ nghèo") */
    char value[32];         /* "1/2", "4-5%/năm", "100%"                   */
    int year;               /* 2025, or 0                                  */
} vp_target;

/* Scans one paragraph and stores at most `max` targets; returns the count.
 * The words that begin and end indicators come from `v`. */
size_t vp_find_targets(const vp_patterns *re, const vp_vocab *v, const char *text,
                       size_t len, vp_target *out, size_t max);
#endif
