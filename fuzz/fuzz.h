/* fuzz.h — what the fuzz targets share: one loaded options object for the
 * whole run (the data directory from $VNPLAN_DATADIR), and a walk over
 * every getter of a plan, so that a bad pointer anywhere in the tree is
 * touched. */
#ifndef VNPLAN_FUZZ_H
#define VNPLAN_FUZZ_H
#include <stdio.h>
#include <stdlib.h>
#include "vnplan.h"

__attribute__((unused))
static const vnplan_options *fuzz_options(void)
{
    static vnplan_options *o;
    if (!o) {
        o = vnplan_options_new();
        const char *dir = getenv("VNPLAN_DATADIR");
        if (dir && *dir)
            vnplan_options_set_datadir(o, dir);
        vnplan_error err;
        if (!o || vnplan_options_load(o, &err) != VNPLAN_OK) {
            fprintf(stderr, "fuzz: cannot load the data (set VNPLAN_DATADIR)\n");
            abort();
        }
    }
    return o;
}

__attribute__((unused))
static void fuzz_walk(const vnplan_plan *p)
{
    for (size_t i = 0; i < vnplan_plan_document_count(p); i++) {
        const vnplan_document *d = vnplan_plan_document(p, i);
        vnplan_iter *it = vnplan_iter_new(d);
        while (it && vnplan_iter_next(it) != VNPLAN_EVENT_DONE)
            (void)vnplan_iter_section(it);
        vnplan_iter_free(it);
        for (int part = 0; part < 2; part++)
            for (size_t t = 0; t < vnplan_document_task_count(d, (vnplan_task_part)part); t++) {
                const vnplan_task *task = vnplan_document_task(d, (vnplan_task_part)part, t);
                for (int r = 0; r < 3; r++)
                    for (size_t k = 0; k < vnplan_task_agency_count(task, (vnplan_role)r); k++)
                        (void)vnplan_task_agency(task, (vnplan_role)r, k, NULL, NULL);
            }
    }
}
#endif
