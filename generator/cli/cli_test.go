package cli

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestMain(m *testing.M) {
	testscript.Main(cleanup{m}, map[string]func(){
		"generator": func() { os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// cleanup runs the tests, then removes what they left behind for the
// whole process: the synthetic sets of BenchmarkScale.
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	defer cleanupScaleSets()
	return c.m.Run()
}

// TestScripts runs the command line end to end: each testdata/script/*.txtar
// works in a fresh copy of the project's content/, layouts/ and static/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"content", "layouts", "static"} {
				if err := copyTree(filepath.Join("..", "..", dir), filepath.Join(env.WorkDir, dir)); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// mkxlsx FILE SHEET TSV [SHEET TSV...]: build a real workbook.
			"mkxlsx": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 3 || len(args)%2 != 1 {
					ts.Fatalf("usage: mkxlsx FILE SHEET TSV [SHEET TSV...]")
				}
				var sheets []workbook.Sheet
				for i := 1; i < len(args); i += 2 {
					sheets = append(sheets, workbook.Sheet{Name: args[i], TSV: ts.ReadFile(args[i+1])})
				}
				ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
				err := workbook.Write(ts.MkAbs(args[0]), sheets...)
				if (err != nil) != neg {
					ts.Fatalf("mkxlsx: %v", err)
				}
			},
		},
	})
}

// copyTree copies a folder of regular files.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}
