package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// syntheticEvidence writes a staff register of n people (a tenth of them
// leavers, a few with findings), three training rows each, and
// vulnerability and device registers that grow with n.
func syntheticEvidence(tb testing.TB, dir string, n int) {
	tb.Helper()
	var staff, training strings.Builder
	staff.WriteString("Staff ID\tName\tRole\tEmployer\tStart Date\tEnd Date\tGovernment Data Access\tPrivileged Access\tIdentity Check\tCriminal Record Check\tRight To Work Check\tClearance Required\tClearance Held\tClearance Expiry\tAccess Revoked\tException Reference\n")
	training.WriteString("Staff ID\tCourse\tCompleted\n")
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("S-%06d", i)
		end, revoked := "", ""
		if i%10 == 0 {
			end, revoked = "2026-05-22", "2026-05-26"
			if i%70 == 0 {
				revoked = "2026-05-28"
			}
		}
		check := "2025-03-01"
		if i%97 == 0 {
			check = "2025-04-02"
		}
		fmt.Fprintf(&staff, "%s\tPerson %d\tEngineer\tAgency Ltd\t2025-04-01\t%s\tYes\t%s\t%s\t2025-03-01\t2025-03-01\tSC\tSC\t2030-01-01\t%s\t\n",
			id, i, end, map[bool]string{true: "Yes", false: "No"}[i%5 == 0], check, revoked)
		for _, d := range []string{"2024-06-01", "2025-06-01", "2026-06-01"} {
			fmt.Fprintf(&training, "%s\tSecure Information Management\t%s\n", id, d)
		}
	}
	// Two vulnerabilities and one device a person: the registers that grow
	// with the estate.
	var vulns, devices strings.Builder
	vulns.WriteString("Vulnerability ID\tComponent\tSeverity\tPatch Released\tPatch Applied\tException\tException Reference\tAgreed Days\tExploitable Since\tTest Plan Reference\n")
	devices.WriteString("Asset ID\tDevice Type\tHolds Government Data\tEncrypted\tEncryption Product\tAssurance\tManagement Authority\tKnown Good State\tProvisioned\tAttested On\tAttested By\n")
	for i := 0; i < 2*n; i++ {
		applied := "2026-03-10"
		if i%113 == 0 {
			applied = "2026-03-20"
		}
		fmt.Fprintf(&vulns, "V-%07d\tComponent %d\t%s\t2026-03-02\t%s\tnone\t\t\t\t\n", i, i%50, []string{"Critical", "CVSS 5.1", "NVD Low"}[i%3], applied)
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&devices, "D-%06d\tlaptop\tYes\tYes\tBitLocker\tCPA Foundation Grade\tAgency\t2025-03-01\t2025-03-02\t2026-06-01\tIT\n", i)
	}
	for name, sh := range map[string]workbook.Sheet{
		"vulnerabilities.xlsx": {Name: "Vulnerabilities", TSV: vulns.String()},
		"devices.xlsx":         {Name: "Devices", TSV: devices.String()},
	} {
		if err := workbook.Write(filepath.Join(dir, name), sh); err != nil {
			tb.Fatal(err)
		}
	}
	if err := workbook.Write(filepath.Join(dir, "staff.xlsx"), workbook.Sheet{Name: "Staff", TSV: staff.String()}); err != nil {
		tb.Fatal(err)
	}
	if err := workbook.Write(filepath.Join(dir, "training.xlsx"), workbook.Sheet{Name: "Training", TSV: training.String()}); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkBuild builds the whole site from synthetic registers of growing
// size. Compare sizes with benchstat to see how the build scales:
//
//	go test ./generator/cli -run '^$' -bench Build -count 6 | tee bench.txt
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("staff=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			ev := filepath.Join(dir, "evidence")
			if err := os.Mkdir(ev, 0o755); err != nil {
				b.Fatal(err)
			}
			syntheticEvidence(b, ev, n)
			o := sampleOptions(filepath.Join(dir, "public"))
			o.Evidence = ev
			o.AsOf = "2026-11-27"
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := Build(o, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
