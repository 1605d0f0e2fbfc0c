package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/pack"
	"github.com/agency/evidence-site/generator/workdays"
)

// holidaysPath is where [calendar] holidays_file is: relative to
// config.toml's folder when relative; "" when it is not set.
func holidaysPath(o Options, cfg *config.Config) string {
	p := cfg.Calendar.HolidaysFile
	if p != "" && !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(o.Config), p)
	}
	return p
}

// holidaysFile reads and parses the bank holiday file of [calendar]
// holidays_file, and describes the bytes it read for the manifest; nil
// when it is not set. A file inside the output folder is refused: that
// folder is replaced on every build. A file that cannot be read or parsed
// is a configuration error naming it, with the line and column of every
// problem in it.
func holidaysFile(o Options, cfg *config.Config) (*workdays.HolidayFile, *pack.File, error) {
	path := holidaysPath(o, cfg)
	if path == "" {
		return nil, nil, nil
	}
	what := "[calendar] holidays_file in " + filepath.Base(o.Config)
	// The name relative to config.toml (else its base name): the method
	// page shows it beside each year it gave, so it must not depend on, or
	// publish, where the build ran.
	name := publishedPath(filepath.Dir(o.Config), path)
	if o.Out != "" {
		p, err1 := filepath.Abs(path)
		out, err2 := filepath.Abs(o.Out)
		if err1 == nil && err2 == nil && within(p, out) {
			return nil, nil, fmt.Errorf("%s: %s is inside the output folder (%s), which is replaced on every build: keep it beside %s", what, name, o.Out, filepath.Base(o.Config))
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, workdays.MaxGovUKSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: reading %s: %w", what, name, err)
	}
	if len(data) > workdays.MaxGovUKSize {
		return nil, nil, fmt.Errorf("%s: %s is larger than %d bytes, too large for a bank holiday file (GOV.UK's holds about 20 KB)", what, name, workdays.MaxGovUKSize)
	}
	hf, err := workdays.ParseGovUK(name, data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %s has problems:\n%v", what, name, err)
	}
	sum := sha256.Sum256(data)
	return hf, &pack.File{Path: name, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}, nil
}
