/* walk.h — finding a section of a parsed document by its path, for the C
 * tests, through the library's own iterator. */
#ifndef VNPLAN_TEST_WALK_H
#define VNPLAN_TEST_WALK_H
#include <string.h>
#include "vnplan.h"

/* The section whose path is `path` ("III.2"), or NULL. */
__attribute__((unused))
static const vnplan_section *find(const vnplan_document *d, const char *path)
{
    const vnplan_section *found = NULL;
    vnplan_iter *it = vnplan_iter_new(d);
    vnplan_event ev;
    while (it && !found && (ev = vnplan_iter_next(it)) != VNPLAN_EVENT_DONE) {
        const vnplan_section *s = vnplan_iter_section(it);
        if (ev == VNPLAN_EVENT_ENTER_SECTION && s && vnplan_section_path(s) &&
            strcmp(vnplan_section_path(s), path) == 0)
            found = s;
    }
    vnplan_iter_free(it);
    return found;
}
#endif
