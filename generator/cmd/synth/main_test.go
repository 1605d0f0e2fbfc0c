package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "set")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-size", "S", "-seed", "7", "-out", out, "-project", "../../.."}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	for _, name := range []string{"config.toml", "evidence/staff.xlsx", "evidence/vulnerabilities.xlsx", "evidence/plans.toml"} {
		p := filepath.Join(out, filepath.FromSlash(name))
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.Contains(stdout.String(), "wrote "+p+" (") {
			t.Errorf("stdout does not mention %s:\n%s", p, stdout.String())
		}
	}
	if !strings.Contains(stdout.String(), "go run ./generator --config "+filepath.Join(out, "config.toml")) {
		t.Errorf("stdout does not say how to build the set:\n%s", stdout.String())
	}

	// A second run into the same folder is refused: it is not empty.
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"-size", "S", "-out", out, "-project", "../../.."}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "not empty") {
		t.Errorf("second run: exit %d, stderr %q; want 1 and a message that the folder is not empty", code, stderr.String())
	}
}

func TestRunUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no out", []string{"-size", "S"}, "-out DIR is required"},
		{"unknown size", []string{"-size", "XXL", "-out", "x"}, `-size "XXL": want one of S, M, L, XL`},
		{"argument", []string{"-out", "x", "extra"}, "unexpected arguments"},
		{"bad flag", []string{"-nope"}, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr.String(), tc.want)
			}
		})
	}
}
