package workbook

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tb := Table{Name: "Staff", Header: []string{"ID", "Name", "Start"}, Base: map[string]string{"ID": "S-1", "Start": "2025-04-01"}}
	tests := []struct {
		name    string
		sets    []map[string]string
		want    string
		wantErr string
	}{
		{"the base row", nil, "S-1\t\t2025-04-01", ""},
		{"cells replaced", []map[string]string{{"Name": "Ada", "Start": ""}}, "S-1\tAda\t", ""},
		{"later sets win", []map[string]string{{"ID": "S-2", "Name": "Ada"}, {"ID": "S-3"}}, "S-3\tAda\t2025-04-01", ""},
		{"a column not in the header", []map[string]string{{"Nmae": "Ada"}}, "", `sheet "Staff" has no column "Nmae"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tb.Row(tt.sets...)
			switch {
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Row: %q, %v; want an error containing %q", got, err, tt.wantErr)
			case tt.wantErr == "" && (err != nil || got != tt.want):
				t.Errorf("Row = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if s := tb.Sheet("a\tb\tc", ""); s.Name != "Staff" || s.TSV != "ID\tName\tStart\na\tb\tc\n\n" {
		t.Errorf("Sheet = %+v", s)
	}
	if s := tb.Sheet(); s.TSV != "ID\tName\tStart\n" {
		t.Errorf("Sheet() = %+v, want the header only", s)
	}
}
