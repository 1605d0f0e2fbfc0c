package cli

import (
	"crypto/ed25519"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/pack"
)

// generatorInfo is this program as the Go toolchain recorded it.
func generatorInfo() pack.Generator {
	g := pack.Generator{Module: "github.com/agency/evidence-site"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return g
	}
	g.Module, g.Version = bi.Main.Path, bi.Main.Version
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			g.Revision = s.Value
		case "vcs.modified":
			g.Modified = s.Value == "true"
		}
	}
	return g
}

// inputs describes what the build is made from, for its manifest;
// holidays is the bank holiday file read, nil for none.
func inputs(o Options, asOf time.Time, evidenceFS, projectFS fs.FS, holidays *pack.File) (pack.Build, error) {
	b := pack.Build{Generator: generatorInfo(), AsOf: asOf.Format(time.DateOnly), Holidays: holidays}
	cfg, err := pack.HashFile(os.DirFS(filepath.Dir(o.Config)), filepath.Base(o.Config))
	if err != nil {
		return b, fmt.Errorf("hashing the configuration: %w", err)
	}
	cfg.Path = publishedPath(o.Project, o.Config)
	b.Config = cfg
	if b.Evidence, err = pack.HashTree(evidenceFS, pack.Irregular); err != nil {
		return b, fmt.Errorf("hashing the evidence: %w", err)
	}
	if b.Project, err = pack.ProjectSums(projectFS); err != nil {
		return b, fmt.Errorf("hashing the project: %w", err)
	}
	return b, nil
}

// signingKey reads the key that signs the manifest: --sign, else
// [publish] signing_key (relative to config.toml's folder); nil for none.
// A key is never read from inside the evidence folder or the output
// folder, which are shared and published.
func signingKey(o Options, cfg *config.Config) (ed25519.PrivateKey, error) {
	path := o.Sign
	if path == "" && cfg.Publish.SigningKey != "" {
		path = cfg.Publish.SigningKey
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(o.Config), path)
		}
	}
	if path == "" {
		return nil, nil
	}
	if err := outsideShared(o, path, "the signing key"); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("signing key: %w", err)
	}
	key, err := pack.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("signing key %s: %w", path, err)
	}
	return key, nil
}

// outsideShared refuses a path inside the evidence folder or the output
// folder.
func outsideShared(o Options, path, what string) error {
	p, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	for _, dir := range []struct{ name, path string }{{"the evidence folder", o.Evidence}, {"the output folder", o.Out}} {
		d, err := filepath.Abs(dir.path)
		if err != nil {
			return err
		}
		if within(p, d) {
			return fmt.Errorf("%s %s is inside %s (%s): keep it out of what is shared and published", what, path, dir.name, dir.path)
		}
	}
	return nil
}

// writeZip writes the built folder out as the zip file path, beside its
// place first and renamed into place when complete.
func writeZip(out, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	err = pack.WriteZip(tmp, os.DirFS(out))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("zip %s: %w", path, err)
	}
	return nil
}
