package cli

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/agency/evidence-site/generator/pack"
)

// Exit codes of verify beside ExitOK and ExitUsage.
const ExitDiffers = 1 // a file, the evidence or the signature does not match

// runVerify is `generator verify [--evidence DIR] [--pubkey FILE] PATH`:
// PATH is a built folder or a zip of one.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fl := command("verify", "Usage: go run ./generator verify [flags] PATH\n\nChecks a built site folder, or a zip of one, against its manifest.json: every file with its SHA-256, no file more.\nExit status: 0 all match, 1 a difference (each is listed), 2 a usage error.", stderr)
	evidenceDir := fl.String("evidence", "", "also check this evidence `folder` against the manifest's inputs")
	pubkey := fl.String("pubkey", "", "check manifest.sig with this Ed25519 public key `file` (PEM)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "generator verify: want one PATH, a built folder or a zip")
		fl.Usage()
		return ExitUsage
	}
	path := fl.Arg(0)
	var c pack.Check
	if *pubkey != "" {
		data, err := os.ReadFile(*pubkey)
		if err == nil {
			c.PublicKey, err = pack.ParsePublicKey(data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "generator verify: --pubkey %s: %v\n", *pubkey, err)
			return ExitUsage
		}
	}
	if *evidenceDir != "" {
		root, err := os.OpenRoot(*evidenceDir)
		if err != nil {
			fmt.Fprintf(stderr, "generator verify: --evidence: %v\n", err)
			return ExitUsage
		}
		defer root.Close()
		c.Evidence = root.FS()
	}
	site, closeSite, err := openBuilt(path)
	if err != nil {
		fmt.Fprintf(stderr, "generator verify: %v\n", err)
		return ExitDiffers
	}
	defer closeSite()
	r, err := pack.Verify(site, c)
	for _, p := range r.Problems {
		fmt.Fprintf(stdout, "%s: %s\n", path, p)
	}
	if err != nil {
		fmt.Fprintf(stderr, "generator verify: %s: %v\n", path, err)
		return ExitDiffers
	}
	sig := "unsigned"
	switch {
	case r.Signed && c.PublicKey != nil:
		sig = "signature checked"
	case r.Signed:
		sig = "signed, signature not checked (pass --pubkey)"
	}
	if !r.OK() {
		fmt.Fprintf(stdout, "%s: %d difference(s) from its manifest (fingerprint %s)\n", path, len(r.Problems), r.Fingerprint)
		return ExitDiffers
	}
	evidence := ""
	if c.Evidence != nil {
		evidence = ", and so does the evidence"
	}
	fmt.Fprintf(stdout, "%s: all %d files match manifest.json%s; fingerprint %s; %s\n", path, r.Files, evidence, r.Fingerprint, sig)
	return ExitOK
}

// openBuilt opens a built folder, or a zip of one.
func openBuilt(path string) (fs.FS, func(), error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if fi.IsDir() {
		root, err := os.OpenRoot(path)
		if err != nil {
			return nil, nil, err
		}
		return root.FS(), func() { root.Close() }, nil
	}
	zr, err := pack.OpenZip(path)
	if err != nil {
		return nil, nil, err
	}
	return zr, func() { zr.Close() }, nil
}

// runKeygen is `generator keygen [--out PREFIX]`: it writes an Ed25519
// key pair, PREFIX.key (private, readable by its owner only) and
// PREFIX.pub, and never overwrites a file.
func runKeygen(args []string, stdout, stderr io.Writer) int {
	fl := command("keygen", "Usage: go run ./generator keygen [--out PREFIX]\n\nWrites an Ed25519 key pair for signing manifests: PREFIX.key (private; keep it out of the evidence and the site) and PREFIX.pub (give it to those who verify).", stderr)
	prefix := fl.String("out", "signing", "write the keys to `PREFIX`.key and PREFIX.pub")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if fl.NArg() != 0 {
		fl.Usage()
		return ExitUsage
	}
	pub, priv, err := pack.GenerateKey(rand.Reader)
	if err == nil {
		err = writeNew(*prefix+".key", priv, 0o600)
	}
	if err == nil {
		err = writeNew(*prefix+".pub", pub, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "generator keygen: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "Wrote %s.key (private: keep it secret, out of the evidence and the site) and %s.pub (public: give it to those who verify).\n", *prefix, *prefix)
	return ExitOK
}

// writeNew writes a file that must not exist yet.
func writeNew(name string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
