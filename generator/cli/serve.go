package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	project "github.com/agency/evidence-site"
	"github.com/agency/evidence-site/generator/preview"
)

// settle is how long the files must be quiet before a rebuild.
const settle = 300 * time.Millisecond

// runServe is `generator serve`: it builds the site, serves it on this
// machine, and rebuilds it whenever the configuration, the evidence or
// the project's files change, reloading the pages open on it.
func runServe(args []string, stdout, stderr io.Writer) int {
	fl := command("serve", "Usage: go run ./generator serve [flags]\n\nBuilds the site, serves it on http://127.0.0.1:PORT/, and rebuilds it whenever config.toml, the evidence\nor (with --project) content/, layouts/ or static/ change; open pages reload. A failed rebuild shows its errors\nover the last good site. Stop it with Ctrl-C.", stderr)
	o := Options{}
	inputFlags(fl, &o)
	previousFlag(fl, &o)
	port := fl.Int("port", 8008, "serve on this `port` of 127.0.0.1 (0: any free port)")
	fl.StringVar(&o.Out, "out", "", "build into this `folder` (default: a temporary folder, removed on exit)")
	if code, ok := parse(fl, args); !ok {
		return code
	}
	if !noArgs(fl, stderr) {
		return ExitUsage
	}
	o.Today = today()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Serve(ctx, o, fmt.Sprintf("127.0.0.1:%d", *port), stdout, stderr, nil); err != nil {
		fmt.Fprintf(stderr, "generator serve: %v\n", err)
		return ExitError
	}
	return ExitOK
}

// Serve builds the site of o, serves it at addr until ctx is done, and
// rebuilds it on every change; ready, if not nil, is told the address
// once the first build has ended, well or not.
func Serve(ctx context.Context, o Options, addr string, stdout, stderr io.Writer, ready func(url string)) error {
	if o.Out == "" {
		tmp, err := os.MkdirTemp("", "evidence-site-preview-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		o.Out = filepath.Join(tmp, "public")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot serve on %s: %w (choose another with --port)", addr, err)
	}
	site := preview.New(o.Out)
	srv := &http.Server{Handler: site, BaseContext: func(net.Listener) context.Context { return ctx }, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	defer func() {
		shut, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()

	watched := []string{o.Config, o.Evidence}
	if o.Project != "" {
		for _, dir := range project.Folders {
			watched = append(watched, filepath.Join(o.Project, dir))
		}
	}
	// What cannot be watched is said as a build says it.
	root, err := openEvidence(o)
	if err != nil {
		return err
	}
	root.Close()
	// Watching starts before the first build, so that no change made
	// meanwhile is missed.
	watcher, err := preview.NewWatcher(watched)
	if err != nil {
		return fmt.Errorf("watching for changes: %w", err)
	}
	build := func() {
		err := Build(o, stdout, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "generator serve: the build failed, still serving the last good site: %v\n", err)
		}
		site.Built(err)
	}
	build()
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "Serving %s at %s: edit the evidence and the pages follow. Ctrl-C to stop.\n", o.Out, url)
	if ready != nil {
		ready(url)
	}
	watch := make(chan error, 1)
	go func() { watch <- watcher.Run(ctx, settle, build) }()
	select {
	case err := <-watch:
		if err != nil {
			return fmt.Errorf("watching for changes: %w", err)
		}
		return nil
	case err := <-served:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}
