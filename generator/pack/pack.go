// Package pack makes the build verifiable: manifest.json lists what a
// build was made from (the generator, the configuration, every evidence
// file, the project's content, layouts and static files) and every file
// it wrote, each with its size and SHA-256; manifest.sig, when a signing
// key is given, is an Ed25519 signature of manifest.json. Verify checks a
// built folder or zip against its manifest, and the evidence against the
// manifest's inputs. WriteZip bundles a built folder into a zip that is
// byte-identical for the same inputs.
package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// The files a build writes about itself, which its manifest cannot list.
const (
	ManifestFile  = "manifest.json"
	SignatureFile = "manifest.sig"
)

// File is one file: its slash path within its folder, size and SHA-256.
type File struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// HashTree hashes every regular file under fsys, in path order, except
// those skip (if not nil) passes over. A symbolic link or other special
// file that skip does not pass over is an error.
func HashTree(fsys fs.FS, skip func(path string, d fs.DirEntry) bool) ([]File, error) {
	var out []File
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || (skip != nil && skip(p, d)) {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		f, err := HashFile(fsys, p)
		if err != nil {
			return err
		}
		out = append(out, f)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) && len(out) == 0 {
		return nil, nil // no such folder: nothing in it
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, err
}

// HashFile hashes one file of fsys.
func HashFile(fsys fs.FS, name string) (File, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return File{Path: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// Irregular passes over every file that is not a regular file: the
// evidence reader refuses a symbolic link (it may lead out of the evidence
// folder) and reports it, so it is not an input.
func Irregular(_ string, d fs.DirEntry) bool { return !d.Type().IsRegular() }

// TreeSum is one SHA-256 for a list of files: of a line `"path" size sha256`
// for each, in path order.
func TreeSum(files []File) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%q %d %s\n", f.Path, f.Size, f.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}
