// Package model is the site's view model: plain structs and sorted slices
// built from the configuration, the schedule, the evidence and the
// evaluation. It does no I/O and reads no clock; the site package renders
// it and nothing else.
package model

import (
	"strconv"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/rules"
)

// Site is everything the site shows.
type Site struct {
	Title    string
	Contract Contract
	Review   Review
	Counts   Counts
	// Earlier are the findings set aside as before the review period:
	// done late, but before it began. They count nowhere; the gaps list's
	// first page lists them apart.
	Earlier []Finding
	// Severities counts findings by severity, most severe first.
	Severities []Count
	// Kinds counts findings by kind.
	Kinds      []Count
	Parts      []Part
	Paragraphs []*Paragraph // the selected form, document order
	Findings   []Finding    // most severe first
	// Checks holds every check once; paragraphs, rows and documents
	// point into it.
	Checks    []Check
	Registers []*Register
	// Sources are the matrix's columns: every register, then the other
	// evidence kinds the form's paragraphs expect.
	Sources  []Source
	Calendar Calendar
	// Intro is the schedule's opening guidance note (Markdown).
	Intro string
	// Marking is the protective marking, "" for none.
	Marking string
	// Redaction says what was redacted: the fields whose values were
	// replaced, and how many people's names; nil when nothing was.
	Redaction *Redaction
	// Fingerprint is the SHA-256 of what the build was made from, as its
	// manifest.json records it; "" when not built through the command.
	Fingerprint string
	// Rules describes every rule, for the method page.
	Rules []Rule
	// Documents is the governance evidence (evidence/*.toml).
	Documents Documents
	// Unread lists the evidence folder's files that nothing read.
	Unread evidence.Unread
	// Unreadable lists the registers supplied but not readable at all:
	// every paragraph that depends on them is a gap.
	Unreadable []Unreadable
	// Coming is what falls due within the horizon after the as-of date.
	Coming Coming
	// Changes is what changed since the previous review's build; nil when
	// none was given.
	Changes *Changes
}

// Redaction is what a redacted build replaced.
type Redaction struct {
	Fields []string // the fields that name people
	Names  int      // the names found in them, each replaced by a pseudonym
}

// Unreadable is a register that could not be read, and why.
type Unreadable struct {
	Title, Path, Href, Reason string
}

// Rule describes one rule.
type Rule struct {
	Paragraphs []Link // the paragraphs of the form it checks
	Register   *Link  // the register it reads, if any
	Text       string
}

// Contract is the contract as configured.
type Contract struct {
	Name, Client, Agency string
	Form                 string // "A" or "B"
	FormTitle            string
	StartDate            string
	SecurityPolicy       bool
	BespokeISMS          bool
}

// Review is the review's dates.
type Review struct {
	PeriodStart string
	AsOf        string
	// AsOfSource says where the as-of date came from: "config.toml",
	// "--as-of" or "today".
	AsOfSource string
}

// Calendar describes the working-day calendar used.
type Calendar struct {
	Region   string
	Holidays []Holiday // within the review period and up to a year after
	// Years are the calendar years judged, in order: from the year of the
	// contract's start date (or of the review period's start, if earlier)
	// to the year after the as-of date, since deadlines run forward.
	Years []CalendarYear
}

// CalendarYear is where one year's bank holidays came from.
type CalendarYear struct {
	Year int
	// Source is "GOV.UK file" and the file's name, or "built-in table".
	Source string
	// BankHolidays is the number of the region's bank holidays that
	// year, extra holidays not included.
	BankHolidays int
}

// Holiday is one non-working day.
type Holiday struct{ Date, Weekday, Name string }

// Counts are the paragraph statuses.
type Counts struct {
	Total, Covered, Gap, Missing, Info, NA int
	// Checked and Attested split Covered by what it rests on.
	Checked, Attested int
	// Assessable is Total less Info and NA; CoveredPct its covered share.
	Assessable int
	CoveredPct int
}

// Count is a label and a number, for small tables and charts.
type Count struct {
	Label string
	N     int
	// Href, for a severity or kind, is the page of the gaps list that
	// shows its first finding.
	Href string
	// Pct is N as a whole percentage of the largest count in its list,
	// for bar widths.
	Pct int
}

// Part is a Part of the schedule with its sections, for the schedule page.
type Part struct {
	Title    string
	Sections []Section
}

// Section is a run of paragraphs under one heading path.
type Section struct {
	Headings   []Heading // the headings that start here (outermost first)
	Paragraphs []*Paragraph
}

// Heading is a section heading.
type Heading struct {
	Number, Title, Anchor string
	Level                 int
}

// Paragraph is one paragraph's page.
type Paragraph struct {
	ID, Slug, Number, Title string
	Part                    string
	Section                 string // "9. Vulnerabilities and fixing them › 9.3 ..."
	Depth                   int
	Parent                  *Link
	Children                []Link
	Prev, Next              *Link
	Obligation              bool
	Party                   string
	Evidence                []string // evidence kinds expected, as titles
	Status                  rules.Status
	Basis                   rules.Basis // for a covered paragraph: checked or attested
	Checked                 int         // the checks behind it, whatever their outcome
	Reason                  string
	AppliesNote             string
	DraftingNote            string
	Body                    string // Markdown, trusted (our content)
	Items                   bool   // the body has an items marker
	Findings                []*Finding
	Checks                  []*Check
	// Listed are the checks the paragraph's table lists: all of them, or,
	// past PageRows, only those that do not simply meet it; Tally then
	// counts them all by source.
	Listed      []*Check
	Tally       []Tally
	Sources     []SourceRef      // registers, documents and items that evidence it
	Attachments []AttachmentLink // files attached to the items that evidence it
	Source      string           // content file
}

// Tally counts one source's checks of a paragraph by outcome.
type Tally struct {
	Source         Link // the register or document page
	OK, Gap, Other int
}

// Pages is the number of pages the paragraph's tables take.
func (p *Paragraph) Pages() int { return max(PageCount(len(p.Findings)), PageCount(len(p.Listed))) }

// SourceRef names a register that evidences a paragraph.
type SourceRef struct {
	Name, Title, File, Href string
}

// Link is a link to a page.
type Link struct {
	Label, Href, Title string
}

// Finding is one finding, for the gaps list and paragraph pages.
type Finding struct {
	// Before: set aside, as done (late) before the review period began.
	Before bool
	// ID names the finding across builds (rules/ids.go); Href is its row
	// on its page of the gaps list, whose anchor is the ID.
	ID, Href      string
	Paragraph     string
	ParagraphHref string
	Kind          rules.Kind
	Severity      rules.Severity
	Subject       string
	SubjectHref   string
	Message       string
	Pos           diag.Pos
}

// Check is one check of a register row, a document or an evidence item
// for one paragraph: the rule's check, with the links the site gives it.
// Its dates, margin and position are formatted when printed, not held as
// text, so that half a million checks cost little more than the rules'.
type Check struct {
	*rules.Check
	ParagraphHref string
	Row           *Row // the register row of its subject, if shown
}

// SubjectHref links to the row of the check's subject, "" if none.
func (c *Check) SubjectHref() string {
	if c.Row == nil {
		return ""
	}
	return c.Row.Href()
}

// Register is one register's page.
type Register struct {
	Name, Title, File, Sheet, Key string
	// OnlySheet: Sheet is not the name the register asks for (SheetWanted),
	// but the workbook's only sheet, read whatever it is called.
	OnlySheet   bool
	SheetWanted string
	// CSV: the register was read from a CSV file.
	CSV        bool
	UniqueKey  bool // one row a key: rows are named by key, else by sheet row
	Href       string
	Present    bool
	Rows       int
	Columns    []Column
	Header     []string
	Data       []Row
	Problems   []*Finding
	Paragraphs []Link
}

// Column documents one register column.
type Column struct {
	Name, Type, Doc string
	Required        bool
	Paragraphs      []string
}

// Row is one register row with its outcomes per paragraph: the
// evidence's row (its key, key cell and cells), not a copy. Its anchor
// and link are made when printed, not held for every row.
type Row struct {
	*evidence.DataRow
	reg    *Register
	page   int32         // the register's page that shows it
	Status rules.Outcome // worst outcome across its checks; "" if none
	Checks []*Check
}

// SetRows makes the register's rows, one for each of the evidence's rows.
func (r *Register) SetRows(data []evidence.DataRow) {
	r.Data = make([]Row, len(data))
	for i := range data {
		r.Data[i] = Row{DataRow: &data[i], reg: r, page: int32(PageOf(i))}
	}
}

// Anchor is the row's anchor on its page: by key where each key has one
// row, else by sheet row.
func (r *Row) Anchor() string {
	if r.reg.UniqueKey {
		return RowAnchor(r.Key)
	}
	return "row-" + strconv.Itoa(r.Pos.Line())
}

// Href is the row on its page of the register, from the site root.
func (r *Row) Href() string { return PageHref(r.reg.Href, int(r.page)) + "#" + r.Anchor() }

// Page is the register's page that shows the row, counted from 1.
func (r *Row) Page() int { return int(r.page) }

// Source is a column of the coverage matrix.
type Source struct {
	Name, Title, Href string
	Present           bool
	// Cells has one entry per paragraph of the form, in document order.
	Cells []MatrixCell
}

// MatrixCell is what one source shows for one paragraph.
type MatrixCell struct {
	Expected bool // the paragraph names this source, or the source's schema declares it
	Supplied bool // the source was supplied (a register with rows, a section)
	OK, Gap  int  // checks by outcome
	Other    int  // exceptions, items due, rows that cannot be judged
	Findings int  // findings from this source against this paragraph
}

// dateString prints a date or "" for the zero time.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
