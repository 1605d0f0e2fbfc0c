package sample

import (
	"bytes"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// TestSoftwareSample pins the cells of each documented software finding
// and checks the sheet's shape, so that editing one fails here.
func TestSoftwareSample(t *testing.T) {
	r := read(t, Software())
	if !slices.Equal(r.headers, SoftwareHeaders()) {
		t.Errorf("headers = %q", r.headers)
	}
	if len(r.formatted) != 16 {
		t.Errorf("%d products, want 16", len(r.formatted))
	}
	seen := map[string]bool{}
	for _, row := range r.formatted {
		if seen[row[0]] {
			t.Errorf("duplicate product %s", row[0])
		}
		seen[row[0]] = true
	}
	tests := []struct {
		product, col, cell, want string
	}{
		{"Elasticsearch", "Installed Version", "B11", "7.17.29"}, // 1
		{"Elasticsearch", "Latest Release Date", "D11", "2025-04-15"},
		{"PostgreSQL", "Installed Version", "B2", "17.6"}, // 2
		{"PostgreSQL", "Latest Release Date", "D2", "2026-09-24"},
		{"Grafana Enterprise", "Latest Release Date", "D14", "2026-05-27"}, // 3
		{"Ubuntu Server LTS", "Previous Major Version", "E3", "24.04"},     // 4
		{"Ubuntu Server LTS", "Latest Release Date", "D3", "2026-04-23"},
		{"GitLab (self-managed)", "Exception", "F13", "mitigation-reduction"}, // 5
		{"GitLab (self-managed)", "Exception Reference", "G13", "RISK-2026-031"},
		{"GitLab (self-managed)", "Latest Release Date", "D13", "2026-05-21"},
		{"Microsoft SQL Server", "Exception", "F12", "client-agreed"}, // 6
		{"Microsoft SQL Server", "Exception Reference", "G12", "CLIENT-AGREE-2026-007"},
		{"Apache Kafka", "Latest Release Date", "D16", "18/03/2025"}, // a UK text date
	}
	for _, tt := range tests {
		i := r.row(t, tt.product)
		col, row, err := excelize.CellNameToCoordinates(tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if row != i+2 || r.headers[col-1] != tt.col {
			t.Errorf("%s %s is not at %s", tt.product, tt.col, tt.cell)
		}
		if got := r.cell(t, i, tt.col, false); got != tt.want {
			t.Errorf("%s %s (%s) = %q, want %q", tt.product, tt.col, tt.cell, got, tt.want)
		}
	}
	// Versions are text, so that 1.30 stays 1.30; the year-numbered ones
	// are numbers.
	if got := r.cell(t, r.row(t, "nginx"), "Latest Version", true); got != "1.30.0" {
		t.Errorf("nginx Latest Version raw %q", got)
	}
}

func TestSoftwareAndDevicesDeterministic(t *testing.T) {
	for _, s := range []func() workbook.Sheet{Software, Devices} {
		a, err := workbook.Build(s())
		if err != nil {
			t.Fatal(err)
		}
		b, err := workbook.Build(s())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("sheet %s: two builds differ", s().Name)
		}
	}
}
