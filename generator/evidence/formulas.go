package evidence

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// This program never evaluates formulas: a formula cell is read by the
// value the spreadsheet saved with it. A cell whose formula has no saved
// value (written by a tool, never opened in a spreadsheet) reads as empty,
// and must not pass for an empty cell. The rows are streamed by excelize,
// which gives values only; unsavedFormulas finds such cells in one
// streaming pass over the sheet's XML, holding neither the sheet nor its
// rows in memory.

// cellKey is a cell's row and column (A is 1).
type cellKey struct{ row, col int }

// unsavedFormulas maps the cells of the named sheet that hold a formula
// with no saved value to their formula ("" for a formula shared from
// another cell). xlsx is the zipped workbook.
func unsavedFormulas(xlsx []byte, sheet string) (map[cellKey]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		return nil, err
	}
	name, err := sheetPart(zr, sheet)
	if err != nil {
		return nil, err
	}
	zf, err := openPart(zr, name)
	if err != nil {
		return nil, err
	}
	defer zf.Close()
	return scanFormulas(io.LimitReader(zf, MaxUnzippedSize))
}

func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name == name {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("the workbook has no part %s", name)
}

// sheetPart finds the part (xl/worksheets/sheet1.xml, say) that holds the
// named sheet, through the workbook and its relationships.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := decodePart(zr, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := decodePart(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				if strings.HasPrefix(r.Target, "/") {
					return path.Clean(r.Target[1:]), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", fmt.Errorf("no part for sheet %q", sheet)
}

func decodePart(zr *zip.Reader, name string, v any) error {
	rc, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}

// scanFormulas reads a worksheet's XML tag by tag and returns the cells
// with a formula (<f>) and no saved value (no <v> with text, no inline
// string). It does not check that the XML is well formed: excelize, which
// reads the values, reports a broken sheet.
func scanFormulas(r io.Reader) (map[cellKey]string, error) {
	out := map[cellKey]string{}
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		ref        string
		formula    strings.Builder
		inF, inV   bool
		hasF, hasV bool
		inCell     bool
		long       []byte
	)
	for {
		chunk, err := br.ReadSlice('>')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], chunk...) // a run of text longer than the buffer
			for errors.Is(err, bufio.ErrBufferFull) {
				chunk, err = br.ReadSlice('>')
				long = append(long, chunk...)
			}
			chunk = long
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		// chunk is "text<tag ...>"; text may itself hold a '>'.
		lt := bytes.LastIndexByte(chunk, '<')
		text, tag := chunk, []byte(nil)
		if lt >= 0 {
			text, tag = chunk[:lt], chunk[lt:]
		}
		if inF {
			formula.Write(text)
		}
		if inV && len(bytes.TrimSpace(text)) > 0 {
			hasV = true
		}
		if tag == nil {
			continue
		}
		name, closing, empty := tagName(tag)
		switch string(name) {
		case "c":
			if !closing {
				inCell = !empty
				ref, hasF, hasV = attr(tag, "r"), false, false
				formula.Reset()
				break
			}
			if inCell && hasF && !hasV {
				if col, row, err := excelize.CellNameToCoordinates(ref); err == nil {
					out[cellKey{row, col}] = html.UnescapeString(formula.String())
				}
			}
			inCell = false
		case "f":
			hasF = hasF || !closing
			inF = !closing && !empty
		case "v":
			inV = !closing && !empty
		case "is":
			hasV = true // an inline string is a value
		}
	}
}

// tagName splits "<x:c r="A1">" into its local name "c", whether it is a
// closing tag, and whether it closes itself.
func tagName(tag []byte) (name []byte, closing, empty bool) {
	t := tag[1 : len(tag)-1] // < and >
	if len(t) > 0 && t[0] == '/' {
		closing, t = true, t[1:]
	}
	if len(t) > 0 && t[len(t)-1] == '/' {
		empty, t = true, t[:len(t)-1]
	}
	if i := bytes.IndexAny(t, " \t\r\n"); i >= 0 {
		t = t[:i]
	}
	if i := bytes.IndexByte(t, ':'); i >= 0 {
		t = t[i+1:]
	}
	return t, closing, empty
}

// attr returns the value of the attribute name in a start tag.
func attr(tag []byte, name string) string {
	for i := 0; ; {
		j := bytes.Index(tag[i:], []byte(name+"="))
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(name) + 1
		if prev := tag[j-1]; prev != ' ' && prev != '\t' && prev != '\n' && prev != '\r' {
			continue // the end of another attribute's name
		}
		if i >= len(tag) {
			return ""
		}
		q := tag[i]
		end := bytes.IndexByte(tag[i+1:], q)
		if (q != '"' && q != '\'') || end < 0 {
			return ""
		}
		return string(tag[i+1 : i+1+end])
	}
}
