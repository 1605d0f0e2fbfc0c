package evidence

import (
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

const incFile = `evidence/incidents.xlsx: sheet "Incidents" `

func TestIncidents(t *testing.T) {
	runLoad(t, "incidents", []loadCase{
		{
			name: "every column kind",
			files: file(t, "incidents",
				"INC-1\tActual\t2025-09-12\t2025-09-15\t2025-09-15\t'16/09/2025\t2025-09-24\tLaptop left on a train",
				"INC-2\t POTENTIAL \t2025-10-01\t\t\t\t\t",
				"INC-3\tattempted\t2025-10-02\t2025-10-02\t\t\t\tDDoS",
			),
			keys: []string{"INC-1", "INC-2", "INC-3"},
			check: func(t *testing.T, e *Evidence) {
				i1, i2, i3 := e.Incidents[0], e.Incidents[1], e.Incidents[2]
				if i1.Type.Value != IncidentActual || i2.Type.Value != IncidentPotential || i3.Type.Value != IncidentAttempted {
					t.Errorf("types %q %q %q", i1.Type.Value, i2.Type.Value, i3.Type.Value)
				}
				if i1.Aware.String() != "2025-09-12" || i1.Notified.String() != "2025-09-15" || i1.DataRequested.String() != "2025-09-15" ||
					i1.DataSupplied.String() != "2025-09-16" || i1.ReportDelivered.String() != "2025-09-24" || i1.RootCause.Value != "Laptop left on a train" {
					t.Errorf("INC-1 = %+v", i1)
				}
				if i2.Notified.Set || i2.RootCause.Set || i2.Notified.Invalid || i2.Notified.Pos.Cell() != "D3" {
					t.Errorf("INC-2 = %+v", i2)
				}
				if i1.Row.Pos.Cell() != "A2" {
					t.Errorf("key cell %s, want A2", i1.Row.Pos.Cell())
				}
			},
		},
		{
			name: "bad cells and dates out of order, the rest still read",
			files: file(t, "incidents",
				row(t, "incidents", "INC-1", map[string]string{"Type": "major", "Aware On": ""}),
				row(t, "incidents", "INC-2", map[string]string{"Notified On": "2026-03-09", "Report Delivered On": "2026-03-06"}),
				row(t, "incidents", "INC-3", map[string]string{"Data Requested On": "2026-03-11", "Data Supplied On": "2026-03-10"}),
				row(t, "incidents", "INC-4", map[string]string{"Data Requested On": "soon", "Data Supplied On": "2026-03-10"}),
				row(t, "incidents", "inc-1"),
				row(t, "incidents", "INC-5", map[string]string{"Notified On": "2026-03-10", "Data Requested On": "2026-03-11", "Data Supplied On": "2026-03-11"}),
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
			keys:       []string{"INC-1", "INC-2", "INC-3", "INC-4", "INC-5"},
			paragraphs: map[string][]string{"D": {ParaNotifyA, ParaNotifyB}, "F": {ParaDataB}}, // Notified On, Data Supplied On
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
			},
		},
		{
			name: "missing required column",
			files: files{"incidents.xlsx": xlsx(t, workbook.Sheet{Name: "Incidents", TSV: tsv(
				dropColumn(header(t, "incidents"), "Report Delivered On"),
				"INC-1\tactual\t2026-03-10\t2026-03-10\t\t\tPhishing",
			)})},
			problems: []wantProblem{{incFile + "A1", `missing required column "Report Delivered On" in the header row 1`}},
			keys:     []string{"INC-1"},
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
	})
}

// FuzzIncidents fuzzes the Incidents sheet (see fuzzRegister): a
// notification before awareness is reported, never used.
func FuzzIncidents(f *testing.F) {
	f.Add(sheet(f, "incidents",
		row(f, "incidents", "INC-1"),
		row(f, "incidents", "INC-2", map[string]string{"Type": "big", "Notified On": "2026-01-01", "Data Requested On": "x", "Data Supplied On": "2026-03-01"}),
		row(f, "incidents", "inc-2"),
		row(f, "incidents", ""),
	).TSV)
	f.Add("incident id\taware on\tnotified on\nA\t45800\t45799\nB\t2958466\t-1\n")
	f.Add("")
	fuzzRegister(f, "incidents", nil, func(t *testing.T, e *Evidence) {
		for _, in := range e.Incidents {
			if in.Notified.Set && in.Aware.Set && in.Notified.Value.Before(in.Aware.Value) {
				t.Fatalf("%s notified before aware, not reported", in.ID)
			}
		}
	})
}
