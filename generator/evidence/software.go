package evidence

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/agency/evidence-site/generator/diag"
)

// Paragraph ids of Part B paragraph 9.4 (major version upgrades of COTS
// Software).
const (
	ParaSoftware           = "B.9.4"
	ParaSoftwareMitigation = "B.9.4.1"
	ParaSoftwareAgreed     = "B.9.4.2"
)

// Exceptions a software row may claim (the Exception column's choices).
const (
	UpgradeExceptionNone       = "none"
	UpgradeMitigationReduction = "mitigation-reduction"
	UpgradeClientAgreed        = "client-agreed"
)

// Version is a version cell: the text as written and its major version.
// Set is false when the cell is empty; Invalid is true when it could not be
// read or contradicts another cell of the row (already reported).
type Version struct {
	Value   string
	Major   int
	Set     bool
	Invalid bool
	Pos     diag.Pos
}

// Software is one row of the software versions register.
type Software struct {
	ID            string  `col:"Product"`
	Row           Text    `col:"Product"` // the key cell
	Installed     Version `col:"Installed Version"`
	Latest        Version `col:"Latest Version"`
	LatestRelease Date    `col:"Latest Release Date"`
	// Previous is the major version released before the latest, when the
	// register gives it.
	Previous     Version `col:"Previous Major Version"`
	Exception    Text    `col:"Exception"` // canonical choice; unset means none
	ExceptionRef Text    `col:"Exception Reference"`
}

// ExceptionName is the exception claimed: UpgradeExceptionNone when the cell is
// empty or unreadable.
func (s Software) ExceptionName() string {
	if !s.Exception.Set {
		return UpgradeExceptionNone
	}
	return s.Exception.Value
}

// N1Major is the oldest major version that is no more than one below the
// latest (the "n-1 version"): the Previous Major Version when given, else
// the latest major less one.
func (s Software) N1Major() int {
	if s.Previous.Set && !s.Previous.Invalid {
		return s.Previous.Major
	}
	return s.Latest.Major - 1
}

// maxMajorDigits bounds a major version's digits, so that it fits an int
// everywhere and a pasted serial number is not taken for a version.
const maxMajorDigits = 9

// ParseMajor returns the major version of a version string: its first
// numeric component. The trimmed string must be an optional "v" or "V"
// followed by 1 to 9 digits, which are the major; what follows them, if
// anything, must begin with '.', '-', '+', '_', a space or a letter:
//
//	"16.4" -> 16, "v2.11.1" -> 2, "2022" -> 2022, "2022 R2" -> 2022,
//	"24.04 LTS" -> 24, "8u412" -> 8, "17.0.13+11" -> 17, "1.31.4-eks.1" -> 1
//
// Year-numbered versions (2019, 2022, 2025) are majors like any other.
// Rejected: empty text, text that does not start with a number ("latest",
// "tbc", "Windows Server 2022": the product belongs in its own column),
// and a number followed by anything else ("24/04/2026", "1,2").
func ParseMajor(raw string) (int, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, fmt.Errorf("want a version, got nothing")
	}
	rest := s
	if rest[0] == 'v' || rest[0] == 'V' {
		rest = rest[1:]
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, fmt.Errorf("want a version starting with its major number (16.4, v2.11.1, 2022), got %q", s)
	}
	if n > maxMajorDigits {
		return 0, fmt.Errorf("want a version whose major number has at most %d digits, got %q", maxMajorDigits, s)
	}
	if n < len(rest) {
		c := rest[n]
		if !strings.ContainsRune(".-+_ ", rune(c)) && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return 0, fmt.Errorf("want a version such as 16.4, v2.11.1 or 2022 R2, got %q", s)
		}
	}
	major, err := strconv.Atoi(rest[:n])
	if err != nil { // cannot happen: at most 9 digits
		return 0, fmt.Errorf("want a version, got %q", s)
	}
	return major, nil
}

// YearStyle reports whether a major version is a year (Windows Server
// 2022): such majors are not numbered one apart, so the register must say
// which came before the latest.
func YearStyle(major int) bool { return major >= 1990 && major <= 2199 }

func (v *Version) read(r rowReader, col string) {
	v.Major, v.Set, v.Invalid, v.Pos = parsed(r, col, ParseMajor)
	if v.Set {
		v.Value, _, _ = r.raw(col)
	}
}

// crossCheck reports versions that contradict each other, marking the cell
// at fault invalid so that the rules do not judge by it.
func crossCheck(r rowReader, s *Software) {
	in, latest, prev := &s.Installed, &s.Latest, &s.Previous
	if !latest.Set {
		return
	}
	if prev.Set && prev.Major >= latest.Major {
		r.problem(prev.Pos, "Previous Major Version", "%q (major %d) is not below the Latest Version %q (major %d)", prev.Value, prev.Major, latest.Value, latest.Major)
		prev.Invalid = true
	}
	if !in.Set {
		return
	}
	switch {
	case in.Major > latest.Major:
		r.problem(latest.Pos, "Latest Version", "%q (major %d) is older than the Installed Version %q (major %d): the latest release on record is out of date", latest.Value, latest.Major, in.Value, in.Major)
		latest.Invalid = true
	case in.Major < latest.Major && YearStyle(latest.Major) && !prev.Set && !prev.Invalid:
		// Without the previous major, 2022 against 2025 could be n-1 or
		// n-3: the register must say.
		r.problem(latest.Pos, "Latest Version", "%q is numbered by year, so the major released before it need not be %d: give it in a Previous Major Version column (as 2022 before Windows Server 2025), or the Installed Version %q cannot be judged", latest.Value, latest.Major-1, in.Value)
		latest.Invalid = true
	}
}
