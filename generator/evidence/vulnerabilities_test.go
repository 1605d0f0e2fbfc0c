package evidence

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestParseSeverity(t *testing.T) {
	const (
		crit = CategoryCritical
		imp  = CategoryImportant
		oth  = CategoryOther
	)
	tests := []struct {
		in     string
		value  string
		scheme string
		cat    Category
		shown  string // Rating.String(), when checked
	}{
		// The schedule's own categories.
		{"Critical", "Critical", SchemeSchedule, crit, "Critical (schedule category)"},
		{"important", "Important", SchemeSchedule, imp, ""},
		{" OTHER ", "Other", SchemeSchedule, oth, "Other (schedule category)"},
		{"Category: Other", "Other", SchemeSchedule, oth, ""},
		// NVD: High, Medium, Low; CVSS v3 adds Critical.
		{"High", "High", SchemeNVD, crit, "High (NVD) = Critical"},
		{"medium", "Medium", SchemeNVD, imp, "Medium (NVD) = Important"},
		{"NVD High", "High", SchemeNVD, crit, ""},
		{"NVD: Medium", "Medium", SchemeNVD, imp, ""},
		{"NVD Low", "Low", SchemeNVD, oth, "Low (NVD) = Other"},
		{"NVD Critical", "Critical", SchemeNVD, crit, "Critical (NVD) = Critical"},
		{"High (NVD)", "High", SchemeNVD, crit, ""},
		{"CVSS High", "High", SchemeNVD, crit, ""},
		// Microsoft: Critical, Important; Moderate and Low are Other.
		{"Microsoft Critical", "Critical", SchemeMicrosoft, crit, ""},
		{"Microsoft Important", "Important", SchemeMicrosoft, imp, "Important (Microsoft) = Important"},
		{"Microsoft Moderate", "Moderate", SchemeMicrosoft, oth, "Moderate (Microsoft) = Other"},
		{"MS low", "Low", SchemeMicrosoft, oth, ""},
		{"Moderate", "Moderate", SchemeMicrosoft, oth, ""},
		{"Moderate (Microsoft)", "Moderate", SchemeMicrosoft, oth, ""},
		// A bare Low is both schemes', Other either way.
		{"Low", "Low", SchemeNVDOrMicrosoft, oth, "Low (NVD or Microsoft) = Other"},
		// CVSS base scores, at each threshold.
		{"10", "10.0", SchemeCVSS, crit, "10.0 (CVSS base score) = Critical"},
		{"9.8", "9.8", SchemeCVSS, crit, ""},
		{"7.0", "7.0", SchemeCVSS, crit, ""},
		{"7", "7.0", SchemeCVSS, crit, ""},
		{"6.9", "6.9", SchemeCVSS, imp, "6.9 (CVSS base score) = Important"},
		{"4", "4.0", SchemeCVSS, imp, ""},
		{"3.9", "3.9", SchemeCVSS, oth, ""},
		{"0", "0.0", SchemeCVSS, oth, ""},
		{"0.1", "0.1", SchemeCVSS, oth, ""},
		{"CVSS 8.8", "8.8", SchemeCVSS, crit, ""},
		{"CVSS: 5.3", "5.3", SchemeCVSS, imp, ""},
		{"CVSS v3.1 9.8", "9.8", SchemeCVSS, crit, ""},
		{"CVSS 3.1 6.1", "6.1", SchemeCVSS, imp, ""},
		{"CVSS 3.1", "3.1", SchemeCVSS, oth, ""}, // one number is the score
		{"NVD 7.5", "7.5", SchemeCVSS, crit, ""},
		{"9.8 (CVSS)", "9.8", SchemeCVSS, crit, ""},
		// A spreadsheet's float noise is still one decimal place.
		{"9.8000000000000007", "9.8", SchemeCVSS, crit, ""},
		{"6.8999999999999995", "6.9", SchemeCVSS, imp, ""},
	}
	for _, tt := range tests {
		got, err := ParseSeverity(tt.in)
		if err != nil {
			t.Errorf("ParseSeverity(%q): %v", tt.in, err)
			continue
		}
		if got.Value != tt.value || got.Scheme != tt.scheme || got.Category != tt.cat {
			t.Errorf("ParseSeverity(%q) = %+v, want %s %s %s", tt.in, got, tt.value, tt.scheme, tt.cat)
		}
		if tt.shown != "" && got.String() != tt.shown {
			t.Errorf("ParseSeverity(%q).String() = %q, want %q", tt.in, got, tt.shown)
		}
	}

	for _, in := range []string{
		"", "  ", "Severe", "Sev 1", "P1", "Urgent", "None",
		"NVD Important", "NVD Moderate", "Microsoft High", "Microsoft Medium", "Microsoft 9.8", "Category High",
		"10.1", "11", "-1", "-0.5", "6.95", "7.25", "1e1", "0x1p3", "NaN", "Inf", "7,5",
		"CVSS", "NVD", "CVSS 2.0 3.1 9.8", "High Medium", "High (Microsoft)", "CVSS v5 9.8",
	} {
		if got, err := ParseSeverity(in); err == nil {
			t.Errorf("ParseSeverity(%q) = %+v, want an error", in, got)
		} else if !strings.Contains(err.Error(), "want a severity") || !strings.Contains(err.Error(), strconv.Quote(strings.TrimSpace(in))) {
			t.Errorf("ParseSeverity(%q): error %q does not name the value", in, err)
		}
	}
}

func FuzzParseSeverity(f *testing.F) {
	fuzzParse(f, []string{"Critical", "Important", "Other", "High", "Medium", "Low", "Moderate", "NVD High", "Microsoft Moderate",
		"High (NVD)", "CVSS 9.8", "CVSS v3.1 9.8", "9.8", "7", "6.95", "10.1", "-1", "", "NVD Important", "9.8000000000000007"},
		anyDateSystem(ParseSeverity), "want a severity", func(t *testing.T, s string, _ bool, r Rating) {
			if r.Category < CategoryCritical || r.Category > CategoryOther || r.Value == "" || r.Scheme == "" || r.String() == "" {
				t.Fatalf("ParseSeverity(%q) = %+v", s, r)
			}
			// The canonical form, with its scheme named, reads the same.
			named := r.Value
			switch r.Scheme {
			case SchemeNVD, SchemeMicrosoft:
				named = r.Scheme + " " + r.Value
			case SchemeCVSS:
				named = "CVSS " + r.Value
			}
			if again, err := ParseSeverity(named); err != nil || again.Category != r.Category || again.Value != r.Value {
				t.Fatalf("ParseSeverity(%q) = %+v, but %q reads as %+v, %v", s, r, named, again, err)
			}
			// A score's category follows the thresholds.
			if r.Scheme == SchemeCVSS {
				score, err := strconv.ParseFloat(r.Value, 64)
				want := CategoryOther
				if score >= 7 {
					want = CategoryCritical
				} else if score >= 4 {
					want = CategoryImportant
				}
				if err != nil || score < 0 || score > 10 || r.Category != want {
					t.Fatalf("ParseSeverity(%q) = %+v, want %s", s, r, want)
				}
			}
		})
}

func TestLoadVulnerabilities(t *testing.T) {
	const at = `evidence/vulnerabilities.xlsx: sheet "Vulnerabilities" `
	runLoad(t, "vulnerabilities", []loadCase{
		{
			name: "every column kind",
			files: file(t, "vulnerabilities",
				"VUL-1\tOpenSSL\tNVD High\t2026-03-02\t2026-03-20\textension\t\t\t\tTP-1",
				"VUL-2\tWindows Server\t8.8\t'12/05/2026\t\tNot-Exploitable\tNE-2\t\t'15/06/2026\t",
				"VUL-3\tKafka\tMicrosoft Moderate\t2026-08-20\t'2026-10-01\tCLIENT-AGREED\tCA-3\t45\t\t",
				"VUL-4\t\tLow\t\t\t\t\t\t\t",
			),
			keys: []string{"VUL-1", "VUL-2", "VUL-3", "VUL-4"},
			check: func(t *testing.T, e *Evidence) {
				v1 := byKey(t, e.Vulnerabilities, "VUL-1")
				if v1.Row.Pos.String() != at+"A2" {
					t.Errorf("VUL-1 key at %s, want A2", v1.Row.Pos)
				}
				if v1.Severity.Value.String() != "High (NVD) = Critical" || v1.Severity.Pos.Cell() != "C2" {
					t.Errorf("VUL-1 severity %+v", v1.Severity)
				}
				if v1.Exception.Value != PatchExtension || v1.TestPlanRef.Value != "TP-1" || v1.Released.String() != "2026-03-02" || v1.Applied.String() != "2026-03-20" {
					t.Errorf("VUL-1 = %+v", v1)
				}
				v2 := byKey(t, e.Vulnerabilities, "VUL-2")
				if v2.Exception.Value != PatchNotExploitable || v2.ExceptionRef.Value != "NE-2" || v2.ExploitableSince.String() != "2026-06-15" ||
					v2.Released.String() != "2026-05-12" || v2.Applied.Set || v2.Applied.Invalid || v2.Severity.Value.Category != CategoryCritical {
					t.Errorf("VUL-2 = %+v", v2)
				}
				v3 := byKey(t, e.Vulnerabilities, "VUL-3")
				if v3.Exception.Value != PatchClientAgreed || !v3.AgreedDays.Set || v3.AgreedDays.Value != 45 || v3.AgreedDays.Pos.Cell() != "H4" ||
					v3.Applied.String() != "2026-10-01" || v3.Severity.Value.Category != CategoryOther {
					t.Errorf("VUL-3 = %+v", v3)
				}
				v4 := byKey(t, e.Vulnerabilities, "VUL-4")
				if v4.Exception.Set || v4.Exception.Invalid || v4.Released.Set || v4.Released.Invalid {
					t.Errorf("VUL-4: an empty exception and release are unset, not invalid: %+v", v4)
				}
			},
		},
		{
			name: "bad cells are problems at their cells; the rest is used",
			files: file(t, "vulnerabilities",
				row(t, "vulnerabilities", "VUL-1", map[string]string{"Severity": "Severe"}),
				row(t, "vulnerabilities", "VUL-2", map[string]string{"Patch Released": "tbc", "Patch Applied": "2026-02-30"}),
				row(t, "vulnerabilities", "VUL-3", map[string]string{"Exception": "waiver"}),
				row(t, "vulnerabilities", "VUL-4", map[string]string{"Exception": "client-agreed", "Agreed Days": "12.5"}),
				row(t, "vulnerabilities", "VUL-5", map[string]string{"Agreed Days": "0"}),
				row(t, "vulnerabilities", "VUL-6", map[string]string{"Agreed Days": "-3"}),
				row(t, "vulnerabilities", "VUL-7", map[string]string{"Agreed Days": "'a fortnight"}),
				row(t, "vulnerabilities", "VUL-8", map[string]string{"Exploitable Since": "soon"}),
				row(t, "vulnerabilities", "VUL-9", map[string]string{"Severity": "", "Component": ""}),
				row(t, "vulnerabilities", "VUL-9"),
				row(t, "vulnerabilities", ""),
				row(t, "vulnerabilities", "VUL-10", map[string]string{"Severity": "11"}),
			),
			problems: []wantProblem{
				{at + "C2", `Severity: want a severity (Critical, Important, Other; NVD High, Medium, Low; Microsoft Moderate; or a CVSS score 0.0-10.0), got "Severe"`},
				{at + "D3", "Patch Released: " + dateWant + `, got "tbc"`},
				{at + "E3", "Patch Applied: " + dateWant + `, got "2026-02-30"`},
				{at + "F4", `Exception: want one of none, not-exploitable, extension, client-agreed, got "waiver"`},
				{at + "H5", "Agreed Days: want a positive whole number of days, got 12.5"},
				{at + "H6", "Agreed Days: want a positive whole number of days, got 0"},
				{at + "H7", "Agreed Days: want a positive whole number of days, got -3"},
				{at + "H8", `Agreed Days: want a number, got "a fortnight"`},
				{at + "I9", "Exploitable Since: " + dateWant + `, got "soon"`},
				{at + "C10", "Severity: empty; a value is required"},
				{at + "A11", `duplicate Vulnerability ID "VUL-9" (first at row 10): this row is not used`},
				{at + "A12", "Vulnerability ID is empty: this row is not used"},
				{at + "C13", `Severity: want a severity`},
			},
			keys: []string{"VUL-1", "VUL-2", "VUL-3", "VUL-4", "VUL-5", "VUL-6", "VUL-7", "VUL-8", "VUL-9", "VUL-10"},
			check: func(t *testing.T, e *Evidence) {
				if v := byKey(t, e.Vulnerabilities, "VUL-1"); !v.Severity.Invalid || v.Severity.Set || !v.Released.Set {
					t.Errorf("VUL-1: severity %+v, want invalid and the rest read", v.Severity)
				}
				if v := byKey(t, e.Vulnerabilities, "VUL-2"); !v.Released.Invalid || !v.Applied.Invalid {
					t.Errorf("VUL-2: dates %+v %+v, want invalid", v.Released, v.Applied)
				}
				if v := byKey(t, e.Vulnerabilities, "VUL-3"); !v.Exception.Invalid {
					t.Errorf("VUL-3: exception %+v, want invalid", v.Exception)
				}
				if v := byKey(t, e.Vulnerabilities, "VUL-4"); !v.AgreedDays.Invalid || v.AgreedDays.Set {
					t.Errorf("VUL-4: agreed days %+v, want invalid", v.AgreedDays)
				}
				if v := byKey(t, e.Vulnerabilities, "VUL-9"); !v.Severity.Invalid || v.Component.Set {
					t.Errorf("VUL-9: %+v", v)
				}
				// Each problem is against the paragraphs its column evidences.
				want := map[string][]string{
					"C2":  {ParaSeverity, ParaPatching},
					"D3":  {ParaPatching},
					"F4":  {ParaPatching},
					"H5":  {ParaPatching, ParaClientAgreed},
					"I9":  {ParaPatching, ParaNotExploitable},
					"A12": {ParaSeverity, ParaPatching, ParaNotExploitable, ParaExtension, ParaClientAgreed},
				}
				for _, p := range e.Register("vulnerabilities").Problems {
					if w, ok := want[p.Pos.Cell()]; ok && !slices.Equal(p.Paragraphs, w) {
						t.Errorf("%s: paragraphs %q, want %q", p.Pos.Cell(), p.Paragraphs, w)
					}
				}
			},
		},
		{
			name: "missing required columns",
			files: files{"vulnerabilities.xlsx": xlsx(t, workbook.Sheet{Name: "Vulnerabilities", TSV: tsv(
				"Vulnerability ID\tComponent\tPatch Released",
				"VUL-1\tnginx\t2026-03-02",
			)})},
			problems: []wantProblem{
				{at + "A1", `missing required column "Severity" in the header row 1`},
				{at + "A1", `missing required column "Patch Applied" in the header row 1`},
			},
			keys: []string{"VUL-1"},
			check: func(t *testing.T, e *Evidence) {
				v := byKey(t, e.Vulnerabilities, "VUL-1")
				if !v.Severity.Invalid || !v.Applied.Invalid || v.Exception.Invalid || v.AgreedDays.Invalid || v.ExploitableSince.Invalid {
					t.Errorf("missing required columns are invalid, optional ones unset: %+v", v)
				}
			},
		},
	})
}

// FuzzLoadVulnerabilities fuzzes the Vulnerabilities sheet (see
// fuzzRegister): a severity read maps to a category, and Agreed Days read
// are whole and positive.
func FuzzLoadVulnerabilities(f *testing.F) {
	f.Add(sheet(f, "vulnerabilities", row(f, "vulnerabilities", "VUL-1")).TSV)
	f.Add(sheet(f, "vulnerabilities",
		row(f, "vulnerabilities", "VUL-1", map[string]string{"Severity": "CVSS 9.8", "Exception": "extension", "Test Plan Reference": "TP"}),
		row(f, "vulnerabilities", "vul-1"),
		row(f, "vulnerabilities", "VUL-2", map[string]string{"Severity": "11", "Agreed Days": "-1", "Exception": "maybe"}),
		row(f, "vulnerabilities", "VUL-3", map[string]string{"Patch Released": "=TODAY()", "Exploitable Since": "45800.5"}),
	).TSV)
	f.Add("vulnerability id\tSEVERITY\tAgreed Days\nVUL-1\tHigh (NVD)\t1e300\nVUL-2\t6.95\t'45\n")
	f.Add("")
	fuzzRegister(f, "vulnerabilities", nil, func(t *testing.T, e *Evidence) {
		for _, v := range e.Vulnerabilities {
			if v.Severity.Set && (v.Severity.Invalid || v.Severity.Value.Category == CategoryUnknown) {
				t.Fatalf("%s: severity %+v", v.ID, v.Severity)
			}
			if v.AgreedDays.Set && (v.AgreedDays.Value < 1) {
				t.Fatalf("%s: agreed days %v", v.ID, v.AgreedDays.Value)
			}
		}
	})
}
