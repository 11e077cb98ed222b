/* version.c — vnplan's version and those of the libraries behind it. */
#include "config.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include <jansson.h>
#include <libxml/xmlversion.h>
#include <pcre2.h>
#include <stdio.h>
#include "core/unicode.h"
#include "vnplan.h"

const char *vnplan_version(void) { return PACKAGE_VERSION; }

const char *vnplan_version_long(void)
{
    /* Computed per call into a static buffer of constant content: no
     * mutable state survives between calls that could differ. */
    static char text[256];
    char pcre[64] = "";
    pcre2_config(PCRE2_CONFIG_VERSION, pcre);
    snprintf(text, sizeof text,
             "vnplan %s (ICU %s, utf8proc %s, PCRE2 %.20s, libxml2 %s, jansson %s)",
             PACKAGE_VERSION, vp_icu_version(), vp_utf8proc_version(), pcre,
             LIBXML_DOTTED_VERSION, JANSSON_VERSION);
    return text;
}
