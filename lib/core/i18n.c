/* i18n.c — report labels in English or Vietnamese (see i18n.h).
 *
 * The library never calls setlocale.  A caller that asks for a language
 * (VNPLAN_RENDER_LANG_VI) gets it through a locale object of its own,
 * made for the rendering with newlocale and installed with uselocale only
 * around each dgettext: per thread, so threads rendering in different
 * languages at once do not meet.  English is the msgid: no lookup at all.
 * Without a language asked, dgettext follows LC_MESSAGES (and, as gettext
 * does, $LANGUAGE) of the caller's locale. */
#include "config.h"
#include "core/i18n.h"
#include "vnplan.h"
#include <locale.h>
#include <pthread.h>
#include <string.h>
#if ENABLE_NLS
#include <libintl.h>
#endif

static _Thread_local int cur_lang = VP_LANG_LOCALE;
static _Thread_local void *cur_loc;   /* a locale_t, or NULL */

#if ENABLE_NLS
static pthread_once_t bind_once = PTHREAD_ONCE_INIT;

/* The domain's catalogs are in LOCALEDIR (`make install`), unless the
 * program bound the domain elsewhere first (the tools run from their
 * build tree do, tools/cli.c): glibc answers its default directory for a
 * domain nobody bound.  Labels are always UTF-8, as the reports are. */
static void bind_domain(void)
{
    const char *dir = bindtextdomain(VP_TEXT_DOMAIN, NULL);
    if (!dir || strcmp(dir, "/usr/share/locale") == 0)
        bindtextdomain(VP_TEXT_DOMAIN, LOCALEDIR);
    bind_textdomain_codeset(VP_TEXT_DOMAIN, "UTF-8");
}
#endif

int vp_lang_of_flags(int flags)
{
    if (flags & VNPLAN_RENDER_LANG_EN)
        return VP_LANG_EN;
    if (flags & VNPLAN_RENDER_LANG_VI)
        return VP_LANG_VI;
    return VP_LANG_LOCALE;
}

void vp_lang_begin(int lang, vp_lang_saved *saved)
{
    saved->lang = cur_lang;
    saved->loc = cur_loc;
    cur_lang = lang;
    cur_loc = NULL;
#if ENABLE_NLS
    pthread_once(&bind_once, bind_domain);
    if (lang == VP_LANG_VI) {
        /* Only LC_MESSAGES matters to dgettext; the names a system may
         * give the Vietnamese locale.  None installed: dgettext under the
         * caller's locale, which may still be Vietnamese. */
        static const char *const names[] = {"vi_VN.UTF-8", "vi_VN.utf8", "vi_VN", "vi"};
        for (size_t i = 0; i < sizeof names / sizeof *names && !cur_loc; i++) {
            locale_t l = newlocale(LC_MESSAGES_MASK, names[i], (locale_t)0);
            if (l)
                cur_loc = (void *)l;
        }
    }
#endif
}

void vp_lang_end(const vp_lang_saved *saved)
{
#if ENABLE_NLS
    if (cur_loc)
        freelocale((locale_t)cur_loc);
#endif
    cur_lang = saved->lang;
    cur_loc = saved->loc;
}

#if ENABLE_NLS
static const char *lookup(void *loc, const char *msgid, const char *plural, unsigned long n)
{
    locale_t old = loc ? uselocale((locale_t)loc) : (locale_t)0;
    const char *r = plural ? dngettext(VP_TEXT_DOMAIN, msgid, plural, n)
                           : dgettext(VP_TEXT_DOMAIN, msgid);
    if (loc)
        uselocale(old);
    return r;
}
#endif

const char *vp_trn(int lang, const char *msgid, const char *plural, unsigned long n)
{
    if (lang == VP_LANG_EN)
        return n == 1 ? msgid : plural;
#if ENABLE_NLS
    pthread_once(&bind_once, bind_domain);
    return lookup(lang == cur_lang ? cur_loc : NULL, msgid, plural, n);
#else
    return n == 1 ? msgid : plural;
#endif
}

const char *vp_tr(int lang, const char *msgid)
{
    if (lang == VP_LANG_EN)
        return msgid;
#if ENABLE_NLS
    pthread_once(&bind_once, bind_domain);
    return lookup(lang == cur_lang ? cur_loc : NULL, msgid, NULL, 1);
#else
    return msgid;
#endif
}

const char *vp_tr_current(const char *msgid) { return vp_tr(cur_lang, msgid); }

const char *vp_trn_current(const char *msgid, const char *plural, unsigned long n)
{
    return vp_trn(cur_lang, msgid, plural, n);
}

/* compare.c's reasons, listed for xgettext: the same English words (a
 * reason changed there is printed untranslated until added here too). */
static const char *const reasons[] = {
    N_("as asked"),
    N_("both plans implement it"),
    N_("the newer of the plans' frameworks"),
    N_("the default: neither plan names its framework"),
};

const char *vp_diff_reason_tr(const char *words)
{
    if (!words)
        return NULL;
    for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
        if (strcmp(words, reasons[i]) == 0)
            return vp_tr_current(reasons[i]);
    return words;
}
