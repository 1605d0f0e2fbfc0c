package schedule

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

const contentDir = "../../content"

func loadContent(t *testing.T) *Schedule {
	t.Helper()
	s, err := Load(os.DirFS(contentDir), sources)
	if err != nil {
		t.Fatalf("Load(%s):\n%v", contentDir, err)
	}
	return s
}

func expectedIDs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			ids = append(ids, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// diffIDs describes how got differs from want: missing, extra, duplicate
// and out-of-order ids.
func diffIDs(got, want []string) []string {
	var problems []string
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
		if seen[id] == 2 {
			problems = append(problems, "duplicate "+id)
		}
	}
	for _, id := range want {
		if seen[id] == 0 {
			problems = append(problems, "missing "+id)
		}
	}
	for _, id := range got {
		if !slices.Contains(want, id) {
			problems = append(problems, "unexpected "+id)
		}
	}
	if len(problems) == 0 && !slices.Equal(got, want) {
		for i := range got {
			if got[i] != want[i] {
				problems = append(problems, "out of order from position "+got[i]+" (want "+want[i]+")")
				break
			}
		}
	}
	return problems
}

func TestLoadContent(t *testing.T) {
	s := loadContent(t)
	want := expectedIDs(t)
	if len(want) != 182 {
		t.Fatalf("testdata/ids.txt has %d ids, want 182", len(want))
	}
	var got []string
	for _, p := range s.Paragraphs {
		got = append(got, p.ID)
	}
	for _, p := range diffIDs(got, want) {
		t.Error(p)
	}

	count := map[string]int{}
	for _, p := range s.Paragraphs {
		count[p.Part]++
		if strings.HasPrefix(p.ID, "B.Annex1.") {
			count["annex"]++
		}
		if p.Parent != "" {
			q, ok := s.Lookup(p.Parent)
			if !ok {
				t.Errorf("%s: parent %s does not exist", p.ID, p.Parent)
			} else if q.Depth != p.Depth-1 {
				t.Errorf("%s: depth %d, parent's %d", p.ID, p.Depth, q.Depth)
			}
		} else if p.Depth != 0 {
			t.Errorf("%s: depth %d without a parent", p.ID, p.Depth)
		}
	}
	if count["A"] != 49 || count["B"] != 133 || count["annex"] != 25 {
		t.Errorf("counts: Part A %d, Part B %d, Annex 1 %d; want 49, 133, 25", count["A"], count["B"], count["annex"])
	}
	for _, tc := range []struct {
		form string
		n    int
	}{{"A", 49}, {"B", 133}, {"C", 0}, {"", 0}} {
		if n := len(s.Form(tc.form)); n != tc.n {
			t.Errorf("Form(%q): %d paragraphs, want %d", tc.form, n, tc.n)
		}
	}
	if f := s.Form("B"); len(f) == 133 && (f[0].ID != "B.1.1" || f[108].ID != "B.Annex1.1.1" || f[108].Weight != 109 || f[132].Weight != 133) {
		t.Errorf("Form(B): first %s, 109th %s (weight %d), last weight %d", f[0].ID, f[108].ID, f[108].Weight, f[132].Weight)
	}
	wantParts := []PartInfo{
		{ID: "A", Title: "Part A: Short Form Security Requirements", Prefix: "A", Dir: "part-a"},
		{ID: "B", Title: "Part B: Long Form Security Requirements", Prefix: "B", Dir: "part-b"},
		{ID: "B", Title: "Part B – Annex 1: Baseline security requirements", Prefix: "B.Annex1", Dir: "part-b-annex-1"},
	}
	if !slices.Equal(s.Parts, wantParts) {
		t.Errorf("Parts:\n got %+v\nwant %+v", s.Parts, wantParts)
	}
	if !strings.HasPrefix(s.Intro, "[Guidance Note: Client to Select") {
		t.Errorf("Intro = %.40q…", s.Intro)
	}
}

func TestLoadContentDetails(t *testing.T) {
	s := loadContent(t)
	tests := []struct {
		id      string
		number  string
		parent  string
		depth   int
		weight  int
		section []Heading
		file    string
	}{
		{"A.1.1", "1.1", "", 0, 1, []Heading{{"1", "Definitions", "A.1"}}, "part-a/01-definitions/1.1.md"},
		{"A.1.1(b)", "(b)", "A.1.1", 1, 3, []Heading{{"1", "Definitions", "A.1"}}, "part-a/01-definitions/1.1-b.md"},
		{"A.4.3.1", "4.3.1", "", 0, 26, []Heading{{"4", "Security Management Plan", "A.4"}, {"4.3", "Development of the Security Management Plan", "A.4.3"}},
			"part-a/04-security-management-plan/4.3-development-of-the-security-management-plan/4.3.1.md"},
		{"A.5.2.1(d)", "(d)", "A.5.2.1", 2, 48, []Heading{{"5", "Security breach", "A.5"}}, "part-a/05-security-breach/5.2.1-d.md"},
		{"B.9.3.2", "9.3.2", "B.9.3", 1, 93, []Heading{{"9", "Vulnerabilities and fixing them", "B.9"}}, "part-b/09-vulnerabilities-and-fixing-them/9.3.2.md"},
		{"B.3.4.3(j)", "(j)", "B.3.4.3", 2, 32, []Heading{{"3", "Information Security Management System (ISMS)", "B.3"}}, "part-b/03-information-security-management-system-isms/3.4.3-j.md"},
		{"B.Annex1.6.4", "6.4", "", 0, 126, []Heading{{"Annex 1", "Baseline security requirements", "B.Annex1"}, {"6", "Security of Agency Staff", "B.Annex1.6"}},
			"part-b-annex-1/06-security-of-agency-staff/6.4.md"},
		{"B.Annex1.8.1.2", "8.1.2", "B.Annex1.8.1", 1, 131, []Heading{{"Annex 1", "Baseline security requirements", "B.Annex1"}, {"8", "Audit", "B.Annex1.8"}},
			"part-b-annex-1/08-audit/8.1.2.md"},
	}
	for _, tc := range tests {
		p, ok := s.Lookup(tc.id)
		if !ok {
			t.Errorf("Lookup(%s): not found", tc.id)
			continue
		}
		if p.Number != tc.number || p.Parent != tc.parent || p.Depth != tc.depth || p.Weight != tc.weight || p.File != tc.file || !slices.Equal(p.Section, tc.section) {
			t.Errorf("%s: got number %q parent %q depth %d weight %d file %s section %v\nwant number %q parent %q depth %d weight %d file %s section %v",
				tc.id, p.Number, p.Parent, p.Depth, p.Weight, p.File, p.Section, tc.number, tc.parent, tc.depth, tc.weight, tc.file, tc.section)
		}
		if p.BodyLine < 2 || p.Body == "" {
			t.Errorf("%s: body line %d, body %q", tc.id, p.BodyLine, p.Body)
		}
	}
	if _, ok := s.Lookup("B.10.1"); ok {
		t.Error("Lookup(B.10.1) found a paragraph")
	}
}

// TestClassification pins the classifications the brief prescribes, so that
// an edit to content/ that changes one is noticed.
func TestClassification(t *testing.T) {
	s := loadContent(t)
	evidence := map[string][]string{
		"B.Annex1.6.1": {"staff"}, "B.Annex1.6.2": {"staff"}, "B.Annex1.6.3": {"staff"},
		"B.Annex1.6.4": {"staff", "training"}, "B.Annex1.6.5": {"staff", "privileges"},
		"B.9.3": {"vulnerabilities"}, "B.9.5.5": {"vulnerability-reports"}, "B.9.4": {"software"},
		"B.Annex1.2.1": {"devices"}, "B.Annex1.2.2": {"devices"}, "B.6.1": {"security-tests"},
		"B.8.1": {"incidents"}, "B.4.1": {"smp"}, "B.3.1": {"isms"},
		"B.Annex1.8.3": {"audit-logging"}, "B.2.3": {"representatives"}, "B.2.7": {"security-policy"},
		"B.3.4.5": {"vulnerability-policy"}, "B.Annex1.3.1": {"data-locations"},
		"B.Annex1.3.3.2": {"ceasing-to-trade"},
		"A.1.1":          {}, "B.1.1(a)": {}, "A.2.3": {}, "B.9.7": {},
	}
	for id, want := range evidence {
		p, ok := s.Lookup(id)
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		if !slices.Equal(p.Evidence, want) {
			t.Errorf("%s: evidence %q, want %q", id, p.Evidence, want)
		}
	}
	applies := map[string]string{
		"A.2.3": AppliesSecurityPolicy, "A.2.4": AppliesSecurityPolicy, "A.2.5": AppliesSecurityPolicy,
		"A.3.2.4": AppliesSecurityPolicy, "A.4.4.1(c)": AppliesSecurityPolicy,
		"B.3.4.3(d)": AppliesSecurityPolicy, "B.5.1.4": AppliesSecurityPolicy,
		"B.3.3.2": AppliesBespokeISMS, "B.3.4.1": AppliesBespokeISMS, "B.3.7": AppliesBespokeISMS,
		"B.3.3.1": AppliesNotBespokeISMS,
	}
	for _, p := range s.Paragraphs {
		if want := applies[p.ID]; p.AppliesIf != want {
			t.Errorf("%s: applies_if %q, want %q", p.ID, p.AppliesIf, want)
		}
	}
	// Partly conditional paragraphs stay unconditional but say why.
	for _, id := range []string{"A.2.2", "A.4.2.1(f)", "A.5.3", "B.4.2.2", "B.7.1"} {
		if p, _ := s.Lookup(id); p.AppliesNote == "" {
			t.Errorf("%s: unconditional, but applies_note does not say why", id)
		}
	}
	slips := []string{"B.5.1.3", "B.5.1.5", "B.3.7", "B.9.5.4", "B.7.3", "B.6.4", "B.4.2.1",
		"B.2.3.1", "B.2.3.2", "B.3.4.3(e)", "B.3.4.3(g)", "B.Annex1.3.1"}
	for _, id := range slips {
		if p, _ := s.Lookup(id); p.DraftingNote == "" {
			t.Errorf("%s: no drafting_note", id)
		}
	}
	for _, p := range s.Paragraphs {
		if p.Section[len(p.Section)-1].Title == "Definitions" && (p.Obligation || p.Party != PartyNone || len(p.Evidence) > 0) {
			t.Errorf("%s: a definition creates no obligation", p.ID)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"B.Annex1.6.4", "B-Annex1-6-4"},
		{"A.4.2.1(c)", "A-4-2-1-c"},
		{"B.9.3", "B-9-3"},
		{"B.3.4.3(j)", "B-3-4-3-j"},
		{"", ""},
		{"..a..", "a"},
		{"é.1", "1"},
	}
	for _, tc := range tests {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Slugs are file names: they must be unique.
	s := loadContent(t)
	seen := map[string]string{}
	for _, p := range s.Paragraphs {
		if other, dup := seen[Slug(p.ID)]; dup {
			t.Errorf("Slug(%s) = Slug(%s)", p.ID, other)
		}
		seen[Slug(p.ID)] = p.ID
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []string{
		"plain text",
		"1. not a list",
		"12) nor this",
		"- nor this",
		"+ nor this",
		"# not a heading",
		"> not a quote",
		"= not an underline",
		": not a definition",
		"*not emphasis* and _not_ either, nor __this__",
		"`not code`",
		"<b>not html</b> & not &amp; an entity",
		"[insert name] and [a](b) and [c][d] and [e]: f and [^1]",
		"a | b | c and ~~not struck~~",
		`back\slash and trailing\`,
		"‘curly’ “quotes” and \"straight\" ones",
		"https://www.ncsc.gov.uk/guidance/end-user-device-security",
	}
	for _, in := range tests {
		md := EscapeMarkdown(in)
		got := plainBlocks(t, md)
		if len(got) != 1 || got[0] != in {
			t.Errorf("EscapeMarkdown(%q) = %q renders as %q", in, md, got)
		}
	}
	if got := EscapeMarkdown("[insert security representative of the Client]"); got != "[insert security representative of the Client]" {
		t.Errorf("placeholders should stay readable, got %q", got)
	}
}
