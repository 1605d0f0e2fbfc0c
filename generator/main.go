// Command generator builds the static compliance evidence site: it reads
// config.toml, the schedule under content/ and the evidence under
// evidence/, checks the evidence against every paragraph and writes the
// site to public/. Run it from the project folder:
//
//	go run ./generator [--config FILE] [--evidence DIR] [--out DIR] [--as-of YYYY-MM-DD]
package main

import (
	"os"

	"github.com/agency/evidence-site/generator/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
