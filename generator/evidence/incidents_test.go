package evidence

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// incidentHeader is the incident register's header row, columns A
// (Incident ID) to H (Root Cause).
var incidentHeader = []string{
	"Incident ID", "Type", "Aware On", "Notified On", "Data Requested On", "Data Supplied On", "Report Delivered On", "Root Cause",
}

// incidentRow returns a clean row of an actual incident, with the named
// columns replaced by set.
func incidentRow(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	v := map[string]string{
		"Incident ID": id, "Type": "actual", "Aware On": "2026-03-10", "Notified On": "2026-03-10",
		"Report Delivered On": "2026-03-20", "Root Cause": "Phishing email",
	}
	for k, x := range set {
		if !slices.Contains(incidentHeader, k) {
			t.Fatalf("incidentRow: no column %q", k)
		}
		v[k] = x
	}
	cells := make([]string, len(incidentHeader))
	for i, h := range incidentHeader {
		cells[i] = v[h]
	}
	return strings.Join(cells, "\t")
}

func incidentsFile(t testing.TB, rows ...string) files {
	t.Helper()
	return files{"incidents.xlsx": xlsx(t, workbook.Sheet{Name: "Incidents",
		TSV: tsv(append([]string{strings.Join(incidentHeader, "\t")}, rows...)...)})}
}

const incFile = `evidence/incidents.xlsx: sheet "Incidents" `

func TestIncidents(t *testing.T) {
	tests := []struct {
		name     string
		files    files
		problems []wantProblem
		ids      []string
		check    func(t *testing.T, e *Evidence)
	}{
		{
			name: "every column kind, headers any case and order",
			files: files{"incidents.xlsx": xlsx(t, workbook.Sheet{Name: "INCIDENTS", TSV: tsv(
				"root cause\treport delivered on\tdata supplied on\tDATA REQUESTED ON\tnotified on\taware_on\ttype\tincident id",
				"Laptop left on a train\t2025-09-24\t'16/09/2025\t2025-09-15\t2025-09-15\t2025-09-12\tActual\tINC-1",
				"\t\t\t\t\t2025-10-01\t POTENTIAL \tINC-2",
				"DDoS\t\t\t\t2025-10-02\t2025-10-02\tattempted\tINC-3",
			)})},
			ids: []string{"INC-1", "INC-2", "INC-3"},
			check: func(t *testing.T, e *Evidence) {
				i1, i2, i3 := e.Incidents[0], e.Incidents[1], e.Incidents[2]
				if i1.Type.Value != IncidentActual || i2.Type.Value != IncidentPotential || i3.Type.Value != IncidentAttempted {
					t.Errorf("types %q %q %q", i1.Type.Value, i2.Type.Value, i3.Type.Value)
				}
				if i1.Aware.String() != "2025-09-12" || i1.Notified.String() != "2025-09-15" || i1.DataRequested.String() != "2025-09-15" ||
					i1.DataSupplied.String() != "2025-09-16" || i1.ReportDelivered.String() != "2025-09-24" || i1.RootCause.Value != "Laptop left on a train" {
					t.Errorf("INC-1 = %+v", i1)
				}
				if i2.Notified.Set || i2.RootCause.Set || i2.Notified.Invalid || i2.Notified.Pos.Cell != "E3" {
					t.Errorf("INC-2 = %+v", i2)
				}
				if i1.Row.Pos.Cell != "H2" {
					t.Errorf("key cell %s, want H2", i1.Row.Pos.Cell)
				}
			},
		},
		{
			name: "bad cells and dates out of order, the rest still read",
			files: incidentsFile(t,
				incidentRow(t, "INC-1", map[string]string{"Type": "major", "Aware On": ""}),
				incidentRow(t, "INC-2", map[string]string{"Notified On": "2026-03-09", "Report Delivered On": "2026-03-06"}),
				incidentRow(t, "INC-3", map[string]string{"Data Requested On": "2026-03-11", "Data Supplied On": "2026-03-10"}),
				incidentRow(t, "INC-4", map[string]string{"Data Requested On": "soon", "Data Supplied On": "2026-03-10"}),
				incidentRow(t, "inc-1", nil),
				incidentRow(t, "INC-5", map[string]string{"Notified On": "2026-03-10", "Data Requested On": "2026-03-11", "Data Supplied On": "2026-03-11"}),
			),
			problems: []wantProblem{
				{incFile + "B2", `Type: want one of actual, potential, attempted, got "major"`},
				{incFile + "C2", "Aware On: empty; a value is required"},
				{incFile + "D3", "Notified On: 2026-03-09 is before the Agency became aware of the incident on 2026-03-10"},
				{incFile + "G3", "Report Delivered On: 2026-03-06 is before the Agency became aware of the incident on 2026-03-10"},
				{incFile + "F4", "Data Supplied On: 2026-03-10 is before the data was requested on 2026-03-11"},
				{incFile + "E5", "Data Requested On: " + dateWant},
				{incFile + "A6", `duplicate Incident ID "inc-1" (first at row 2): this row is not used`},
			},
			ids: []string{"INC-1", "INC-2", "INC-3", "INC-4", "INC-5"},
			check: func(t *testing.T, e *Evidence) {
				if i := e.Incidents[0]; !i.Type.Invalid || i.Aware.Set || !i.Aware.Invalid || i.Notified.String() != "2026-03-10" {
					t.Errorf("INC-1 = %+v", i)
				}
				if i := e.Incidents[1]; i.Notified.Set || !i.Notified.Invalid || i.ReportDelivered.Set || !i.ReportDelivered.Invalid {
					t.Errorf("INC-2 = %+v", i)
				}
				if i := e.Incidents[2]; i.DataSupplied.Set || !i.DataSupplied.Invalid {
					t.Errorf("INC-3 = %+v", i)
				}
				// With no readable request date the supply date is kept.
				if i := e.Incidents[3]; i.DataSupplied.String() != "2026-03-10" {
					t.Errorf("INC-4 = %+v", i)
				}
				// The same day is not before.
				if i := e.Incidents[4]; i.Notified.Invalid || i.DataSupplied.Invalid {
					t.Errorf("INC-5 = %+v", i)
				}
				for _, p := range e.Register("incidents").Problems {
					if p.Pos.Cell == "F4" && !slices.Equal(p.Paragraphs, []string{ParaDataB}) {
						t.Errorf("Data Supplied On paragraphs %q", p.Paragraphs)
					}
					if p.Pos.Cell == "D3" && !slices.Equal(p.Paragraphs, []string{ParaNotifyA, ParaNotifyB}) {
						t.Errorf("Notified On paragraphs %q", p.Paragraphs)
					}
				}
			},
		},
		{
			name: "missing required column",
			files: files{"incidents.xlsx": xlsx(t, workbook.Sheet{Name: "Incidents", TSV: tsv(
				"Incident ID\tType\tAware On\tNotified On\tData Requested On\tData Supplied On\tRoot Cause",
				"INC-1\tactual\t2026-03-10\t2026-03-10\t\t\tPhishing",
			)})},
			problems: []wantProblem{{incFile + "A1", `missing required column "Report Delivered On" in the header row 1`}},
			ids:      []string{"INC-1"},
			check: func(t *testing.T, e *Evidence) {
				if i := e.Incidents[0]; i.ReportDelivered.Set || i.Notified.String() != "2026-03-10" {
					t.Errorf("INC-1 = %+v", i)
				}
			},
		},
		{
			name:  "no file",
			files: files{},
			check: func(t *testing.T, e *Evidence) {
				if r := e.Register("incidents"); r.Present || r.Rows != 0 {
					t.Errorf("Present %v Rows %d", r.Present, r.Rows)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Load(tt.files.fs(), "evidence")
			verifyProblems(t, e, "incidents", tt.problems)
			var ids []string
			for _, in := range e.Incidents {
				ids = append(ids, in.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("Incident IDs = %q, want %q", ids, tt.ids)
			}
			if tt.check != nil {
				tt.check(t, e)
			}
		})
	}
}

func TestIncidentSchema(t *testing.T) {
	s := IncidentSchema()
	if !s.UniqueKey || s.Key != "Incident ID" || s.Sheet != "Incidents" || s.File != "incidents.xlsx" {
		t.Errorf("schema %+v", s)
	}
	var names []string
	for _, c := range s.Columns {
		names = append(names, c.Name)
		if c.Doc == "" || len(c.Paragraphs) == 0 || !c.Required {
			t.Errorf("column %s: doc %q, paragraphs %q, required %v", c.Name, c.Doc, c.Paragraphs, c.Required)
		}
		if (c.Type == TypeChoice) != (len(c.Choices) > 0) {
			t.Errorf("column %s: kind %v with choices %q", c.Name, c.Type, c.Choices)
		}
	}
	if !slices.Equal(names, incidentHeader) {
		t.Errorf("columns %q, want %q", names, incidentHeader)
	}
	// Both forms: Part A paragraph 5 and Part B paragraph 8.
	paras := s.Paragraphs()
	for _, p := range []string{ParaNotifyA, ParaRecurA, ParaReportA, ParaNotifyB, ParaRecurB, ParaDataB, ParaReportB} {
		if !slices.Contains(paras, p) {
			t.Errorf("paragraphs %q lack %s", paras, p)
		}
	}
}

// FuzzIncidents fuzzes the text of the Incidents sheet: whatever it holds,
// Load must not panic, Incident IDs are unique and every problem is
// positioned in the file with paragraphs.
func FuzzIncidents(f *testing.F) {
	f.Add(tsv(append([]string{strings.Join(incidentHeader, "\t")},
		incidentRow(f, "INC-1", nil),
		incidentRow(f, "INC-2", map[string]string{"Type": "big", "Notified On": "2026-01-01", "Data Requested On": "x", "Data Supplied On": "2026-03-01"}),
		incidentRow(f, "inc-2", nil),
		incidentRow(f, "", nil),
	)...))
	f.Add("incident id\taware on\tnotified on\nA\t45800\t45799\nB\t2958466\t-1\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		b, err := workbook.Build(workbook.Sheet{Name: "Incidents", TSV: text})
		if err != nil {
			t.Skip(err)
		}
		e := Load(files{"incidents.xlsx": b}.fs(), "evidence")
		r := e.Register("incidents")
		if r.Rows != len(r.Data) || r.Rows != len(e.Incidents) {
			t.Fatalf("Rows %d, Data %d, records %d", r.Rows, len(r.Data), len(e.Incidents))
		}
		seen := map[string]bool{}
		for _, in := range e.Incidents {
			if in.ID == "" || seen[strings.ToUpper(in.ID)] {
				t.Fatalf("Incident ID %q empty or repeated", in.ID)
			}
			seen[strings.ToUpper(in.ID)] = true
			if in.Notified.Set && in.Aware.Set && in.Notified.Time.Before(in.Aware.Time) {
				t.Fatalf("%s notified before aware, not reported", in.ID)
			}
		}
		for _, p := range r.Problems {
			line := p.Pos.String() + ": " + p.Msg
			t.Log(line)
			if p.Msg == "" || p.Pos.File != r.Path || len(p.Paragraphs) == 0 {
				t.Fatalf("problem %q: want a message, the file %s and paragraphs %q", line, r.Path, p.Paragraphs)
			}
			if p.Pos.Cell != "" {
				if _, _, err := excelize.CellNameToCoordinates(p.Pos.Cell); err != nil || p.Pos.Sheet == "" {
					t.Fatalf("problem %q: bad cell: %v", line, err)
				}
			}
		}
	})
}
