#!/usr/bin/env python3
"""make_odt.py — OpenDocument text files for the ODT tests, built at test
time with the standard library only, so that no binary fixture is kept.

  make_odt.py plan TEXT OUT.odt    a plan in text → the ODT a writer would
                                   hold: one paragraph per line, "#"
                                   headings as text:h, **bold** as bold
                                   spans, "| a | b<br>c |" rows as a table,
                                   and the labels "I.", "1.", "a)" moved
                                   into a list style (each labelled line a
                                   list continuing the one before)
  make_odt.py lists OUT.odt        numbering, notes, revisions, merged
                                   cells, legacy fonts: the reader's details
  make_odt.py hostile KIND OUT     a file made to hurt a reader

The plan's paragraphs and labels are found as make_docx.py finds them.
"""
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docx as mk  # noqa: E402

MIMETYPE = 'application/vnd.oasis.opendocument.text'
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:xml="http://www.w3.org/XML/1998/namespace"')
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="%s"/><manifest:file-entry manifest:full-path="content.xml" '
    'manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" '
    'manifest:media-type="text/xml"/></manifest:manifest>' % MIMETYPE)

# Common styles: headings with their outline level, as LibreOffice names them.
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-styles %s office:version="1.3">'
    '<office:font-face-decls>'
    '<style:font-face style:name=".VnTime" svg:font-family="\'.VnTime\'"/>'
    '<style:font-face style:name="VnTimeH" svg:font-family=".VnTimeH"/>'
    '</office:font-face-decls><office:styles>'
    '<style:style style:name="Standard" style:family="paragraph"/>'
    '<style:style style:name="Heading" style:family="paragraph" '
    'style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/>'
    '</style:style>' +
    ''.join('<style:style style:name="Heading_20_%d" style:display-name="Heading %d" '
            'style:family="paragraph" style:parent-style-name="Heading" '
            'style:default-outline-level="%d"/>' % (i, i, i) for i in range(1, 7)) +
    '</office:styles><office:automatic-styles>'
    '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties '
    'fo:text-align="center"/></style:style></office:automatic-styles>'
    '<office:master-styles/></office:document-styles>') % NS

# Automatic styles of content.xml: bold, italic, centred, the legacy
# fonts, and the plan's list style.
AUTOMATIC = (
    '<style:style style:name="T1" style:family="text"><style:text-properties '
    'fo:font-weight="bold"/></style:style>'
    '<style:style style:name="T2" style:family="text"><style:text-properties '
    'fo:font-style="italic"/></style:style>'
    '<style:style style:name="T3" style:family="text"><style:text-properties '
    'style:font-name=".VnTime"/></style:style>'
    '<style:style style:name="T4" style:family="text"><style:text-properties '
    'style:font-name="VnTimeH"/></style:style>'
    '<style:style style:name="T5" style:family="text"><style:text-properties '
    'fo:font-family="VNI-Times"/></style:style>'
    '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
    '<style:paragraph-properties fo:text-align="center"/>'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<text:list-style style:name="PlanList">'
    '<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="3" style:num-format="a" style:num-suffix=")"/>'
    '</text:list-style>')


def esc(s):
    return mk.esc(s).replace('"', '&quot;')


def content(body, automatic=AUTOMATIC, tracked=''):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content %s office:version="1.3">'
            '<office:automatic-styles>%s</office:automatic-styles>'
            '<office:body><office:text>%s%s</office:text></office:body>'
            '</office:document-content>' % (NS, automatic, tracked, body))


def write_odt(out, parts, mimetype=MIMETYPE):
    """The mimetype first and stored, as the format asks."""
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        if mimetype is not None:
            z.writestr(zipfile.ZipInfo('mimetype'), mimetype, zipfile.ZIP_STORED)
        z.writestr('META-INF/manifest.xml', MANIFEST)
        for name, data in parts.items():
            z.writestr(name, data)


# ------------------------------------------------------------------ plan

def span(text, bold=False, italic=False):
    t = esc(text)
    return '<text:span text:style-name="%s">%s</text:span>' % ('T1' if bold else 'T2', t) \
        if bold or italic else t


def para_xml(line, counters, n):
    depth = len(line) - len(line.lstrip('#'))
    heading = depth and line[depth:depth + 1] == ' '
    text = line[depth:].strip() if heading else line
    rs = mk.runs(text)
    level = mk.take_label(rs, counters)
    inner = ''.join(span(*r) for r in rs)
    if heading:
        p = ('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>'
             % (min(depth, 6), min(depth, 6), inner))
    else:
        p = '<text:p text:style-name="Standard">%s</text:p>' % inner
    if level is None:
        return p
    # one list a labelled line, continuing the first (by id) or the one
    # before (continue-numbering), nested to the label's level
    cont = ('' if n == 0 else ' text:continue-list="plan0"' if n % 2 else
            ' text:continue-numbering="true"')
    for _ in range(level):
        p = '<text:list><text:list-item>%s</text:list-item></text:list>' % p
    return ('<text:list xml:id="plan%d" text:style-name="PlanList"%s><text:list-item>%s'
            '</text:list-item></text:list>' % (n, cont, p))


def cell(c):
    return '<table:table-cell>%s</table:table-cell>' % ''.join(
        '<text:p>%s</text:p>' % ''.join(span(*r) for r in mk.runs(p)) for p in c.split('<br>'))


def table_xml(rows):
    out = ['<table:table table:name="T%d">' % len(rows)]
    for row in rows:
        cells = [c.strip() for c in row.strip().strip('|').split('|')]
        out.append('<table:table-row>%s</table:table-row>' % ''.join(cell(c) for c in cells))
    out.append('</table:table>')
    return ''.join(out)


def plan(src, out):
    counters = mk.Counters()
    nlists = [0]

    def para(s):
        p = para_xml(s, counters, nlists[0])
        nlists[0] += p.startswith('<text:list')
        return p
    body = mk.plan_body(src, para, table_xml)
    write_odt(out, {'content.xml': content(''.join(body)), 'styles.xml': STYLES})


# ------------------------------------------------------------------ lists

LIST_STYLES = (
    # 1. / 1.1. / (i)
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." '
    'text:display-levels="2"/>'
    '<text:list-level-style-number text:level="3" style:num-format="i" style:num-prefix="(" '
    'style:num-suffix=")"/></text:list-style>'
    # C. from start-value 3, then a symbol-font bullet and a dash
    '<text:list-style style:name="L2">'
    '<text:list-level-style-number text:level="1" style:num-format="A" style:num-suffix="." '
    'text:start-value="3"/>'
    '<text:list-level-style-bullet text:level="2" text:bullet-char="\uf0b7"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="-"/></text:list-style>'
    # upper roman, lower letters: a plan's own
    '<text:list-style style:name="L3">'
    '<text:list-level-style-number text:level="1" style:num-format="I" style:num-suffix="."/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>'
    '</text:list-style>')


def li(text, sub=''):
    return '<text:list-item><text:p>%s</text:p>%s</text:list-item>' % (text, sub)


def sub(style, *items):
    return '<text:list%s>%s</text:list>' % (
        ' text:style-name="%s"' % style if style else '', ''.join(items))


def lists(out):
    body = [
        sub('L1', li('Một', sub(None, li('Một một'), li('Một hai', sub(None, li('Ý')))))),
        sub('L1', li('Hai', sub(None, li('Hai một')))).replace(
            '<text:list ', '<text:list text:continue-numbering="true" ', 1),
        sub('L2', li('Chữ', sub(None, li('Chấm', sub(None, li('Gạch'))))), li('Chữ sau'),
            '<text:list-header><text:p>Đầu không số</text:p></text:list-header>'),
        '<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>Bảy'
        '</text:p></text:list-item></text:list>',
        '<text:list xml:id="r1" text:style-name="L3">%s</text:list>' % li('La mã', sub(None, li('Chữ a'))),
        '<text:p>Đoạn chen giữa</text:p>',
        '<text:list text:continue-list="r1" text:style-name="L3">%s</text:list>' % li(
            'La mã hai', sub(None, li('Chữ lại'))),
        # headings by outline level, and one by its style's default level
        '<text:h text:style-name="Heading_20_1" text:outline-level="1">Chương đầu</text:h>',
        '<text:h text:style-name="Heading_20_3">Mức ba</text:h>',
        # spaces, a tab, a line break, a page break the layout found, a
        # link, a bookmark, a tracked deletion, an inserted word
        '<text:p>Giữ<text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>'
        ' thêm<text:change-end text:change-id="ct2"/><text:bookmark text:name="b"/> kết'
        '<text:s text:c="3"/>quả<text:soft-page-break/>x<text:tab/>y<text:line-break/>dòng'
        '<text:a xlink:href="http://example.invalid/" xmlns:xlink="http://www.w3.org/1999/xlink">'
        ' liên kết</text:a></text:p>',
        # a footnote and a comment kept out of the paragraph
        '<text:p>Có chú thích<text:note text:id="n1" text:note-class="footnote">'
        '<text:note-citation>1</text:note-citation><text:note-body><text:p>Ghi chú cuối trang'
        '</text:p></text:note-body></text:note> và nhận xét<office:annotation>'
        '<dc:creator>Người duyệt</dc:creator><text:p>Lời bình</text:p></office:annotation>'
        ' ở đây</text:p>',
        '<text:p text:style-name="P2">ĐẬM GIỮA</text:p>',
        # spans over columns and rows: one cell, and an empty cell below
        '<table:table table:name="Gop"><table:table-columns><table:table-column '
        'table:number-columns-repeated="3"/></table:table-columns><table:table-header-rows>'
        '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Gộp</text:p>'
        '</table:table-cell><table:covered-table-cell/><table:table-cell '
        'table:number-rows-spanned="2"><text:p>Dọc</text:p><text:p>hai dòng</text:p>'
        '</table:table-cell></table:table-row></table:table-header-rows>'
        '<table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>'
        '<table:table-cell><text:p>B</text:p></table:table-cell><table:covered-table-cell>'
        '<text:p>ẩn</text:p></table:covered-table-cell></table:table-row></table:table>',
        # decomposed Vietnamese
        '<text:p>Vie\u0302\u0323t</text:p>',
        # "Kế hoạch" typed in TCVN3 (.VnTime by a font face), in VNI (by
        # a family), a capitals font, a syllable over two spans
        '<text:p><text:span text:style-name="T3">K\u00d5 ho\u00b9ch</text:span></text:p>',
        '<text:p><text:span text:style-name="T5">Ke\u00e1 hoa\u00efch</text:span></text:p>',
        '<text:p><text:span text:style-name="T4">\u00f1y ban</text:span></text:p>',
        '<text:p><text:span text:style-name="T3">n\u00ad</text:span>'
        '<text:span text:style-name="T3">\u00edc</text:span></text:p>',
        '<text:p><text:span text:style-name="T3">Kế hoạch Unicode</text:span></text:p>',
    ]
    tracked = ('<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1">'
               '<text:deletion><office:change-info><dc:creator>A</dc:creator></office:change-info>'
               '<text:p>XOÁ</text:p></text:deletion></text:changed-region>'
               '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion>'
               '<office:change-info><dc:creator>A</dc:creator></office:change-info>'
               '</text:insertion></text:changed-region></text:tracked-changes>')
    write_odt(out, {'content.xml': content(''.join(body), AUTOMATIC + LIST_STYLES, tracked),
                    'styles.xml': STYLES})


# ------------------------------------------------------------------ hostile

def hostile(kind, out):
    simple = content('<text:p>Kế hoạch</text:p>')
    if kind == 'xxe':
        write_odt(out, {'content.xml': simple.replace(
            '<office:document-content', '<!DOCTYPE office:document-content [<!ENTITY x SYSTEM '
            '"file:///etc/passwd">]><office:document-content', 1).replace('Kế hoạch', '&x;')})
    elif kind == 'laughs16':
        ents = '<!ENTITY l0 "ha">' + ''.join(
            '<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10) for i in range(1, 10))
        xml = simple.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(
            '<office:document-content', '<!DOCTYPE office:document-content [%s]>'
            '<office:document-content' % ents, 1).replace('Kế hoạch', '&l9;')
        write_odt(out, {'content.xml': xml.encode('utf-16')})
    elif kind == 'deep':
        write_odt(out, {'content.xml': content('<text:section>' * 100000 +
                                               '</text:section>' * 100000)})
    elif kind == 'mimetype':
        with zipfile.ZipFile(out, 'w') as z:
            z.writestr(zipfile.ZipInfo('mimetype'), MIMETYPE, zipfile.ZIP_STORED)
    elif kind == 'truncated':
        write_odt(out, {'content.xml': simple, 'styles.xml': STYLES})
        data = open(out, 'rb').read()
        open(out, 'wb').write(data[:len(data) // 2])
    elif kind == 'notxml':
        write_odt(out, {'content.xml': simple[:-40]})
    elif kind == 'zip':
        with zipfile.ZipFile(out, 'w') as z:
            z.writestr('mimetype', 'application/zip')
            z.writestr('hello.txt', 'xin chào')
    else:
        sys.exit('make_odt.py: unknown kind ' + kind)


COMMANDS = {'plan': (plan, 2), 'lists': (lists, 1), 'hostile': (hostile, 2)}

if __name__ == '__main__':
    fn, nargs = COMMANDS.get(sys.argv[1] if len(sys.argv) > 1 else '', (None, 0))
    if not fn or len(sys.argv) != nargs + 2:
        sys.exit(__doc__)
    fn(*sys.argv[2:])
