package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/progress"
	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/scaffold"
)

// initFolder runs `generator init` with args and DIR, a new folder, and
// returns DIR.
func initFolder(t *testing.T, args ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "agency")
	var so, se bytes.Buffer
	if code := Run(append(append([]string{"init"}, args...), dir), &so, &se); code != ExitOK {
		t.Fatalf("init: exit %d\n%s", code, se.String())
	}
	return dir
}

// A build straight after init judges every register, present and empty
// (the Example sheets are not read), and the governance files, with no
// problem and no invalid finding; the site builds, and no output names
// an example row's key.
func TestInitThenBuild(t *testing.T) {
	for _, form := range []string{"A", "B"} {
		t.Run(form, func(t *testing.T) {
			dir := initFolder(t, "--form", form, "--start-date", "2025-04-01")
			o := Options{Project: "../..", Config: filepath.Join(dir, scaffold.ConfigFile), Evidence: filepath.Join(dir, scaffold.EvidenceDir),
				Out: filepath.Join(dir, "public"), AsOf: "2026-11-27"}

			in, err := setUp(o, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if in.cfg.Contract.Form != form {
				t.Errorf("form %q, want %q", in.cfg.Contract.Form, form)
			}
			root, err := openEvidence(o)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			ev, res := in.judge(o, root, progress.New(io.Discard), nil)
			for _, r := range ev.Registers {
				if !r.Present || r.Rows != 0 || len(r.Problems) != 0 {
					t.Errorf("%s: present %v, %d rows, problems %+v", r.Schema.Name, r.Present, r.Rows, r.Problems)
				}
			}
			if len(ev.Documents.Problems) != 0 || len(ev.Documents.Files) != len(evidence.Templates()) {
				t.Errorf("documents: files %q, problems %+v", ev.Documents.Files, ev.Documents.Problems)
			}
			for _, f := range res.Findings {
				if f.Kind == rules.Invalid {
					t.Errorf("invalid finding: %s %s: %s", f.Paragraph, f.Pos, f.Message)
				}
			}

			_, stderr := build(t, o)
			if strings.Contains(stderr, "evidence: ") {
				t.Errorf("the build printed problems:\n%s", stderr)
			}
			var gaps struct {
				Gaps []struct{ Paragraph, Kind, Message string }
			}
			data, err := os.ReadFile(filepath.Join(o.Out, "gaps.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &gaps); err != nil {
				t.Fatal(err)
			}
			if len(gaps.Gaps) == 0 {
				t.Fatal("gaps.json lists no gap: every paragraph's evidence is missing")
			}
			for _, g := range gaps.Gaps {
				if g.Kind == string(rules.Invalid) {
					t.Errorf("gaps.json: invalid: %s: %s", g.Paragraph, g.Message)
				}
			}
			// The second example row's keys (NS-0002, VUL-0002...) are
			// nowhere in the site: the Example sheets were not read.
			for name, content := range tree.Read(t, o.Out) {
				for _, s := range evidence.Schemas() {
					key := scaffold.NextKey(s.Example()[s.Key])
					if strings.ContainsFunc(key, unicode.IsLetter) && bytes.Contains(content, []byte(key)) {
						t.Errorf("%s names the Example sheet's key %q", name, key)
					}
				}
			}
		})
	}
}

// init's exit status: 0 written, 1 refused (a folder that holds anything)
// or failed, 2 a usage error; a refused folder is left as it was.
func TestInitExit(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "mine.txt"), []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(full, "mine.txt")
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"a new folder", []string{filepath.Join(t.TempDir(), "new")}, ExitOK, ""},
		{"an empty folder", []string{t.TempDir()}, ExitOK, ""},
		{"form A, a start date", []string{"--form", "a", "--start-date", "2025-04-01", filepath.Join(t.TempDir(), "a")}, ExitOK, ""},
		{"a folder holding a file", []string{full}, ExitError, "is not empty (it holds mine.txt)"},
		{"a file", []string{file}, ExitError, "generator init: "},
		{"no folder", nil, ExitUsage, "want the folder to write"},
		{"two folders", []string{"a", "b"}, ExitUsage, `unexpected argument "b"`},
		{"a bad form", []string{"--form", "C", "x"}, ExitUsage, `--form: want A or B, got "C"`},
		{"a bad date", []string{"--start-date", "01/04/2025", "x"}, ExitUsage, "--start-date: want a date"},
		{"an unknown flag", []string{"--colour", "x"}, ExitUsage, "flag provided but not defined"},
		{"help", []string{"-h"}, ExitOK, "Usage: go run ./generator init"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var so, se bytes.Buffer
			if code := Run(append([]string{"init"}, tt.args...), &so, &se); code != tt.code || !strings.Contains(se.String(), tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, se.String(), tt.code, tt.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Errorf("the refused folder holds %d entries", len(entries))
	}
	if data, _ := os.ReadFile(file); string(data) != "keep\n" {
		t.Errorf("mine.txt was changed: %q", data)
	}
}

// Two inits with the same flags write the same bytes.
func TestInitDeterministic(t *testing.T) {
	a := tree.Read(t, initFolder(t, "--start-date", "2025-04-01"))
	b := tree.Read(t, initFolder(t, "--start-date", "2025-04-01"))
	if len(a) < 10 {
		t.Fatalf("only %d files", len(a))
	}
	if d := tree.Diff(a, b); len(d) > 0 {
		t.Errorf("two inits differ in %q", d)
	}
}
