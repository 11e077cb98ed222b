/* version.c — vnplan's version and those of the libraries behind it. */
#include "config.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include "core/unicode.h"
#include "vnplan.h"

const char *vnplan_version(void) { return VNPLAN_VERSION_STRING; }

static char text[256];
static pthread_once_t text_once = PTHREAD_ONCE_INIT;

/* Written once, whichever thread asks first: later calls only read. */
static void compose(void)
{
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    snprintf(text, sizeof text, "vnplan %s (ICU %s, utf8proc %s, PCRE2 %.20s, jansson %s)",
             VNPLAN_VERSION_STRING, vp_icu_version(), vp_utf8proc_version(), pcre,
             JANSSON_VERSION);
}

const char *vnplan_version_long(void)
{
    pthread_once(&text_once, compose);
    return text;
}
