package evidence

import (
	"embed"
	"io/fs"
	"path"
)

// templates are the governance TOML files as `generator init` writes them.
//
//go:embed templates/*.toml
var templates embed.FS

// Templates returns the governance TOML files of a new evidence folder, by
// file name: every section and key the files may hold (the section table),
// each commented out with an example and what it means. Left as they are,
// they hold no evidence and no problem; each section is recorded by
// removing the "# " before its lines.
func Templates() map[string][]byte {
	out := map[string][]byte{}
	names, _ := fs.Glob(templates, "templates/*.toml") // embedded when built: the pattern is valid
	for _, name := range names {
		data, err := templates.ReadFile(name)
		if err == nil {
			out[path.Base(name)] = data
		}
	}
	return out
}
