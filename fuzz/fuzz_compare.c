/* fuzz_compare.c — libFuzzer target: one input cut in two plans (at its
 * first form feed, else in the middle), compared, and the comparison
 * rendered in every format. */
#include "config.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *ff = memchr(data, '\f', size);
    size_t cut = ff ? (size_t)(ff - data) : size / 2;
    const vnplan_options *o = fuzz_options();
    vnplan_plan *a = vnplan_parse_bytes(data, cut, "a", o, NULL);
    vnplan_plan *b = vnplan_parse_bytes(data + cut, size - cut, "b", o, NULL);
    vnplan_diff *d = a && b ? vnplan_compare(a, b, o, NULL) : NULL;
    /* The diff holds its plans: free them first, as a user may. */
    vnplan_plan_free(a);
    vnplan_plan_free(b);
    if (d) {
        static const vnplan_diff_format formats[] = {VNPLAN_DIFF_TEXT, VNPLAN_DIFF_JSON,
                                                     VNPLAN_DIFF_MARKDOWN, VNPLAN_DIFF_HTML};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
            free(vnplan_diff_render(d, formats[i], 60, i == 0 ? VNPLAN_RENDER_COLOR : 0));
        for (size_t i = 0; i < vnplan_diff_only_count(d, VNPLAN_SIDE_A); i++)
            (void)vnplan_diff_task_lead(d, VNPLAN_SIDE_A, vnplan_diff_only(d, VNPLAN_SIDE_A, i));
    }
    vnplan_diff_free(d);
    return 0;
}
