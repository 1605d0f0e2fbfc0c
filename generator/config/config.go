// Package config reads config.toml: the contract, the review and the
// calendar settings that every rule is judged by.
//
// Only [contract] form and start_date are required; every other key has a
// default documented on its field and in README.md.
package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/tomlfile"
	"github.com/agency/evidence-site/generator/workdays"
)

// Config is the validated configuration.
type Config struct {
	Contract Contract
	Review   Review
	Calendar Calendar
	Rules    Rules
	Site     Site
	Publish  Publish
}

// Publish is how the build is published.
type Publish struct {
	// SigningKey is the Ed25519 private key (PEM) that signs the
	// manifest, a path as written: relative paths are to config.toml's
	// folder. "" for no signature.
	SigningKey string
	// Marking is the protective marking (OFFICIAL-SENSITIVE, say) shown at
	// the top and bottom of every page and printed sheet, and first in
	// gaps.csv; "" for none.
	Marking string
	// RedactNames replaces people's names in every output by stable
	// pseudonyms (redact = ["names"]).
	RedactNames bool
}

// Contract describes the contract whose Security Schedule is evidenced.
type Contract struct {
	Name   string // default "Security Schedule"
	Client string // default "the Client"
	Agency string // default "the Agency"
	// Form is "A" (Part A, short form) or "B" (Part B, long form with
	// Annex 1). Required.
	Form string
	// StartDate is the contract's Start Date. Required.
	StartDate time.Time
	// SecurityPolicy is true when the Client required compliance with the
	// Security Policy after a Further Competition. Default false.
	SecurityPolicy bool
	// BespokeISMS is true when the Client stipulated a bespoke ISMS.
	// Default false.
	BespokeISMS bool
	// ReportsFrom is the date, set by the Security Management Plan, from
	// which monthly vulnerability reports are due (B.9.5.5). Default
	// StartDate.
	ReportsFrom time.Time
}

// Review is the review being evidenced.
type Review struct {
	// PeriodStart is the start of the period under review. Default the
	// contract start date.
	PeriodStart time.Time
	// AsOf is the date every rule is judged at. When the file has none,
	// AsOfSet is false and the caller supplies a date (the command line
	// uses --as-of or today, and says so).
	AsOf    time.Time
	AsOfSet bool
	// HorizonDays is how far ahead of the as-of date the Coming due page
	// and deadlines.ics look: the obligations whose deadline falls on the
	// as-of date or in the HorizonDays days after it. A whole number from
	// 1 to MaxHorizonDays. Default DefaultHorizonDays.
	HorizonDays int
	// Previous is the previous review's build to compare with (its
	// output folder, its zip, or a folder holding its coverage.json and
	// gaps.json), a path as written: relative paths are to config.toml's
	// folder. Default "": no comparison.
	Previous string
}

// The default and the bounds of [review] horizon_days.
const (
	DefaultHorizonDays = 90
	MaxHorizonDays     = 730
)

// Calendar chooses the working-day calendar.
type Calendar struct {
	// Region is the bank-holiday region. Default england-and-wales.
	Region workdays.Region
	// ExtraHolidays are further non-working days, e.g. a one-off bank
	// holiday announced after this program was built.
	ExtraHolidays []workdays.Holiday
	// HolidaysFile is a bank holiday file in GOV.UK's format (a copy of
	// https://www.gov.uk/bank-holidays.json), a path as written: relative
	// paths are to config.toml's folder. Its days are the bank holidays of
	// the years it covers; the built-in table gives the others. Default
	// "": the built-in table for every year.
	HolidaysFile string
}

// Rules tunes the rules where the schedule lets the parties agree.
type Rules struct {
	// TrainingCourses lists the course names (matched case-insensitively)
	// that count as training on secure information management
	// (Annex 1 6.4). Default: every course in the training register.
	TrainingCourses []string
	// TrainingIntervalMonths is the agreed interval of that training, in
	// Months (Annex 1 6.4: "undertaken annually", "unless otherwise agreed
	// with the Client in writing"): a whole number from 1 to
	// MaxTrainingIntervalMonths. Default DefaultTrainingIntervalMonths.
	TrainingIntervalMonths int
	// AcceptedAssurance lists further assurance labels of an encryption
	// product that the Client accepts as meeting Annex 1 2.1 (formally
	// assured to at least Foundation Grade), in addition to the NCSC
	// spellings the rule reads itself (CPA Foundation Grade, CAPS...);
	// matched ignoring case, spaces, hyphens and underscores. Default none.
	AcceptedAssurance []string
}

// The default and the bounds of [rules] training_interval_months.
const (
	DefaultTrainingIntervalMonths = 12
	MaxTrainingIntervalMonths     = 60
)

// Site holds presentation settings.
type Site struct {
	// Title is the site's title. Default "<agency>: Security Schedule evidence".
	Title string
}

// file mirrors config.toml. Dates are decoded as any so that both TOML
// dates (2025-04-01) and strings ("2025-04-01") are accepted and every bad
// value is reported, not only the first.
type file struct {
	Contract struct {
		Name           string `toml:"name"`
		Client         string `toml:"client"`
		Agency         string `toml:"agency"`
		Form           string `toml:"form"`
		StartDate      any    `toml:"start_date"`
		SecurityPolicy bool   `toml:"security_policy"`
		BespokeISMS    bool   `toml:"bespoke_isms"`
		ReportsFrom    any    `toml:"reports_from"`
	} `toml:"contract"`
	Review struct {
		PeriodStart any    `toml:"period_start"`
		AsOf        any    `toml:"as_of"`
		HorizonDays any    `toml:"horizon_days"`
		Previous    string `toml:"previous"`
	} `toml:"review"`
	Calendar struct {
		Region        string `toml:"region"`
		ExtraHolidays []struct {
			Date any    `toml:"date"`
			Name string `toml:"name"`
		} `toml:"extra_holidays"`
		HolidaysFile string `toml:"holidays_file"`
	} `toml:"calendar"`
	Rules struct {
		TrainingCourses        []string `toml:"training_courses"`
		TrainingIntervalMonths any      `toml:"training_interval_months"`
		AcceptedAssurance      []string `toml:"accepted_assurance"`
	} `toml:"rules"`
	Site struct {
		Title string `toml:"title"`
	} `toml:"site"`
	Publish struct {
		SigningKey string   `toml:"signing_key"`
		Marking    string   `toml:"marking"`
		Redact     []string `toml:"redact"`
	} `toml:"publish"`
}

// Parse decodes and validates a config file. name is used in problems.
// All problems are returned together, each with its line.
func Parse(name string, src []byte) (*Config, error) {
	var raw file
	f, probs := tomlfile.Decode(name, src, &raw)
	if f == nil {
		// A syntax or type error: nothing decoded is trustworthy.
		return nil, probs.Err()
	}
	c := &Config{}
	rc := raw.Contract
	c.Contract = Contract{
		Name:           orDefault(rc.Name, "Security Schedule"),
		Client:         orDefault(rc.Client, "the Client"),
		Agency:         orDefault(rc.Agency, "the Agency"),
		SecurityPolicy: rc.SecurityPolicy,
		BespokeISMS:    rc.BespokeISMS,
	}
	switch form := strings.ToUpper(strings.TrimSpace(rc.Form)); {
	case !f.IsDefined("contract", "form"):
		probs.Add(diag.At(name, 0, 0), `[contract] form is required: "A" (Part A, short form) or "B" (Part B, long form with Annex 1)`)
	case form == "A" || form == "B":
		c.Contract.Form = form
	default:
		probs.Add(f.Pos("contract", "form"), `form: want "A" or "B", got %q`, rc.Form)
	}
	var ok bool
	if !f.IsDefined("contract", "start_date") {
		probs.Add(diag.At(name, 0, 0), "[contract] start_date is required (a date, e.g. 2025-04-01)")
	} else if c.Contract.StartDate, ok = date(f, &probs, rc.StartDate, "contract", "start_date"); !ok {
		c.Contract.StartDate = time.Time{}
	}
	c.Contract.ReportsFrom = optionalDate(f, &probs, rc.ReportsFrom, c.Contract.StartDate, "contract", "reports_from")
	c.Review.PeriodStart = optionalDate(f, &probs, raw.Review.PeriodStart, c.Contract.StartDate, "review", "period_start")
	if f.IsDefined("review", "as_of") {
		c.Review.AsOf, c.Review.AsOfSet = date(f, &probs, raw.Review.AsOf, "review", "as_of")
	}
	c.Review.HorizonDays = wholeNumber(f, &probs, raw.Review.HorizonDays, 1, MaxHorizonDays, DefaultHorizonDays, "days", "review", "horizon_days")
	if f.IsDefined("review", "previous") {
		if c.Review.Previous = strings.TrimSpace(raw.Review.Previous); c.Review.Previous == "" {
			probs.Add(f.Pos("review", "previous"), "previous: want the previous review's build, e.g. \"../2025/public\" or \"evidence-site-2025.zip\"; leave the key out to compare with none")
		}
	}
	region := orDefault(raw.Calendar.Region, string(workdays.EnglandAndWales))
	if r, err := workdays.ParseRegion(region); err != nil {
		probs.Add(f.Pos("calendar", "region"), "region: %v", err)
	} else {
		c.Calendar.Region = r
	}
	for i, h := range raw.Calendar.ExtraHolidays {
		key := []string{"calendar", "extra_holidays"}
		d, ok := date(f, &probs, h.Date, key...)
		if !ok {
			continue
		}
		name := h.Name
		if name == "" {
			name = fmt.Sprintf("Extra holiday %d", i+1)
		}
		c.Calendar.ExtraHolidays = append(c.Calendar.ExtraHolidays, workdays.Holiday{Date: d, Name: name})
	}
	if f.IsDefined("calendar", "holidays_file") {
		if c.Calendar.HolidaysFile = strings.TrimSpace(raw.Calendar.HolidaysFile); c.Calendar.HolidaysFile == "" {
			probs.Add(f.Pos("calendar", "holidays_file"), "holidays_file: want the name of a bank holiday file in GOV.UK's format, e.g. \"bank-holidays.json\"; leave the key out to use the built-in table")
		}
	}
	c.Rules.TrainingCourses = raw.Rules.TrainingCourses
	c.Rules.TrainingIntervalMonths = wholeNumber(f, &probs, raw.Rules.TrainingIntervalMonths, 1, MaxTrainingIntervalMonths, DefaultTrainingIntervalMonths, "Months", "rules", "training_interval_months")
	for _, a := range raw.Rules.AcceptedAssurance {
		if a = strings.TrimSpace(a); a == "" {
			probs.Add(f.Pos("rules", "accepted_assurance"), "accepted_assurance: an empty name matches no product")
			continue
		}
		c.Rules.AcceptedAssurance = append(c.Rules.AcceptedAssurance, a)
	}
	c.Site.Title = orDefault(raw.Site.Title, c.Contract.Agency+": Security Schedule evidence")
	c.Publish.SigningKey = strings.TrimSpace(raw.Publish.SigningKey)
	c.Publish.Marking = strings.Join(strings.Fields(raw.Publish.Marking), " ")
	for _, what := range raw.Publish.Redact {
		switch strings.ToLower(strings.TrimSpace(what)) {
		case "names":
			c.Publish.RedactNames = true
		default:
			probs.Add(f.Pos("publish", "redact"), `redact: want "names", got %q`, what)
		}
	}
	if !c.Contract.StartDate.IsZero() && c.Review.PeriodStart.Before(c.Contract.StartDate) {
		probs.Add(f.Pos("review", "period_start"), "period_start %s is before the contract start_date %s", c.Review.PeriodStart.Format(time.DateOnly), c.Contract.StartDate.Format(time.DateOnly))
	}
	if c.Review.AsOfSet && c.Review.AsOf.Before(c.Review.PeriodStart) {
		probs.Add(f.Pos("review", "as_of"), "as_of %s is before period_start %s: the review period would hold no day", c.Review.AsOf.Format(time.DateOnly), c.Review.PeriodStart.Format(time.DateOnly))
	}
	if c.Review.AsOfSet && !c.Contract.StartDate.IsZero() && c.Review.AsOf.Before(c.Contract.StartDate) {
		probs.Add(f.Pos("review", "as_of"), "as_of %s is before the contract start_date %s", c.Review.AsOf.Format(time.DateOnly), c.Contract.StartDate.Format(time.DateOnly))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// wholeNumber reads an optional whole number of units from lo to hi: def
// when the key is not set, and a problem at its line when it is set to
// anything else.
func wholeNumber(f *tomlfile.File, probs *diag.List, v any, lo, hi, def int, units string, key ...string) int {
	if !f.IsDefined(key...) {
		return def
	}
	if n, ok := v.(int64); ok && n >= int64(lo) && n <= int64(hi) {
		return int(n)
	}
	got := fmt.Sprint(v)
	if s, ok := v.(string); ok {
		got = fmt.Sprintf("%q", s)
	}
	probs.Add(f.Pos(key...), "%s: want a whole number of %s from %d to %d (default %d), got %s", key[len(key)-1], units, lo, hi, def, got)
	return def
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s == "" {
		return def
	}
	return s
}

func optionalDate(f *tomlfile.File, probs *diag.List, v any, def time.Time, key ...string) time.Time {
	if !f.IsDefined(key...) {
		return def
	}
	d, ok := date(f, probs, v, key...)
	if !ok {
		return def
	}
	return d
}

// date accepts a TOML local date or a "yyyy-mm-dd" string.
func date(f *tomlfile.File, probs *diag.List, v any, key ...string) (time.Time, bool) {
	d, err := tomlfile.Date(v)
	if err != nil {
		probs.Add(f.Pos(key...), "%s: %v", key[len(key)-1], err)
		return time.Time{}, false
	}
	return d, true
}
