#!/usr/bin/env python3
"""make_docx.py — Word files for the DOCX tests, built at test time with
the standard library only, so that no binary fixture is kept.

  make_docx.py plan TEXT OUT.docx   a plan in text → the DOCX Word would
                                    hold: one paragraph per line, "#"
                                    headings as Heading styles, **bold**
                                    as bold runs, "| a | b<br>c |" rows
                                    as a table (<br>: a new paragraph in
                                    the cell), and the labels "I.", "1.", "a)"
                                    moved into numbering.xml whenever Word's
                                    counters would show the same label
  make_docx.py lists OUT.docx       numbering, revisions, fields, merged
                                    cells: the reader's details
  make_docx.py hostile KIND OUT     a file made to hurt a reader
"""
import re
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')

STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:styles xmlns:w="%s">'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    + ''.join('<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/>'
              '<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="%d"/></w:pPr></w:style>'
              % (i, i, i - 1) for i in range(1, 7)) +
    '<w:style w:type="paragraph" w:styleId="Title1"><w:name w:val="Plan title"/>'
    '<w:basedOn w:val="Heading1"/><w:rPr><w:b/></w:rPr></w:style>'
    '</w:styles>') % W


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>' % (W, body))


def write_docx(out, parts):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CONTENT_TYPES)
        z.writestr('_rels/.rels', RELS)
        for name, data in parts.items():
            z.writestr(name, data)


# ------------------------------------------------------------------ plan

NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%3)"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>') % W

ROMAN = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'), (50, 'L'),
         (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]


def roman(n):
    s = ''
    for v, r in ROMAN:
        while n >= v:
            s += r
            n -= v
    return s


LABEL = [(re.compile(r'([IVXL]+)\. '), 0), (re.compile(r'(\d+)\. '), 1),
         (re.compile(r'([a-z])\) '), 2)]


class Counters:
    """Word's counters for the one list: what it would show next."""

    def __init__(self):
        self.cnt = [0, 0, 0]
        self.used = [False, False, False]

    def peek(self, lvl):
        v = self.cnt[lvl] + 1 if self.used[lvl] else 1
        return [roman(v) + '.', '%d.' % v, chr(ord('a') + v - 1) + ')'][lvl] if v <= 26 else None

    def take(self, lvl):
        self.cnt[lvl] = self.cnt[lvl] + 1 if self.used[lvl] else 1
        self.used[lvl] = True
        for low in range(lvl + 1, 3):
            self.used[low] = False


def runs(text):
    """**bold** and *italic* → [(text, bold, italic)]."""
    out = []
    for part in re.split(r'(\*\*[^*]+\*\*|(?<!\*)\*[^*\s][^*]*\*(?!\*))', text):
        if not part:
            continue
        if part.startswith('**') and part.endswith('**') and len(part) > 4:
            out.append((part[2:-2], True, False))
        elif part.startswith('*') and part.endswith('*') and len(part) > 2:
            out.append((part[1:-1], False, True))
        else:
            out.append((part, False, False))
    return out


def run_xml(text, bold, italic):
    rpr = ('<w:b/>' if bold else '') + ('<w:i/>' if italic else '')
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        '<w:rPr>%s</w:rPr>' % rpr if rpr else '', esc(text))


def take_label(rs, counters):
    """The level (0-2) of the label the runs `rs` start with when the
    counters would show it (the label is then dropped from the runs, and
    counted), else None."""
    plain = ''.join(r[0] for r in rs).lstrip()
    for rx, lvl in LABEL:
        m = rx.match(plain)
        if m and counters.peek(lvl) == m.group(0).strip():
            counters.take(lvl)
            cut = len(m.group(0))
            while cut and rs:
                t, b, i = rs[0]
                t = t.lstrip() if cut == len(m.group(0)) else t
                take = min(cut, len(t))
                rs[0] = (t[take:], b, i)
                cut -= take
                if not rs[0][0]:
                    rs.pop(0)
            return lvl
    return None


def para_xml(line, counters):
    depth = len(line) - len(line.lstrip('#'))
    text = line[depth:].strip() if depth and line[depth:depth + 1] == ' ' else line
    if not (depth and line[depth:depth + 1] == ' '):
        depth = 0
    rs = runs(text)
    lvl = take_label(rs, counters)
    numpr = ('' if lvl is None else
             '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr>' % lvl)
    style = '<w:pStyle w:val="Heading%d"/>' % min(depth, 6) if depth else ''
    ppr = '<w:pPr>%s%s</w:pPr>' % (style, numpr) if style or numpr else ''
    return '<w:p>%s%s</w:p>' % (ppr, ''.join(run_xml(*r) for r in rs))


def table_xml(rows):
    out = ['<w:tbl><w:tblPr/>']
    for row in rows:
        cells = [c.strip() for c in row.strip().strip('|').split('|')]
        # "<br>" parts a cell into paragraphs, as a letterhead's lines
        out.append('<w:tr>' + ''.join(
            '<w:tc>%s</w:tc>' % ''.join('<w:p>%s</w:p>' % ''.join(run_xml(*r) for r in runs(p))
                                        for p in c.split('<br>'))
            for c in cells) + '</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def word_paragraphs(lines):
    """Lines → Word's paragraphs.  The corpus plans came through PDF, whose
    pages cut paragraphs; in Word they are whole.  A line is the rest of
    the one before when it starts in lower case (or with a digit after a
    comma or dash) and is neither a heading nor labelled, after a line
    that is not in capitals: what the text reader rejoins too."""
    out = []
    for line in lines:
        s = line.strip()
        prev = out[-1] if out else ''
        p = prev.rstrip('* ')
        goes_on = s and (s[0].islower() and not re.match(r'[a-zđ]\) ', s) and
                         any(c.islower() for c in p)) or \
            (s[:1].isdigit() and p.endswith((',', '-', '\u2013', '\u2014')) and not
             re.match(r'\d+(\.\d+)*\. ', s))
        if goes_on and prev and not prev.startswith(('|', '#')):
            out[-1] = prev + ' ' + s
        elif s:
            out.append(s)
    return out


def plan_body(src, para, table):
    """The plan in `src` as Word paragraphs and pipe tables, each made by
    para(line) or table(rows): the body of a document (shared with
    make_odt.py)."""
    body, rows = [], []
    for s in word_paragraphs(open(src, encoding='utf-8').read().split('\n')) + ['']:
        if s.startswith('|') and s.endswith('|') and len(s) > 1:
            if not re.fullmatch(r'[|\-: ]+', s):
                rows.append(s)
            continue
        if rows:
            body.append(table(rows))
            rows = []
        if s:
            body.append(para(s))
    return body


def plan(src, out):
    counters = Counters()
    body = plan_body(src, lambda s: para_xml(s, counters), table_xml)
    write_docx(out, {'word/document.xml': document(''.join(body)),
                     'word/styles.xml': STYLES, 'word/numbering.xml': NUMBERING})


# ------------------------------------------------------------------ lists

LISTS_NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="%s">'
    '<w:abstractNum w:abstractNumId="10">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%%3)"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="11">'
    '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="10"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
    '</w:numbering>') % W


def lp(text, num=None, lvl=0, extra=''):
    numpr = ('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl, num)
             if num else '')
    return '<w:p><w:pPr>%s</w:pPr>%s%s</w:p>' % (numpr, run_xml(text, False, False), extra)


def legacy(font, text):
    return ('<w:p><w:r><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr><w:t>%s</w:t></w:r></w:p>'
            % (font, font, esc(text)))


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="%s">'
    '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/>'
    '</w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>Ghi chú cuối trang</w:t></w:r></w:p>'
    '<w:p><w:r><w:t>dòng hai</w:t></w:r></w:p></w:footnote>'
    '</w:footnotes>') % W
COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:comments xmlns:w="%s"><w:comment w:id="0" w:author="A"><w:p><w:r>'
    '<w:t>Ý kiến góp ý</w:t></w:r></w:p></w:comment></w:comments>') % W


def lists(out):
    body = [
        lp('Một', 1, 0), lp('Một một', 1, 1), lp('Một hai', 1, 1), lp('Ý', 1, 2),
        lp('Hai', 1, 0), lp('Hai một', 1, 1),
        lp('Chữ', 2, 0), lp('Chấm', 2, 1), lp('Gạch', 2, 2), lp('Chữ sau', 2, 0),
        lp('Bảy', 3, 0),
        # revisions, fields, hyphens, breaks, a link
        '<w:p><w:r><w:t>Giữ</w:t></w:r><w:del><w:r><w:delText>XOÁ</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> kết</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t xml:space="preserve"> quả</w:t><w:softHyphen/><w:t>x</w:t><w:noBreakHyphen/>'
        '<w:t>y</w:t><w:tab/><w:t>z</w:t><w:br/><w:t>dòng</w:t></w:r>'
        '<w:hyperlink><w:r><w:t xml:space="preserve"> liên kết</w:t></w:r></w:hyperlink></w:p>',
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>ĐẬM</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="Title1"/></w:pPr><w:r><w:t>Tiêu đề</w:t></w:r></w:p>',
        '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Gộp</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Dọc</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>hai dòng</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>ẩn</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
        # decomposed Vietnamese, as some converters write it
        '<w:p><w:r><w:t>Vie\u0302\u0323t</w:t></w:r></w:p>',
        # legacy fonts: "Kế hoạch" typed in TCVN3 (.VnTime) and in VNI, a
        # capitals font (.VnTimeH), a word cut over runs with its "ư" kept
        # by Word as a soft hyphen, and Unicode left in a legacy font
        legacy('.VnTime', 'K\u00d5 ho\u00b9ch'),
        legacy('VNI-Times', 'Ke\u00e1 hoa\u00efch'),
        legacy('.VnTimeH', '\u00f1y ban'),
        '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>n</w:t><w:softHyphen/></w:r>'
        '<w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>\u00edc</w:t></w:r></w:p>',
        legacy('.VnTime', 'Kế hoạch Unicode'),
        # "ư" typed twice as two soft hyphens, shown as one by the font
        '<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>Th</w:t><w:softHyphen/>'
        '<w:softHyphen/><w:t>\u00ebng</w:t></w:r></w:p>',
        # a footnote and a comment: their text is not the body's
        '<w:p><w:r><w:t>Có chú thích</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
        '<w:r><w:commentReference w:id="0"/></w:r></w:p>',
        # a rule drawn with underscores under a motto
        '<w:p><w:r><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>________________</w:t></w:r></w:p>',
    ]
    write_docx(out, {'word/document.xml': document(''.join(body)),
                     'word/styles.xml': STYLES, 'word/numbering.xml': LISTS_NUMBERING,
                     'word/footnotes.xml': FOOTNOTES, 'word/comments.xml': COMMENTS})


# ------------------------------------------------------------------ hostile

def hostile(kind, out):
    simple = document('<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>')
    if kind == 'bomb':
        # 200 MB of zeros compress to about 200 KB: over the 64 MiB limit
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('[Content_Types].xml', CONTENT_TYPES)
            with z.open('word/document.xml', 'w', force_zip64=True) as f:
                f.write(b'<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>' % W.encode())
                chunk = b' ' * (1 << 20)
                for _ in range(200):
                    f.write(chunk)
    elif kind == 'lying':
        # the headers say 59 bytes; the entry holds 100 MB
        write_docx(out, {'word/document.xml': document('<w:p><w:r><w:t>%s</w:t></w:r></w:p>'
                                                       % ('a' * (100 << 20)))})
        data = bytearray(open(out, 'rb').read())
        for sig, off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
            i = 0
            while True:
                i = data.find(sig, i)
                if i < 0:
                    break
                name_at = i + (30 if sig == b'PK\x03\x04' else 46)
                nlen = int.from_bytes(data[i + off + 4:i + off + 6], 'little')
                if data[name_at:name_at + nlen] == b'word/document.xml':
                    data[i + off:i + off + 4] = (59).to_bytes(4, 'little')
                i += 4
        open(out, 'wb').write(data)
    elif kind == 'xxe':
        write_docx(out, {'word/document.xml':
                         '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM '
                         '"file:///etc/passwd">]><w:document xmlns:w="%s"><w:body><w:p><w:r>'
                         '<w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W})
    elif kind in ('laughs', 'laughs16'):
        ents = '<!ENTITY l0 "ha">' + ''.join(
            '<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10) for i in range(1, 10))
        xml = ('<?xml version="1.0" encoding="%s"?><!DOCTYPE w:document [%s]>'
               '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>'
               '</w:body></w:document>' % ('UTF-8' if kind == 'laughs' else 'UTF-16', ents, W))
        # in UTF-16 the DOCTYPE is not a byte string a scan would find
        write_docx(out, {'word/document.xml':
                         xml if kind == 'laughs' else xml.encode('utf-16')})
    elif kind == 'deep':
        write_docx(out, {'word/document.xml':
                         '<w:document xmlns:w="%s"><w:body>%s%s</w:body></w:document>'
                         % (W, '<w:sdt>' * 100000, '</w:sdt>' * 100000)})
    elif kind == 'truncated':
        write_docx(out, {'word/document.xml': simple})
        data = open(out, 'rb').read()
        open(out, 'wb').write(data[:len(data) // 2])
    elif kind == 'nodocument':
        write_docx(out, {'word/other.xml': simple})
    elif kind == 'notxml':
        write_docx(out, {'word/document.xml': '<w:document xmlns:w="%s"><w:body><w:p>' % W})
    elif kind == 'entries':
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z:
            z.writestr('word/document.xml', simple)
            for i in range(20000):
                z.writestr('x/%d' % i, '')
    elif kind == 'doc':
        open(out, 'wb').write(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 504)
    elif kind == 'pdf':
        open(out, 'wb').write(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n')
    elif kind == 'zip':
        with zipfile.ZipFile(out, 'w') as z:
            z.writestr('hello.txt', 'xin chào')
    else:
        sys.exit('make_docx.py: unknown kind ' + kind)


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'plan':
        plan(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == 'lists':
        lists(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == 'hostile':
        hostile(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
