package pack

import (
	"archive/zip"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"time"
)

// zipTime is every entry's time: the same inputs give the same bytes.
var zipTime = time.Date(1980, time.January, 1, 0, 0, 0, 0, time.UTC)

// WriteZip writes every file of fsys into one zip: entries in path order,
// the same time and permissions on each, no directory entries, so that
// the same folder always gives the same bytes.
func WriteZip(w io.Writer, fsys fs.FS) error {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return err
	}
	slices.Sort(names)
	zw := zip.NewWriter(w)
	for _, name := range names {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime}
		h.SetMode(0o644)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(fw, f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return zw.Close()
}

// Bounds on a zip that Verify opens: it is untrusted input.
const (
	MaxZipEntries   = 200_000
	MaxZipEntrySize = 1 << 30 // 1 GiB unpacked, one entry
	MaxZipTotalSize = 8 << 30 // 8 GiB unpacked, all entries
)

// OpenZip opens a zip as a file system, refusing one whose entries leave
// it (absolute paths, ..) or that unpacks beyond the bounds above.
func OpenZip(path string) (*zip.ReadCloser, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable zip: %w", path, err)
	}
	if err := checkZip(&zr.Reader); err != nil {
		zr.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return zr, nil
}

func checkZip(zr *zip.Reader) error {
	if len(zr.File) > MaxZipEntries {
		return fmt.Errorf("%d entries: more than the %d this program opens", len(zr.File), MaxZipEntries)
	}
	var total uint64
	for _, f := range zr.File {
		if !fs.ValidPath(f.Name) {
			return fmt.Errorf("entry %q: not a path inside the zip", f.Name)
		}
		if f.UncompressedSize64 > MaxZipEntrySize {
			return fmt.Errorf("entry %s unpacks to %d bytes: more than %d", f.Name, f.UncompressedSize64, uint64(MaxZipEntrySize))
		}
		total += f.UncompressedSize64
		if total > MaxZipTotalSize {
			return fmt.Errorf("unpacks to more than %d bytes", uint64(MaxZipTotalSize))
		}
	}
	return nil
}
