package rules

import (
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// Annex 1 6.5 for elevated privileges: revoked within 1 Working Day after
// the holder no longer needs it or leaves, whichever is first. The
// register's columns: A Grant ID, B Staff ID, ... F No Longer Needed On,
// G Revoked On.
func TestPrivilegeRevocation(t *testing.T) {
	staff := []string{
		person(t, "NS-1", nil),
		// Left Friday 22 May 2026; Monday 25 May is the Spring bank holiday.
		person(t, "NS-2", map[string]string{"End Date": "2026-05-22", "Access Revoked": "2026-05-26"}),
		person(t, "NS-3", map[string]string{"End Date": "last week"}),
	}
	grant := func(set map[string]string) string {
		return exampleRow(t, "privileges", "PRV-1", map[string]string{"Staff ID": "NS-1"}, set)
	}
	ended := func(notNeeded, revoked string) string {
		return grant(map[string]string{"No Longer Needed On": notNeeded, "Revoked On": revoked})
	}
	const wd = "working days"
	ok, due, late := want{outcome: OK}, want{outcome: Due}, gap("violation high G2")
	for _, tt := range []struct {
		name string
		asOf string
		row  string
		want want
	}{
		{name: "still needed", row: grant(nil), want: want{outcome: OK, deadline: "-"}},
		// A grant made after the as-of date had not happened as of then.
		{name: "granted after the as-of date: listed, not judged", asOf: "2026-11-27", row: grant(map[string]string{"Granted On": "2026-11-30"}),
			want: want{outcome: Later, deadline: "-", detail: "Production database administrator granted 2026-11-30, after the as-of date (2026-11-27): not judged"}},
		{name: "granted on the as-of date: judged", asOf: "2026-11-27", row: grant(map[string]string{"Granted On": "2026-11-27"}), want: want{outcome: OK, deadline: "-"}},
		{name: "needed until after the as-of date", asOf: "2026-11-27", row: ended("2026-12-01", ""), want: want{outcome: OK, deadline: "-"}},
		{name: "not needed from a Friday, revoked the Monday: the last day", row: ended("2026-10-30", "2026-11-02"), want: ok.by("2026-11-02", 0, wd)},
		{name: "revoked the day the need ended", row: ended("2026-10-30", "2026-10-30"), want: ok.by("2026-11-02", 1, wd)},
		{name: "revoked the Tuesday: 1 Working Day late", row: ended("2026-10-30", "2026-11-03"),
			want: want{outcome: Gap, findings: []string{"violation high G2"}, deadline: "2026-11-02", margin: -1, unit: wd, message: "revoked on Tue 3 Nov 2026, 1 Working Day late"}},
		{name: "revoked the Saturday after a Friday deadline: 1 Working Day late", row: ended("2026-10-29", "2026-10-31"), want: late.by("2026-10-30", -1, wd)},
		{name: "not revoked, as of the deadline", asOf: "2026-11-02", row: ended("2026-10-30", ""), want: due.by("2026-11-02", 0, wd)},
		{name: "not revoked, as of the day after", asOf: "2026-11-03", row: ended("2026-10-30", ""),
			want: want{outcome: Gap, findings: []string{"violation high G2"}, deadline: "2026-11-02", margin: -1, unit: wd, message: "was not revoked: no longer needed on Fri 30 Oct 2026"}},
		{name: "across Easter", row: ended("2026-04-02", "2026-04-07"), want: ok.by("2026-04-07", 0, wd)},
		{name: "a leaver's End Date counts", row: grant(map[string]string{"Staff ID": "NS-2", "Revoked On": "2026-05-27"}),
			want: want{outcome: Gap, findings: []string{"violation high G2"}, deadline: "2026-05-26", margin: -1, unit: wd, message: "the holder left on Fri 22 May 2026"}},
		{name: "the earlier of no longer needed and left", row: grant(map[string]string{"Staff ID": "NS-2", "No Longer Needed On": "2026-06-30", "Revoked On": "2026-05-26"}),
			want: ok.by("2026-05-26", 0, wd)},
		// Unreadable dates: a revocation that cannot be read is none; a
		// day the need ended that cannot be read shows only a breach.
		{name: "revoked before it was granted: invalid, and not revoked", row: ended("2026-10-30", "2026-01-05"),
			want: gap("violation high G2", "invalid medium G2").by("2026-11-02", -19, wd)},
		{name: "unreadable revocation, not yet due", asOf: "2026-11-02", row: ended("2026-10-30", "asap"),
			want: want{outcome: Due, findings: []string{"invalid medium G2"}}.by("2026-11-02", 0, wd)},
		{name: "unreadable no-longer-needed date: not judged", row: ended("soon", ""), want: unjudged("invalid medium F2")},
		{name: "unreadable no-longer-needed date, the holder left and it was not revoked: a breach",
			row:  grant(map[string]string{"Staff ID": "NS-2", "No Longer Needed On": "soon"}),
			want: gap("violation high G2", "invalid medium F2").by("2026-05-26", -132, wd)},
		{name: "unreadable no-longer-needed date, revoked after the holder left: it might have been late, not judged",
			row:  grant(map[string]string{"Staff ID": "NS-2", "No Longer Needed On": "soon", "Revoked On": "2026-05-26"}),
			want: unjudged("invalid medium F2")},
		{name: "the holder's End Date unreadable (a finding about NS-3), no other date: not judged", row: grant(map[string]string{"Staff ID": "NS-3"}), want: want{}},
		{name: "the holder's End Date unreadable, no longer needed and revoked late: a breach", row: grant(map[string]string{"Staff ID": "NS-3", "No Longer Needed On": "2026-10-30", "Revoked On": "2026-11-03"}),
			want: late.by("2026-11-02", -1, wd)},
		{name: "a Staff ID not in the staff register: invalid, judged by its own date", row: grant(map[string]string{"Staff ID": "NS-9", "No Longer Needed On": "2026-10-30", "Revoked On": "2026-11-02"}),
			want: want{outcome: OK, findings: []string{"invalid medium B2"}}.by("2026-11-02", 0, wd)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(registersInput(t, "B", tt.asOf, map[string][]string{"staff": staff, "privileges": {tt.row}}))
			tt.want.verify(t, r, evidence.ParaRevocation, "PRV-1")
		})
	}
}

// The sample's privileged access register: its boundary rows, as
// documented in package internal/sample (its findings are pinned with the
// other Annex 1 6 findings in TestSample).
func TestSamplePrivileges(t *testing.T) {
	const wd = "working days"
	sampleCase{
		pins: []pin{
			{evidence.ParaRevocation, "PRV-0004", want{outcome: OK}.by("2025-11-03", 0, wd)},    // no longer needed Friday, revoked Monday
			{evidence.ParaRevocation, "PRV-0005", want{outcome: Gap}.by("2026-04-07", -1, wd)},  // 1: across Easter, a day late
			{evidence.ParaRevocation, "PRV-0006", want{outcome: OK}.by("2025-07-01", 1, wd)},    // a leaver, revoked on the End Date
			{evidence.ParaRevocation, "PRV-0007", want{outcome: Gap}.by("2026-09-21", -49, wd)}, // 2: 49 Working Days overdue
			{evidence.ParaRevocation, "PRV-0008", want{outcome: Due}.by("2026-11-30", 1, wd)},   // no longer needed on the as-of date
			{evidence.ParaRevocation, "PRV-0009", want{outcome: OK}.by("2026-05-26", 0, wd)},    // a leaver, after the Spring bank holiday
			{evidence.ParaRevocation, "PRV-0001", want{outcome: OK, deadline: "-"}},             // still needed
		},
	}.run(t)
}
