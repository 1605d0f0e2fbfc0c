package sample

import "testing"

// TestSoftwareSample pins the cells of each documented software finding
// and checks the sheet's shape, so that editing one fails here.
func TestSoftwareSample(t *testing.T) {
	r := read(t, Software())
	seen := map[string]bool{}
	for _, row := range r.formatted {
		if seen[row[0]] {
			t.Errorf("duplicate product %s", row[0])
		}
		seen[row[0]] = true
	}
	pin(t, r, []pinned{
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
	})
	// Versions are text, so that 1.30 stays 1.30; the year-numbered ones
	// are numbers.
	if got := r.cell(t, r.row(t, "nginx"), "Latest Version", true); got != "1.30.0" {
		t.Errorf("nginx Latest Version raw %q", got)
	}
}
