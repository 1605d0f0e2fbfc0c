package config

import (
	_ "embed"
	"strings"
	"time"
)

// template is config.toml as `generator init` writes it: the required keys
// set, every other key commented out with an example and its default.
//
//go:embed template.toml
var template string

// Template returns a config.toml for a contract of form ("A" or "B")
// starting on start: the required keys set, and every other key commented
// out, with an example and its default, ready to set. It parses as is.
func Template(form string, start time.Time) []byte {
	return []byte(strings.NewReplacer(
		"{{form}}", form,
		"{{start_date}}", start.Format(time.DateOnly),
	).Replace(template))
}
