package evidence

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/tomlfile"
)

// Bounds on governance evidence: TOML files are small; attachments are
// copied into the site, so each is bounded and so is their total.
const (
	MaxTOMLSize       = 4 << 20
	MaxAttachmentSize = 64 << 20
	MaxAttachments    = 512 << 20
)

// Documents is the governance evidence: every evidence/*.toml file.
type Documents struct {
	Files []string // the TOML files read, as printed in positions

	SMP  *SMP  // [smp]: the Security Management Plan (Part A 4, Part B 4, 5)
	ISMS *ISMS // [isms]: the ISMS (Part B 3, 5)

	Representatives     *Representatives     // [representatives] (B.2.3)
	SecurityPolicy      *SecurityPolicy      // [security_policy] (B.2.7)
	IncidentProcess     *IncidentProcess     // [incident_process] (B.3.4.4)
	VulnerabilityPolicy *VulnerabilityPolicy // [vulnerability_policy] (B.3.4.5)
	AuditLogging        *AuditLogging        // [audit_logging] (Annex 1 7, 8)
	DataLocations       []DataLocation       // [[data_location]] (Annex 1 3.1)
	CeasingToTrade      *CeasingToTrade      // [ceasing_to_trade] (Annex 1 3.3.2)
	Items               []Item               // [[evidence]]: general evidence items

	// Attachments are the files under the evidence folder that the
	// documents attach, each once, sorted by path.
	Attachments []Attachment
	// Problems are the problems found in the TOML files.
	Problems Problems

	itemIDs map[string]diag.Pos // upper-cased item id -> its first definition
}

// Attachment is a file under the evidence folder that a document attaches.
type Attachment struct {
	Path   string // slash path relative to the evidence folder
	Size   int64
	SHA256 string // hex
}

// section reads one top-level table, or array of tables, of the TOML files.
type section struct {
	name  string
	array bool // [[name]]: may appear many times, in any file
	read  func(f *docFile, key string, p toml.Primitive)
	// source is the evidence source the section provides (none for the
	// general items, whose source is DocumentSource), and present says
	// whether the files provided it.
	source  SourceInfo
	present func(d *Documents) bool
}

// sections lists every top-level key the TOML files may hold: the section
// table.
func sections() []section {
	return []section{
		{"smp", false, readSMP, SourceInfo{"smp", "SMP", "Security Management Plan records"},
			func(d *Documents) bool { return d.SMP != nil }},
		{"isms", false, readISMS, SourceInfo{"isms", "ISMS", "ISMS records"},
			func(d *Documents) bool { return d.ISMS != nil }},
		{"representatives", false, readRepresentatives, SourceInfo{"representatives", "Representatives", "the security representatives"},
			func(d *Documents) bool { return d.Representatives != nil }},
		{"security_policy", false, readSecurityPolicy, SourceInfo{"security-policy", "Security policy", "the Agency's security policy"},
			func(d *Documents) bool { return d.SecurityPolicy != nil }},
		{"incident_process", false, readIncidentProcess, SourceInfo{"incident-process", "Incident process", "the incident management process and response plans"},
			func(d *Documents) bool { return d.IncidentProcess != nil }},
		{"vulnerability_policy", false, readVulnerabilityPolicy, SourceInfo{"vulnerability-policy", "Vulnerability policy", "the vulnerability management policy"},
			func(d *Documents) bool { return d.VulnerabilityPolicy != nil }},
		{"audit_logging", false, readAuditLogging, SourceInfo{"audit-logging", "Audit logging", "the audit logging sources and retention"},
			func(d *Documents) bool { return d.AuditLogging != nil }},
		{"data_location", true, readDataLocations, SourceInfo{"data-locations", "Data locations", "the data locations and legal regimes"},
			func(d *Documents) bool { return len(d.DataLocations) > 0 }},
		{"ceasing_to_trade", false, readCeasingToTrade, SourceInfo{"ceasing-to-trade", "Ceasing to trade", "the ceasing-to-trade process"},
			func(d *Documents) bool { return d.CeasingToTrade != nil }},
		{"evidence", true, readItems, SourceInfo{}, nil},
	}
}

// docFile is one TOML file being read.
type docFile struct {
	fsys  fs.FS
	dir   string // the evidence folder as printed
	path  string // as printed in positions
	src   []byte
	md    toml.MetaData
	docs  *Documents
	total *int64 // bytes of attachments read so far, across files
	// index finds the line of every key, built on first use.
	index    *tomlfile.Index
	srcLines []string
	// keys are the keys each table read accepts, by key path (indices
	// left out), for "did you mean".
	keys map[string][]string
}

// idx is the file's key index, built on first use.
func (f *docFile) idx() *tomlfile.Index {
	if f.index == nil {
		f.index = tomlfile.NewIndex(f.src)
	}
	return f.index
}

// lines are the file's lines, split on first use.
func (f *docFile) lines() []string {
	if f.srcLines == nil {
		f.srcLines = strings.Split(string(f.src), "\n")
	}
	return f.srcLines
}

// loadDocuments reads every *.toml file at the top of the evidence folder,
// in name order. A file that does not parse is one problem; the other files
// are still read. A singleton section defined in two files is a problem in
// the second.
func loadDocuments(fsys fs.FS, dir string) Documents {
	var docs Documents
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		docs.Problems.add(diag.At(dir, 0, 0), "", nil, "cannot list the TOML files: %v", err)
		return docs
	}
	slices.Sort(names)
	var total int64
	first := map[string]string{} // singleton section -> file that defined it
	for _, name := range names {
		p := path.Join(dir, name)
		docs.Files = append(docs.Files, p)
		src, err := readLimited(fsys, name, MaxTOMLSize)
		if err != nil {
			docs.Problems.add(diag.At(p, 0, 0), "", nil, "cannot read: %v", err)
			continue
		}
		// Every top-level value decodes into a Primitive: the only error
		// is a syntax error, a toml.ParseError.
		var top map[string]toml.Primitive
		md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&top)
		if err != nil {
			pos, msg, ok := tomlfile.SyntaxError(p, err)
			if !ok {
				pos, msg = diag.At(p, 0, 0), err.Error()
			}
			docs.Problems.add(pos, "", nil, "%s", msg)
			continue
		}
		f := &docFile{fsys: fsys, dir: dir, path: p, src: src, md: md, docs: &docs, total: &total}
		known := map[string]bool{}
		for _, s := range sections() {
			known[s.name] = true
			prim, ok := top[s.name]
			if !ok {
				continue
			}
			if !s.array {
				if other, dup := first[s.name]; dup {
					docs.Problems.add(f.pos(s.name), "", nil, "[%s] is already defined in %s: define each section once", s.name, other)
					continue
				}
				first[s.name] = p
			}
			s.read(f, s.name, prim)
		}
		for _, k := range slices.Sorted(maps.Keys(top)) {
			if !known[k] {
				docs.Problems.add(f.pos(k), "", nil, "unknown section %q%s: want one of %s", k, diag.DidYouMean(k, sectionKeys()), sectionNames())
			}
		}
		f.reportUndecoded(known)
	}
	slices.SortFunc(docs.Attachments, func(a, b Attachment) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(docs.Problems, func(a, b Problem) int { return a.Pos.Compare(b.Pos) })
	return docs
}

func sectionKeys() []string {
	var keys []string
	for _, s := range sections() {
		keys = append(keys, s.name)
	}
	return keys
}

func sectionNames() string {
	var names []string
	for _, s := range sections() {
		n := "[" + s.name + "]"
		if s.array {
			n = "[[" + s.name + "]]"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}

// reportUndecoded reports keys inside known sections that no reader took.
func (f *docFile) reportUndecoded(known map[string]bool) {
	seen := map[string]int{}
	for _, k := range f.md.Undecoded() {
		if len(k) < 2 || !known[k[0]] {
			continue // unknown sections are reported whole
		}
		parent := toml.Key(k[:len(k)-1]).String()
		f.docs.Problems.add(f.keyInArray(k, seen[k.String()]), "", nil, "unknown key %q%s", k.String(), diag.DidYouMean(k[len(k)-1], f.keys[parent]))
		seen[k.String()]++
	}
}

// keyInArray finds the line of an undecoded key. The decoder names keys in
// arrays of tables without their index ("evidence.titel",
// "smp.review.complted"), once per element that has it: this finds the nth
// definition of it in the file's index.
func (f *docFile) keyInArray(k toml.Key, nth int) diag.Pos {
	line, exact := f.idx().Line(k)
	if n, ok := f.idx().Nth(k, nth); !exact && ok {
		line = n
	}
	return diag.At(f.path, line, 0)
}

// pos is the position of a key path, e.g. pos("smp", "approved") or
// pos("evidence", "2", "title"): the line defining it, or else the line
// of the nearest table or key enclosing it, or else the first line inside
// that table (a section written only as [audit_logging.sub] has no line
// of its own: a key missing from it is shown at its first line).
func (f *docFile) pos(key ...string) diag.Pos {
	line, _ := f.idx().Line(key)
	for i := len(key) - 1; line == 0 && i > 0; i-- {
		line, _ = f.idx().Within(key[:i])
	}
	return diag.At(f.path, line, 0)
}

// attach checks an attachment path, written at key name in t, and records
// the file: it must be a relative path inside the evidence folder (no
// "..", not absolute, no symbolic link out: the evidence fs.FS enforces
// that), exist, and keep within the size bounds. It returns the attachment
// and whether it is usable.
func (t *part) attach(p string, name string) (Attachment, bool) {
	f, pos := t.f, t.pos(name)
	clean := strings.TrimPrefix(strings.ReplaceAll(p, "\\", "/"), "./")
	if strings.HasPrefix(clean, f.dir+"/") {
		clean = strings.TrimPrefix(clean, f.dir+"/") // "evidence/docs/x.pdf" names the same file
	}
	if p == "" || !fs.ValidPath(clean) || path.IsAbs(p) || strings.Contains(p, "\\") {
		t.problem(pos, "attachment %q: want a path inside the evidence folder, such as \"documents/smp.pdf\" (no \"..\", not absolute)", p)
		return Attachment{}, false
	}
	if strings.HasSuffix(clean, ".toml") {
		t.problem(pos, "attachment %q: a TOML evidence file cannot be an attachment", p)
		return Attachment{}, false
	}
	fi, err := fs.Stat(f.fsys, clean)
	if err != nil {
		t.problem(pos, "attachment %q: %v", p, friendly(err))
		return Attachment{}, false
	}
	if !fi.Mode().IsRegular() {
		t.problem(pos, "attachment %q: not a regular file", p)
		return Attachment{}, false
	}
	if fi.Size() > MaxAttachmentSize {
		t.problem(pos, "attachment %q: larger than %d MiB", p, MaxAttachmentSize>>20)
		return Attachment{}, false
	}
	for _, a := range f.docs.Attachments {
		if a.Path == clean {
			return a, true
		}
	}
	if *f.total+fi.Size() > MaxAttachments {
		t.problem(pos, "attachment %q: the attachments together exceed %d MiB", p, MaxAttachments>>20)
		return Attachment{}, false
	}
	data, err := readLimited(f.fsys, clean, MaxAttachmentSize)
	if err != nil {
		t.problem(pos, "attachment %q: %v", p, friendly(err))
		return Attachment{}, false
	}
	*f.total += int64(len(data))
	sum := sha256.Sum256(data)
	a := Attachment{Path: clean, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
	f.docs.Attachments = append(f.docs.Attachments, a)
	return a, true
}

// friendly shortens file errors for messages.
func friendly(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file in the evidence folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than %d MiB", limit>>20)
	}
	return data, nil
}

// Sources lists the evidence sources that the documents provide, in the
// order of the section table.
func (d *Documents) Sources() []string {
	var out []string
	for _, s := range sections() {
		if s.present != nil && s.present(d) {
			out = append(out, s.source.Name)
		}
	}
	return out
}
