// Package sample holds the evidence registers of a fictional supplier,
// Northgate Data Services Ltd, used as the site's sample evidence and as
// fixtures by tests elsewhere. `go run ./generator/cmd/mksample` writes them to
// evidence/*.xlsx. Each sheet's header row is its register's, from the
// register table of package evidence.
//
// The Agency's contract started on 2025-04-01 (ContractStart) and the sample
// is reviewed as of Friday 2026-11-27 (AsOf). Working days are those of
// England and Wales: Saturdays, Sundays and bank holidays are not working days
// (2025: 1 Jan, 18 and 21 Apr, 5 and 26 May, 25 Aug, 25 and 26 Dec; 2026:
// 1 Jan, 3 and 6 Apr, 4 and 25 May, 31 Aug, 25 and 28 Dec).
//
// There are 36 staff: 29 current and 7 leavers, employed by Northgate and by
// two subcontractors, Kestrel Cloud Ltd and Harrow Analytics Ltd. Clearance
// levels rank None < BPSS < CTC < SC < DV < eDV. Clearance Expiry is blank
// where the clearance held does not expire (None, BPSS). Dates are real
// Excel dates except for a few UK dd/mm/yyyy text dates, which readers must
// accept too: NS-0009 Identity Check and Criminal Record Check, NS-0014 Right
// To Work Check, NS-0018 Identity Check ('10/03/2025: read as mm/dd it would
// fall after the Start Date and raise a false finding), NS-0020 Clearance
// Expiry, NS-0033 End Date, and two training dates (NS-0008, NS-0013).
//
// Everything is compliant except these findings, one a row, which the
// tests in this package pin down (cells are those of the written workbooks):
//
//  1. NS-0011 (staff.xlsx row 12): Right To Work Check K12 2025-09-03 is
//     after Start Date E12 2025-09-01.
//  2. NS-0015 (row 16): Criminal Record Check J16 is empty.
//  3. NS-0005 (row 6): a System Administrator with Privileged Access needing
//     SC holds SC that expired on 2026-09-30 (N6), before AsOf.
//  4. NS-0023 (row 24): DV required, only SC held, but Exception Reference
//     P24 CLIENT-AGREE-2025-014: shown with its exception, not a gap.
//  5. NS-0019 (row 20): a Data Analyst needing CTC holds only BPSS, with no
//     exception: a gap.
//  6. NS-0029 (row 30): current, Government Data Access, latest Secure
//     Information Management course 2025-10-27, 13 months before AsOf:
//     overdue. NS-0026 (row 27): current, Government Data Access, no training
//     row at all, past the 12 Months after the Start Date. (NS-0017 and
//     NS-0024 each took a year and six days between two courses: late,
//     since made good, a low-severity violation.)
//  7. NS-0034 (row 35): End Date Friday 2026-05-22, Access Revoked Tuesday
//     2026-05-26. Monday 25 May 2026 is the Spring bank holiday, so Tuesday is
//     the first Working Day after: compliant, a boundary case. NS-0035
//     (row 36): End Date Wednesday 2025-12-24, Access Revoked Tuesday
//     2025-12-30. Christmas Day, Boxing Day and the weekend follow, so the
//     first Working Day after is Monday 29 December: late, a violation.
//  8. NS-0036 (row 37): a leaver (End Date 2026-09-30) with no Access Revoked
//     date (O37 empty): a gap.
//  9. training.xlsx: row 131 is for NS-0099, who is not in the staff
//     register, and row 132 is for NS-0009 with Completed C132 the text "tbc";
//     both are invalid (see TrainingFindingRows). NS-0009 has valid recent
//     training besides.
//
// All End Dates are on or before AsOf.
//
// The folder previous/ holds the sample's previous review: the
// coverage.json and gaps.json the generator writes for the sample judged
// a year earlier, as of 2025-11-27, which config.toml compares with
// ([review] previous), so that the sample site shows what changed. They
// are never written by hand: go test ./generator/cli -run
// TestSamplePrevious -update rewrites them.
package sample

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// The sample's fixed dates, as yyyy-mm-dd.
const (
	ContractStart = "2025-04-01"
	AsOf          = "2026-11-27"
)

// Employers in the sample.
const (
	Northgate = "Northgate Data Services Ltd"
	Kestrel   = "Kestrel Cloud Ltd"
	Harrow    = "Harrow Analytics Ltd"
)

// SIM is the annual course every member of staff takes.
const SIM = "Secure Information Management"

// Staff returns the staff register, sheet "Staff".
func Staff() workbook.Sheet {
	return sheet("staff", staffRows())
}

// Training returns the training register, sheet "Training".
func Training() workbook.Sheet {
	return sheet("training", trainingRows())
}

// TrainingFindingRows returns the invalid rows of the training register
// (finding 9), each as written: Staff ID, Course, Completed.
func TrainingFindingRows() [][]string {
	return [][]string{
		{"NS-0099", SIM, "2026-03-02"},
		{"NS-0009", SIM, "tbc"},
	}
}

// Files are the sample workbooks, by file name: one sheet each, for every
// register in the register table that has a sample.
func Files() map[string]workbook.Sheet {
	samples := map[string]func() workbook.Sheet{
		"staff":                 Staff,
		"training":              Training,
		"vulnerabilities":       Vulnerabilities,
		"vulnerability-reports": Reports,
		"software":              Software,
		"devices":               Devices,
		"security-tests":        SecurityTests,
		"incidents":             Incidents,
		"privileges":            Privileges,
	}
	files := map[string]workbook.Sheet{}
	for _, s := range evidence.Schemas() {
		if sample, ok := samples[s.Name]; ok {
			files[s.File] = sample()
		}
	}
	return files
}

// WriteDir writes the sample workbooks into dir, creating it if needed, and
// returns the paths written, sorted.
func WriteDir(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := Files()
	names := slices.Sorted(maps.Keys(files))
	paths := make([]string, 0, len(names))
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := workbook.Write(path, files[name]); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// sheet returns the named register's sheet: the header row of its schema,
// then rows, each row's cells in the schema's column order.
func sheet(name string, rows [][]string) workbook.Sheet {
	s, _ := evidence.LookupSchema(name) // an unknown name gives a sheet that fails to build
	tsv := make([]string, len(rows))
	for i, row := range rows {
		tsv[i] = strings.Join(row, "\t")
	}
	return workbook.Table{Name: s.Sheet, Header: s.Header()}.Sheet(tsv...)
}

// staffRows returns the staff register, one row per person, columns as in
// StaffHeaders. A leading ' marks a text date (see package workbook).
func staffRows() [][]string {
	const y, n = "Yes", "No"
	return [][]string{
		// ID, Name, Role, Employer, Start, End, Gov Data, Privileged, Identity, Criminal Record, Right To Work, Required, Held, Expiry, Revoked, Exception
		{"NS-0001", "Helen Whitaker", "Chief Information Security Officer", Northgate, "2019-06-03", "", y, n, "2019-05-13", "2019-05-13", "2019-05-13", "SC", "SC", "2029-05-31", "", ""},
		{"NS-0002", "Rajesh Varma", "Head of Service Delivery", Northgate, "2018-09-03", "", y, n, "2018-08-06", "2018-08-06", "2018-08-06", "BPSS", "BPSS", "", "", ""},
		{"NS-0003", "Gareth Lloyd", "Senior System Administrator", Northgate, "2020-01-06", "", y, y, "2019-12-02", "2019-12-02", "2019-12-02", "SC", "SC", "2030-01-31", "", ""},
		{"NS-0004", "Priya Nair", "System Administrator", Northgate, "2022-03-07", "", y, y, "2022-02-14", "2022-02-14", "2022-02-14", "SC", "SC", "2029-02-28", "", ""},
		// Finding 3: SC expired on 2026-09-30.
		{"NS-0005", "Tom Ashworth", "System Administrator", Northgate, "2023-05-02", "", y, y, "2023-04-11", "2023-04-11", "2023-04-11", "SC", "SC", "2026-09-30", "", ""},
		{"NS-0006", "Siobhan Kelly", "Database Administrator", Northgate, "2021-10-04", "", y, y, "2021-09-13", "2021-09-13", "2021-09-13", "SC", "SC", "2028-10-31", "", ""},
		{"NS-0007", "Daniel Okafor", "Network Engineer", Northgate, "2024-02-05", "", y, y, "2024-01-15", "2024-01-15", "2024-01-15", "SC", "SC", "2031-01-31", "", ""},
		{"NS-0008", "Megan Price", "Software Developer", Northgate, "2021-04-12", "", y, n, "2021-03-22", "2021-03-22", "2021-03-22", "BPSS", "BPSS", "", "", ""},
		{"NS-0009", "Oliver Bennett", "Software Developer", Northgate, "2025-04-01", "", y, n, "'14/03/2025", "'14/03/2025", "2025-03-14", "BPSS", "BPSS", "", "", ""},
		{"NS-0010", "Aisha Rahman", "Senior Software Developer", Northgate, "2019-11-04", "", y, n, "2019-10-14", "2019-10-14", "2019-10-14", "BPSS", "SC", "2028-03-31", "", ""},
		// Finding 1: Right To Work Check two days after the Start Date.
		{"NS-0011", "Callum Fraser", "Software Developer", Northgate, "2025-09-01", "", y, n, "2025-08-11", "2025-08-11", "2025-09-03", "BPSS", "BPSS", "", "", ""},
		{"NS-0012", "Zofia Nowak", "Test Analyst", Northgate, "2024-06-03", "", n, n, "2024-05-13", "2024-05-13", "2024-05-13", "BPSS", "BPSS", "", "", ""},
		{"NS-0013", "Ffion Davies", "Service Desk Analyst", Northgate, "2022-08-01", "", y, n, "2022-07-11", "2022-07-11", "2022-07-11", "BPSS", "BPSS", "", "", ""},
		{"NS-0014", "Liam O'Connor", "Service Desk Analyst", Northgate, "2025-04-01", "", y, n, "2025-03-17", "2025-03-10", "'17/03/2025", "BPSS", "BPSS", "", "", ""},
		// Finding 2: no Criminal Record Check date.
		{"NS-0015", "Chloe Turner", "Service Desk Analyst", Northgate, "2025-06-02", "", y, n, "2025-05-12", "", "2025-05-12", "BPSS", "BPSS", "", "", ""},
		{"NS-0016", "Mohammed Iqbal", "Service Desk Team Leader", Northgate, "2020-07-06", "", y, n, "2020-06-15", "2020-06-15", "2020-06-15", "BPSS", "CTC", "2028-06-30", "", ""},
		{"NS-0017", "Eleanor Shaw", "Data Analyst", Northgate, "2023-01-09", "", y, n, "2022-12-12", "2022-12-12", "2022-12-12", "CTC", "CTC", "2028-01-31", "", ""},
		{"NS-0018", "Samuel Adeyemi", "Data Analyst", Northgate, "2025-04-01", "", y, n, "'10/03/2025", "2025-03-10", "2025-03-10", "CTC", "CTC", "2030-03-31", "", ""},
		// Finding 5: CTC required, only BPSS held, no exception.
		{"NS-0019", "Hannah Morgan", "Data Analyst", Northgate, "2025-07-07", "", y, n, "2025-06-16", "2025-06-16", "2025-06-16", "CTC", "BPSS", "", "", ""},
		{"NS-0020", "Joseph Wright", "Senior Data Analyst", Northgate, "2021-02-01", "", y, n, "2021-01-11", "2021-01-11", "2021-01-11", "CTC", "CTC", "'31/01/2029", "", ""},
		{"NS-0021", "Grace Lewis", "Information Governance Manager", Northgate, "2020-03-02", "", y, n, "2020-02-10", "2020-02-10", "2020-02-10", "CTC", "CTC", "2027-02-28", "", ""},
		{"NS-0022", "Ben Carter", "Security Analyst", Northgate, "2023-09-04", "", y, n, "2023-08-14", "2023-08-14", "2023-08-14", "SC", "SC", "2030-08-31", "", ""},
		// Finding 4: DV required, SC held, covered by an exception.
		{"NS-0023", "Rhiannon Evans", "Security Architect (Restricted Enclave)", Northgate, "2024-11-04", "", y, y, "2024-10-14", "2024-10-14", "2024-10-14", "DV", "SC", "2029-10-31", "", "CLIENT-AGREE-2025-014"},
		{"NS-0024", "Kwame Mensah", "Cloud Platform Engineer", Kestrel, "2025-04-01", "", y, y, "2025-03-10", "2025-03-10", "2025-03-10", "SC", "SC", "2030-03-31", "", ""},
		{"NS-0025", "Isla Robertson", "Cloud Platform Engineer", Kestrel, "2025-05-06", "", y, y, "2025-04-14", "2025-04-14", "2025-04-14", "SC", "SC", "2029-12-31", "", ""},
		// Finding 6: Government Data Access and no training at all.
		{"NS-0026", "Arjun Patel", "Data Engineer", Harrow, "2025-10-06", "", y, n, "2025-09-15", "2025-09-15", "2025-09-15", "CTC", "CTC", "2030-09-30", "", ""},
		{"NS-0027", "Lucy Hughes", "Office Manager", Northgate, "2017-05-08", "", n, n, "2017-04-18", "2017-04-18", "2017-04-18", "None", "None", "", "", ""},
		{"NS-0028", "Peter Grant", "HR Advisor", Northgate, "2021-01-11", "", n, n, "2020-12-14", "2020-12-14", "2020-12-14", "None", "None", "", "", ""},
		// Finding 6: latest training 2025-10-27, 13 months before AsOf.
		{"NS-0029", "Natalie Brooks", "Delivery Manager", Northgate, "2022-01-10", "", y, n, "2021-12-13", "2021-12-13", "2021-12-13", "BPSS", "BPSS", "", "", ""},
		// Leavers.
		{"NS-0030", "Mark Jennings", "System Administrator", Northgate, "2020-05-04", "2025-06-30", y, y, "2020-04-14", "2020-04-14", "2020-04-14", "SC", "SC", "2027-04-30", "2025-06-30", ""},
		{"NS-0031", "Emily Foster", "Service Desk Analyst", Northgate, "2023-03-06", "2025-08-22", y, n, "2023-02-13", "2023-02-13", "2023-02-13", "BPSS", "BPSS", "", "2025-08-22", ""},
		{"NS-0032", "Jack Thompson", "Software Developer", Northgate, "2021-09-06", "2026-02-13", y, n, "2021-08-16", "2021-08-16", "2021-08-16", "BPSS", "BPSS", "", "2026-02-16", ""},
		{"NS-0033", "Sophie Clarke", "Data Analyst", Harrow, "2025-04-01", "'28/11/2025", y, n, "2025-03-10", "2025-03-10", "2025-03-10", "CTC", "CTC", "2030-02-28", "2025-11-28", ""},
		// Finding 7: revoked on the first Working Day after the bank holiday: compliant.
		{"NS-0034", "Ryan Mitchell", "Cloud Platform Engineer", Kestrel, "2025-04-01", "2026-05-22", y, y, "2025-03-10", "2025-03-10", "2025-03-10", "SC", "SC", "2030-03-31", "2026-05-26", ""},
		// Finding 7: revoked one Working Day late over Christmas.
		{"NS-0035", "Amy Collins", "Service Desk Analyst", Northgate, "2024-01-08", "2025-12-24", y, n, "2023-12-11", "2023-12-11", "2023-12-11", "BPSS", "BPSS", "", "2025-12-30", ""},
		// Finding 8: a leaver with no Access Revoked date.
		{"NS-0036", "David Harris", "Software Developer", Northgate, "2022-06-06", "2026-09-30", y, n, "2022-05-16", "2022-05-16", "2022-05-16", "BPSS", "BPSS", "", "", ""},
	}
}

// trainingRows returns the training register: the Secure Information
// Management course each year, grouped by person, then the invalid rows.
func trainingRows() [][]string {
	var rows [][]string
	for _, h := range []struct {
		id    string
		dates []string
	}{
		{"NS-0001", []string{"2021-06-14", "2022-06-13", "2023-06-12", "2024-06-10", "2025-06-09", "2026-06-08"}},
		{"NS-0002", []string{"2021-09-20", "2022-09-19", "2023-09-18", "2024-09-16", "2025-09-15", "2026-09-14"}},
		{"NS-0003", []string{"2022-01-17", "2023-01-16", "2024-01-15", "2025-01-13", "2026-01-12"}},
		{"NS-0004", []string{"2022-03-14", "2023-03-13", "2024-03-11", "2025-03-10", "2026-03-09"}},
		{"NS-0005", []string{"2023-05-15", "2024-05-13", "2025-05-12", "2026-05-11"}},
		{"NS-0006", []string{"2022-10-10", "2023-10-09", "2024-10-07", "2025-10-06", "2026-10-05"}},
		{"NS-0007", []string{"2024-02-19", "2025-02-17", "2026-02-16"}},
		{"NS-0008", []string{"2022-04-25", "2023-04-24", "2024-04-22", "2025-01-27", "'21/01/2026"}},
		{"NS-0009", []string{"2025-04-07", "2026-03-30"}},
		{"NS-0010", []string{"2021-11-15", "2022-11-14", "2023-11-13", "2024-11-11", "2025-11-10", "2026-11-09"}},
		{"NS-0011", []string{"2025-09-08", "2026-09-07"}},
		{"NS-0012", []string{"2024-06-10", "2025-06-09", "2026-06-01"}},
		{"NS-0013", []string{"2022-08-08", "2023-08-07", "2024-08-05", "2025-02-10", "'09/02/2026"}},
		{"NS-0014", []string{"2025-04-14", "2026-04-13"}},
		{"NS-0015", []string{"2025-06-09", "2026-06-08"}},
		{"NS-0016", []string{"2022-07-18", "2023-07-17", "2024-07-15", "2025-07-14", "2026-07-13"}},
		{"NS-0017", []string{"2023-01-16", "2024-01-15", "2025-01-13", "2026-01-19"}},
		{"NS-0018", []string{"2025-04-07", "2026-03-23"}},
		{"NS-0019", []string{"2025-07-14", "2026-07-06"}},
		{"NS-0020", []string{"2022-02-14", "2023-02-13", "2024-02-12", "2025-02-10", "2026-02-09"}},
		{"NS-0021", []string{"2022-03-07", "2023-03-06", "2024-03-04", "2025-03-03", "2026-03-02"}},
		{"NS-0022", []string{"2023-09-11", "2024-09-09", "2025-09-08", "2026-09-07"}},
		{"NS-0023", []string{"2024-11-11", "2025-11-10", "2026-10-26"}},
		{"NS-0024", []string{"2025-04-07", "2026-04-13"}},
		{"NS-0025", []string{"2025-05-12", "2026-05-11"}},
		// NS-0026: none at all (finding 6).
		{"NS-0027", []string{"2023-05-22", "2024-05-20", "2025-05-19", "2026-05-18"}},
		{"NS-0028", []string{"2022-01-24", "2023-01-23", "2024-01-22", "2025-01-20", "2026-01-26"}},
		{"NS-0029", []string{"2022-11-07", "2023-10-30", "2024-10-28", "2025-10-27"}}, // stale (finding 6)
		{"NS-0030", []string{"2022-05-09", "2023-05-08", "2024-05-13", "2025-05-12"}},
		{"NS-0031", []string{"2023-03-13", "2024-03-11", "2025-03-10"}},
		{"NS-0032", []string{"2022-09-12", "2023-09-11", "2024-09-09", "2025-09-08"}},
		{"NS-0033", []string{"2025-04-07"}},
		{"NS-0034", []string{"2025-04-07", "2026-04-13"}},
		{"NS-0035", []string{"2024-01-15", "2025-01-13"}},
		{"NS-0036", []string{"2022-06-13", "2023-06-12", "2024-06-10", "2025-06-09", "2026-06-08"}},
	} {
		for _, d := range h.dates {
			rows = append(rows, []string{h.id, SIM, d})
		}
	}
	return append(rows, TrainingFindingRows()...)
}
