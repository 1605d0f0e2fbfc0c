package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/scaffold"
)

// runInit is `generator init [--form A|B] [--start-date DATE] DIR`: it
// writes a ready-to-fill evidence folder into DIR, new or empty, and says
// how to build the site from it.
func runInit(args []string, stdout, stderr io.Writer) int {
	fl := command("init", "Usage: go run ./generator init [--form A|B] [--start-date YYYY-MM-DD] DIR\n\n"+
		"Writes a ready-to-fill evidence folder into DIR, which must be new or empty: DIR/config.toml, and in DIR/evidence/\n"+
		"every register as a workbook (a note on each header, lists of the accepted values, an Example sheet) and the\n"+
		"governance TOML files with every key commented out. A build straight after gives no invalid finding.\n"+
		"Exit status: 0 written, 1 DIR is not empty or cannot be written, 2 a usage error.", stderr)
	form := fl.String("form", "B", "the contract's `form`: A (Part A, short form) or B (Part B, long form with Annex 1)")
	start := fl.String("start-date", "", "the contract's Start `date` (YYYY-MM-DD); default today")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	switch fl.NArg() {
	case 0:
		fmt.Fprintln(stderr, "generator init: want the folder to write, DIR")
		fl.Usage()
		return ExitUsage
	case 1:
	default:
		fmt.Fprintf(stderr, "generator init: unexpected argument %q (flags go before DIR)\n", fl.Arg(1))
		fl.Usage()
		return ExitUsage
	}
	o := scaffold.Options{Form: strings.ToUpper(strings.TrimSpace(*form))}
	if o.Form != "A" && o.Form != "B" {
		fmt.Fprintf(stderr, "generator init: --form: want A or B, got %q\n", *form)
		return ExitUsage
	}
	startNote := ""
	if *start == "" {
		o.StartDate = today()
		startNote = " (today: set it to the contract's Start Date)"
	} else {
		d, err := time.Parse(time.DateOnly, *start)
		if err != nil {
			fmt.Fprintf(stderr, "generator init: --start-date: want a date such as 2025-04-01, got %q\n", *start)
			return ExitUsage
		}
		o.StartDate = d
	}
	dir := fl.Arg(0)
	files, err := scaffold.Files(o)
	if err == nil {
		_, err = scaffold.Write(dir, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "generator init: %v\n", err)
		return ExitError
	}
	cfg := filepath.Join(dir, scaffold.ConfigFile)
	ev := filepath.Join(dir, scaffold.EvidenceDir)
	fmt.Fprintf(stdout, "Wrote a ready-to-fill evidence folder in %s:\n", dir)
	fmt.Fprintf(stdout, "  %s  form %s, start_date %s%s\n", cfg, o.Form, o.StartDate.Format(time.DateOnly), startNote)
	fmt.Fprintf(stdout, "  %s  %d registers (.xlsx: fill in the first sheet; the Example sheet is not read) and %d governance files (.toml: uncomment what you record)\n",
		ev+string(filepath.Separator), len(evidence.Schemas()), len(evidence.Templates()))
	fmt.Fprintf(stdout, "Build the site with:\n  %s --config %s --evidence %s --out %s\n",
		invocation(), shellQuote(cfg), shellQuote(ev), shellQuote(filepath.Join(dir, "public")))
	return ExitOK
}

// invocation is how the user ran this program, for a command to copy:
// "generator" when it is an installed or built binary of that name, else
// "go run ./generator" (go run's binary lives in a go-build folder).
func invocation() string {
	exe, err := os.Executable()
	if err == nil && filepath.Base(exe) == "generator" && !strings.Contains(exe, "go-build") {
		return "generator"
	}
	return "go run ./generator"
}

// shellQuote quotes a path for a POSIX shell when it holds anything but
// letters, digits and / . _ - +.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
