package cli

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/synth"
	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/site"
	"github.com/agency/evidence-site/generator/workdays"
)

// BenchmarkScale builds synthetic evidence sets (package synth) stage by
// stage, each size's set generated once per process:
//
//	floor     merely streaming every workbook of the set with excelize's
//	          row iterator, raw values, doing nothing else
//	read      evidence.Load
//	evaluate  rules.Evaluate
//	model     model.Build
//	render    site.Build: render and write the site
//	build     the whole Build, from config.toml to the written site
//
// Besides ns/op, each stage reports x-floor, its time over the floor's
// measured in the same process, and peak-MB, the process's peak resident
// memory while it ran (Linux: VmHWM from /proc/self/status, reset before
// each stage through /proc/self/clear_refs where the kernel allows; it is
// a process-wide high-water mark, so what earlier stages left live counts
// too: run one size per process for a true figure). S and M run by
// default; L and XL only when SCALE names them (SCALE=L, SCALE=XL or
// SCALE=L,XL), so that go test ./... stays fast. One size per process:
//
//	go test ./generator/cli -run '^$' -bench 'Scale/^M$' -count 3
//	SCALE=L go test ./generator/cli -run '^$' -bench 'Scale/^L$' -count 3 -timeout 60m
func BenchmarkScale(b *testing.B) {
	enabled := strings.Split(strings.ToUpper(os.Getenv("SCALE")), ",")
	for _, sz := range synth.Sizes() {
		b.Run(sz.Name, func(b *testing.B) {
			if sz.Name != "S" && sz.Name != "M" && !slices.Contains(enabled, sz.Name) {
				b.Skipf("set SCALE=%s to run size %s", sz.Name, sz.Name)
			}
			sc := scaleSet(b, sz)
			stage := func(name string, prepare func(b *testing.B), run func(b *testing.B)) {
				b.Run(name, func(b *testing.B) {
					if prepare != nil {
						prepare(b)
					}
					resetPeak()
					for b.Loop() {
						run(b)
					}
					perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
					if name == "floor" {
						sc.floor = perOp
					} else {
						b.ReportMetric(perOp/sc.floorNs(b), "x-floor")
					}
					if mb, ok := peakMB(); ok {
						b.ReportMetric(mb, "peak-MB")
					}
				})
			}
			stage("floor", nil, func(b *testing.B) { sc.streamAll(b) })
			// Each stage keeps its output for the next; the previous
			// iteration's is dropped first, so that it does not count in
			// the peak.
			stage("read", nil, func(b *testing.B) { sc.ev = nil; sc.ev = sc.load() })
			stage("evaluate", func(b *testing.B) { sc.evidence(b) }, func(b *testing.B) { sc.res = nil; sc.res = sc.evaluate() })
			stage("model", func(b *testing.B) { sc.result(b) }, func(b *testing.B) { sc.m = nil; sc.m = sc.model() })
			stage("render", func(b *testing.B) { sc.site(b) }, func(b *testing.B) {
				if err := site.Build(sc.m, os.DirFS(scaleProject), sc.root.FS(), sc.out, site.Options{}); err != nil {
					b.Fatal(err)
				}
			})
			// The whole build starts with nothing of the stages above
			// live, as a real run does.
			stage("build", func(b *testing.B) { sc.release() }, func(b *testing.B) {
				o := Options{Project: scaleProject, Config: filepath.Join(sc.dir, "config.toml"),
					Evidence: filepath.Join(sc.dir, "evidence"), Out: sc.out}
				if err := Build(o, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// scaleProject is the project folder, holding content/, layouts/, static/.
const scaleProject = "../.."

// scale is one size's set, its inputs, and the output of each stage for
// the next, kept so that a stage run alone can be given its input.
type scale struct {
	size  synth.Size
	dir   string // config.toml, evidence/, public/
	out   string
	root  *os.Root
	floor float64 // ns per streaming of every workbook, once measured

	cfg *config.Config
	cal *workdays.Calendar
	sch *schedule.Schedule
	ev  *evidence.Evidence
	res *rules.Result
	m   *model.Site
}

var scaleSets struct {
	sync.Mutex
	root string
	sets map[string]*scale
}

// cleanupScaleSets removes every generated set: TestMain calls it.
func cleanupScaleSets() {
	scaleSets.Lock()
	defer scaleSets.Unlock()
	for _, sc := range scaleSets.sets {
		sc.root.Close()
	}
	if scaleSets.root != "" {
		os.RemoveAll(scaleSets.root)
	}
}

// scaleSet returns the set of size sz, generating it on first use.
func scaleSet(b *testing.B, sz synth.Size) *scale {
	b.Helper()
	scaleSets.Lock()
	defer scaleSets.Unlock()
	if sc, ok := scaleSets.sets[sz.Name]; ok {
		return sc
	}
	if scaleSets.root == "" {
		root, err := os.MkdirTemp("", "evidence-site-scale-")
		if err != nil {
			b.Fatal(err)
		}
		scaleSets.root, scaleSets.sets = root, map[string]*scale{}
	}
	docs, err := synth.Documents(os.DirFS(filepath.Join(scaleProject, "content")))
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(scaleSets.root, sz.Name)
	start := time.Now()
	if _, err := synth.Write(dir, synth.Options{Size: sz, Seed: 1, Documents: docs}); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated size %s in %s: %s", sz.Name, time.Since(start).Round(time.Millisecond), dir)
	sc := &scale{size: sz, dir: dir, out: filepath.Join(dir, "public")}
	if sc.root, err = os.OpenRoot(filepath.Join(dir, "evidence")); err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if sc.cfg, err = config.Parse("config.toml", src); err != nil {
		b.Fatal(err)
	}
	if sc.cal, err = workdays.New(sc.cfg.Calendar.Region, sc.cfg.Calendar.ExtraHolidays); err != nil {
		b.Fatal(err)
	}
	if sc.sch, err = schedule.Load(os.DirFS(filepath.Join(scaleProject, "content")), evidence.SourceNames()); err != nil {
		b.Fatal(err)
	}
	scaleSets.sets[sz.Name] = sc
	return sc
}

// floorNs returns the floor, measuring it once if no floor stage ran in
// this process (a stage run alone with -bench).
func (sc *scale) floorNs(b *testing.B) float64 {
	if sc.floor == 0 {
		start := time.Now()
		sc.streamAll(b)
		sc.floor = float64(time.Since(start).Nanoseconds())
	}
	return sc.floor
}

// streamAll streams every row of every sheet of every workbook of the set,
// reading raw values, as the evidence reader opens them (read whole, then
// opened with the same bounds), and does nothing with them: the floor.
func (sc *scale) streamAll(b *testing.B) {
	paths, err := filepath.Glob(filepath.Join(sc.dir, "evidence", "*.xlsx"))
	if err != nil || len(paths) == 0 {
		b.Fatalf("no workbooks in %s: %v", sc.dir, err)
	}
	cells := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
			UnzipSizeLimit:    evidence.MaxUnzippedSize,
			UnzipXMLSizeLimit: 16 << 20, // as the reader (generator/evidence/register.go)
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range f.GetSheetList() {
			rows, err := f.Rows(name)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				row, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				cells += len(row)
			}
			if err := rows.Close(); err != nil {
				b.Fatal(err)
			}
		}
		f.Close()
	}
	if cells == 0 {
		b.Fatal("no cells streamed")
	}
}

func (sc *scale) load() *evidence.Evidence {
	return evidence.Load(sc.root.FS(), "evidence")
}

func (sc *scale) evaluate() *rules.Result {
	res := rules.Evaluate(rules.Input{Config: sc.cfg, AsOf: sc.cfg.Review.AsOf, Calendar: sc.cal,
		Paragraphs: sc.sch.Form(sc.cfg.Contract.Form), Schedule: sc.sch, Evidence: sc.ev})
	return &res
}

func (sc *scale) model() *model.Site {
	return model.Build(model.Input{Config: sc.cfg, AsOf: sc.cfg.Review.AsOf, AsOfSource: "[review] as_of in config.toml",
		Schedule: sc.sch, Evidence: sc.ev, Result: *sc.res, Calendar: sc.cal})
}

// evidence, result and site give the input of a stage, computing it (not
// timed) when the stage before did not run in this process.
func (sc *scale) evidence(b *testing.B) {
	if sc.ev == nil {
		sc.ev = sc.load()
	}
}

func (sc *scale) result(b *testing.B) {
	sc.evidence(b)
	if sc.res == nil {
		sc.res = sc.evaluate()
	}
}

func (sc *scale) site(b *testing.B) {
	sc.result(b)
	if sc.m == nil {
		sc.m = sc.model()
	}
}

// release drops the stages' outputs and returns their memory to the
// system.
func (sc *scale) release() {
	sc.ev, sc.res, sc.m = nil, nil, nil
	runtime.GC()
	debug.FreeOSMemory()
}

// resetPeak resets the process's peak resident memory to its current
// resident memory (Linux 4.0 on: "5" to /proc/self/clear_refs); where it
// cannot, the peak stays the process's since it started.
func resetPeak() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakMB returns the process's peak resident memory, VmHWM, in MB.
func peakMB() (float64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				return 0, false
			}
			return kb / 1024, true
		}
	}
	return 0, false
}
