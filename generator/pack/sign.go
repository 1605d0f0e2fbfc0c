package pack

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
)

// Keys are PEM files as OpenSSL writes them: the private key PKCS #8
// ("PRIVATE KEY"), the public key PKIX ("PUBLIC KEY"), so that
// `openssl pkey -in key.pem -pubout` gives the same public key.

// GenerateKey makes an Ed25519 key pair from rand, as PEM.
func GenerateKey(rand io.Reader) (public, private []byte, err error) {
	pub, priv, err := ed25519.GenerateKey(rand)
	if err != nil {
		return nil, nil, err
	}
	pkix, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, nil, err
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pkix}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}), nil
}

// ParsePrivateKey reads an Ed25519 private key from PEM.
func ParsePrivateKey(data []byte) (ed25519.PrivateKey, error) {
	b, err := pemBlock(data, "PRIVATE KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKCS8PrivateKey(b)
	if err != nil {
		return nil, fmt.Errorf("not a PKCS #8 private key: %w", err)
	}
	key, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("a %T, not an Ed25519 private key", k)
	}
	return key, nil
}

// ParsePublicKey reads an Ed25519 public key from PEM.
func ParsePublicKey(data []byte) (ed25519.PublicKey, error) {
	b, err := pemBlock(data, "PUBLIC KEY")
	if err != nil {
		return nil, err
	}
	k, err := x509.ParsePKIXPublicKey(b)
	if err != nil {
		return nil, fmt.Errorf("not a PKIX public key: %w", err)
	}
	key, ok := k.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("a %T, not an Ed25519 public key", k)
	}
	return key, nil
}

func pemBlock(data []byte, typ string) ([]byte, error) {
	b, _ := pem.Decode(data)
	if b == nil {
		return nil, fmt.Errorf("no PEM block: want a %q file", typ)
	}
	if b.Type != typ {
		return nil, fmt.Errorf("a %q PEM block: want %q", b.Type, typ)
	}
	return b.Bytes, nil
}

// Sign signs msg: manifest.sig is the signature in base64, one line.
func Sign(key ed25519.PrivateKey, msg []byte) []byte {
	return []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(key, msg)) + "\n")
}

// ErrBadSignature is a signature that does not match.
var ErrBadSignature = errors.New("the signature does not match manifest.json: it was changed, or signed with another key")

// CheckSignature checks sig (as Sign writes it) of msg against key.
func CheckSignature(key ed25519.PublicKey, msg, sig []byte) error {
	raw, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(sig)))
	if err != nil || len(raw) != ed25519.SignatureSize {
		return fmt.Errorf("%s is not an Ed25519 signature in base64", SignatureFile)
	}
	if !ed25519.Verify(key, msg, raw) {
		return ErrBadSignature
	}
	return nil
}
