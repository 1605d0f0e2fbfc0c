package evidence

import (
	"slices"
	"testing"
)

// Every file that nothing reads is listed, lock files aside.
func TestUnread(t *testing.T) {
	staff := xlsx(t, sheet(t, "staff", row(t, "staff", "NS-1")))
	fsys := files{
		"staff.xlsx":          staff,
		"staff.xls":           []byte("old copy"),
		"training.csv":        csvOf(sheet(t, "training"), ","),
		"notes.docx":          []byte("x"),
		"~$staff.xlsx":        []byte("lock"),
		".~lock.staff.xlsx#":  []byte("lock"),
		".git/HEAD":           []byte("ref"),
		".git/config":         []byte("x"),
		"governance.toml":     []byte("[security_policy]\nversion = \"1\"\nlast_reviewed = 2026-01-01\n"),
		"documents/a.pdf":     []byte("%PDF"),
		"old/staff.xlsx":      staff,
		"vulnerability.xlsx":  staff,
		"devices.ods":         []byte("ods"),
		"documents/.DS_Store": []byte("x"),
	}.fs()
	e := Load(fsys, "evidence")
	want := []string{".git/", "documents/.DS_Store", "documents/a.pdf", "notes.docx", "old/staff.xlsx", "staff.xls", "vulnerability.xlsx"}
	if !slices.Equal(e.Unread.Paths, want) || e.Unread.More != 0 {
		t.Errorf("Unread = %q (+%d), want %q", e.Unread.Paths, e.Unread.More, want)
	}
}

// The list is bounded; the rest are counted.
func TestUnreadBounded(t *testing.T) {
	fs := files{}
	for i := range MaxUnread + 5 {
		fs[string(rune('a'+i%26))+"/"+string(rune('a'+i/26%26))+string(rune('a'+i/676))+".txt"] = []byte("x")
	}
	e := Load(fs.fs(), "evidence")
	if len(e.Unread.Paths) != MaxUnread || e.Unread.More != 5 {
		t.Errorf("%d listed, %d more; want %d and 5", len(e.Unread.Paths), e.Unread.More, MaxUnread)
	}
}
