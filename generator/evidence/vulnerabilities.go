package evidence

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Paragraph ids of Part B paragraph 9 (Vulnerabilities and fixing them)
// judged from the vulnerability register.
const (
	ParaSeverity       = "B.9.2"
	ParaPatching       = "B.9.3"
	ParaNotExploitable = "B.9.3.1"
	ParaExtension      = "B.9.3.2"
	ParaClientAgreed   = "B.9.3.3"
	ParaPatchDefault   = "B.9.7"
)

// Exceptions to the patching periods (B.9.3.1-B.9.3.3), as written in the
// Exception column.
const (
	PatchNone           = "none"
	PatchNotExploitable = "not-exploitable"
	PatchExtension      = "extension"
	PatchClientAgreed   = "client-agreed"
)

// Vulnerability is one row of the register.
type Vulnerability struct {
	ID               string       `col:"Vulnerability ID"`
	Row              Text         `col:"Vulnerability ID"` // the key cell
	Component        Text         `col:"Component"`
	Severity         SeverityCell `col:"Severity"`
	Released         Date         `col:"Patch Released"`
	Applied          Date         `col:"Patch Applied"`
	Exception        Text         `col:"Exception"` // one of the Patch* exception constants when Set
	ExceptionRef     Text         `col:"Exception Reference"`
	AgreedDays       Days         `col:"Agreed Days"`
	ExploitableSince Date         `col:"Exploitable Since"`
	TestPlanRef      Text         `col:"Test Plan Reference"`
}

// Category is the schedule's severity category of a vulnerability (B.9.2),
// which sets its patching period (B.9.3).
type Category int

// The categories of B.9.2, most severe first; CategoryUnknown is the zero
// value.
const (
	CategoryUnknown Category = iota
	CategoryCritical
	CategoryImportant
	CategoryOther
)

var categoryNames = [...]string{"", "Critical", "Important", "Other"}

func (c Category) String() string {
	if c <= CategoryUnknown || int(c) >= len(categoryNames) {
		return fmt.Sprintf("Category(%d)", int(c))
	}
	return categoryNames[c]
}

// Severity schemes, as named in a Rating.
const (
	SchemeSchedule       = "schedule category"
	SchemeNVD            = "NVD"
	SchemeMicrosoft      = "Microsoft"
	SchemeNVDOrMicrosoft = "NVD or Microsoft"
	SchemeCVSS           = "CVSS base score"
)

// Rating is a severity as given in the register and the schedule category
// it maps to.
type Rating struct {
	Value    string   // the rating in its canonical spelling: "High", "9.8"
	Scheme   string   // one of the Scheme* constants
	Category Category // never CategoryUnknown for a parsed rating
}

// String shows the mapping: "High (NVD) = Critical", "9.8 (CVSS base
// score) = Critical", or "Other (schedule category)" where no mapping is
// needed.
func (r Rating) String() string {
	if r.Scheme == SchemeSchedule {
		return r.Value + " (" + r.Scheme + ")"
	}
	return r.Value + " (" + r.Scheme + ") = " + r.Category.String()
}

// ratingWords maps each scheme's rating words (lower case) to a category.
var ratingWords = map[string]map[string]Category{
	SchemeSchedule:  {"critical": CategoryCritical, "important": CategoryImportant, "other": CategoryOther},
	SchemeNVD:       {"critical": CategoryCritical, "high": CategoryCritical, "medium": CategoryImportant, "low": CategoryOther},
	SchemeMicrosoft: {"critical": CategoryCritical, "important": CategoryImportant, "moderate": CategoryOther, "low": CategoryOther},
}

// bareScheme names the scheme of a rating word given without one: the
// schedule's own words first, then the scheme the word belongs to.
var bareScheme = map[string]string{
	"critical": SchemeSchedule, "important": SchemeSchedule, "other": SchemeSchedule,
	"high": SchemeNVD, "medium": SchemeNVD, "moderate": SchemeMicrosoft, "low": SchemeNVDOrMicrosoft,
}

// schemePrefixes are the scheme names accepted before (or, in brackets,
// after) a rating, in lower case.
var schemePrefixes = map[string]string{
	"nvd": SchemeNVD, "microsoft": SchemeMicrosoft, "ms": SchemeMicrosoft, "msrc": SchemeMicrosoft,
	"cvss": SchemeCVSS, "category": SchemeSchedule,
}

// ParseSeverity reads a severity as the schedule's category, an NVD rating,
// a Microsoft rating or a CVSS base score, and maps it to the schedule's
// category (B.9.2):
//
//	schedule category  Critical, Important, Other          as they are
//	NVD (CVSS v3)      Critical, High / Medium / Low        Critical / Important / Other
//	Microsoft          Critical / Important / Moderate, Low Critical / Important / Other
//	CVSS base score    7.0-10.0 / 4.0-6.9 / 0.0-3.9         Critical / Important / Other
//
// Words are matched ignoring case. A scheme may be named before the rating
// ("NVD High", "Microsoft: Moderate", "CVSS 9.8", "CVSS v3.1 9.8") or in
// brackets after it ("High (NVD)"); a word the named scheme does not use
// ("NVD Important") is an error. A bare "Low" is both an NVD and a
// Microsoft rating, and Other either way. A score has at most one decimal
// place.
func ParseSeverity(raw string) (Rating, error) {
	s := strings.Join(strings.Fields(strings.NewReplacer("(", " ", ")", " ", ":", " ").Replace(raw)), " ")
	fail := func() (Rating, error) {
		return Rating{}, fmt.Errorf("want a severity (Critical, Important, Other; NVD High, Medium, Low; Microsoft Moderate; or a CVSS score 0.0-10.0), got %q", strings.TrimSpace(raw))
	}
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return fail()
	}
	scheme := ""
	switch {
	case len(words) >= 2 && schemePrefixes[words[0]] != "":
		scheme, words = schemePrefixes[words[0]], words[1:]
	case len(words) >= 2 && schemePrefixes[words[len(words)-1]] != "" && strings.HasSuffix(strings.TrimSpace(raw), ")"):
		scheme, words = schemePrefixes[words[len(words)-1]], words[:len(words)-1]
	}
	if scheme == SchemeCVSS && len(words) == 2 && cvssVersion(words[0]) {
		words = words[1:]
	}
	if len(words) != 1 {
		return fail()
	}
	w := words[0]
	if score, ok := cvssScore(w); ok {
		if scheme != "" && scheme != SchemeCVSS && scheme != SchemeNVD {
			return fail()
		}
		return Rating{Value: strconv.FormatFloat(score, 'f', 1, 64), Scheme: SchemeCVSS, Category: scoreCategory(score)}, nil
	}
	switch scheme {
	case "":
		scheme = bareScheme[w]
	case SchemeCVSS:
		scheme = SchemeNVD // CVSS's qualitative ratings are NVD's
	}
	lookup := scheme
	if scheme == SchemeNVDOrMicrosoft {
		lookup = SchemeNVD
	}
	c, ok := ratingWords[lookup][w]
	if !ok {
		return fail()
	}
	return Rating{Value: strings.ToUpper(w[:1]) + w[1:], Scheme: scheme, Category: c}, nil
}

// cvssScore reads a CVSS base score: a plain decimal from 0 to 10 with at
// most one decimal place (allowing for a spreadsheet's float noise, as in
// 9.8000000000000007).
func cvssScore(s string) (float64, bool) {
	if s == "" || !decimal(s) || strings.ContainsAny(s, "eE+") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f > 10 || math.IsNaN(f) {
		return 0, false
	}
	tenths := math.Round(f * 10)
	if math.Abs(f*10-tenths) > 1e-6 {
		return 0, false
	}
	return tenths / 10, true
}

func scoreCategory(score float64) Category {
	switch {
	case score >= 7:
		return CategoryCritical
	case score >= 4:
		return CategoryImportant
	}
	return CategoryOther
}

// cvssVersion reports whether s names a CVSS version: 2, 3, 3.0, 3.1, 4,
// 4.0, with or without a leading v.
func cvssVersion(s string) bool {
	switch strings.TrimPrefix(s, "v") {
	case "2", "2.0", "3", "3.0", "3.1", "4", "4.0":
		return true
	}
	return false
}
