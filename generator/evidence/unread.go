package evidence

import (
	"io/fs"
	"slices"
	"strings"
)

// MaxUnread is how many unread files are listed; the rest are counted.
const MaxUnread = 1000

// Unread is what the evidence folder holds that nothing read: a file no
// register, TOML section or attachment names (notes.docx, staff.xls beside
// staff.xlsx, a misnamed register), listed so that no file is passed over
// in silence.
type Unread struct {
	// Paths are slash paths relative to the evidence folder, sorted, at
	// most MaxUnread; a folder whose files are all unread and hidden (.git)
	// is one entry ending in "/".
	Paths []string
	// More is how many more there are.
	More int
}

// LockFile reports whether name is an office suite's lock file, which an
// open workbook leaves beside itself: Excel's ~$staff.xlsx, LibreOffice's
// .~lock.staff.xlsx#.
func LockFile(name string) bool {
	return strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#")
}

// findUnread lists the files of fsys that nothing read.
func (e *Evidence) findUnread(fsys fs.FS, dir string) {
	read := map[string]bool{}
	rel := func(p string) string {
		if dir == "" {
			return p
		}
		return strings.TrimPrefix(p, dir+"/")
	}
	for _, r := range e.Registers {
		for _, n := range r.named {
			read[n] = true
		}
	}
	for _, f := range e.Documents.Files {
		read[rel(f)] = true
	}
	for _, a := range e.Documents.Attachments {
		read[a.Path] = true
	}
	var u Unread
	add := func(p string) {
		if len(u.Paths) < MaxUnread {
			u.Paths = append(u.Paths, p)
		} else {
			u.More++
		}
	}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p != "." {
				add(p) // cannot be listed: not read either
			}
			return nil
		case p == ".":
			return nil
		case d.IsDir() && strings.HasPrefix(d.Name(), "."):
			if !anyRead(read, p) {
				add(p + "/")
			}
			return fs.SkipDir
		case d.IsDir() || LockFile(d.Name()) || read[p]:
			return nil
		}
		add(p)
		return nil
	})
	slices.Sort(u.Paths)
	e.Unread = u
}

// anyRead reports whether a file read is inside folder dir.
func anyRead(read map[string]bool, dir string) bool {
	for p := range read {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}
