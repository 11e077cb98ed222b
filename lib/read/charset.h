/* charset.h — bytes in, NFC UTF-8 with LF line ends out, once, at one
 * boundary.  Detects BOMs, UTF-16, valid UTF-8, and the legacy 8-bit
 * encodings Vietnamese offices still produce (Windows-1258 through ICU;
 * TCVN3, VN1, VNI-Windows and VISCII through the installed mapping
 * tables). */
#ifndef VNPLAN_CHARSET_H
#define VNPLAN_CHARSET_H
#include <stddef.h>
#include "vnplan.h"

/* The legacy tables, loaded once from <datadir>/charsets/. */
typedef struct vp_charsets vp_charsets;
vp_charsets *vp_charsets_load(const char *datadir, vnplan_error *err);
void vp_charsets_free(vp_charsets *cs);

/* Canonical name for a user-given encoding name ("utf8" → "UTF-8",
 * "tcvn" / "abc" → "TCVN3", "vn1" / "tcvn5712-1" → "TCVN5712-1",
 * "cp1258" → "windows-1258", "vni" → "VNI", ...), or NULL when neither we
 * nor ICU know it. */
const char *vp_charset_canonical(const char *name);

typedef struct vp_decoded {
    char *text;             /* NFC UTF-8, LF line ends, NUL-terminated     */
    size_t len;
    const char *encoding;   /* canonical name, static storage              */
    int had_bom;
    int had_crlf;           /* CRLF or lone CR line ends were converted    */
} vp_decoded;

/* Decode `in` as `encoding` (a canonical name) or, when NULL, as detected.
 * `cs` may be NULL only if no legacy table is needed; the legacy encodings
 * are told apart by the frequent syllables of `v` (NULL: by the shape of
 * syllables alone).  Errors:
 * VNPLAN_E_ENCODING with the byte offset for invalid UTF-8 when UTF-8 was
 * detected or forced; VNPLAN_E_BINARY for NUL bytes or other signs of
 * binary data (many control bytes, unless they are VN1 or VISCII capitals
 * in text that reads clearly as Vietnamese); VNPLAN_E_EMPTY for zero
 * bytes. */
struct vp_vocab;
vnplan_status vp_decode(const vp_charsets *cs, const struct vp_vocab *v, const unsigned char *in,
                        size_t len, const char *encoding, vp_decoded *out, vnplan_error *err);
void vp_decoded_free(vp_decoded *d);
#endif
