package workdays

import (
	"fmt"
	"strings"
)

// Region is a UK bank holiday division, spelt as in GOV.UK's bank holiday
// data (https://www.gov.uk/bank-holidays.json).
type Region string

// The three bank holiday divisions of the UK.
const (
	EnglandAndWales Region = "england-and-wales" // the default
	Scotland        Region = "scotland"
	NorthernIreland Region = "northern-ireland"
)

// Regions returns every Region, the default first.
func Regions() []Region {
	return []Region{EnglandAndWales, Scotland, NorthernIreland}
}

// ParseRegion reads a region as written in configuration. It ignores case and
// surrounding space, and an empty string means the default, England and
// Wales. Anything else is an error that names the accepted values.
func ParseRegion(s string) (Region, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return EnglandAndWales, nil
	}
	for _, r := range Regions() {
		if t == string(r) {
			return r, nil
		}
	}
	return "", unknownRegion(s)
}

func unknownRegion(s string) error {
	return fmt.Errorf("unknown region %q: want %q, %q or %q", s, EnglandAndWales, Scotland, NorthernIreland)
}

// Title returns the region's name for prose, e.g. "England and Wales", or ""
// for an unknown region.
func (r Region) Title() string {
	switch r {
	case EnglandAndWales:
		return "England and Wales"
	case Scotland:
		return "Scotland"
	case NorthernIreland:
		return "Northern Ireland"
	}
	return ""
}

// valid reports whether r is one of the three regions.
func (r Region) valid() bool { return r.Title() != "" }
