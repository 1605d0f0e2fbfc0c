package pack

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		".evidence-site":          {Data: []byte("marker\n")},
		"index.html":              {Data: []byte("<!DOCTYPE html><title>x</title>")},
		"registers/staff.html":    {Data: []byte("staff")},
		"registers/staff.html.gz": {Data: []byte("not really")},
		"gaps.json":               {Data: []byte("{}\n")},
	}
}

func build() Build {
	return Build{
		Generator: Generator{Module: "github.com/agency/evidence-site", Version: "(devel)"},
		AsOf:      "2026-11-27",
		Config:    File{Path: "config.toml", Size: 3, SHA256: "abc"},
		Evidence:  []File{{Path: "staff.xlsx", Size: 1, SHA256: "def"}},
	}
}

// sealed returns a site with its manifest, and its signature when priv
// (a PEM private key) is not nil.
func sealed(t *testing.T, priv []byte) fstest.MapFS {
	t.Helper()
	s := site()
	var k ed25519.PrivateKey
	if priv != nil {
		var err error
		if k, err = ParsePrivateKey(priv); err != nil {
			t.Fatal(err)
		}
	}
	add, err := Seal(build(), s, k)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range add {
		s[name] = &fstest.MapFile{Data: data}
	}
	return s
}

func keys(t *testing.T) (pub, priv []byte) {
	t.Helper()
	pub, priv, err := GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return pub, priv
}

func TestVerify(t *testing.T) {
	pub, priv := keys(t)
	otherPub, _ := keys(t)
	tests := []struct {
		name   string
		change func(s fstest.MapFS)
		key    []byte // public key to check with
		want   []string
	}{
		{name: "as built", want: nil},
		{name: "as built, signature checked", key: pub, want: nil},
		{name: "one byte changed", change: func(s fstest.MapFS) { s["registers/staff.html"].Data = []byte("stafF") },
			want: []string{"changed: registers/staff.html"}},
		{name: "a file deleted", change: func(s fstest.MapFS) { delete(s, "gaps.json") }, want: []string{"missing: gaps.json"}},
		{name: "a file added", change: func(s fstest.MapFS) { s["registers/extra.html"] = &fstest.MapFile{Data: []byte("x")} },
			want: []string{"extra: registers/extra.html"}},
		{name: "the manifest's file list changed", key: pub, change: func(s fstest.MapFS) {
			s[ManifestFile].Data = bytes.Replace(s[ManifestFile].Data, []byte(`"path": "gaps.json"`), []byte(`"path": "gaps.jsoN"`), 1)
		}, want: []string{"signature: the signature does not match", "missing: gaps.jsoN", "extra: gaps.json"}},
		{name: "the manifest's inputs changed", change: func(s fstest.MapFS) {
			s[ManifestFile].Data = bytes.Replace(s[ManifestFile].Data, []byte(`"as_of": "2026-11-27"`), []byte(`"as_of": "2026-11-28"`), 1)
		}, want: []string{"fingerprint: does not match"}},
		{name: "another public key", key: otherPub, want: []string{"signature: the signature does not match"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sealed(t, priv)
			if tt.change != nil {
				tt.change(s)
			}
			var c Check
			if tt.key != nil {
				k, err := ParsePublicKey(tt.key)
				if err != nil {
					t.Fatal(err)
				}
				c.PublicKey = k
			}
			// The folder, and the same folder zipped.
			for _, form := range []string{"folder", "zip"} {
				var fsys fs.FS = s
				if form == "zip" {
					var buf bytes.Buffer
					if err := WriteZip(&buf, s); err != nil {
						t.Fatal(err)
					}
					zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
					if err != nil {
						t.Fatal(err)
					}
					fsys = zr
				}
				r, err := Verify(fsys, c)
				if err != nil {
					t.Fatalf("%s: %v", form, err)
				}
				if !r.Signed || r.Files != len(s)-2 { // all but the manifest and its signature

					t.Errorf("%s: signed %v, %d files checked", form, r.Signed, r.Files)
				}
				if len(r.Problems) != len(tt.want) || r.OK() != (len(tt.want) == 0) {
					t.Fatalf("%s: problems %q, want %q", form, r.Problems, tt.want)
				}
				for i, w := range tt.want {
					if !strings.HasPrefix(r.Problems[i], w) {
						t.Errorf("%s: problem %d is %q, want %q...", form, i, r.Problems[i], w)
					}
				}
			}
		})
	}
}

func TestVerifyEvidence(t *testing.T) {
	s := sealed(t, nil)
	ev := fstest.MapFS{"staff.xlsx": {Data: []byte("x")}}
	r, err := Verify(s, Check{Evidence: ev})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"evidence changed: staff.xlsx"}
	if len(r.Problems) != 1 || !strings.HasPrefix(r.Problems[0], want[0]) {
		t.Errorf("problems %q, want %q", r.Problems, want)
	}
	if _, err := Verify(fstest.MapFS{"index.html": {}}, Check{}); err == nil || !strings.Contains(err.Error(), ManifestFile) {
		t.Errorf("a folder with no manifest: %v", err)
	}
}

func TestZipIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	s := site()
	if err := WriteZip(&a, s); err != nil {
		t.Fatal(err)
	}
	// The same files, made in another order.
	s2 := fstest.MapFS{}
	for _, k := range slices.Backward(slices.Sorted(maps.Keys(s))) {
		s2[k] = &fstest.MapFile{Data: s[k].Data, Mode: 0o600}
	}
	if err := WriteZip(&b, s2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same files give different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Mode().Perm() != 0o644 || !f.Modified.Equal(zipTime) {
			t.Errorf("%s: mode %v, time %v", f.Name, f.Mode(), f.Modified)
		}
	}
	if !slices.IsSorted(names) || len(names) != len(s) {
		t.Errorf("entries %q", names)
	}
}

func TestCheckZipRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		hdr  zip.FileHeader
		want string
	}{
		{"a path out of the zip", zip.FileHeader{Name: "../evil.html", Method: zip.Store}, "not a path inside"},
		{"an absolute path", zip.FileHeader{Name: "/etc/passwd", Method: zip.Store}, "not a path inside"},
		{"a bomb", zip.FileHeader{Name: "big.html", Method: zip.Deflate, UncompressedSize64: MaxZipEntrySize + 1}, "unpacks to"},
	} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		h := tt.hdr
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte{3, 0}) // an empty deflate stream
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			if tt.want == "not a path inside" {
				continue // the standard library already refuses it
			}
			t.Fatal(err)
		}
		if err := checkZip(zr); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	pub, priv := keys(t)
	if _, err := ParsePublicKey(priv); err == nil {
		t.Error("a private key read as a public key")
	}
	if _, err := ParsePrivateKey(pub); err == nil {
		t.Error("a public key read as a private key")
	}
	k, err := ParsePrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	sig := Sign(k, []byte("manifest"))
	if err := CheckSignature(p, []byte("manifest"), sig); err != nil {
		t.Error(err)
	}
	if err := CheckSignature(p, []byte("manifesT"), sig); err != ErrBadSignature {
		t.Errorf("a changed message: %v", err)
	}
	if err := CheckSignature(p, []byte("manifest"), []byte("not base64!")); err == nil {
		t.Error("garbage accepted as a signature")
	}
}

func FuzzParseKeys(f *testing.F) {
	pub, priv, _ := GenerateKey(rand.Reader)
	f.Add(pub)
	f.Add(priv)
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParsePublicKey(data); err != nil && err.Error() == "" {
			t.Error("an empty error")
		}
		if _, err := ParsePrivateKey(data); err != nil && err.Error() == "" {
			t.Error("an empty error")
		}
	})
}

func FuzzVerifyZip(f *testing.F) {
	var buf bytes.Buffer
	s := site()
	add, _ := Seal(build(), s, nil)
	for n, d := range add {
		s[n] = &fstest.MapFile{Data: d}
	}
	WriteZip(&buf, s)
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil || checkZip(zr) != nil {
			return
		}
		if _, err := Verify(zr, Check{}); err != nil && err.Error() == "" {
			t.Error("an empty error")
		}
	})
}
