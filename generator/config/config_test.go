package config

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/workdays"
)

func TestParseDefaults(t *testing.T) {
	c, err := Parse("config.toml", []byte("[contract]\nform = \"b\"\nstart_date = 2025-04-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	start := workdays.Date(2025, time.April, 1)
	checks := []struct {
		name      string
		got, want any
	}{
		{"form upper-cased", c.Contract.Form, "B"},
		{"start", c.Contract.StartDate, start},
		{"period_start defaults to start", c.Review.PeriodStart, start},
		{"reports_from defaults to start", c.Contract.ReportsFrom, start},
		{"as_of unset", c.Review.AsOfSet, false},
		{"region", c.Calendar.Region, workdays.EnglandAndWales},
		{"holidays file", c.Calendar.HolidaysFile, ""},
		{"name", c.Contract.Name, "Security Schedule"},
		{"agency", c.Contract.Agency, "the Agency"},
		{"title", c.Site.Title, "the Agency: Security Schedule evidence"},
		{"security policy", c.Contract.SecurityPolicy, false},
		{"bespoke", c.Contract.BespokeISMS, false},
		{"horizon", c.Review.HorizonDays, DefaultHorizonDays},
	}
	for _, ch := range checks {
		if ch.got != ch.want {
			t.Errorf("%s: got %v, want %v", ch.name, ch.got, ch.want)
		}
	}
}

func TestParseFull(t *testing.T) {
	src := `
[contract]
name = "C"
client = "Dept"
agency = "Agency Ltd"
form = "A"
start_date = "2025-04-01"
security_policy = true
bespoke_isms = true
reports_from = 2025-05-01

[review]
period_start = 2025-10-01
as_of = 2026-03-31

[calendar]
region = "Scotland"
extra_holidays = [{ date = 2026-06-05, name = "One-off" }]
holidays_file = " data/bank-holidays.json "

[rules]
training_courses = ["SIM"]

[site]
title = "T"

[publish]
signing_key = " keys/site.key "
marking = "  OFFICIAL-SENSITIVE   PERSONAL "
redact = ["Names"]
`
	c, err := Parse("config.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Contract.Form != "A" || !c.Contract.SecurityPolicy || !c.Contract.BespokeISMS || c.Site.Title != "T" {
		t.Errorf("contract/site: %+v %+v", c.Contract, c.Site)
	}
	if !c.Review.AsOfSet || !c.Review.AsOf.Equal(workdays.Date(2026, 3, 31)) {
		t.Errorf("as_of: %+v", c.Review)
	}
	if !c.Review.PeriodStart.Equal(workdays.Date(2025, 10, 1)) || !c.Contract.ReportsFrom.Equal(workdays.Date(2025, 5, 1)) {
		t.Errorf("dates: %+v %+v", c.Review, c.Contract)
	}
	if c.Calendar.Region != workdays.Scotland || len(c.Calendar.ExtraHolidays) != 1 || c.Calendar.ExtraHolidays[0].Name != "One-off" || c.Calendar.HolidaysFile != "data/bank-holidays.json" {
		t.Errorf("calendar: %+v", c.Calendar)
	}
	if len(c.Rules.TrainingCourses) != 1 {
		t.Errorf("rules: %+v", c.Rules)
	}
	if c.Publish.SigningKey != "keys/site.key" || c.Publish.Marking != "OFFICIAL-SENSITIVE PERSONAL" || !c.Publish.RedactNames {
		t.Errorf("publish: %+v", c.Publish)
	}
}

// Every problem is reported in one run, each with its line.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // substrings, each expected in the error
	}{
		{"syntax error", "[contract\nform = \"B\"\n", []string{"config.toml:2:10: expected '.' or ']'"}},
		{"wrong type", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\nsecurity_policy = \"yes\"\n", []string{`config.toml:4: security_policy: want true or false, got "yes"`}},
		{"missing required", "[contract]\nname = \"x\"\n", []string{"form is required", "start_date is required"}},
		{"bad values all reported", "[contract]\nform = \"C\"\nstart_date = \"1 April\"\n[review]\nas_of = \"tomorrow\"\n[calendar]\nregion = \"wales\"\n",
			[]string{`config.toml:2: form: want "A" or "B", got "C"`, `config.toml:3: start_date: want a date`, `config.toml:5: as_of: want a date`, `config.toml:7: region:`}},
		{"unknown keys with lines", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\nfrom = 1\n[extra]\na = 1\n",
			[]string{`config.toml:4: unknown key "contract.from"`, `config.toml:5: unknown key "extra"`}},
		{"date-time rejected", "[contract]\nform = \"B\"\nstart_date = 2025-04-01T10:00:00\n", []string{"config.toml:3", "date-time"}},
		{"as_of before start", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[review]\nas_of = 2025-01-01\n", []string{"config.toml:5", "before the contract start_date"}},
		{"unknown redaction", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[publish]\nredact = [\"names\", \"emails\"]\n", []string{`config.toml:5: redact: want "names", got "emails"`}},
		{"did you mean", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\nstartdate = 2025-04-01\n[reveiw]\nas_of = 2026-01-01\n[calendar]\nextra_holidays = [{ date = 2026-06-05, nmae = \"x\" }]\n",
			[]string{`config.toml:4: unknown key "contract.startdate" (did you mean "start_date"?)`, `config.toml:5: unknown key "reveiw" (did you mean "review"?)`, `config.toml:8: unknown key "calendar.extra_holidays.nmae" (did you mean "name"?)`}},
		{"UK date text is not a TOML date", "[contract]\nform = \"B\"\nstart_date = \"03/11/2025\"\n", []string{`config.toml:3: start_date: want a date such as 2025-04-01, got "03/11/2025"`}},
		{"bad extra holiday", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[calendar]\nextra_holidays = [{ date = \"soon\" }]\n", []string{"config.toml:5", "want a date"}},
		{"blank holidays file", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[calendar]\nholidays_file = \" \"\n", []string{"config.toml:5: holidays_file: want the name of a bank holiday file"}},
		{"blank previous build", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[review]\nprevious = \"\"\n", []string{"config.toml:5: previous: want the previous review's build"}},
		{"holidays file not text", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[calendar]\nholidays_file = true\n", []string{"config.toml:5"}},
		{"holidays file misspelt", "[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[calendar]\nholiday_file = \"bank-holidays.json\"\n", []string{`config.toml:5: unknown key "calendar.holiday_file"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("config.toml", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; config %+v", c)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
		})
	}
}

// The shipped config.toml parses.
func TestShippedConfig(t *testing.T) {
	src := mustRead(t, "../../config.toml")
	c, err := Parse("config.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Contract.Form != "B" || !c.Review.AsOfSet {
		t.Errorf("sample config: form %q, as_of set %v", c.Contract.Form, c.Review.AsOfSet)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("[contract]\nform = \"B\"\nstart_date = 2025-04-01\n"))
	f.Add([]byte("[contract]\nform = 1\n[calendar]\nextra_holidays = [{date=1}]"))
	f.Add(mustRead(f, "../../config.toml"))
	f.Fuzz(func(t *testing.T, src []byte) {
		c, err := Parse("config.toml", src)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if c.Contract.Form != "A" && c.Contract.Form != "B" {
			t.Fatalf("accepted form %q", c.Contract.Form)
		}
		if c.Contract.StartDate.IsZero() {
			t.Fatal("accepted a config with no start date")
		}
		if n := c.Rules.TrainingIntervalMonths; n < 1 || n > MaxTrainingIntervalMonths {
			t.Fatalf("accepted a training interval of %d Months", n)
		}
		if n := c.Review.HorizonDays; n < 1 || n > MaxHorizonDays {
			t.Fatalf("accepted a horizon of %d days", n)
		}
	})
}

// parseRules parses a config whose [rules] table holds rules (line 5 on):
// the config, or nil after checking that the error says wantErr.
func parseRules(t *testing.T, rules, wantErr string) *Config {
	t.Helper()
	c, err := Parse("config.toml", []byte("[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[rules]\n"+rules+"\n"))
	switch {
	case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
		t.Fatalf("error %v, want %q", err, wantErr)
	case wantErr != "":
		return nil
	case err != nil:
		t.Fatal(err)
	}
	return c
}

// [rules] accepted_assurance adds labels to the NCSC spellings the rule
// reads itself: none by default, an empty list is none too, and an empty
// name is an error.
func TestAcceptedAssurance(t *testing.T) {
	tests := []struct {
		name    string
		rules   string
		want    []string
		wantErr string
	}{
		{"default: none", "", nil, ""},
		{"added", `accepted_assurance = [" Common Criteria EAL4+ ", "ISO 19790 Level 3"]`, []string{"Common Criteria EAL4+", "ISO 19790 Level 3"}, ""},
		{"empty list: none", "accepted_assurance = []", nil, ""},
		{"blank name", `accepted_assurance = ["Common Criteria EAL4+", " "]`, nil, "config.toml:5: accepted_assurance: an empty name matches no product"},
		{"not a list", `accepted_assurance = "CPA Foundation Grade"`, nil, "config.toml:5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := parseRules(t, tt.rules, tt.wantErr)
			if c != nil && !slices.Equal(c.Rules.AcceptedAssurance, tt.want) {
				t.Errorf("AcceptedAssurance = %q, want %q", c.Rules.AcceptedAssurance, tt.want)
			}
		})
	}
}

// [rules] training_interval_months: the agreed interval of Annex 1 6.4
// training, a whole number of Months from 1 to 60, default 12.
func TestTrainingIntervalMonths(t *testing.T) {
	for _, tt := range []struct {
		rules   string
		want    int
		wantErr string
	}{
		{"", 12, ""},
		{"training_interval_months = 24", 24, ""},
		{"training_interval_months = 1", 1, ""},
		{"training_interval_months = 60", 60, ""},
		{"training_interval_months = 0", 0, "config.toml:5: training_interval_months: want a whole number of Months from 1 to 60 (default 12), got 0"},
		{"training_interval_months = 61", 0, "got 61"},
		{"training_interval_months = -12", 0, "got -12"},
		{"training_interval_months = 12.5", 0, "got 12.5"},
		{`training_interval_months = "12"`, 0, `got "12"`},
	} {
		t.Run(tt.rules, func(t *testing.T) {
			c := parseRules(t, tt.rules, tt.wantErr)
			if c != nil && c.Rules.TrainingIntervalMonths != tt.want {
				t.Errorf("TrainingIntervalMonths = %d, want %d", c.Rules.TrainingIntervalMonths, tt.want)
			}
		})
	}
}

// [review] horizon_days: how far ahead the Coming due page looks, a whole
// number of days from 1 to 730, default 90; anything else is an error at
// its line.
func TestHorizonDays(t *testing.T) {
	for _, tt := range []struct {
		review  string
		want    int
		wantErr string
	}{
		{"", 90, ""},
		{"horizon_days = 1", 1, ""},
		{"horizon_days = 30", 30, ""},
		{"horizon_days = 730", 730, ""},
		{"horizon_days = 0", 0, "config.toml:5: horizon_days: want a whole number of days from 1 to 730 (default 90), got 0"},
		{"horizon_days = 731", 0, "config.toml:5: horizon_days: want a whole number of days from 1 to 730 (default 90), got 731"},
		{"horizon_days = -5", 0, "got -5"},
		{"horizon_days = 90.5", 0, "got 90.5"},
		{`horizon_days = "90"`, 0, `got "90"`},
		{"horizon_days = true", 0, "config.toml:5: horizon_days"},
	} {
		t.Run(tt.review, func(t *testing.T) {
			c, err := Parse("config.toml", []byte("[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[review]\n"+tt.review+"\n"))
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			case c.Review.HorizonDays != tt.want:
				t.Errorf("HorizonDays = %d, want %d", c.Review.HorizonDays, tt.want)
			}
		})
	}
}
