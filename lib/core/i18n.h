/* i18n.h — the language of the comparison reports' labels (vnplan.h §5c,
 * VNPLAN_RENDER_LANG_*): GNU gettext's domain "vnplan", looked up without
 * ever touching the process locale.
 *
 * A rendering runs between vp_lang_begin and vp_lang_end, which set the
 * language of the calling thread only; inside, the renderers write _("…")
 * for a label and vp_ngettext("…", "…", n) for one with a count.  English
 * is the msgid itself; Vietnamese comes from po/vi.po. */
#ifndef VNPLAN_I18N_H
#define VNPLAN_I18N_H

enum {
    VP_LANG_LOCALE = 0,   /* LC_MESSAGES of the thread's locale (default) */
    VP_LANG_EN,
    VP_LANG_VI
};

#define VP_TEXT_DOMAIN "vnplan"

/* The language a vnplan_diff_render flags word asks for. */
int vp_lang_of_flags(int flags);

/* What vp_lang_begin replaced, for vp_lang_end to put back. */
typedef struct vp_lang_saved {
    int lang;
    void *loc;
} vp_lang_saved;
void vp_lang_begin(int lang, vp_lang_saved *saved);
void vp_lang_end(const vp_lang_saved *saved);

/* msgid in `lang` (the string itself when there is no translation); the
 * result is static, never freed. */
const char *vp_tr(int lang, const char *msgid) __attribute__((format_arg(2)));
const char *vp_trn(int lang, const char *msgid, const char *plural, unsigned long n)
    __attribute__((format_arg(2), format_arg(3)));

/* In the language of the thread's current rendering. */
const char *vp_tr_current(const char *msgid) __attribute__((format_arg(1)));
const char *vp_trn_current(const char *msgid, const char *plural, unsigned long n)
    __attribute__((format_arg(1), format_arg(2)));

/* Words other parts of the library give the renderers to print (the
 * reasons of compare.c's vp_diff_framework_reason), in the language of
 * the rendering; NULL stays NULL. */
const char *vp_diff_reason_tr(const char *words);

#undef _
#undef N_
#define _(s) vp_tr_current(s)
#define N_(s) s
#define vp_ngettext(s, p, n) vp_trn_current((s), (p), (unsigned long)(n))
#endif
