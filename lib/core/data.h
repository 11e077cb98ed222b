/* data.h — everything the library loads from its data directory, in one
 * immutable object: charset tables, the vocabulary, compiled patterns, the
 * agency gazetteer, the frameworks, the stop words of the aligner.
 *
 * Loaded once for a set of options (vnplan_options_load, or privately by a
 * parse given options that were not loaded: core/options.c), never changed
 * afterwards, and reference counted: the options, every plan parsed with
 * it and every comparison of those plans hold a reference, so any of them
 * may be freed first.  Being immutable, one object serves any number of
 * threads; the count is atomic. */
#ifndef VNPLAN_DATA_H
#define VNPLAN_DATA_H
#include <stddef.h>
#include "vnplan.h"
#include "compare/align.h"
#include "compare/subjects.h"
#include "compare/framework.h"
#include "core/patterns.h"
#include "core/vocab.h"
#include "extract/agencies.h"
#include "read/charset.h"

/* The framework used when a plan cites none that is installed. */
#define VP_DEFAULT_FRAMEWORK "qd161"

typedef struct vp_data vp_data;

/* Load the data of `datadir`, with the user's extra agency file and the
 * framework (id or path) asked for, each when not NULL.  NULL with `err`
 * set on a data error or lack of memory.  The result holds one
 * reference. */
vp_data *vp_data_load(const char *datadir, const char *agencies_file, const char *framework,
                      vnplan_error *err);
vp_data *vp_data_retain(vp_data *d);
void vp_data_release(vp_data *d);       /* frees on the last reference */

/* The legacy charset tables, or NULL when they could not be loaded; then
 * `why` (may be NULL) receives the reason, for input that needs them. */
const vp_charsets *vp_data_charsets(const vp_data *d, const vnplan_error **why);
const vp_patterns *vp_data_patterns(const vp_data *d);
/* The vocabulary (kinds, agency heads, stop lists, syllables). */
const vp_vocab *vp_data_vocab(const vp_data *d);
const vp_gazetteer *vp_data_gazetteer(const vp_data *d);
const vp_aligner *vp_data_aligner(const vp_data *d);
const vp_subjects *vp_data_subjects(const vp_data *d);

/* Frameworks: the one the options asked for (or NULL), every installed
 * one newest first (by decision date), and one by id. */
const vp_framework *vp_data_requested_framework(const vp_data *d);
size_t vp_data_framework_count(const vp_data *d);
const vp_framework *vp_data_framework_at(const vp_data *d, size_t i);
const vp_framework *vp_data_framework(const vp_data *d, const char *id);
#endif
