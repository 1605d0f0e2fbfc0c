package evidence

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// TestSchemas checks the register table: every register is described for
// the site and the docs, named once, keyed by a required, filled column;
// every column has a meaning, and choices exactly when it is a choice
// column. Some registers' shapes are pinned.
func TestSchemas(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Schemas() {
		for what, v := range map[string]string{"Name": s.Name, "Title": s.Title, "Short": s.Short, "File": s.File, "Sheet": s.Sheet, "RowDoc": s.RowDoc} {
			if v == "" {
				t.Errorf("register %q: no %s", s.Name, what)
			}
		}
		if seen[s.Name] || seen[s.File] {
			t.Errorf("register %q or file %s listed twice", s.Name, s.File)
		}
		seen[s.Name], seen[s.File] = true, true
		if key, ok := s.Column(s.Key); !ok || !key.Required || !key.Filled || len(key.Paragraphs) == 0 {
			t.Errorf("register %q: key column %q is %+v, want it required, filled and evidencing paragraphs", s.Name, s.Key, key)
		}
		names := map[string]bool{}
		for _, c := range s.Columns {
			if names[normaliseHeader(c.Name)] {
				t.Errorf("register %q: column %q twice", s.Name, c.Name)
			}
			names[normaliseHeader(c.Name)] = true
			if c.Doc == "" || strings.Contains(c.Doc, "|") {
				t.Errorf("register %q: column %s: doc %q, want a meaning that fits a Markdown table cell", s.Name, c.Name, c.Doc)
			}
			if (c.Type == TypeChoice) != (len(c.Choices) > 0) {
				t.Errorf("register %q: column %s: type %v with choices %q", s.Name, c.Name, c.Type, c.Choices)
			}
		}
	}

	for _, tt := range []struct {
		name, key, sheet, file string
		unique                 bool
		paragraphs             []string
	}{
		// Both forms: Part A paragraph 5 and Part B paragraph 8.
		{"incidents", "Incident ID", "Incidents", "incidents.xlsx", true,
			[]string{ParaNotifyA, ParaRecurA, ParaReportA, ParaNotifyB, ParaRecurB, ParaDataB, ParaReportB}},
		{"security-tests", "Test ID", "Tests", "security-tests.xlsx", false,
			[]string{ParaTestAnnual, ParaTestResults, ParaTestRemedy, ParaTestRepeat}},
	} {
		s := schema(t, tt.name)
		if s.UniqueKey != tt.unique || s.Key != tt.key || s.Sheet != tt.sheet || s.File != tt.file {
			t.Errorf("schema %+v", s)
		}
		if got := s.Paragraphs(); !slices.Equal(got, tt.paragraphs) {
			t.Errorf("%s: paragraphs %q, want %q", tt.name, got, tt.paragraphs)
		}
		// Every column of its own is required and evidences paragraphs.
		for _, name := range s.Header() {
			if c, _ := s.Column(name); len(c.Paragraphs) == 0 || !c.Required {
				t.Errorf("%s: column %s: paragraphs %q, required %v", tt.name, c.Name, c.Paragraphs, c.Required)
			}
		}
	}
}

// exampleFolder is an evidence folder holding every register's example row.
func exampleFolder(t *testing.T) files {
	folder := files{}
	for _, s := range Schemas() {
		folder[s.File] = xlsx(t, sheet(t, s.Name, row(t, s.Name, s.Example()[s.Key])))
	}
	return folder
}

// Every register's example row reads with no problem, alone and beside
// the others' (the training row's person is in the staff register), into
// one record keyed as the example says, with every cell it gives shown.
func TestExampleRows(t *testing.T) {
	all := exampleFolder(t)
	for _, s := range Schemas() {
		t.Run(s.Name, func(t *testing.T) {
			for _, folder := range []files{{s.File: all[s.File]}, all} {
				e := Load(folder.fs(), "evidence")
				if got := allProblems(e); len(got) != 0 {
					t.Errorf("problems: %q", got)
				}
				reg := e.Register(s.Name)
				if got, want := recordKeys(e, s.Name), s.Example()[s.Key]; !slices.Equal(got, []string{want}) || reg.Rows != 1 {
					t.Fatalf("records %q (Rows %d), want one keyed %q", got, reg.Rows, want)
				}
				if !slices.Equal(reg.Header, s.Header()) {
					t.Errorf("shown header %q, want %q", reg.Header, s.Header())
				}
				for i, c := range reg.Data[0].Cells() {
					if example := strings.TrimPrefix(s.Example()[reg.Header[i]], "'"); (c == "") != (example == "") {
						t.Errorf("%s shown as %q, want the example %q", reg.Header[i], c, example)
					}
				}
			}
		})
	}
}

// Every register finds its columns by name whatever the layout: on a
// sheet named in another case, after a title and a blank row, in reverse
// order, beside a column it does not know, each name in another case or
// spacing, with a blank row before the data. It reads the example row
// into the same record as in the standard layout, shows it the same way,
// and every cell keeps the position it was read from.
func TestAnyLayout(t *testing.T) {
	for _, s := range Schemas() {
		t.Run(s.Name, func(t *testing.T) {
			header := slices.Clone(s.Header())
			slices.Reverse(header)
			header = slices.Insert(header, 1, "Notes")
			var names, cells []string
			for i, h := range header {
				names = append(names, []func(string) string{
					strings.ToLower, strings.ToUpper,
					func(h string) string { return strings.ReplaceAll(h, " ", "_") },
					func(h string) string { return strings.ReplaceAll(h, " ", "") },
					func(h string) string { return strings.ReplaceAll(h, " ", "  ") },
					func(h string) string { return " " + h + " " },
				}[i%6](h))
				if h == "Notes" {
					cells = append(cells, "ignored")
				} else {
					cells = append(cells, s.Example()[h])
				}
			}
			sheetName := strings.ToUpper(s.Sheet)
			odd := Load(files{s.File: xlsx(t, workbook.Sheet{Name: sheetName, TSV: tsv(
				"The register\t\tas at 2026-11-27", "", strings.Join(names, "\t"), "", strings.Join(cells, "\t"),
			)})}.fs(), "evidence")
			std := Load(exampleFolder(t).fs(), "evidence")
			if got := append(allProblems(odd), allProblems(std)...); len(got) != 0 {
				t.Fatalf("problems: %q", got)
			}
			// at is where column col's cell of the data row is: row 5 in
			// the odd layout, 2 in the standard one.
			at := func(cols []string, col string, row int) string {
				c, err := excelize.CoordinatesToCellName(slices.Index(cols, col)+1, row)
				if err != nil {
					t.Fatalf("column %q: %v", col, err)
				}
				return c
			}
			// The register is shown as read, in the schema's order.
			if o, d := odd.Register(s.Name), std.Register(s.Name); !slices.Equal(o.Header, s.Header()) || !slices.Equal(d.Header, s.Header()) ||
				len(o.Data) != 1 || len(d.Data) != 1 || !slices.Equal(o.Data[0].Cells(), d.Data[0].Cells()) || o.Data[0].Key != d.Data[0].Key {
				t.Errorf("shown %q %+v, and in the standard layout %q %+v; want the header %q", o.Header, o.Data, d.Header, d.Data, s.Header())
			}
			a, b := records(odd, s.Name), records(std, s.Name)
			if len(a) != 1 || len(b) != 1 {
				t.Fatalf("%d records, and %d in the standard layout; want one", len(a), len(b))
			}
			for i := range a[0].NumField() {
				f, x, y := a[0].Type().Field(i), a[0].Field(i), b[0].Field(i)
				col := f.Tag.Get("col")
				if f.Type.Kind() == reflect.Struct && x.FieldByName("Pos").IsValid() && col != "" {
					pos := x.FieldByName("Pos")
					want := at(header, col, 5)
					if got := pos.Interface().(diag.Pos); got.File() != "evidence/"+s.File || got.Sheet() != sheetName || got.Cell() != want {
						t.Errorf("%s (%s) at %s, want %s", f.Name, col, got, want)
					}
					if got, want := y.FieldByName("Pos").Interface().(diag.Pos).Cell(), at(s.Header(), col, 2); got != want {
						t.Errorf("standard layout: %s (%s) at %s, want %s", f.Name, col, got, want)
					}
					x, y = withoutPos(x), withoutPos(y)
				}
				if !reflect.DeepEqual(x.Interface(), y.Interface()) {
					t.Errorf("%s: %+v, in the standard layout %+v", f.Name, x, y)
				}
			}
		})
	}
}

// withoutPos is cell v with its position cleared.
func withoutPos(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	c.FieldByName("Pos").SetZero()
	return c
}

// readerBugs runs rd over its register's example row and returns the bugs
// in it found on the way: columns it reads that its schema does not
// declare, fields it cannot read.
func readerBugs(t *testing.T, rd reader) []string {
	s := withParagraphs(rd.schema)
	b := xlsx(t, sheet(t, s.Name, row(t, s.Name, s.Example()[s.Key])))
	tb := readTable(files{s.File: b}.fs(), "evidence", s)
	rd.read(&Evidence{}, tb)
	return tb.reg.bugs
}

// Every reader reads only columns its schema declares, each into a field
// it can read: a misspelt column would otherwise read as absent. The
// example row takes each reader through every tagged field; a column read
// only on an error path is caught by the load tables, whose problems are
// exact, as a bug is reported as a problem too.
func TestReadersReadTheirSchema(t *testing.T) {
	for _, rd := range readers() {
		if got := readerBugs(t, rd); len(got) != 0 {
			t.Errorf("register %q: %q", rd.schema.Name, got)
		}
	}
	// The check catches a misspelt column and a field of a type no cell
	// reads into, and the reader reports both.
	type record struct {
		Name  Text `col:"Nmae"`
		Count int  `col:"Role"`
	}
	bad := readers()[0]
	bad.read = func(e *Evidence, t *table) { decode[record](t, nil) }
	want := []string{`it reads a column "Nmae" that the register does not declare`, `it cannot read column "Role" into a int`}
	if got := readerBugs(t, bad); !slices.Equal(got, want) {
		t.Errorf("bugs %q, want %q", got, want)
	}
	reg := &Register{Schema: withParagraphs(bad.schema), Path: "evidence/staff.xlsx"}
	reg.column("Nmae")
	reg.column("Nmae")
	if got := problems(reg); len(got) != 1 || got[0] != `evidence/staff.xlsx: a bug in this program, please report it: `+want[0] {
		t.Errorf("problems %q, want one naming the column", got)
	}
}

// choiceSpellings are ways people write a choice: in capitals, as words
// with spaces, with underscores, with an en dash, padded.
func choiceSpellings(choice string) []string {
	words := strings.ReplaceAll(choice, "-", " ")
	return []string{
		strings.ToUpper(choice),
		strings.ToUpper(words[:1]) + words[1:],
		strings.ReplaceAll(choice, "-", "_"),
		strings.ReplaceAll(choice, "-", " – "),
		strings.ToUpper(strings.ReplaceAll(choice, "-", "")),
		"  " + choice + " ",
	}
}

// Every choice of every choice column is read, as documented, from each of
// its spellings; no two choices of a column are the same spelling, and a
// value that is no choice is still refused.
func TestChoiceSpellings(t *testing.T) {
	n := 0
	for _, s := range Schemas() {
		for _, c := range s.Columns {
			if c.Type != TypeChoice {
				continue
			}
			folded := map[string]string{}
			for _, choice := range c.Choices {
				if prev, dup := folded[FoldChoice(choice)]; dup {
					t.Errorf("%s: column %s: choices %q and %q are the same spelling", s.Name, c.Name, prev, choice)
				}
				folded[FoldChoice(choice)] = choice
				for _, v := range choiceSpellings(choice) {
					n++
					if got, err := c.choice(v); got != choice || err != nil {
						t.Errorf("%s: column %s: %q read as %q, %v; want %q", s.Name, c.Name, v, got, err, choice)
					}
				}
			}
			for _, v := range []string{"waiver", "not exploited", "client-agreed-ish", "n/a"} {
				if got, err := c.choice(v); err == nil {
					t.Errorf("%s: column %s: %q read as %q, want an error", s.Name, c.Name, v, got)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no choice column")
	}
}

func TestFoldChoice(t *testing.T) {
	for in, want := range map[string]string{
		"Not exploitable":    "notexploitable",
		"not_exploitable":    "notexploitable",
		"NOT-EXPLOITABLE":    "notexploitable",
		"Client agreed":      "clientagreed",
		"Client\u2013Agreed": "clientagreed", // an en dash
		"Client\u00a0agreed": "clientagreed", // a no-break space
		"potential breach":   "potentialbreach",
		"Agency":             "agency",
	} {
		if got := FoldChoice(in); got != want {
			t.Errorf("FoldChoice(%q) = %q, want %q", in, got, want)
		}
	}
}

// The spellings, read from a register: each is the listed value.
func TestLoadChoiceSpellings(t *testing.T) {
	e := Load(files{}.merge(
		file(t, "vulnerabilities",
			row(t, "vulnerabilities", "VUL-1", map[string]string{"Exception": "Not exploitable", "Exception Reference": "NE-1"}),
			row(t, "vulnerabilities", "VUL-2", map[string]string{"Exception": "not_exploitable", "Exception Reference": "NE-2"}),
			row(t, "vulnerabilities", "VUL-3", map[string]string{"Exception": "Client agreed", "Exception Reference": "CA-3", "Agreed Days": "45"}),
		),
		file(t, "software", row(t, "software", "GitLab", map[string]string{"Exception": "Client agreed", "Exception Reference": "CA-1"})),
		file(t, "security-tests", finding(t, "PT-1", "F-1", map[string]string{"Finding Type": "Potential Breach"})),
		file(t, "incidents", row(t, "incidents", "INC-1", map[string]string{"Type": "Attempted"})),
	).fs(), "evidence")
	for _, r := range e.Registers {
		if len(r.Problems) > 0 {
			t.Errorf("%s: problems %+v", r.Schema.Name, r.Problems)
		}
	}
	for id, want := range map[string]string{"VUL-1": PatchNotExploitable, "VUL-2": PatchNotExploitable, "VUL-3": PatchClientAgreed} {
		if v := byKey(t, e.Vulnerabilities, id); v.Exception.Value != want || !v.Exception.Set {
			t.Errorf("%s: exception %+v, want %s", id, v.Exception, want)
		}
	}
	if s := byKey(t, e.Software, "GitLab"); s.ExceptionName() != UpgradeClientAgreed {
		t.Errorf("GitLab: exception %+v", s.Exception)
	}
	if len(e.SecurityTests) != 1 || e.SecurityTests[0].FindingType.Value != FindingPotential {
		t.Errorf("security tests %+v", e.SecurityTests)
	}
	if in := byKey(t, e.Incidents, "INC-1"); in.Type.Value != IncidentAttempted {
		t.Errorf("INC-1: type %+v", in.Type)
	}
}

// A required column missing from the header row makes its cell Absent (and
// Invalid) in every row; a cell that is there but cannot be read is
// Invalid only, and an optional column left out is just unset.
func TestAbsentColumn(t *testing.T) {
	text := "Asset ID\tDevice Type\tHolds Government Data\tAttested On\n" +
		"D-1\tlaptop\tYes\tlast year\n" +
		"D-2\tserver\tNo\t2026-06-15\n"
	e := Load(files{"devices.xlsx": xlsx(t, workbook.Sheet{Name: "Devices", TSV: text})}.fs(), "evidence")
	for _, d := range e.Devices {
		if !d.Encrypted.Absent || !d.Encrypted.Invalid || !d.KnownGoodState.Absent || !d.Authority.Absent {
			t.Errorf("%s: a missing required column: %+v %+v %+v", d.ID, d.Encrypted, d.KnownGoodState, d.Authority)
		}
		if d.AttestedBy.Absent || d.AttestedBy.Invalid || d.Type.Absent || d.Type.Invalid {
			t.Errorf("%s: an optional column left out, or one read: %+v %+v", d.ID, d.AttestedBy, d.Type)
		}
	}
	if d := byKey(t, e.Devices, "D-1"); !d.AttestedOn.Invalid || d.AttestedOn.Absent {
		t.Errorf("D-1: an unreadable cell: %+v", d.AttestedOn)
	}
}

// Every column of a fixed set of values lists them (a spreadsheet offers
// them as a drop-down list), each read back as itself by the column's own
// parser; a column of free text, dates or numbers lists none. A column type
// added later is of a fixed set until it is named free here, so it cannot
// go without its list unseen.
func TestColumnValues(t *testing.T) {
	free := []ColumnType{TypeText, TypeDate, TypeNumber}
	read := map[ColumnType]func(c Column, v string) (string, error){
		TypeYesNo: func(_ Column, v string) (string, error) {
			b, err := ParseYesNo(v)
			return map[bool]string{true: "Yes", false: "No"}[b], err
		},
		TypeClearance: func(_ Column, v string) (string, error) {
			c, err := ParseClearance(v)
			return c.String(), err
		},
		TypeChoice: func(c Column, v string) (string, error) { return c.choice(v) },
	}
	n := 0
	for _, s := range Schemas() {
		for _, c := range s.Columns {
			values := c.Values()
			if slices.Contains(free, c.Type) {
				if values != nil {
					t.Errorf("%s: column %s of free type %v lists values %q", s.Name, c.Name, c.Type, values)
				}
				continue
			}
			n++
			if len(values) == 0 {
				t.Errorf("%s: column %s (type %v) lists no values", s.Name, c.Name, c.Type)
				continue
			}
			parse, ok := read[c.Type]
			if !ok {
				t.Errorf("%s: column %s: no parser for type %v in this test", s.Name, c.Name, c.Type)
				continue
			}
			for _, v := range values {
				if got, err := parse(c, v); got != v || err != nil {
					t.Errorf("%s: column %s: value %q read as %q, %v", s.Name, c.Name, v, got, err)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no column of a fixed set of values")
	}
	if got := (Column{Type: TypeClearance}).Values(); !slices.Equal(got, []string{"None", "BPSS", "CTC", "SC", "DV", "eDV"}) {
		t.Errorf("clearance values %q", got)
	}
}
