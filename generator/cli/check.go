package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/internal/progress"
	"github.com/agency/evidence-site/generator/rules"
)

// ExitFindings is check's exit status when a finding is at or above the
// --fail-on severity.
const ExitFindings = 3

// severities, most severe first, as --fail-on names them.
var severities = []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low, rules.Warning}

// runCheck is `generator check`: it judges the evidence as a build does,
// writes nothing, prints the findings by severity, and fails a pipeline
// when one is at or above --fail-on.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := command("check", "Usage: go run ./generator check [flags]\n\nJudges the evidence as a build does, writes nothing, and prints the findings grouped by severity.\nExit status: 0 no finding at or above --fail-on, 3 one or more, 1 the configuration, schedule or evidence folder cannot be used, 2 a usage error.", stderr)
	o := Options{}
	inputFlags(fl, &o)
	failOn := fl.String("fail-on", string(rules.High), "exit 3 when a finding is at or above this `severity`: critical, high, medium, low, warning, or none")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if !noArgs(fl, stderr) {
		return ExitUsage
	}
	threshold := -1 // none
	if *failOn != "none" {
		i := -1
		for j, s := range severities {
			if string(s) == strings.ToLower(*failOn) {
				i = j
			}
		}
		if i < 0 {
			fmt.Fprintf(stderr, "generator check: --fail-on: want critical, high, medium, low, warning or none, got %q\n", *failOn)
			return ExitUsage
		}
		threshold = severities[i].Rank()
	}
	o.Today = today()
	in, err := setUp(o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "generator check: %v\n", err)
		return ExitError
	}
	root, err := openEvidence(o)
	if err != nil {
		fmt.Fprintf(stderr, "generator check: %v\n", err)
		return ExitError
	}
	defer root.Close()
	line := progress.New(stderr)
	_, res := in.judge(o, root, line, nil)
	line.End()
	// Findings set aside as before the review period are listed after
	// the rest, and fail nothing.
	var current, earlier []rules.Finding
	for _, f := range res.Findings {
		if f.Before {
			earlier = append(earlier, f)
		} else {
			current = append(current, f)
		}
	}
	failing := printFindings(stdout, current, threshold)
	if len(earlier) > 0 {
		fmt.Fprintf(stdout, "before this review period, set aside (%d)\n", len(earlier))
		for _, f := range earlier {
			fmt.Fprintf(stdout, "  %s %s %s %s %s: %s: %s\n", f.ID, orDash(f.Paragraph), f.Severity, f.Kind, orDash(f.Subject), f.Pos, f.Message)
		}
	}
	notes := 0
	for _, f := range current {
		if f.Kind == rules.Note {
			notes++
		}
	}
	fmt.Fprintf(stdout, "Checked form %s as of %s: %d findings and %d notes", in.cfg.Contract.Form, in.asOf.Format(time.DateOnly), len(current)-notes, notes)
	if len(earlier) > 0 {
		fmt.Fprintf(stdout, " (%d set aside as before the review period)", len(earlier))
	}
	if threshold < 0 {
		fmt.Fprintln(stdout, "; --fail-on none.")
		return ExitOK
	}
	fmt.Fprintf(stdout, "; %d at or above %s.\n", failing, severities[threshold])
	if failing > 0 {
		return ExitFindings
	}
	return ExitOK
}

// printFindings prints the findings under a heading for each severity,
// most severe first, and returns how many rank at or above threshold.
func printFindings(w io.Writer, fs []rules.Finding, threshold int) int {
	failing := 0
	for _, s := range severities {
		var these []rules.Finding
		for _, f := range fs {
			if f.Severity == s {
				these = append(these, f)
			}
		}
		if len(these) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s (%d)\n", s, len(these))
		for _, f := range these {
			para := f.Paragraph
			if para == "" {
				para = "-"
			}
			fmt.Fprintf(w, "  %s %s %s %s: %s: %s\n", f.ID, para, f.Kind, orDash(f.Subject), f.Pos, f.Message)
		}
		if s.Rank() <= threshold {
			failing += len(these)
		}
	}
	return failing
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
