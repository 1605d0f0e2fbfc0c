// Package project holds the site's own files: the schedule as Markdown
// pages (content/), the templates (layouts/) and the styles and scripts
// (static/), built into the generator so that it runs from any folder
// (go install, then generator --evidence DIR). A build given --project DIR
// reads them from that folder instead, for a customised site.
package project

import (
	"embed"
	"io/fs"
)

// The all: prefix keeps Hugo's _index.md pages and layouts/_default,
// which a plain pattern leaves out.
//
//go:embed all:content all:layouts all:static
var files embed.FS

// Folders are the folders Files holds.
var Folders = []string{"content", "layouts", "static"}

// Files is content/, layouts/ and static/ as built into the generator.
func Files() fs.FS { return files }
