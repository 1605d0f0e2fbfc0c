// Package previous reads a previous review's build — its coverage.json and
// gaps.json — and compares it with this one: which paragraphs changed
// status, which findings are new, resolved or still open, and which
// evidence sources a paragraph gained or lost.
//
// A previous build is untrusted input, read as data and used for nothing
// but the comparison. Reading it is strict about what it uses (every
// finding's id, kind and severity, every paragraph's id and status, the
// as-of date and form, each checked, with the file, line and column of a
// problem) and tolerant of the rest: fields it does not use are skipped, so
// that a later version's files still compare. Everything is bounded: the
// size of a file, the number of findings, paragraphs and sources, and the
// length of every text kept.
package previous

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"time"

	"github.com/agency/evidence-site/generator/rules"
)

// The files of a build that a comparison reads; the build's other files
// (its pages, its own changes.json, its manifest) are ignored.
const (
	CoverageFile = "coverage.json"
	GapsFile     = "gaps.json"
)

// Bounds on a previous build.
const (
	// MaxFileSize is the largest coverage.json or gaps.json read: the
	// largest synthetic set's gaps.json (46,000 findings) is about 20 MB.
	MaxFileSize = 256 << 20
	// MaxFindings is the most findings gaps.json may list.
	MaxFindings = 2_000_000
	// MaxParagraphs is the most paragraphs coverage.json may list; the
	// schedule's longest form has 133.
	MaxParagraphs = 10_000
	// MaxSources is the most evidence sources one paragraph may list.
	MaxSources = 200
	// MaxProblems is the most problems reported; the rest are counted.
	MaxProblems = 100
)

// Texts kept from a previous build are clipped to these many characters
// (runes), an ellipsis marking the cut, so that no page listing them
// grows with a hostile file: this program's own subjects are short and
// its messages under 400 characters.
const (
	MaxSubject = 200
	MaxMessage = 600
	MaxTitle   = 200
)

// Build is what a previous build's coverage.json and gaps.json say.
type Build struct {
	AsOf time.Time
	Form string
	// Paragraphs are coverage.json's, in its order (document order).
	Paragraphs []Paragraph
	// Findings are gaps.json's, in its order (most severe first).
	Findings []Finding
	// Files are the files read, for the manifest.
	Files []File
}

// Paragraph is one paragraph's status in a build.
type Paragraph struct {
	ID, Heading string
	Status      rules.Status
	// Sources are the evidence sources that evidence it, each once, in
	// the file's order.
	Sources []Source
}

// Source is an evidence source of a paragraph: a register, a governance
// section, an evidence item ("item:EV-001").
type Source struct {
	Name, Title string
}

// Finding is one finding of a build.
type Finding struct {
	ID, Paragraph    string
	Kind             rules.Kind
	Severity         rules.Severity
	Subject, Message string
}

// File is a file read: its path as named in problems, size and SHA-256.
type File struct {
	Path   string
	Size   int64
	SHA256 string
}

// Read reads the build in fsys: coverage.json and gaps.json at its root,
// or else in its one folder that holds them (a zip of the output folder
// made by hand holds public/coverage.json). where names fsys in problems
// (the folder or zip given); every problem names its file.
func Read(fsys fs.FS, where string) (*Build, error) {
	dir, err := find(fsys)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, err)
	}
	var data [2][]byte
	var names [2]string
	for i, name := range []string{CoverageFile, GapsFile} {
		p := path.Join(dir, name)
		names[i] = path.Join(where, p)
		if data[i], err = readFile(fsys, p); err != nil {
			return nil, fmt.Errorf("%s: %w", names[i], err)
		}
	}
	return Parse(names[0], data[0], names[1], data[1])
}

// find is the folder of fsys that holds both files: its root, or its one
// folder that does.
func find(fsys fs.FS) (string, error) {
	if both(fsys, ".") {
		return ".", nil
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return "", err
	}
	var found []string
	for _, e := range entries {
		if e.IsDir() && both(fsys, e.Name()) {
			found = append(found, e.Name())
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("no %s and %s here: want the previous build's output folder, its zip, or a folder holding its %s and %s", CoverageFile, GapsFile, CoverageFile, GapsFile)
	}
	return "", fmt.Errorf("folders %q each hold a %s and a %s: name the one to compare with", found, CoverageFile, GapsFile)
}

func both(fsys fs.FS, dir string) bool {
	for _, name := range []string{CoverageFile, GapsFile} {
		if fi, err := fs.Stat(fsys, path.Join(dir, name)); err != nil || fi.IsDir() {
			return false
		}
	}
	return true
}

// readFile reads one file of at most MaxFileSize bytes.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d MiB: more than a build of this program writes", MaxFileSize>>20)
	}
	return data, nil
}

func fileOf(name string, data []byte) File {
	sum := sha256.Sum256(data)
	return File{Path: name, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
}
