package evidence

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// The helpers of the governance TOML tests.

// readOne reads one TOML file, evidence/g.toml, in a folder that also holds
// documents/policy.pdf and documents/smp.pdf (13 bytes each).
func readOne(src string) Documents {
	return loadDocuments(fstest.MapFS{
		"g.toml":               {Data: []byte(src)},
		"documents/policy.pdf": {Data: []byte("%PDF-1.4 tiny")},
		"documents/smp.pdf":    {Data: []byte("%PDF-1.4 tiny")},
	}, "evidence")
}

// problemLines prints problems as "pos: msg".
func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Pos.String()+": "+p.Msg)
	}
	return out
}

// tomlCase is a file, evidence/g.toml, and the problems it gives: each
// "line: message prefix", in order; paras, when not nil, are the
// paragraphs of the first.
type tomlCase struct {
	name  string
	src   string
	want  []string
	paras []string
}

func runTOMLCases(t *testing.T, cases []tomlCase) {
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) { checkTOMLProblems(t, readOne(tt.src), tt.want, tt.paras) })
	}
}

// checkTOMLProblems checks the problems read from evidence/g.toml against want
// and paras as a tomlCase says; every problem must have a line.
func checkTOMLProblems(t *testing.T, docs Documents, want, paras []string) {
	t.Helper()
	got := problemLines(docs.Problems)
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d:\n%s", strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], "evidence/g.toml:"+w) {
			t.Errorf("problem %d: %q, want prefix %q", i, got[i], "evidence/g.toml:"+w)
		}
	}
	if paras != nil && !slices.Equal(docs.Problems[0].Paragraphs, paras) {
		t.Errorf("paragraphs %q, want %q", docs.Problems[0].Paragraphs, paras)
	}
	for _, p := range docs.Problems {
		if p.Pos.File() != "evidence/g.toml" || p.Pos.Line() == 0 {
			t.Errorf("problem %+v: want file and line", p)
		}
	}
}

// completeItem is the keys an [[evidence]] item needs, on five lines, with
// one paragraph.
func completeItem(id, para string) string {
	return "id = \"" + id + "\"\ntitle = \"t\"\nparagraphs = [\"" + para + "\"]\ndate = 2026-01-01\nowner = \"o\"\n"
}

// rootWithLinkOut makes an evidence folder holding files (name ->
// contents) and documents/link.txt, a symbolic link to a file outside it,
// and opens it as the program does, through an os.Root.
func rootWithLinkOut(t *testing.T, files map[string]string) fs.FS {
	t.Helper()
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(ev, "documents"), 0o755))
	for name, data := range files {
		must(os.WriteFile(filepath.Join(ev, name), []byte(data), 0o644))
	}
	must(os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("outside"), 0o644))
	must(os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(ev, "documents", "link.txt")))
	root, err := os.OpenRoot(ev)
	must(err)
	t.Cleanup(func() { root.Close() })
	return root.FS()
}

// sampleDocuments reads the sample's TOML files.
func sampleDocuments(t *testing.T) Documents {
	t.Helper()
	root, err := os.OpenRoot("../../evidence")
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	return loadDocuments(root.FS(), "evidence")
}

// checkPDF checks a classic one-section PDF: header, each xref offset at
// its object, startxref at the xref table, at least one stream, and each
// stream's /Length ending where eol and then "endstream" follow. PDF
// 32000-1 7.3.8.1 does not count the end-of-line before "endstream" (eol
// "\n"); some writers count it (eol "").
func checkPDF(data []byte, eol string) string {
	s := string(data)
	if !strings.HasPrefix(s, "%PDF-1.") || !strings.HasSuffix(s, "%%EOF\n") {
		return "no PDF header or %%EOF"
	}
	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindStringSubmatch(s)
	if m == nil {
		return "no startxref"
	}
	x, _ := strconv.Atoi(m[1])
	if x >= len(s) || !strings.HasPrefix(s[x:], "xref\n") {
		return "startxref does not point at xref"
	}
	entries := regexp.MustCompile(`(\d{10}) 00000 n `).FindAllStringSubmatch(s[x:], -1)
	if len(entries) == 0 {
		return "no objects"
	}
	for i, e := range entries {
		off, _ := strconv.Atoi(e[1])
		if want := strconv.Itoa(i+1) + " 0 obj"; off >= len(s) || !strings.HasPrefix(s[off:], want) {
			return "xref entry " + strconv.Itoa(i+1) + " does not point at its object"
		}
	}
	streams := regexp.MustCompile(`/Length (\d+) >>\nstream\n`).FindAllStringSubmatchIndex(s, -1)
	if len(streams) == 0 {
		return "no content stream"
	}
	for _, m := range streams {
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		if end := m[1] + n; end > len(s) || !strings.HasPrefix(s[end:], eol+"endstream") {
			return "a stream's /Length is wrong"
		}
	}
	return ""
}

// Every TOML file is read; a broken one is one problem and does not hide
// the others; unknown sections and keys are reported with their lines.
func TestLoadDocumentsProblems(t *testing.T) {
	// b-unknown's [[evidence]] items are complete but for the misspelt key.
	fsys := fstest.MapFS{
		"a-broken.toml":  {Data: []byte("[smp]\nversion = \"1\"\nbad line\n")},
		"b-unknown.toml": {Data: []byte("# sections\n[smpp]\nversion = 1\n\n[[evidence]]\ntitel = \"one\"\n" + completeItem("A", "B.2.6") + "[[evidence]]\n\ntitel = \"typo\"\n" + completeItem("B", "B.2.6"))},
		"c-dup.toml":     {Data: []byte("[isms]\n")},
		"d-dup.toml":     {Data: []byte("\n[isms]\n")},
		"notes.txt":      {Data: []byte("not TOML, not read")},
	}
	docs := loadDocuments(fsys, "evidence")
	if want := []string{"evidence/a-broken.toml", "evidence/b-unknown.toml", "evidence/c-dup.toml", "evidence/d-dup.toml"}; !slices.Equal(docs.Files, want) {
		t.Errorf("files %q, want %q", docs.Files, want)
	}
	got := problemLines(docs.Problems)
	want := []string{
		`evidence/a-broken.toml:3`,
		`evidence/b-unknown.toml:2: unknown section "smpp" (did you mean "smp"?)`,
		`evidence/b-unknown.toml:6: unknown key "evidence.titel" (did you mean "title"?)`,
		`evidence/b-unknown.toml:14: unknown key "evidence.titel" (did you mean "title"?)`,
		`evidence/d-dup.toml:2: [isms] is already defined in evidence/c-dup.toml`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q, want prefix %q", i, got[i], want[i])
		}
	}
}

func TestAttach(t *testing.T) {
	fsys := rootWithLinkOut(t, map[string]string{"documents/smp.pdf": "%PDF-1.4 tiny"})
	tests := []struct {
		path    string
		ok      bool
		problem string
	}{
		{"documents/smp.pdf", true, ""},
		{"./documents/smp.pdf", true, ""},
		{"evidence/documents/smp.pdf", true, ""},
		{"../secret.txt", false, "no \"..\""},
		{"documents/../../secret.txt", false, "no \"..\""},
		{"/etc/passwd", false, "not absolute"},
		{"documents\\smp.pdf", false, "inside the evidence folder"},
		{"documents/link.txt", false, "attachment \"documents/link.txt\""},
		{"documents/none.pdf", false, "no such file"},
		{"documents", false, "not a regular file"},
		{"", false, "want a path"},
		{"governance.toml", false, ""},
	}
	for _, tt := range tests {
		docs := &Documents{}
		var total int64
		f := &docFile{fsys: fsys, dir: "evidence", path: "evidence/x.toml", src: []byte("[[evidence]]\nattachments = []\n"), docs: docs, total: &total}
		item := &part{f: f, key: []string{"evidence", "0"}, paras: []string{"B.2.7"}}
		a, ok := item.attach(tt.path, "attachments")
		if ok != tt.ok {
			t.Errorf("attach(%q) ok = %v, want %v (problems %q)", tt.path, ok, tt.ok, problemLines(docs.Problems))
			continue
		}
		if ok {
			if a.Path != "documents/smp.pdf" || a.Size != 13 || len(a.SHA256) != 64 || len(docs.Attachments) != 1 {
				t.Errorf("attach(%q) = %+v", tt.path, a)
			}
			continue
		}
		if len(docs.Problems) != 1 || !strings.Contains(docs.Problems[0].Msg, tt.problem) || docs.Problems[0].Pos.Line() != 2 ||
			!slices.Equal(docs.Problems[0].Paragraphs, []string{"B.2.7"}) {
			t.Errorf("attach(%q): problems %q, want one at line 2 against B.2.7 containing %q", tt.path, problemLines(docs.Problems), tt.problem)
		}
	}
}

// A section is at its own header or, without one, at the first line inside
// it: a sub-table's header or a dotted key; not at a key of the same name
// inside another section.
func TestSectionPos(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  func(Documents) int
		want int
	}{
		{"own header", "[audit_logging.not_applicable_sources]\n[audit_logging]\n", func(d Documents) int { return d.AuditLogging.Pos.Line() }, 2},
		{"sub-table only", "# x\n[representatives.agency]\nname = \"Jo\"\n[representatives.client]\n", func(d Documents) int { return d.Representatives.Pos.Line() }, 2},
		{"dotted keys only", "\nsecurity_policy.version = \"1\"\nsecurity_policy.last_reviewed = 2026-01-01\n", func(d Documents) int { return d.SecurityPolicy.Pos.Line() }, 2},
		{"not inside another section", "[smp]\nrepresentatives.client.name = \"x\"\n[representatives.client]\n", func(d Documents) int { return d.Representatives.Pos.Line() }, 3},
		{"plan header", "[isms.certification]\nname = \"A\"\nrole = \"CIO\"\n[isms]\n", func(d Documents) int { return d.ISMS.Pos.Line() }, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(tt.src)
			if got := tt.pos(docs); got != tt.want {
				t.Errorf("line %d, want %d (problems %q)", got, tt.want, problemLines(docs.Problems))
			}
		})
	}
}

// A key missing from a section with no header of its own is reported at
// the section's first line, not at no line.
func TestMissingKeyInHeaderlessSection(t *testing.T) {
	docs := readOne("# audit logging\n\n[audit_logging.not_applicable_sources]\nrouters = \"none in the design\"\n")
	var missing []string
	for _, p := range docs.Problems {
		if strings.Contains(p.Msg, ": missing:") {
			missing = append(missing, p.Pos.String()+": "+p.Msg)
			if p.Pos.Line() != 3 {
				t.Errorf("%s: want line 3", p.Pos)
			}
		}
	}
	if len(missing) < 3 { // retention_months, sources, events, access_records_kept
		t.Errorf("missing keys reported: %q", missing)
	}
}

// A value that is not the table, or array of tables, a reader expects is
// one problem at its line, and the rest of the section is still read;
// whatever the order the decoder visits the keys in, no key is reported
// as unknown.
func TestWrongShapeKeepsTheSection(t *testing.T) {
	for range 20 { // the decoder visits a table's keys in map order
		docs := readOne("[smp]\nsubmitted = 2025-04-30\nreview = 1\nversion = \"2\"\nchange = [1]\n[security_policy]\nrequest = 1\nversion = \"1\"\nlast_reviewed = 2026-01-01\n")
		checkTOMLProblems(t, docs, []string{
			"3: smp.review: want one table per entry, each headed [[smp.review]]",
			"5: smp.change: want one table per entry, each headed [[smp.change]]",
			"7: security_policy.request: want one table per entry, each headed [[security_policy.request]]",
		}, []string{"A.4.3.1", "B.4.1"})
		if got := docs.Problems[1].Paragraphs; !slices.Equal(got, []string{"A.4.4.3", "B.5.3"}) {
			t.Errorf("paragraphs of the change %q, want its own", got)
		}
		if s := docs.SMP; s == nil || s.Submitted.String() != "2025-04-30" || s.Version.Value != "2" || s.Reviews != nil || s.Changes != nil {
			t.Fatalf("smp %+v", s)
		}
		if p := docs.SecurityPolicy; p == nil || p.Version.Value != "1" || p.Requests != nil {
			t.Fatalf("security policy %+v", p)
		}
	}
}

// The parts the sections share are read alike in each: a wrong value is a
// problem at its line, against the section's paragraphs, about the
// section.
func TestSharedParts(t *testing.T) {
	reviewed := []struct {
		section string
		paras   []string
		get     func(Documents) Reviewed
	}{
		{"security_policy", []string{"B.2.7"}, func(d Documents) Reviewed { return d.SecurityPolicy.Reviewed }},
		{"incident_process", []string{"A.5.1", "B.3.4.4"}, func(d Documents) Reviewed { return d.IncidentProcess.Reviewed }},
		{"vulnerability_policy", []string{"B.3.4.5"}, func(d Documents) Reviewed { return d.VulnerabilityPolicy.Reviewed }},
		{"ceasing_to_trade", []string{"B.Annex1.3.3.2"}, func(d Documents) Reviewed { return d.CeasingToTrade.Reviewed }},
	}
	for _, tt := range reviewed {
		t.Run(tt.section, func(t *testing.T) {
			docs := readOne("[" + tt.section + "]\nversion = \"7\"\nlast_reviewed = 1\ndocuments = [\"documents/policy.pdf\", 2]\nresponse_plans = []\ncovers = []\n")
			var want []string
			if tt.section != "incident_process" {
				want = append(want, `5: unknown key "`+tt.section+`.response_plans"`)
			}
			if tt.section != "vulnerability_policy" {
				want = append(want, `6: unknown key "`+tt.section+`.covers"`)
			}
			want = append([]string{"3: last_reviewed: want a date such as 2025-04-01, got the number 1", "4: documents: want paths in quotes, got 2"}, want...)
			checkTOMLProblems(t, docs, want, tt.paras)
			for _, p := range docs.Problems[:2] {
				if p.Subject != tt.section || !slices.Equal(p.Paragraphs, tt.paras) {
					t.Errorf("problem %+v: want subject %s, paragraphs %q", p, tt.section, tt.paras)
				}
			}
			r := tt.get(docs)
			if r.Version.Value != "7" || r.Version.Pos.Line() != 2 || !r.LastReviewed.Invalid || len(r.Documents) != 1 {
				t.Errorf("reviewed %+v", r)
			}
		})
	}
	// The lifecycle the SMP and the ISMS share, each against its own
	// paragraphs.
	runTOMLCases(t, []tomlCase{
		{"smp approval", "[smp]\napproved = \"x\"\n", []string{`2: approved: want a date such as 2025-04-01, got "x"`}, []string{"A.4.3.2", "B.4.3"}},
		{"isms approval", "[isms]\napproved = \"x\"\n", []string{`2: approved: want a date such as 2025-04-01, got "x"`}, []string{"B.3.1", "B.3.7"}},
		{"smp non-approval", "[smp]\n[[smp.non_approval]]\n", []string{"2: notice: missing"}, []string{"A.4.3.2", "B.4.3"}},
		{"isms non-approval", "[isms]\n[[isms.non_approval]]\n", []string{"2: notice: missing"}, []string{"B.3.7"}},
		{"isms review results", "[isms]\n[[isms.review]]\ncompleted = 2026-01-01\ncovers = []\nimprovements = 1\n", []string{"5: improvements: want text in quotes, got 1"}, []string{"B.5.2"}},
		{"isms change", "[isms]\n[[isms.change]]\ndate = 2026-01-01\nwhat = 1\n", []string{"4: what: want text in quotes, got 1"}, []string{"B.5.3"}},
	})
}

// FuzzLoadDocuments: whatever the TOML text, reading never panics or
// hangs, every problem names the file, and a message; no item is kept
// without an id.
func FuzzLoadDocuments(f *testing.F) {
	for _, src := range []string{
		"[smp]\nversion = \"1\"\n[[evidence]]\nid = \"x\"\n",
		"[[evidence]]\n[[evidence]]\nq = 1\n[x]\n",
		"a = \n",
		// The governance sections.
		"[representatives.client]\nname = \"[insert]\"\nappointed = 2025-01-01\n[representatives.agency]\nname = 1\n",
		"[security_policy]\nversion = \"1\"\nlast_reviewed = 2025-01-01\ndocuments = [\"documents/policy.pdf\", \"../x\"]\n[[security_policy.request]]\nrequested = 2026-01-01\nsupplied = 2025-01-01\n",
		"[incident_process]\nresponse_plans = [1, \"a\"]\nlast_reviewed = \"x\"\n",
		"[vulnerability_policy]\ncovers = [\"identification\", \"x\", 3]\n",
		"[audit_logging]\nretention_months = 1e9\nsources = [\"routers\"]\nnot_applicable_sources = { routers = \"r\", x = 1 }\nevents = []\naccess_records_kept = 1\n",
		"[[data_location]]\nplace = \"x\"\nactivities = \"storage\"\n[[data_location]]\n",
		"[ceasing_to_trade]\nlast_reviewed = 2025-02-30\n",
		"[[evidence]]\nid = \"EV-1\"\nparagraphs = [\n \"B.2.6\",\n 'B.2.5',\n]\ndate = 2026-01-01\nexpires = 2025-01-01\nreview_months = 0\nattachments = \"documents/policy.pdf\"\n[[evidence]]\nid = \"ev-1\"\n",
		"data_location = 1\nevidence = [[1]]\n",
		// The plans.
		"[smp]\nversion = \"1\"\nsubmitted = 2025-04-30\n[[smp.review]]\ncompleted = 2026-01-01\ncovers = [\"threats\"]\nx = 1\n",
		"[smp]\n[[smp.non_approval]]\nnotice = \"2025-05-02\"\nresubmitted = 2025-05-01\n[[smp.non_approval]]\nq = 1\n",
		"[isms]\ntype = \"bespoke\"\n[isms.certification]\nrole = 1\n[[isms.change]]\n[[isms.review]]\ncovers = [1, \"x\"]\n",
		"[isms]\ncertification = 3\nreview = [1]\nchange = \"x\"\n",
		"[smp]\ndocuments = [\"../x\", \"/etc/passwd\", \"documents/smp.pdf\"]\n[smp.review]\n",
		"smp = 1\nisms = []\n",
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		docs := readOne(src)
		for _, p := range docs.Problems {
			t.Log(p.Pos.String() + ": " + p.Msg)
			if p.Msg == "" || p.Pos.File() != "evidence/g.toml" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		for _, it := range docs.Items {
			if it.ID == "" {
				t.Fatalf("item without an id kept: %+v", it)
			}
		}
		_ = docs.ItemsFor("B.2.6")
		_ = docs.Sources()
	})
}

// A key one slip from one its table accepts is named, nested tables too.
func TestUnknownKeyDidYouMean(t *testing.T) {
	fsys := fstest.MapFS{"g.toml": {Data: []byte("[security_policy]\nversion = \"4.2\"\nlast_review = 2025-10-27\n\n[smp.review]\ncompelted = 2025-01-01\n\n[incident_process]\nversion = \"1\"\nowner_name = \"x\"\n")}}
	got := strings.Join(problemLines(loadDocuments(fsys, "evidence").Problems), "\n")
	for _, want := range []string{
		`evidence/g.toml:3: unknown key "security_policy.last_review" (did you mean "last_reviewed"?)`,
		`evidence/g.toml:10: unknown key "incident_process.owner_name"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, `owner_name" (did you mean`) {
		t.Errorf("a suggestion for a key near no other:\n%s", got)
	}
}

// A date in a governance file is a TOML date or "yyyy-mm-dd", as in
// config.toml: "03/11/2025" is not read, though a register cell takes it.
func TestTOMLDateForms(t *testing.T) {
	fsys := fstest.MapFS{"g.toml": {Data: []byte("[security_policy]\nversion = \"4.2\"\nlast_reviewed = \"03/11/2025\"\n")}}
	docs := loadDocuments(fsys, "evidence")
	got := strings.Join(problemLines(docs.Problems), "\n")
	if want := `evidence/g.toml:3: last_reviewed: want a date such as 2025-04-01, got "03/11/2025"`; !strings.Contains(got, want) {
		t.Errorf("no %q in:\n%s", want, got)
	}
	if docs.SecurityPolicy == nil || docs.SecurityPolicy.LastReviewed.Set {
		t.Errorf("last_reviewed read: %+v", docs.SecurityPolicy)
	}
}
