package cli

import (
	"archive/zip"
	"errors"
	"github.com/agency/evidence-site/generator/internal/tree"
	"io"
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
				if err := tree.Copy(filepath.Join("..", "..", dir), filepath.Join(env.WorkDir, dir)); err != nil {
					return err
				}
			}
			// $SAMPLE is the repository, whose config.toml and evidence/
			// are the sample.
			sample, err := filepath.Abs(filepath.Join("..", ".."))
			env.Setenv("SAMPLE", sample)
			return err
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
			// flipbyte FILE: change the file's last byte, as a copy
			// damaged or edited in passing would be.
			"flipbyte": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: flipbyte FILE")
				}
				data, err := os.ReadFile(ts.MkAbs(args[0]))
				ts.Check(err)
				if len(data) == 0 {
					ts.Fatalf("flipbyte: %s is empty", args[0])
				}
				data[len(data)-1] ^= 1
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
			// rezip SRC DST change|delete|add NAME: copy a zip, changing a
			// byte of entry NAME, leaving it out, or adding it.
			"rezip": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 4 || neg {
					ts.Fatalf("usage: rezip SRC DST change|delete|add NAME")
				}
				ts.Check(rezip(ts.MkAbs(args[0]), ts.MkAbs(args[1]), args[2], args[3]))
			},
		},
	})
}

// rezip copies the zip src to dst, changing one byte of entry name, leaving
// it out, or adding it, as op says.
func rezip(src, dst, op, name string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, f := range zr.File {
		if f.Name == name && op == "delete" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == name && op == "change" && len(data) > 0 {
			data[len(data)-1] ^= 1
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if op == "add" {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte("added\n")); err != nil {
			return err
		}
	}
	return errors.Join(zw.Close(), out.Close())
}
