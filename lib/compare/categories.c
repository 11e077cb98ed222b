/* categories.c — the frameworks and their categories for a program that
 * reads plans without comparing them (vnplan.h §5d): which framework a
 * document was classified by, the frameworks the options loaded, their
 * categories in order, and a task's category in any of them (through the
 * crosswalk, as vnplan_compare maps a plan of another framework). */
#include "config.h"
#include <stdlib.h>
#include <string.h>
#include "vnplan.h"
#include "compare/framework.h"
#include "core/data.h"
#include "core/options.h"
#include "model/model.h"

/* vnplan_framework is the library's vp_framework. */
static const vp_framework *fw_of(const vnplan_framework *f) { return (const vp_framework *)f; }
static const vnplan_framework *pub(const vp_framework *f) { return (const vnplan_framework *)f; }

const char *vnplan_document_framework(const vnplan_document *doc)
{
    return doc ? doc->framework : NULL;
}

size_t vnplan_options_framework_count(const vnplan_options *opts)
{
    return opts && opts->data ? vp_data_framework_count(opts->data) : 0;
}

const vnplan_framework *vnplan_options_framework_at(const vnplan_options *opts, size_t i)
{
    return opts && opts->data ? pub(vp_data_framework_at(opts->data, i)) : NULL;
}

const vnplan_framework *vnplan_options_framework(const vnplan_options *opts, const char *id)
{
    if (!opts || !opts->data)
        return NULL;
    return pub(id ? vp_data_framework(opts->data, id) : vp_data_requested_framework(opts->data));
}

const char *vnplan_framework_id(const vnplan_framework *f)
{
    return f ? vp_framework_id(fw_of(f)) : NULL;
}

const char *vnplan_framework_title(const vnplan_framework *f)
{
    return f ? vp_framework_title(fw_of(f)) : NULL;
}

const char *vnplan_framework_date(const vnplan_framework *f)
{
    return f ? vp_framework_date(fw_of(f)) : NULL;
}

size_t vnplan_framework_category_count(const vnplan_framework *f)
{
    return f ? vp_framework_count(fw_of(f)) : 0;
}

const char *vnplan_framework_category(const vnplan_framework *f, size_t i, const char **label_vi,
                                      const char **label_en, int *is_pillar)
{
    const vp_category *c = f ? vp_framework_at(fw_of(f), i) : NULL;
    if (label_vi)
        *label_vi = c ? c->label_vi : NULL;
    if (label_en)
        *label_en = c ? c->label_en : NULL;
    if (is_pillar)
        *is_pillar = c ? c->is_pillar : 0;
    return c ? c->id : NULL;
}

const char *vnplan_task_category(const vnplan_document *doc, const vnplan_task *t,
                                 const vnplan_framework *f, size_t *index)
{
    if (index)
        *index = (size_t)-1;
    const vp_framework *fw = fw_of(f);
    const vp_category *own = t ? t->pillar.category : NULL, *c = NULL;
    if (!fw || !own || !doc)
        return NULL;
    if (doc->framework && strcmp(doc->framework, vp_framework_id(fw)) == 0) {
        c = vp_framework_by_id(fw, own->id);
    } else {
        double *scores = calloc(vp_framework_count(fw) + 1, sizeof *scores);
        c = scores ? vp_framework_crosswalk(fw, own, t->text ? t->text : "", scores) : NULL;
        free(scores);
    }
    if (c && index)
        *index = c->index;
    return c ? c->id : NULL;
}
