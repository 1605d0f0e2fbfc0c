package diag

import (
	"fmt"
	"strings"
	"unicode"

	edlib "github.com/hbollon/go-edlib"
)

// Closest returns the option that got is most likely a slip for: the one
// at the smallest edit distance (a swap of two neighbours counting as
// one edit) once both are folded (case, spaces,
// hyphens and underscores ignored), if that distance is small for the
// option's length (a third of it, at least 1, at most 3) and no other
// option is as close. "Criminal Records Check" is Criminal Record Check,
// "last_review" is last_reviewed; "tbc" is nothing.
func Closest(got string, options []string) (string, bool) {
	g := fold(got)
	if g == "" {
		return "", false
	}
	best, bestDist, tie := "", -1, false
	for _, o := range options {
		f := fold(o)
		if f == "" {
			continue
		}
		d := edlib.OSADamerauLevenshteinDistance(g, f)
		if d > min(max(len([]rune(f))/3, 1), 3) {
			continue
		}
		switch {
		case bestDist < 0 || d < bestDist:
			best, bestDist, tie = o, d, false
		case d == bestDist && o != best:
			tie = true
		}
	}
	if bestDist < 0 || tie {
		return "", false
	}
	return best, true
}

// DidYouMean is ` (did you mean "x"?)` when got is close to one option
// (see Closest), else "": to end a message about a value not understood.
func DidYouMean(got string, options []string) string {
	if o, ok := Closest(got, options); ok {
		return fmt.Sprintf(" (did you mean %q?)", o)
	}
	return ""
}

func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}
