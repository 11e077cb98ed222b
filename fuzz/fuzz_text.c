/* fuzz_text.c — libFuzzer target: any bytes through the text reader and
 * every plan renderer, and the text as read (planparse --format=text).  Built with `configure --enable-fuzz CC=clang`
 * (scripts/setup.sh fuzz); run by .ci/run for a bounded time. */
#include "config.h"
#include <stdint.h>
#include <stdlib.h>
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnplan_plan *p = vnplan_parse_bytes(data, size, "fuzz", fuzz_options(), NULL);
    if (p) {
        static const vnplan_format formats[] = {VNPLAN_FORMAT_JSON, VNPLAN_FORMAT_TREE,
                                                VNPLAN_FORMAT_OUTLINE};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
            free(vnplan_render(p, formats[i]));
        fuzz_walk(p);
    }
    vnplan_plan_free(p);
    free(vnplan_read_text_bytes(data, size, "fuzz", fuzz_options(), NULL, NULL));
    return 0;
}
