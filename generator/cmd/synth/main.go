// Command synth writes a synthetic evidence set of a chosen size: a
// config.toml and an evidence/ folder holding every register and
// governance file, deterministic from a seed (package synth).
//
// Usage:
//
//	go run ./generator/cmd/synth -size L [-seed 1] -out DIR [-project .]
//	go run ./generator --config DIR/config.toml --evidence DIR/evidence --out DIR/public
//
// Sizes: S, M, L (5,000 staff, 200,000 vulnerability rows) and XL (four
// times L). DIR must be empty or not exist. The [[evidence]] items cover
// the paragraphs that expect a document in the project's content/.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/agency/evidence-site/generator/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("synth", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var names []string
	for _, s := range synth.Sizes() {
		names = append(names, s.Name)
	}
	size := flags.String("size", "S", "the set's `size`: "+strings.Join(names, ", "))
	seed := flags.Uint64("seed", 1, "the random `seed`: the same size and seed give the same files")
	out := flags.String("out", "", "the `folder` to write into; it must be empty or not exist")
	project := flags.String("project", ".", "the project `folder` whose content/ names the paragraphs")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "synth: unexpected arguments: %q\n", flags.Args())
		return 2
	}
	sz, ok := synth.LookupSize(*size)
	if !ok {
		fmt.Fprintf(stderr, "synth: -size %q: want one of %s\n", *size, strings.Join(names, ", "))
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "synth: -out DIR is required")
		return 2
	}
	docs, err := synth.Documents(os.DirFS(filepath.Join(*project, "content")))
	if err != nil {
		fmt.Fprintln(stderr, "synth:", err)
		return 1
	}
	paths, err := synth.Write(*out, synth.Options{Size: sz, Seed: *seed, Documents: docs})
	for _, p := range paths {
		fi, serr := os.Stat(p)
		if serr == nil {
			fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", p, fi.Size())
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "synth:", err)
		return 1
	}
	fmt.Fprintf(stdout, "Size %s, seed %d: %d staff, %d training rows, %d vulnerabilities, %d devices, %d security-test rows, %d incidents, %d grants.\n",
		sz.Name, *seed, sz.Staff, sz.Training, sz.Vulnerabilities, sz.Devices, sz.SecurityTests, sz.Incidents, sz.Privileges)
	fmt.Fprintf(stdout, "Build it: go run ./generator --config %s --evidence %s --out %s\n",
		filepath.Join(*out, "config.toml"), filepath.Join(*out, "evidence"), filepath.Join(*out, "public"))
	return 0
}
