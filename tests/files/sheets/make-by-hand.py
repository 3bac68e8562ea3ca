#!/usr/bin/env python3
# make-by-hand.py: writes the workbooks of this folder that no spreadsheet
# program makes as they are: merged cells and formulas written the way
# Excel and LibreOffice save them, and hostile zips.  Run it from this
# folder; the files are kept in git, this only says how they were made.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
WB = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="Matrix" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')


def xlsx(name, sheet, shared=None, extra=()):
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('xl/workbook.xml', WB)
        z.writestr('xl/_rels/workbook.xml.rels', RELS)
        if shared is not None:
            z.writestr('xl/sharedStrings.xml', shared)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
        for entry, data in extra:
            z.writestr(entry, data)


SHARED = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<si><t>Phase</t></si><si><t>Activity</t></si><si><t>Lead</t></si>'
          '<si><r><t>QA </t></r><r><rPr><b/></rPr><t>team</t></r></si>'
          '<si><t>要件定義</t><rPh sb="0" eb="4"><t>ようけんていぎ</t></rPh></si>'
          '<si><t>Build</t></si></sst>')
# A merged phase cell (A2:A4), a formula whose cached value is a code,
# an inline string, a boolean, an empty coloured cell (a style, no value)
SHEET = ('<?xml version="1.0" encoding="UTF-8"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData>'
         '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
         '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
         '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>Scope</t></is></c>'
         '<c r="C2" t="str"><f>IF(1,"A/R","")</f><v>A/R</v></c><c r="D2" s="3"/></row>'
         '<row r="3"><c r="A3" s="1"/><c r="B3" t="inlineStr"><is><t>Budget</t></is></c>'
         '<c r="C3" t="inlineStr"><is><t>A</t></is></c><c r="D3" t="inlineStr"><is><t>R</t></is></c></row>'
         '<row r="4"><c r="B4" t="inlineStr"><is><t>Sign-off</t></is></c>'
         '<c r="C4" t="str"><f>C3</f><v>A</v></c><c r="D4" t="inlineStr"><is><t>C</t></is></c></row>'
         '<row r="6"><c r="A6" t="s"><v>5</v></c><c r="B6" t="inlineStr"><is><t>Code</t></is></c>'
         '<c r="C6" t="inlineStr"><is><t>A</t></is></c><c r="D6" t="inlineStr"><is><t>R</t></is></c></row>'
         '</sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells></worksheet>')
xlsx('merged-formulas.xlsx', SHEET, SHARED)

ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:office2="x"><office:body><office:spreadsheet>'
    '<table:table table:name="Matrix">'
    '<table:table-row><table:table-cell><text:p>Stage</text:p></table:table-cell>'
    '<table:table-cell><text:p>Step</text:p></table:table-cell>'
    '<table:table-cell><text:p>Data<text:s/>scientist</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="2"><text:p>Ops</text:p></table:table-cell>'
    '<table:table-cell table:number-columns-repeated="16379"/></table:table-row>'
    '<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>Data</text:p></table:table-cell>'
    '<table:table-cell><text:p>Collect</text:p><text:p>and clean</text:p></table:table-cell>'
    '<table:table-cell table:formula="of:=&quot;A/R&quot;"><text:p>A/R</text:p></table:table-cell>'
    '<table:table-cell><text:p>C</text:p></table:table-cell><table:table-cell/></table:table-row>'
    '<table:table-row><table:covered-table-cell/>'
    '<table:table-cell><text:p>Label</text:p></table:table-cell>'
    '<table:table-cell><text:p>R</text:p></table:table-cell>'
    '<table:table-cell><text:p><text:span>A</text:span></text:p></table:table-cell></table:table-row>'
    '<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    '</table:table></office:spreadsheet></office:body></office:document-content>')
with zipfile.ZipFile('merged-repeated.ods', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('mimetype', 'application/vnd.oasis.opendocument.spreadsheet',
               compress_type=zipfile.ZIP_STORED)
    z.writestr('content.xml', ODS_CONTENT)

# Hostile workbooks
HEADER_ONLY = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Activity</t></is></c>'
               '</row></sheetData></worksheet>')
# 300 MB of spaces in the sheet: a few hundred kilobytes packed
with zipfile.ZipFile('hostile-bomb.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', CT)
    z.writestr('xl/workbook.xml', WB)
    z.writestr('xl/_rels/workbook.xml.rels', RELS)
    z.writestr('xl/worksheets/sheet1.xml', HEADER_ONLY[:-len('</worksheet>')]
               + ' ' * (300 * 1024 * 1024) + '</worksheet>')
xlsx('hostile-traversal.xlsx', HEADER_ONLY, extra=[('../../evil.xml', 'x')])
xlsx('hostile-entities.xlsx',
     '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
     '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row>'
     '</sheetData></worksheet>')
xlsx('hostile-external.xlsx',
     '<?xml version="1.0"?><!DOCTYPE w SYSTEM "file:///etc/passwd">'
     '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
xlsx('hostile-entries.xlsx', HEADER_ONLY, extra=[('e/%d' % i, '') for i in range(2001)])
xlsx('hostile-far-cell.xlsx',
     '<?xml version="1.0"?>'
     '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
     '<sheetData><row r="1"><c r="XFE1" t="inlineStr"><is><t>x</t></is></c></row>'
     '</sheetData></worksheet>')
with open('hostile-truncated.xlsx', 'wb') as f:
    f.write(open('merged-formulas.xlsx', 'rb').read()[:300])
