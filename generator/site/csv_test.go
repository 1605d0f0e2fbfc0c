package site

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/model"
)

func TestNeutraliseFormula(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"},
		{"+1", "'+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"a=1", "a=1"},
		{"NS-0001", "NS-0001"},
	}
	for _, tt := range tests {
		if got := NeutraliseFormula(tt.in); got != tt.want {
			t.Errorf("NeutraliseFormula(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGapsCSV(t *testing.T) {
	s := &model.Site{
		Review:   model.Review{AsOf: "2026-11-27"},
		Contract: model.Contract{Form: "B"},
		Findings: []model.Finding{{
			ID: "F-0123456789ab", Paragraph: "B.Annex1.6.1", Kind: "invalid", Severity: "medium", Subject: "=cmd|' /C calc'!A0",
			Message: "Name: \"x\", with a comma", Pos: diag.CellPos("evidence/staff.xlsx", "Staff", 2, 2),
		}},
	}
	var data bytes.Buffer
	if err := writeGapsCSV(&data, s); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&data).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[1]) != 13 || rows[0][2] != "id" || rows[1][2] != "F-0123456789ab" {
		t.Fatalf("rows: %q", rows)
	}
	if got := rows[1][6]; got != "'=cmd|' /C calc'!A0" {
		t.Errorf("subject cell %q is not neutralised", got)
	}
	if got := rows[1][7]; got != "Name: \"x\", with a comma" {
		t.Errorf("message round-trip: %q", got)
	}
	if rows[1][10] != "B2" || rows[1][11] != "" || rows[1][12] != "" {
		t.Errorf("position cells: %q", rows[1][8:])
	}
}
