package pack

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
)

// Format names the manifest's layout.
const Format = "evidence-site manifest 1"

// Manifest is manifest.json.
type Manifest struct {
	Format string `json:"format"`
	Build  Build  `json:"build"`
	// Fingerprint is the SHA-256 of Build as JSON: what the build was
	// made from, and so, with the same generator, what it wrote. The
	// pages show it; they cannot show a hash of the files they are in.
	Fingerprint string `json:"fingerprint"`
	// Files are every file the build wrote but the manifest and its
	// signature, in path order.
	Files []File `json:"files"`
}

// Build is what a build was made from.
type Build struct {
	Generator Generator `json:"generator"`
	AsOf      string    `json:"as_of"`
	Config    File      `json:"config"` // its path as given, relative to the project when inside it
	// Evidence is every file of the evidence folder, paths relative to it.
	Evidence []File `json:"evidence"`
	// Project holds a TreeSum of each of content/, layouts/ and static/.
	Project Project `json:"project"`
	// Holidays is the bank holiday file of [calendar] holidays_file, its
	// path as written in the configuration; nil (and left out, so that a
	// build without one keeps its fingerprint) when there is none.
	Holidays *File `json:"holidays,omitempty"`
	// Previous are the previous review's coverage.json and gaps.json, the
	// build compared with, their paths as named in the configuration or
	// on the command line; nil (and left out) when there is none.
	Previous []File `json:"previous,omitempty"`
}

// Generator is the program that built: its module, version and VCS
// revision as the Go toolchain recorded them ("" when not recorded, as
// under go run).
type Generator struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Revision string `json:"revision"`
	Modified bool   `json:"modified"`
}

// Project is the project's own files, each folder as one TreeSum.
type Project struct {
	Content string `json:"content"`
	Layouts string `json:"layouts"`
	Static  string `json:"static"`
}

// Fingerprint is the SHA-256 of b as JSON.
func (b Build) Fingerprint() (string, error) {
	data, err := json.Marshal(b)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// ProjectSums hashes the project's content/, layouts/ and static/.
func ProjectSums(project fs.FS) (Project, error) {
	var p Project
	for _, d := range []struct {
		dir string
		sum *string
	}{{"content", &p.Content}, {"layouts", &p.Layouts}, {"static", &p.Static}} {
		sub, err := fs.Sub(project, d.dir)
		if err != nil {
			return p, err
		}
		files, err := HashTree(sub, nil)
		if err != nil {
			return p, fmt.Errorf("%s: %w", d.dir, err)
		}
		*d.sum = TreeSum(files)
	}
	return p, nil
}

// sealFiles passes over the manifest and its signature.
func sealFiles(p string, _ fs.DirEntry) bool { return p == ManifestFile || p == SignatureFile }

// Seal lists every file of the built folder out and returns the files to
// add to it: manifest.json and, with a key, manifest.sig.
func Seal(b Build, out fs.FS, key ed25519.PrivateKey) (map[string][]byte, error) {
	fp, err := b.Fingerprint()
	if err != nil {
		return nil, err
	}
	files, err := HashTree(out, sealFiles)
	if err != nil {
		return nil, err
	}
	m := Manifest{Format: Format, Build: b, Fingerprint: fp, Files: files}
	if m.Build.Evidence == nil {
		m.Build.Evidence = []File{}
	}
	if m.Files == nil {
		m.Files = []File{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	add := map[string][]byte{ManifestFile: buf.Bytes()}
	if key != nil {
		add[SignatureFile] = Sign(key, buf.Bytes())
	}
	return add, nil
}
