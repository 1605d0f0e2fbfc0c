// Command mksample writes the sample evidence workbooks (evidence/staff.xlsx
// and evidence/training.xlsx) from the data in package sample.
//
// Usage:
//
//	go run ./generator/cmd/mksample [-dir evidence]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/agency/evidence-site/generator/internal/sample"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("mksample", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("dir", "evidence", "directory to write the sample workbooks into")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "mksample: unexpected arguments: %q\n", flags.Args())
		return 2
	}
	paths, err := sample.WriteDir(*dir)
	for _, p := range paths {
		fmt.Fprintln(stdout, "wrote", p)
	}
	if err != nil {
		fmt.Fprintln(stderr, "mksample:", err)
		return 1
	}
	return 0
}
