/* iter.c — the document walker of vnplan.h §5: sections entered and
 * exited in document order, tasks and duties merged in where they stand.
 *
 * No recursion and no stack: a section's parent and next sibling say where
 * the walk goes after it, so any depth costs the same memory.  The tasks
 * and duties are two arrays in document order (tasks.c fills them walking
 * the sections in pre-order); the walk keeps one cursor in each and reports
 * the earlier of the two heads when it is due. */
#include "config.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "model/model.h"

typedef enum step { STEP_ENTER, STEP_EXIT, STEP_DONE } step;

struct vnplan_iter {
    const vnplan_document *doc;
    const vnplan_section *open;     /* innermost section entered, not left */
    const vnplan_section *section;  /* of the last event */
    const vnplan_task *task;        /* of the last event */
    step next;                      /* the step after the tasks due now */
    const vnplan_section *target;   /* ... and its section */
    size_t cursor[2];               /* next task, next duty to report */
    /* The line where the subtree of `end_of` ends, once computed. */
    const vnplan_section *end_of;
    long end;
};

vnplan_iter *vnplan_iter_new(const vnplan_document *doc)
{
    if (!doc)
        return NULL;
    vnplan_iter *it = calloc(1, sizeof *it);
    if (!it)
        return NULL;
    it->doc = doc;
    it->target = doc->root;
    it->next = doc->root ? STEP_ENTER : STEP_DONE;
    return it;
}

void vnplan_iter_free(vnplan_iter *it) { free(it); }

const vnplan_section *vnplan_iter_section(const vnplan_iter *it)
{
    return it ? it->section : NULL;
}

const vnplan_task *vnplan_iter_task(const vnplan_iter *it) { return it ? it->task : NULL; }

/* The earlier of the next task and the next duty (by line; tasks first on
 * a tie), or NULL when both are reported. */
static const vnplan_task *head(const vnplan_iter *it, vnplan_task_part *part)
{
    const vnplan_document *d = it->doc;
    const vnplan_task *t = it->cursor[VNPLAN_TASKS] < d->ntasks[VNPLAN_TASKS]
                               ? &d->tasks[VNPLAN_TASKS][it->cursor[VNPLAN_TASKS]] : NULL;
    const vnplan_task *u = it->cursor[VNPLAN_DUTIES] < d->ntasks[VNPLAN_DUTIES]
                               ? &d->tasks[VNPLAN_DUTIES][it->cursor[VNPLAN_DUTIES]] : NULL;
    if (u && (!t || u->line < t->line)) {
        *part = VNPLAN_DUTIES;
        return u;
    }
    *part = VNPLAN_TASKS;
    return t;
}

/* The first line after `s` and everything below it: the line of the next
 * section that is not its descendant, LONG_MAX when there is none.  Only
 * needed when `s` is about to be left, so computed then, once. */
static long subtree_end(vnplan_iter *it, const vnplan_section *s)
{
    if (it->end_of != s) {
        const vnplan_section *a = s;
        while (a && !a->next)
            a = a->parent;
        it->end = a ? a->next->line : LONG_MAX;
        it->end_of = s;
    }
    return it->end;
}

/* Is `t` to be reported now, before the next step?  In the section that
 * is open when the task's section path is that section's and its line lies
 * within it (paths may repeat when a plan repeats a number); and whatever
 * its path, before entering a section that comes after it, or before the
 * root is left, so that every task is reported exactly once even when its
 * path names no section. */
static int due(vnplan_iter *it, const vnplan_task *t)
{
    const vnplan_section *s = it->open;
    if (!s)
        return 0;
    if (it->next == STEP_ENTER)
        return t->line < it->target->line;
    if (s == it->doc->root)
        return 1;
    if (t->line < s->line || t->line >= subtree_end(it, s))
        return 0;
    return t->section == s->path ||
           (t->section && s->path && strcmp(t->section, s->path) == 0);
}

vnplan_event vnplan_iter_next(vnplan_iter *it)
{
    if (!it)
        return VNPLAN_EVENT_DONE;
    vnplan_task_part part;
    const vnplan_task *t = head(it, &part);
    if (t && due(it, t)) {
        it->cursor[part]++;
        it->section = it->open;
        it->task = t;
        return part == VNPLAN_TASKS ? VNPLAN_EVENT_TASK : VNPLAN_EVENT_DUTY;
    }
    const vnplan_section *s = it->target;
    it->task = NULL;
    switch (it->next) {
    case STEP_ENTER:
        it->open = it->section = s;
        if (s->first_child) {
            it->target = s->first_child;
        } else {
            it->next = STEP_EXIT;
        }
        return VNPLAN_EVENT_ENTER_SECTION;
    case STEP_EXIT:
        it->section = s;
        if (s == it->doc->root) {
            it->open = NULL;
            it->next = STEP_DONE;
        } else if (s->next) {
            it->open = s->parent;
            it->target = s->next;
            it->next = STEP_ENTER;
        } else {
            it->open = it->target = s->parent;
        }
        return VNPLAN_EVENT_EXIT_SECTION;
    case STEP_DONE:
        break;
    }
    it->section = NULL;
    return VNPLAN_EVENT_DONE;
}
