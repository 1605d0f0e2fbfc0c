package synth

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/agency/evidence-site/generator/workdays"
)

// The shares of deliberate findings among the staff, their training and
// their privileges: a few percent each.
const (
	shareLeavers         = 0.25  // of all staff
	shareFutureJoiners   = 0.005 // start after the as-of date: listed, not judged
	shareCheckLate       = 0.01  // a pre-employment check dated after the start
	shareCheckMissing    = 0.003 // a pre-employment check with no date
	shareClearanceExpiry = 0.008 // in post, clearance expired before the as-of date
	shareClearanceLow    = 0.005 // holds less than the role requires
	shareClearanceExcept = 0.003 // ... with the Client's written agreement
	shareRevokedLate     = 0.02  // a leaver's access revoked 2 to 6 Working Days late
	shareRevokedMissing  = 0.003 // a leaver with no revocation date
	shareTrainingLapsed  = 0.03  // in post, latest course more than 12 Months ago
	shareTrainingGap     = 0.02  // one gap of more than 12 Months, since made good
	shareGrantLate       = 0.06  // a privilege revoked late, of those no longer needed
	shareGrantFuture     = 0.003 // granted after the as-of date
	shareUKText          = 0.01  // a date cell written as dd/mm/yyyy text
)

// course is the one course the set's training records hold, named in
// config.toml's [rules] training_courses.
const course = "Secure Information Management"

type role struct {
	title      string
	clearance  string // required: None, BPSS, CTC, SC, DV
	privileged bool
	govData    bool
	weight     int
}

var roles = []role{
	{"Software Developer", "BPSS", false, true, 18},
	{"Senior Software Developer", "BPSS", false, true, 8},
	{"Test Analyst", "BPSS", false, false, 6},
	{"Service Desk Analyst", "BPSS", false, true, 14},
	{"Service Desk Team Leader", "BPSS", false, true, 2},
	{"Business Analyst", "BPSS", false, true, 5},
	{"Delivery Manager", "BPSS", false, true, 3},
	{"Data Analyst", "CTC", false, true, 8},
	{"Data Engineer", "CTC", false, true, 6},
	{"Security Analyst", "SC", false, true, 3},
	{"System Administrator", "SC", true, true, 6},
	{"Database Administrator", "SC", true, true, 3},
	{"Network Engineer", "SC", true, true, 3},
	{"Cloud Platform Engineer", "SC", true, true, 4},
	{"Security Architect (Restricted Enclave)", "DV", true, true, 1},
	{"HR Advisor", "None", false, false, 2},
	{"Office Manager", "None", false, false, 1},
}

var firstNames = []string{"Ada", "Aisha", "Arjun", "Ben", "Callum", "Chloe", "Daniel", "Eleanor", "Emily", "Ffion",
	"Gareth", "Grace", "Hannah", "Helen", "Isla", "Joseph", "Kwame", "Liam", "Lucy", "Mark", "Megan", "Mohammed",
	"Natalie", "Oliver", "Peter", "Priya", "Rajesh", "Rhiannon", "Samuel", "Siobhan", "Sophie", "Tom", "Zofia",
	"Amara", "Connor", "Dev", "Erin", "Fatima", "Hamish", "Imogen", "Jack", "Kiran", "Maya", "Niall", "Olu", "Ruth"}

var lastNames = []string{"Adeyemi", "Ashworth", "Bennett", "Brooks", "Carter", "Davies", "Evans", "Foster", "Fraser",
	"Grant", "Hughes", "Iqbal", "Jennings", "Kelly", "Lewis", "Lloyd", "Mensah", "Morgan", "Nair", "Nowak", "O'Connor",
	"Okafor", "Patel", "Price", "Rahman", "Robertson", "Shaw", "Turner", "Varma", "Whitaker", "Wright", "Young",
	"Campbell", "Doherty", "Ellis", "Gill", "Hussain", "Khan", "MacLeod", "Singh", "Thomas", "Walsh", "Zhang"}

var employers = []string{"Northgate Data Services Ltd", "Northgate Data Services Ltd", "Northgate Data Services Ltd",
	"Kestrel Cloud Ltd", "Harrow Analytics Ltd"}

// person is one row of the staff register, with the courses the training
// records hold for them.
type person struct {
	id, name, employer string
	role               role
	start, end         time.Time // end is zero while in post
	checks             [3]time.Time
	held               string
	expiry             time.Time
	exception          string
	revoked            time.Time
	courses            []time.Time // ascending
}

func (p *person) inPost(asOf time.Time) bool { return p.end.IsZero() || p.end.After(asOf) }

// planStaff draws the staff and their courses; the staff, training and
// privileges registers are written from them.
func (s *set) planStaff() {
	r := s.rand("staff")
	n := s.o.Size.Staff
	people := make([]person, n)
	future := make([]bool, n)
	eligible := 0
	for i := range people {
		p := &people[i]
		p.name = pick(r, firstNames) + " " + pick(r, lastNames)
		p.role = pickRole(r)
		p.employer = pick(r, employers)
		future[i] = r.chance(shareFutureJoiners)
		if !future[i] {
			eligible++
		}
		if !future[i] && r.chance(shareLeavers) {
			p.end = r.dayIn(days(s.start, 10), days(s.asOf, -3))
		}
	}
	// Share the training rows out exactly: base courses each, the remainder
	// one more each, then move a few between neighbours for variety.
	counts := make([]int, n)
	if eligible > 0 {
		base, rem := s.o.Size.Training/eligible, s.o.Size.Training%eligible
		prev := -1
		for i := range people {
			if future[i] {
				continue
			}
			counts[i] = base
			if rem > 0 {
				counts[i]++
				rem--
			}
			if prev >= 0 && counts[prev] > 1 {
				d := r.between(0, min(counts[prev]-1, 4))
				counts[prev] -= d
				counts[i] += d
			}
			prev = i
		}
	}
	for i := range people {
		p := &people[i]
		if future[i] {
			p.start = days(s.asOf, r.between(3, 60))
		} else {
			s.planCourses(r, p, counts[i])
		}
		s.planChecks(r, p)
	}
	slices.SortStableFunc(people, func(a, b person) int { return a.start.Compare(b.start) })
	for i := range people {
		people[i].id = fmt.Sprintf("NS-%05d", i+1)
	}
	s.staff = people
}

func pickRole(r rng) role {
	total := 0
	for _, ro := range roles {
		total += ro.weight
	}
	n := r.IntN(total)
	for _, ro := range roles {
		if n < ro.weight {
			return ro
		}
		n -= ro.weight
	}
	return roles[0]
}

// planCourses dates k courses, latest first, and the start date before the
// first: the first course within the 12 Months after the start, each next
// within 12 Months of the one before (300 to 360 days), the latest current
// at the as-of date or at the leaver's end. A few people let it lapse, or
// took one course late.
func (s *set) planCourses(r rng, p *person, k int) {
	until := s.asOf
	if !p.end.IsZero() {
		until = p.end
	}
	latest := days(until, -r.between(3, 330))
	if p.end.IsZero() && p.role.govData && r.chance(shareTrainingLapsed) {
		latest = days(s.asOf, -r.between(370, 520))
	}
	lateGap := -1
	if k > 1 && r.chance(shareTrainingGap) {
		lateGap = r.IntN(k - 1)
	}
	p.courses = make([]time.Time, k)
	d := latest
	for i := k - 1; i >= 0; i-- {
		p.courses[i] = d
		gap := r.between(300, 360)
		if i-1 == lateGap {
			gap = r.between(372, 430)
		}
		d = days(d, -gap)
	}
	var first time.Time
	if k > 0 {
		first = p.courses[0]
	} else {
		first = days(until, -r.between(0, 30)) // a recent joiner, first course not yet due
	}
	p.start = days(first, -r.between(14, 300))
	if !p.end.IsZero() && !p.end.After(p.start) {
		p.end = days(p.start, r.between(30, 200))
	}
}

// planChecks dates the pre-employment checks, the clearance and the
// revocation of a leaver's access.
func (s *set) planChecks(r rng, p *person) {
	id := days(p.start, -r.between(5, 45))
	crim := minDay(days(id, r.between(0, 10)), p.start)
	rtw := id
	if r.chance(0.5) {
		rtw = minDay(days(id, r.between(0, 5)), p.start)
	}
	p.checks = [3]time.Time{id, crim, rtw}
	switch {
	case r.chance(shareCheckLate):
		p.checks[r.IntN(3)] = days(p.start, r.between(1, 12))
	case r.chance(shareCheckMissing):
		p.checks[r.IntN(3)] = time.Time{}
	}

	inPost := p.inPost(s.asOf)
	p.held = p.role.clearance
	if r.chance(0.03) && p.held == "BPSS" {
		p.held = "SC" // cleared above the role
	}
	if inPost && expires(p.role.clearance) && r.chance(shareClearanceLow+shareClearanceExcept) {
		p.held = "BPSS"
		if r.chance(shareClearanceExcept / (shareClearanceLow + shareClearanceExcept)) {
			p.exception = fmt.Sprintf("CLIENT-AGREE-%d-%03d", p.start.Year(), r.between(1, 999))
		}
	}
	if expires(p.held) {
		p.expiry = days(s.asOf, r.between(30, 2500))
		if inPost && r.chance(shareClearanceExpiry) {
			p.expiry = days(s.asOf, -r.between(1, 200))
		}
	}
	if !p.end.IsZero() {
		p.revoked = p.end
		if r.chance(0.4) {
			p.revoked = s.cal.AddWorkingDays(p.end, 1)
		}
		switch {
		case r.chance(shareRevokedLate):
			p.revoked = s.cal.AddWorkingDays(p.end, r.between(2, 6))
		case r.chance(shareRevokedMissing):
			p.revoked = time.Time{}
		}
		if p.revoked.After(s.asOf) {
			p.revoked = time.Time{}
		}
	}
}

// expires reports whether a clearance held has an expiry date.
func expires(clearance string) bool {
	return clearance == "CTC" || clearance == "SC" || clearance == "DV"
}

func minDay(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func (s *set) writeStaff(path string) error {
	r := s.rand("staff cells")
	sh, err := newSheet("staff")
	if err != nil {
		return err
	}
	var (
		cID, cName, cRole, cEmployer = sh.col("Staff ID"), sh.col("Name"), sh.col("Role"), sh.col("Employer")
		cStart, cEnd                 = sh.col("Start Date"), sh.col("End Date")
		cGov, cPriv                  = sh.col("Government Data Access"), sh.col("Privileged Access")
		cChecks                      = [3]int{sh.col("Identity Check"), sh.col("Criminal Record Check"), sh.col("Right To Work Check")}
		cRequired, cHeld, cExpiry    = sh.col("Clearance Required"), sh.col("Clearance Held"), sh.col("Clearance Expiry")
		cRevoked, cException         = sh.col("Access Revoked"), sh.col("Exception Reference")
	)
	for i := range s.staff {
		p := &s.staff[i]
		sh.text(cID, p.id)
		sh.text(cName, p.name)
		sh.text(cRole, p.role.title)
		sh.text(cEmployer, p.employer)
		sh.date(cStart, p.start)
		sh.date(cEnd, p.end)
		sh.yesNo(cGov, p.role.govData)
		sh.yesNo(cPriv, p.role.privileged)
		for k, d := range p.checks {
			switch {
			case k == 2 && !d.IsZero() && d.Equal(p.checks[0]) && r.chance(0.6):
				// Checked the same day as the identity: an HR export's formula.
				sh.dateFormula(cChecks[k], sh.ref(cChecks[0]), d)
			case r.chance(shareUKText):
				sh.ukDate(cChecks[k], d)
			default:
				sh.date(cChecks[k], d)
			}
		}
		sh.text(cRequired, p.role.clearance)
		sh.text(cHeld, p.held)
		sh.date(cExpiry, p.expiry)
		if !p.revoked.IsZero() && p.revoked.Equal(p.end) && r.chance(0.5) {
			sh.dateFormula(cRevoked, sh.ref(cEnd), p.revoked)
		} else {
			sh.date(cRevoked, p.revoked)
		}
		sh.text(cException, p.exception)
		sh.next()
	}
	return sh.close(path)
}

func (s *set) writeTraining(path string) error {
	r := s.rand("training cells")
	type row struct {
		person int
		done   time.Time
	}
	rows := make([]row, 0, s.o.Size.Training)
	for i := range s.staff {
		for _, d := range s.staff[i].courses {
			rows = append(rows, row{i, d})
		}
	}
	// A learning system's export: in order of completion.
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(a.done.Compare(b.done), cmp.Compare(a.person, b.person))
	})
	sh, err := newSheet("training")
	if err != nil {
		return err
	}
	cID, cCourse, cDone := sh.col("Staff ID"), sh.col("Course"), sh.col("Completed")
	for _, row := range rows {
		sh.text(cID, s.staff[row.person].id)
		sh.text(cCourse, course)
		if r.chance(shareUKText) {
			sh.ukDate(cDone, row.done)
		} else {
			sh.date(cDone, row.done)
		}
		sh.next()
	}
	return sh.close(path)
}

var privileges = []struct{ name, why string }{
	{"Domain Admins", "Administration of the Active Directory domain"},
	{"Production database administrator", "On-call administration of the production database"},
	{"AWS account administrator (production)", "Operation of the production AWS accounts"},
	{"Firewall administrator", "Change control of the perimeter firewalls"},
	{"Kubernetes cluster-admin", "Operation of the production Kubernetes clusters"},
	{"Backup operator", "Restores for the service desk"},
	{"SIEM administrator", "Tuning of the security monitoring rules"},
	{"Break-glass account", "Emergency access during a major incident"},
	{"Entra ID Global Administrator", "Tenant administration"},
}

func (s *set) writePrivileges(path string) error {
	r := s.rand("privileges")
	var holders []int
	for i := range s.staff {
		p := &s.staff[i]
		if p.role.privileged && !p.start.After(s.asOf) {
			holders = append(holders, i)
		}
	}
	type grant struct {
		holder                     int
		priv                       int
		granted, notNeeded, revoke time.Time
		sameDayFormula             bool
	}
	grants := make([]grant, 0, s.o.Size.Privileges)
	for g := 0; g < s.o.Size.Privileges && len(holders) > 0; g++ {
		h := holders[r.IntN(len(holders))]
		p := &s.staff[h]
		from := p.start
		if from.Before(s.start) {
			from = s.start
		}
		until := s.asOf
		if !p.end.IsZero() && p.end.Before(until) {
			until = p.end
		}
		gr := grant{holder: h, priv: r.IntN(len(privileges))}
		gr.granted = r.dayIn(from, days(until, -1))
		if p.inPost(s.asOf) && r.chance(shareGrantFuture) {
			gr.granted = days(s.asOf, r.between(1, 20))
			grants = append(grants, gr)
			continue
		}
		// The day the need ended: a change of role, or the holder leaving.
		var ended time.Time
		if r.chance(0.45) && workdays.DaysBetween(gr.granted, until) > 14 {
			gr.notNeeded = r.dayIn(days(gr.granted, 14), until)
			ended = gr.notNeeded
		}
		if !p.inPost(s.asOf) && (ended.IsZero() || p.end.Before(ended)) {
			ended = p.end
		}
		if !ended.IsZero() {
			gr.revoke = ended
			if r.chance(0.3) {
				gr.revoke = s.cal.AddWorkingDays(ended, 1)
			}
			if r.chance(shareGrantLate) {
				gr.revoke = s.cal.AddWorkingDays(ended, r.between(2, 8))
			}
			if gr.revoke.After(s.asOf) {
				gr.revoke = time.Time{}
			}
			gr.sameDayFormula = !gr.notNeeded.IsZero() && gr.revoke.Equal(gr.notNeeded) && r.chance(0.5)
		}
		grants = append(grants, gr)
	}
	slices.SortStableFunc(grants, func(a, b grant) int { return a.granted.Compare(b.granted) })
	sh, err := newSheet("privileges")
	if err != nil {
		return err
	}
	var (
		cID, cStaff, cPriv, cWhy = sh.col("Grant ID"), sh.col("Staff ID"), sh.col("Privilege"), sh.col("Justification")
		cGranted, cNotNeeded     = sh.col("Granted On"), sh.col("No Longer Needed On")
		cRevoked                 = sh.col("Revoked On")
	)
	for i, g := range grants {
		sh.text(cID, fmt.Sprintf("PRV-%05d", i+1))
		sh.text(cStaff, s.staff[g.holder].id)
		sh.text(cPriv, privileges[g.priv].name)
		sh.text(cWhy, privileges[g.priv].why)
		sh.date(cGranted, g.granted)
		sh.date(cNotNeeded, g.notNeeded)
		if g.sameDayFormula {
			sh.dateFormula(cRevoked, sh.ref(cNotNeeded), g.revoke)
		} else {
			sh.date(cRevoked, g.revoke)
		}
		sh.next()
	}
	return sh.close(path)
}
