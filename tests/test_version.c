/* test_version.c — the one version, four ways: configure's PACKAGE_VERSION,
 * the macros of vnplan_version.h, what the (shared) library answers, and
 * the long form the tools print.  Nothing here names a version number. */
#include "config.h"
#include <stdio.h>
#include <string.h>
#include "tap.h"
#include "vnplan.h"

int main(void)
{
    is_str(VNPLAN_VERSION_STRING, PACKAGE_VERSION, "VNPLAN_VERSION_STRING is configure's version");
    is_str(vnplan_version(), VNPLAN_VERSION_STRING, "vnplan_version() is VNPLAN_VERSION_STRING");

    char numbers[64];
    snprintf(numbers, sizeof numbers, "%d.%d.%d", VNPLAN_VERSION_MAJOR, VNPLAN_VERSION_MINOR,
             VNPLAN_VERSION_PATCH);
    is_str(numbers, VNPLAN_VERSION_STRING, "MAJOR.MINOR.PATCH spell the string");
    ok(VNPLAN_VERSION_MINOR < 256 && VNPLAN_VERSION_PATCH < 256 && VNPLAN_VERSION_MINOR >= 0 &&
           VNPLAN_VERSION_PATCH >= 0,
       "minor and patch fit their 8 bits");
    is_int(VNPLAN_VERSION,
           ((long)VNPLAN_VERSION_MAJOR << 16) | (VNPLAN_VERSION_MINOR << 8) | VNPLAN_VERSION_PATCH,
           "VNPLAN_VERSION is (MAJOR << 16) | (MINOR << 8) | PATCH");
    ok(VNPLAN_VERSION_AT(VNPLAN_VERSION_MAJOR, VNPLAN_VERSION_MINOR + 1, 0) > VNPLAN_VERSION &&
           VNPLAN_VERSION_AT(VNPLAN_VERSION_MAJOR + 1, 0, 0) >
               VNPLAN_VERSION_AT(VNPLAN_VERSION_MAJOR, 255, 255) &&
           VNPLAN_VERSION >= VNPLAN_VERSION_AT(VNPLAN_VERSION_MAJOR, VNPLAN_VERSION_MINOR, 0),
       "VNPLAN_VERSION orders releases");
#if VNPLAN_VERSION >= VNPLAN_VERSION_AT(0, 0, 0)
    int in_if = 1;
#else
    int in_if = 0;
#endif
    ok(in_if, "VNPLAN_VERSION works in #if");

    char want[80];
    snprintf(want, sizeof want, "vnplan %s (", VNPLAN_VERSION_STRING);
    const char *lng = vnplan_version_long();
    ok(lng && strncmp(lng, want, strlen(want)) == 0, "vnplan_version_long() begins \"%s\": %s",
       want, lng ? lng : "(null)");
    return tap_done();
}
