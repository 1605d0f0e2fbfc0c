package rules

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/agency/evidence-site/generator/evidence"
)

// A finding's ID lasts while the finding concerns the same thing. It is
// the SHA-256 of what the finding is about, never of where a row happens
// to be, of a date or of the message's words:
//
//   - the paragraph and the kind of finding (violation, invalid, ...);
//   - the evidence it is in: the register's name (staff, whether read from
//     staff.xlsx or staff.csv), the governance evidence (any TOML file,
//     so moving a section between files changes nothing), or the file;
//   - the subject (a Staff ID, a vulnerability, a section), ignoring case
//     and surrounding space;
//   - for a register cell, the column's name (Criminal Record Check),
//     wherever the column is in the sheet.
//
// So rows reordered or added above, a later as-of date, or reworded
// messages keep every ID; another subject, paragraph, kind or column is
// another finding. Findings alike in all of these (two problems in one
// TOML section for one paragraph, two rows of one subject in a register
// that repeats keys) are told apart by their order in the file: the
// second is the first's ID with "-2", and so on.

// idLength is the hex digits of an ID: 48 bits, so that a million
// findings share one by chance about once in half a million builds; a
// shared one is still told apart, by a suffix.
const idLength = 12

// findingKey is what a finding is about, as its ID hashes it.
func findingKey(f Finding, regs map[string]*evidence.Register) string {
	file := f.Pos.File()
	scope, aspect := path.Base(file), ""
	switch r := regs[file]; {
	case r != nil:
		scope = "register:" + r.Schema.Name
		if f.Pos.HasCell() {
			aspect = r.ColumnAt(f.Pos.Col())
		}
	case strings.HasSuffix(file, ".toml"):
		scope = "documents"
	case file == "":
		scope = ""
	}
	return strings.Join([]string{f.Paragraph, string(f.Kind), scope, strings.ToUpper(strings.TrimSpace(f.Subject)), aspect}, "\x00")
}

// assignIDs gives every finding its ID.
func assignIDs(fs []Finding, ev *evidence.Evidence) {
	regs := map[string]*evidence.Register{}
	for _, r := range ev.Registers {
		regs[r.Path] = r
	}
	type keyed struct {
		i   int
		key string
	}
	ks := make([]keyed, len(fs))
	for i := range fs {
		ks[i] = keyed{i, findingKey(fs[i], regs)}
	}
	// Alike findings are numbered in the order of their positions.
	slices.SortStableFunc(ks, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.key, b.key), fs[a.i].Pos.Compare(fs[b.i].Pos))
	})
	seen := map[string]int{}
	for j, k := range ks {
		sum := sha256.Sum256([]byte(k.key))
		id := "F-" + hex.EncodeToString(sum[:])[:idLength]
		if j > 0 && ks[j-1].key == k.key || seen[id] > 0 {
			seen[id]++
			id += "-" + strconv.Itoa(seen[id])
		} else {
			seen[id] = 1
		}
		fs[k.i].ID = id
	}
}
