package pack

import (
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Check says what Verify checks besides the built files.
type Check struct {
	// Evidence, if set, is the evidence folder, checked against the
	// manifest's list of the evidence the build was made from.
	Evidence fs.FS
	// PublicKey, if set, checks manifest.sig.
	PublicKey ed25519.PublicKey
}

// Result is what Verify found.
type Result struct {
	Fingerprint string
	// Problems lists every difference, a line each, in this order: the
	// signature's, the fingerprint's, "changed: index.html", "missing: ...",
	// "extra: ...", then the evidence's ("evidence changed: staff.xlsx"),
	// each in path order.
	Problems []string
	Files    int  // the files checked
	Signed   bool // manifest.sig was present
}

// OK reports whether everything matched.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Verify checks a built folder (or an opened zip) against its
// manifest.json: every file listed must be there with its size and
// SHA-256, and no other file. The error is for a folder Verify cannot
// check at all (no manifest, or one it cannot read).
func Verify(site fs.FS, c Check) (Result, error) {
	var r Result
	raw, err := fs.ReadFile(site, ManifestFile)
	if err != nil {
		return r, fmt.Errorf("no %s: this is not a built site, or it was built before manifests: %w", ManifestFile, err)
	}
	// The signature is of the manifest's bytes: checked first, so that it
	// is reported even when the manifest no longer parses.
	sig, err := fs.ReadFile(site, SignatureFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if c.PublicKey != nil {
			r.Problems = append(r.Problems, "signature: none ("+SignatureFile+" is missing), but a public key was given")
		}
	case err != nil:
		return r, err
	default:
		r.Signed = true
		if c.PublicKey != nil {
			if err := CheckSignature(c.PublicKey, raw, sig); err != nil {
				r.Problems = append(r.Problems, "signature: "+err.Error())
			}
		}
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return r, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	if m.Format != Format {
		return r, fmt.Errorf("%s: format %q, want %q", ManifestFile, m.Format, Format)
	}
	r.Fingerprint = m.Fingerprint
	if fp, err := m.Build.Fingerprint(); err != nil || fp != m.Fingerprint {
		r.Problems = append(r.Problems, "fingerprint: does not match the manifest's build section, which was changed")
	}
	got, err := HashTree(site, sealFiles)
	if err != nil {
		return r, err
	}
	r.Files = len(got)
	r.Problems = append(r.Problems, compare("", m.Files, got)...)
	if c.Evidence != nil {
		ev, err := HashTree(c.Evidence, Irregular)
		if err != nil {
			return r, fmt.Errorf("evidence: %w", err)
		}
		r.Problems = append(r.Problems, compare("evidence ", m.Build.Evidence, ev)...)
	}
	return r, nil
}

// compare lists the files of want that got lacks or holds otherwise, and
// those got holds that want does not; both are in path order.
func compare(prefix string, want, got []File) []string {
	want = slices.Clone(want) // a changed manifest may list them in any order
	slices.SortFunc(want, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	var changed, missing, extra []string
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || i < len(want) && want[i].Path < got[j].Path:
			missing = append(missing, prefix+"missing: "+want[i].Path)
			i++
		case i == len(want) || got[j].Path < want[i].Path:
			extra = append(extra, prefix+"extra: "+got[j].Path)
			j++
		default:
			if want[i] != got[j] {
				changed = append(changed, fmt.Sprintf("%schanged: %s (%d bytes, SHA-256 %s; the manifest says %d bytes, %s)",
					prefix, got[j].Path, got[j].Size, got[j].SHA256, want[i].Size, want[i].SHA256))
			}
			i++
			j++
		}
	}
	return append(append(changed, missing...), extra...)
}
