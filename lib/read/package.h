/* package.h — an office package: a ZIP of XML parts, read safely.  Shared
 * by the Word (read/docx.c) and OpenDocument (read/odt.c) readers.
 *
 * Hostile files are refused with one line: entries are read in chunks and
 * stopped at the size limit whatever the ZIP header claims; the number of
 * entries and the XML nesting are capped; the XML is read without network,
 * DTD or entity expansion, and a part with a DOCTYPE is refused. */
#ifndef VNPLAN_PACKAGE_H
#define VNPLAN_PACKAGE_H
#include <stddef.h>
#include <libxml/xmlreader.h>
#include "vnplan.h"

/* The caps of a package, from the options (VNPLAN_LIMIT_INPUT_BYTES,
 * _ZIP_ENTRIES, _XML_DEPTH): the bytes each part and all parts together
 * may decompress to; more entries than any office file holds (a ZIP made
 * to exhaust us); deeper XML than Word or LibreOffice writes (tables in
 * tables stay far below), under libxml2's own cap of 256 so that our
 * message is the one given. */
typedef struct vp_package_limits {
    size_t bytes, entries, depth;
} vp_package_limits;
/* The deepest `depth` may be (VNPLAN_LIMIT_XML_DEPTH is cut to it). */
#define VP_PACKAGE_DEPTH_CEILING 256

/* Do the bytes start like a ZIP file (DOCX and ODT are)? */
int vp_package_is_zip(const unsigned char *bytes, size_t len);

typedef enum vp_package_kind {
    VP_PACKAGE_DOCX = 1,
    VP_PACKAGE_ODT
} vp_package_kind;

/* Which office document the ZIP in `bytes` holds: an OpenDocument text by
 * its `mimetype` entry (or a content.xml without word/document.xml), a
 * Word file by word/document.xml.  VNPLAN_E_BINARY for a ZIP that cannot
 * be opened or is neither; VNPLAN_E_LIMIT for too many entries. */
vnplan_status vp_package_sniff(const unsigned char *bytes, size_t len,
                               const vp_package_limits *lim, vp_package_kind *kind,
                               const char *name, vnplan_error *err);

typedef struct vp_package {
    struct zip *za;
    const char *kind;    /* "Word", "OpenDocument": names the file in messages */
    const char *name;    /* the input's name, for messages */
    size_t limit;        /* cap on one part */
    size_t budget;       /* what all parts may still decompress to */
    size_t depth;        /* deepest XML nesting read */
} vp_package;

typedef struct vp_package_part {
    char *data;          /* NUL-terminated; free() it */
    size_t len;
} vp_package_part;

/* Open the ZIP in `bytes` (which must outlive the package), within `lim`. */
vnplan_status vp_package_open(vp_package *pk, const unsigned char *bytes, size_t len,
                              const vp_package_limits *lim, const char *kind, const char *name,
                              vnplan_error *err);
void vp_package_close(vp_package *pk);

/* Read entry `path` whole.  Returns 1 read, 0 absent (only when
 * !required), -1 error (err set). */
int vp_package_read(vp_package *pk, const char *path, int required, vp_package_part *out,
                    vnplan_error *err);

/* ------------------------------------------------------------ XML walk */

/* A namespace the walk passes on: an element whose namespace URI ends in
 * `uri` is given to the handler as `prefix` + local name ("" + "p" for
 * w:p, "text:" + "p" for text:p); the uri "" matches any namespace (or
 * none), so an entry of it last passes on every other element.  A table
 * ends with {NULL, NULL}. */
typedef struct vp_xml_ns {
    const char *uri;
    const char *prefix;
} vp_xml_ns;

enum { VP_XML_START, VP_XML_END, VP_XML_TEXT };

/* A handler sees each element start and end (an empty element gives both)
 * of the namespaces asked for, and each piece of text (name NULL); it
 * returns 1, 0 on lack of memory, or VP_XML_SKIP at a start: nothing of
 * the element is passed on after it (its content and its end). */
#define VP_XML_SKIP 2
typedef int (*vp_xml_handler)(void *ctx, xmlTextReaderPtr r, int ev, const char *name,
                              int depth);

/* Stream part `pt` (named `partname` in messages) through `fn`. */
vnplan_status vp_package_walk(const vp_package *pk, const vp_package_part *pt, const char *partname,
                              const vp_xml_ns *ns, vp_xml_handler fn, void *ctx,
                              vnplan_error *err);

/* The attribute `local` of the current element in namespace `ns` (NULL:
 * the element's own, else none) into out, cut to cap.  1 found, 0 not. */
int vp_xml_attr(xmlTextReaderPtr r, const char *ns, const char *local, char *out, size_t cap);
/* ... as a number; `dflt` when absent or not a number. */
long vp_xml_attr_long(xmlTextReaderPtr r, const char *ns, const char *local, long dflt);
#endif
