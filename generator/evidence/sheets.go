package evidence

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/diag"
)

// A register is read from its workbook (staff.xlsx) or, as forgivingly,
// from a CSV file of the same name (staff.csv). A spreadsheet in a format
// this program does not read (staff.xls, staff.ods) is named, never
// passed over in silence.

// unreadExts are spreadsheet formats this program does not read, with
// what they are.
var unreadExts = []struct{ ext, what string }{
	{".xls", "an Excel 97-2003 workbook"},
	{".xlsm", "a macro-enabled workbook"},
	{".xlsb", "a binary Excel workbook"},
	{".ods", "an OpenDocument spreadsheet"},
	{".numbers", "a Numbers spreadsheet"},
}

// RegisterFiles lists the names a register may be read from, beside its
// workbook: its CSV file, and the formats named but not read.
func RegisterFiles(s Schema) []string {
	base := strings.TrimSuffix(s.File, path.Ext(s.File))
	out := []string{s.File, base + ".csv"}
	for _, u := range unreadExts {
		out = append(out, base+u.ext)
	}
	return out
}

// readTable reads schema's register from fsys, whose root is the evidence
// folder, printed as dir in positions. No file gives a Register with
// Present false and no rows. Every other problem is recorded on the
// Register; the returned table holds the rows that can be used.
func readTable(fsys fs.FS, dir string, schema Schema) *table {
	reg := &Register{Schema: schema, Path: path.Join(dir, schema.File)}
	t := &table{reg: reg, colIndex: map[string]int{}}
	all := schema.Paragraphs()
	names := RegisterFiles(schema)
	xlsx, csvName := names[0], names[1]
	hasX, hasC := exists(fsys, xlsx), exists(fsys, csvName)
	switch {
	case hasX && hasC:
		reg.Present = true
		reg.named = []string{xlsx, csvName}
		reg.problem(diag.At(reg.Path, 0, 0), "", all, "both %s and %s hold the %s: keep one, and neither is read until then", xlsx, csvName, strings.ToLower(schema.Title))
		return t
	case hasC:
		reg.Present = true
		reg.named = []string{csvName}
		reg.Path = path.Join(dir, csvName)
		t.readCSV(fsys, csvName)
	case hasX:
		reg.Present = true
		reg.named = []string{xlsx}
		t.readWorkbook(fsys, xlsx)
	default:
		for i, u := range unreadExts {
			if name := names[2+i]; exists(fsys, name) {
				reg.Present = true
				reg.named = []string{name}
				reg.Path = path.Join(dir, name)
				reg.problem(diag.At(reg.Path, 0, 0), "", all, "%s is %s, which this program does not read: save it as %s (or %s)", name, u.what, xlsx, csvName)
				return t
			}
		}
		return t
	}
	t.keyRows()
	return t
}

// exists reports whether name is there: a file, or anything that cannot
// be looked at (a link out of the folder), whose reading then says why.
func exists(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return !errors.Is(err, fs.ErrNotExist)
	}
	return !fi.IsDir()
}

// cfbMagic starts a Compound File: an Excel 97-2003 workbook, or an .xlsx
// saved with a password (encrypted inside such a container).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// notXLSX explains a workbook file that is not an .xlsx zip, or "".
func notXLSX(data []byte, name string) string {
	if !bytes.HasPrefix(data, cfbMagic) {
		return ""
	}
	// An encrypted package names its EncryptionInfo stream, in UTF-16.
	if bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")) {
		return "the workbook is saved with a password: save it without one (this program never asks for passwords)"
	}
	return fmt.Sprintf("the file is an Excel 97-2003 workbook with an .xlsx name: save it as a real .xlsx (Excel Workbook) named %s", name)
}

// readWorkbook reads the register's sheet of the workbook name: the
// sheet the schema names, or a workbook's only sheet whatever it is
// called (LibreOffice names a converted file's sheet after the file).
func (t *table) readWorkbook(fsys fs.FS, name string) {
	reg, schema := t.reg, t.reg.Schema
	filePos := diag.At(reg.Path, 0, 0)
	all := schema.Paragraphs()
	data, err := readLimited(fsys, name, MaxWorkbookSize)
	if err != nil {
		reg.problem(filePos, "", all, "cannot read the workbook: %v", err)
		return
	}
	if why := notXLSX(data, name); why != "" {
		reg.problem(filePos, "", all, "%s", why)
		return
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxUnzippedSize,
		UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		reg.problem(filePos, "", all, "not a readable .xlsx workbook: %v", err)
		return
	}
	defer f.Close()
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		t.date1904 = *props.Date1904
	}
	list := f.GetSheetList()
	sheet := ""
	for _, s := range list {
		if strings.EqualFold(strings.TrimSpace(s), schema.Sheet) {
			sheet = s
			break
		}
	}
	if sheet == "" && len(list) == 1 {
		sheet = list[0]
	}
	if sheet == "" {
		reg.problem(filePos, "", all, "no sheet named %q, and the workbook has %d sheets (%s)%s: name the register's sheet %q",
			schema.Sheet, len(list), quoteList(list), diag.DidYouMean(schema.Sheet, list), schema.Sheet)
		return
	}
	t.sheet = sheet
	reg.Sheet = sheet
	t.at = diag.CellPos(reg.Path, sheet, 0, 0)
	rows, err := f.Rows(sheet)
	if err != nil {
		reg.problem(t.at, "", all, "cannot read the sheet: %v", err)
		return
	}
	defer rows.Close()
	// Formulas with no saved value are found in the sheet's XML while
	// excelize streams its values.
	type scan struct {
		formulas map[cellKey]string
		err      error
	}
	scanned := make(chan scan, 1)
	go func() {
		m, err := unsavedFormulas(data, sheet)
		scanned <- scan{m, err}
	}()
	h := t.header()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			reg.problem(t.at, "", all, "row %d: cannot read: %v", n, err)
			continue
		}
		if !h.row(n, cells) {
			break
		}
	}
	if err := rows.Error(); err != nil {
		reg.problem(t.at, "", all, "cannot read the sheet: %v", err)
	}
	h.end()
	if sc := <-scanned; sc.err == nil {
		t.formulas = sc.formulas
	} else {
		t.findFormulas(f) // a workbook laid out as the scan does not expect: ask cell by cell
	}
}

// utf8BOM starts a CSV file saved as "CSV UTF-8" by Excel.
const utf8BOM = "\xEF\xBB\xBF"

// readCSV reads the register from a CSV file: UTF-8, with or without a
// byte order mark, its fields separated by commas or, as in much of
// Europe, semicolons (whichever the first line has more of outside
// quotes), quoted as RFC 4180 says. Positions are the record (row) and
// field (column).
func (t *table) readCSV(fsys fs.FS, name string) {
	reg := t.reg
	all := reg.Schema.Paragraphs()
	t.at = diag.CSVPos(reg.Path, 0, 0)
	data, err := readLimited(fsys, name, MaxWorkbookSize)
	if err != nil {
		reg.problem(t.at, "", all, "cannot read the file: %v", err)
		return
	}
	data = bytes.TrimPrefix(data, []byte(utf8BOM))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		reg.problem(t.at.In(line, 0), "", all, "not UTF-8 text (first at line %d): save it as \"CSV UTF-8\"", line)
		return
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffComma(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	h := t.header()
	for n := 1; ; n++ {
		cells, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader goes on at the next line: one bad row hides no other.
			reg.problem(t.at.In(n, 0), "", all, "cannot read this row: %v, at character %d of line %d: it is not used", pe.Err, pe.Column, pe.Line)
			continue
		}
		if err != nil {
			reg.problem(t.at, "", all, "cannot read the file: %v", err)
			break
		}
		if !h.row(n, cells) {
			break
		}
	}
	h.end()
	t.formulas = map[cellKey]string{}
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// sniffComma is ';' when the first line has more semicolons than commas
// outside quotes, else ','.
func sniffComma(data []byte) rune {
	commas, semis, quoted := 0, 0, false
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// headerScan finds a sheet's header row and collects the data rows below
// it.
type headerScan struct {
	t       *table
	keyNorm string
	found   int // the header's row, 0 until found
	near    string
}

func (t *table) header() *headerScan {
	return &headerScan{t: t, keyNorm: normaliseHeader(t.reg.Schema.Key)}
}

// maxTitleRows is how far down a sheet its header row may be: the rows
// above it are titles.
const maxTitleRows = 20

// row takes the sheet's row n; false when no more rows are wanted.
func (h *headerScan) row(n int, cells []string) bool {
	t := h.t
	if h.found == 0 {
		// The header row is the first row, within the first 20, that
		// names the key column.
		for _, c := range cells {
			if normaliseHeader(c) == h.keyNorm {
				h.found = n
				t.matchHeader(n, cells)
				return true
			}
			if h.near == "" {
				if _, ok := diag.Closest(c, []string{t.reg.Schema.Key}); ok {
					h.near = fmt.Sprintf(" (row %d has %q: did you mean %q?)", n, strings.TrimSpace(c), t.reg.Schema.Key)
				}
			}
		}
		return n < maxTitleRows
	}
	if !blank(cells) {
		t.rows = append(t.rows, tableRow{num: n, cells: cells})
	}
	return true
}

// end reports a sheet with no header row.
func (h *headerScan) end() {
	if h.found == 0 {
		t := h.t
		t.reg.problem(t.at.In(1, 1), "", t.reg.Schema.Paragraphs(), "no header row: want a row naming the column %q in the first %d rows%s", t.reg.Schema.Key, maxTitleRows, h.near)
		t.rows = nil
	}
}
