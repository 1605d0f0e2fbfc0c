// Package cli is the command line: flags, wiring, and the one place that
// reads the clock, the environment and the file system's layout. It runs
// the data flow config -> schedule + evidence -> rules -> model -> site.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	project "github.com/agency/evidence-site"
	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/progress"
	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/pack"
	"github.com/agency/evidence-site/generator/pdf"
	"github.com/agency/evidence-site/generator/redact"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/site"
	"github.com/agency/evidence-site/generator/workdays"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // config, content or output could not be used
	ExitUsage = 2
)

// Options are the command's settings.
type Options struct {
	// Project is the folder holding content/, layouts/ and static/; ""
	// uses those built into the generator.
	Project  string
	Config   string
	Evidence string
	Out      string
	AsOf     string
	// Zip, if set, is a zip file to write the built site into.
	Zip string
	// Previous is the previous review's build to compare with (its
	// output folder, its zip, or its coverage.json); it overrides
	// [review] previous. NoPrevious compares with none, whatever the
	// configuration says.
	Previous   string
	NoPrevious bool
	// Sign, if set, is the private key that signs the manifest; it
	// overrides [publish] signing_key.
	Sign string
	// PDF asks for report.pdf, printed from report.html by Chromium.
	PDF bool
	// ChromePath is the browser to print with ($CHROME_PATH); "" finds one.
	ChromePath string
	// Today is the clock's date, used when no as-of date is given.
	Today time.Time
	// SearchShard is the most keys one file of the search index holds;
	// 0 for the default. No flag sets it: tests set it small.
	SearchShard int
}

// Run parses args and builds the site, printing progress to stdout and
// problems to stderr. It returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return runVerify(args[1:], stdout, stderr)
		case "keygen":
			return runKeygen(args[1:], stdout, stderr)
		case "check":
			return runCheck(args[1:], stdout, stderr)
		case "serve":
			return runServe(args[1:], stdout, stderr)
		case "init":
			return runInit(args[1:], stdout, stderr)
		}
	}
	fl := command("generator", "Usage: go run ./generator [flags]\n       go run ./generator verify [--evidence DIR] [--pubkey FILE] PATH\n       go run ./generator keygen [--out PREFIX]\n       go run ./generator check [--fail-on SEVERITY] [flags]\n       go run ./generator init [--form A|B] [--start-date DATE] DIR\n       go run ./generator serve [--port N] [flags]\n\nBuilds the static evidence site from config.toml, content/ and the evidence folder;\nverify checks a built folder or zip against its manifest; keygen makes a signing key pair;\ncheck judges the evidence without writing a site, for pipelines;\ninit writes a ready-to-fill evidence folder and config.toml into DIR;\nserve builds, serves the site on 127.0.0.1 and rebuilds it on every change.", stderr)
	o := Options{}
	inputFlags(fl, &o)
	fl.StringVar(&o.Out, "out", "public", "output `folder`, replaced on every build")
	fl.StringVar(&o.Zip, "zip", "", "also write the built site as this zip `file`")
	fl.BoolVar(&o.PDF, "pdf", false, "also write report.pdf, printed by headless Chromium")
	fl.StringVar(&o.Sign, "sign", "", "sign the manifest with this Ed25519 private key `file` (PEM); overrides [publish] signing_key")
	previousFlag(fl, &o)
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if !noArgs(fl, stderr) {
		return ExitUsage
	}
	o.Today = today()
	o.ChromePath = os.Getenv("CHROME_PATH")
	if err := Build(o, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "generator: %v\n", err)
		return ExitError
	}
	return ExitOK
}

// today is the clock's date: the one place a build reads the clock.
func today() time.Time {
	now := time.Now()
	return workdays.Date(now.Year(), now.Month(), now.Day())
}

// noArgs reports whether the command was given no argument beyond its
// flags; if it was, it says so and shows the usage.
func noArgs(fl *flag.FlagSet, stderr io.Writer) bool {
	if fl.NArg() == 0 {
		return true
	}
	fmt.Fprintf(stderr, "%s: unexpected argument %q\n", strings.TrimSpace("generator "+strings.TrimPrefix(fl.Name(), "generator")), fl.Arg(0))
	fl.Usage()
	return false
}

// parse parses a command's flags. When it returns false, the command ends
// with the code: 0 after -h, else a usage error (flag has said why).
// command makes the flag set of one command, whose -h prints usage (the
// lines before "Flags:") and then the flags.
func command(name, usage string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags:\n", usage)
		fl.PrintDefaults()
	}
	return fl
}

// inputFlags adds the flags naming what a judgement reads, shared by the
// build and check.
func inputFlags(fl *flag.FlagSet, o *Options) {
	fl.StringVar(&o.Project, "project", "", "read content/, layouts/ and static/ from this `folder`, for a customised site, not those built in")
	fl.StringVar(&o.Config, "config", "config.toml", "configuration `file`")
	fl.StringVar(&o.Evidence, "evidence", "evidence", "evidence `folder` (read only)")
	fl.StringVar(&o.AsOf, "as-of", "", "judge every rule at this `date` (YYYY-MM-DD); overrides [review] as_of")
}

func parse(fl *flag.FlagSet, args []string) (code int, ok bool) {
	err := fl.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		return ExitOK, false
	}
	return ExitUsage, false
}

// softMemoryLimit is the heap size above which a build collects garbage
// more often (debug.SetMemoryLimit).
const softMemoryLimit = 1536 << 20

// Build runs the whole data flow with explicit options.
func Build(o Options, stdout, stderr io.Writer) error {
	// A backstop, not the fix: what a build keeps live is bounded by
	// design (one string a row, positions of 16 bytes, typed rows dropped
	// once judged), but the collector lets the heap grow to twice that
	// before it runs. A soft limit makes it run sooner when a large set
	// nears 1.5 GiB (XL: 3.4 GB peak RSS without, 1.5 GB with, in the
	// same time); smaller sets never reach it. GOMEMLIMIT, if set, decides.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(softMemoryLimit))
	}
	in, err := setUp(o, stderr)
	if err != nil {
		return err
	}
	cfg, asOf := in.cfg, in.asOf
	if err := checkFolders(o); err != nil {
		return err
	}
	prev, err := previousBuild(o, cfg, asOf)
	if err != nil {
		return err
	}
	key, err := signingKey(o, cfg)
	if err != nil {
		return err
	}
	if o.Zip != "" {
		if err := outsideShared(o, o.Zip, "--zip"); err != nil {
			return err
		}
	}
	root, err := openEvidence(o)
	if err != nil {
		return err
	}
	defer root.Close()
	made, err := inputs(o, asOf, root.FS(), in.project, in.holidays)
	if err != nil {
		return err
	}
	made.Previous = previousFiles(prev)
	fingerprint, err := made.Fingerprint()
	if err != nil {
		return err
	}
	line := progress.New(stderr)
	defer line.End()
	var names *redact.Names
	var redaction *model.Redaction
	ev, res := in.judge(o, root, line, func(ev *evidence.Evidence) {
		if cfg.Publish.RedactNames {
			names = redact.Collect(ev)
			redaction = &model.Redaction{Fields: redact.Fields, Names: names.Len()}
		}
	})
	line.Stage(fmt.Sprintf("laying out %d checks and %d findings", len(res.Checks), len(res.Findings)), 0)
	m := model.Build(model.Input{Config: cfg, AsOf: asOf, AsOfSource: in.source, Schedule: in.sch, Evidence: ev, Result: res, Calendar: in.cal, Fingerprint: fingerprint, Redaction: redaction, Previous: prev})
	var finish []func(string) (map[string][]byte, error)
	if names != nil {
		// First, so that the PDF is printed from the redacted report and
		// the manifest lists the redacted files.
		finish = append(finish, func(dir string) (map[string][]byte, error) { return nil, names.Rewrite(dir) })
	}
	browser := pdf.FindBrowser(o.ChromePath)
	if o.PDF && browser != "" {
		finish = append(finish, func(dir string) (map[string][]byte, error) {
			line.Stage("printing report.pdf", 0)
			data, err := pdf.Print(context.Background(), filepath.Join(dir, "report.html"), pdf.Options{
				Browser: browser, NoSandbox: os.Geteuid() == 0, Marking: cfg.Publish.Marking,
				Footer: cfg.Contract.Name + " · as of " + asOf.Format(time.DateOnly), Date: asOf})
			if err != nil {
				return nil, err
			}
			return map[string][]byte{"report.pdf": data}, nil
		})
	}
	finish = append(finish, func(dir string) (map[string][]byte, error) {
		add, err := pack.Seal(made, os.DirFS(dir), key)
		if err != nil {
			return nil, fmt.Errorf("sealing the output: %w", err)
		}
		return add, nil
	})
	if err := site.Build(m, in.project, root.FS(), o.Out, site.Options{Progress: line, Finish: finish, SearchShard: o.SearchShard}); err != nil {
		return fmt.Errorf("building the site: %w", err)
	}
	line.End()
	if o.Zip != "" {
		if err := writeZip(o.Out, o.Zip); err != nil {
			return err
		}
	}
	printProblems(stderr, ev, res)
	c := m.Counts
	notes := 0
	for _, f := range m.Findings {
		if f.Kind == rules.Note {
			notes++
		}
	}
	fmt.Fprintf(stdout, "Built %s: %s, %d paragraphs (%d covered: %d checked, %d attested; %d gap, %d missing, %d no evidence expected, %d not applicable), %d findings and %d note%s, as of %s.\n",
		o.Out, m.Contract.FormTitle, c.Total, c.Covered, c.Checked, c.Attested, c.Gap, c.Missing, c.Info, c.NA, len(m.Findings)-notes, notes, map[bool]string{true: "", false: "s"}[notes == 1], m.Review.AsOf)
	if ch := m.Changes; ch != nil {
		fmt.Fprintf(stdout, "Compared with the build as of %s: %d findings new, %d resolved, %d still open; %d paragraphs changed status. See %s.\n",
			ch.Previous.AsOf, len(ch.New.Rows), len(ch.Resolved.Rows), len(ch.Open.Rows), len(ch.Paragraphs), filepath.Join(o.Out, model.ChangesHref))
	}
	if o.PDF && browser == "" {
		// The site is built; the PDF alone could not be.
		return pdf.ErrNoBrowser
	}
	return nil
}

// setup is a run's configuration, as-of date, calendar and schedule.
type setup struct {
	project fs.FS // content/, layouts/ and static/
	cfg     *config.Config
	asOf    time.Time
	source  string // where the as-of date came from
	cal     *workdays.Calendar
	// holidays is the bank holiday file read, for the manifest; nil for
	// none.
	holidays *pack.File
	sch      *schedule.Schedule
}

// setUp reads the configuration and the schedule, and chooses the as-of date.
func setUp(o Options, stderr io.Writer) (*setup, error) {
	cfgSrc, err := os.ReadFile(o.Config)
	if err != nil {
		return nil, fmt.Errorf("reading the configuration: %w", err)
	}
	cfg, err := config.Parse(displayPath(".", o.Config), cfgSrc)
	if err != nil {
		return nil, fmt.Errorf("configuration has problems:\n%v", err)
	}
	asOf, source, err := chooseAsOf(o, cfg)
	if err != nil {
		return nil, err
	}
	if source == "today" {
		fmt.Fprintf(stderr, "generator: no as-of date given: judging at today's date, %s. Set [review] as_of in %s or pass --as-of for a build that can be reproduced.\n", asOf.Format(time.DateOnly), o.Config)
	}
	holidays, holidaysSum, err := holidaysFile(o, cfg)
	if err != nil {
		return nil, err
	}
	cal, err := workdays.NewWithFile(cfg.Calendar.Region, holidays, cfg.Calendar.ExtraHolidays)
	if err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	proj, err := openProject(o)
	if err != nil {
		return nil, err
	}
	content, err := fs.Sub(proj, "content")
	if err != nil {
		return nil, err
	}
	sch, err := schedule.Load(content, evidence.SourceNames())
	if err != nil {
		where := "content" // built in
		if o.Project != "" {
			where = displayPath(".", filepath.Join(o.Project, "content"))
		}
		return nil, fmt.Errorf("the schedule has problems:\n%v", underFolder(err, where))
	}
	return &setup{project: proj, cfg: cfg, asOf: asOf, source: source, cal: cal, holidays: holidaysSum, sch: sch}, nil
}

// openProject is the site's own files: content/, layouts/ and static/,
// built in, or read from --project DIR, which must hold all three.
func openProject(o Options) (fs.FS, error) {
	if o.Project == "" {
		return project.Files(), nil
	}
	for _, dir := range project.Folders {
		fi, err := os.Stat(filepath.Join(o.Project, dir))
		if err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("--project %s: no %s/ folder there. A project folder holds the site's own content/ (the schedule as Markdown pages), layouts/ and static/; leave out --project to use those built into the generator", o.Project, dir)
		}
	}
	return os.DirFS(o.Project), nil
}

// openEvidence opens the evidence folder as an os.Root: no path, and no
// symbolic link, can lead outside it.
func openEvidence(o Options) (*os.Root, error) {
	fi, err := os.Stat(o.Evidence)
	if err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("evidence folder %s: not found (pass --evidence DIR)", o.Evidence)
	}
	root, err := os.OpenRoot(o.Evidence)
	if err != nil {
		return nil, fmt.Errorf("evidence folder: %w", err)
	}
	return root, nil
}

// judge reads the evidence and evaluates it against the form's
// paragraphs; read, if not nil, sees the evidence before the rules consume
// its typed rows.
func (in *setup) judge(o Options, root *os.Root, line *progress.Display, read func(*evidence.Evidence)) (*evidence.Evidence, rules.Result) {
	line.Stage("reading the evidence", len(evidence.Schemas())+1)
	// Every path shown on the site or in its exports is relative to the
	// evidence folder (staff.xlsx, documents/smp.pdf): never where the
	// folder sits on this machine, which would publish its owner's names.
	ev := evidence.LoadReporting(root.FS(), "", func(string) { line.Add(1) })
	if read != nil {
		read(ev)
	}
	paras := in.sch.Form(in.cfg.Contract.Form)
	line.Stage(fmt.Sprintf("judging %d paragraphs", len(paras)), 0)
	res := rules.Evaluate(rules.Input{Config: in.cfg, AsOf: in.asOf, Calendar: in.cal, Paragraphs: paras, Schedule: in.sch, Evidence: ev, Consume: true})
	return ev, res
}

func chooseAsOf(o Options, cfg *config.Config) (time.Time, string, error) {
	switch {
	case o.AsOf != "":
		d, err := time.Parse(time.DateOnly, o.AsOf)
		if err != nil {
			return time.Time{}, "", fmt.Errorf("--as-of: want a date such as 2026-03-31, got %q", o.AsOf)
		}
		if d.Before(cfg.Contract.StartDate) {
			return time.Time{}, "", fmt.Errorf("--as-of %s is before the contract start date %s", o.AsOf, cfg.Contract.StartDate.Format(time.DateOnly))
		}
		if d.Before(cfg.Review.PeriodStart) {
			return time.Time{}, "", fmt.Errorf("--as-of %s is before [review] period_start %s in %s: the review period would hold no day (judging an earlier review, give it that review's period_start)", o.AsOf, cfg.Review.PeriodStart.Format(time.DateOnly), filepath.Base(o.Config))
		}
		return d, "--as-of", nil
	case cfg.Review.AsOfSet:
		return cfg.Review.AsOf, "[review] as_of in " + filepath.Base(o.Config), nil
	}
	return o.Today, "today", nil
}

// checkFolders refuses an output folder that would overwrite or delete the
// evidence or the project's own files: the output folder is replaced
// whole on every build.
func checkFolders(o Options) error {
	out, err := filepath.Abs(o.Out)
	if err != nil {
		return err
	}
	for _, keep := range []struct {
		name, path string
		inside     bool // the output may be inside it
	}{
		{"the evidence folder", o.Evidence, false},
		{"the project folder", o.Project, true},
		{"content/", filepath.Join(o.Project, "content"), false},
		{"layouts/", filepath.Join(o.Project, "layouts"), false},
		{"static/", filepath.Join(o.Project, "static"), false},
	} {
		k, err := filepath.Abs(keep.path)
		if err != nil {
			return err
		}
		if within(k, out) || (!keep.inside && within(out, k)) {
			return fmt.Errorf("--out %s overlaps %s (%s): the output folder is replaced on every build, so it must be a folder of its own", o.Out, keep.name, keep.path)
		}
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && (rel == "." || filepath.IsLocal(rel))
}

// underFolder prefixes the file of every positioned problem with dir, so
// that positions read from an fs.FS rooted at dir name the real file.
func underFolder(err error, dir string) error {
	var list diag.List
	if !errors.As(err, &list) {
		return err
	}
	out := make(diag.List, len(list))
	for i, e := range list {
		c := *e
		if c.Pos.File() != "" {
			c.Pos = c.Pos.WithFile(path.Join(dir, c.Pos.File()))
		}
		out[i] = &c
	}
	return out
}

// publishedPath is p as an output may show it: relative to the project
// when inside it, else its base name, never where it sits on this machine.
func publishedPath(project, p string) string {
	if d := displayPath(project, p); !path.IsAbs(d) && !strings.HasPrefix(d, "../") && d != ".." {
		return d
	}
	return filepath.Base(p)
}

// displayPath prints p relative to the project when it is inside it.
func displayPath(project, p string) string {
	ap, err1 := filepath.Abs(p)
	aproj, err2 := filepath.Abs(project)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(aproj, ap); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(strings.TrimSuffix(p, string(filepath.Separator)))
}

// printProblems prints every problem in the evidence, one a line, and the
// invalid findings the rules raised on it (an unknown paragraph id), each
// once: the same problem may be a finding against several paragraphs.
func printProblems(w io.Writer, ev *evidence.Evidence, res rules.Result) {
	type line struct{ pos, msg string }
	var lines []line
	seen := map[line]bool{}
	add := func(pos diag.Pos, msg string) {
		l := line{pos.String(), msg}
		if !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	for _, r := range ev.Registers {
		for _, p := range r.Problems {
			add(p.Pos, p.Msg)
		}
	}
	for _, p := range ev.Documents.Problems {
		add(p.Pos, p.Msg)
	}
	for _, f := range res.Findings {
		if f.Kind == rules.Invalid {
			add(f.Pos, f.Message)
		}
	}
	for _, l := range lines {
		fmt.Fprintf(w, "evidence: %s: %s\n", l.pos, l.msg)
	}
	for _, p := range ev.Unread.Paths {
		fmt.Fprintf(w, "evidence: %s: not read: no register, TOML file or attachment names it\n", p)
	}
	if n := ev.Unread.More; n > 0 {
		fmt.Fprintf(w, "evidence: and %d more files not read (see the method page)\n", n)
	}
}
