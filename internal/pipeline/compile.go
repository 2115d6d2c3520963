package pipeline

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/tollgate-dev/tollgate/internal/config"
	"github.com/tollgate-dev/tollgate/internal/discover"
	"github.com/tollgate-dev/tollgate/internal/finding"
	"github.com/tollgate-dev/tollgate/internal/format"
	"github.com/tollgate-dev/tollgate/internal/limits"
	"github.com/tollgate-dev/tollgate/internal/policy"
	"github.com/tollgate-dev/tollgate/internal/report"
)

// compilation is the run's rules compiling in the background while the
// files are read: compiling the packs takes about 0.3 s of CPU, most of a
// small run. Measured against compiling first and reading after (on an
// idle 2-core machine, docs/performance.md): the 10,000-task schedule
// 0.625 against 0.831 s, the example program 5% faster.
type compilation struct {
	ctx    context.Context // cancelled when the compilation fails
	cancel context.CancelFunc
	done   chan struct{}
	eng    *policy.Engine
	err    error
	// timeout bounds the compilation (limits.compile_timeout): OPA's
	// compiler takes no context, and a large hostile policy compiled for
	// tens of seconds.
	timeout  time.Duration
	deadline time.Time
}

// A short reading decides two things. The compilation is split among the
// cores when the reading is short: the cores are otherwise idle and the
// compilation is most of the run (the example program: 10% of its wall
// time on an idle 2-core machine, docs/performance.md);
// when it is long, one compiler leaves the other cores to the reading (a
// 10,000-task CSV schedule was 15 % slower with the compilation split).
// And the garbage collector stays held off (HoldCollection) only for a
// short reading. shortReading estimates the reading from the files'
// sizes and formats against shortReadingUnder.
const shortReadingUnder = 300 // ms

// shortReading: reading and normalizing these files should take less than
// shortReadingUnder, at each format's read rate (format.ReadRate).
func shortReading(files []discover.File) bool {
	var ms float64
	for _, f := range files {
		ms += float64(f.Size) / 1024 * format.ReadRate(f.Format)
	}
	return ms < shortReadingUnder
}

// compiler starts compiling the run's rules, sized by the reading ahead
// (files), or hands over Options.Engine.
func (o Options) compiler(ctx context.Context, files []discover.File) (*compilation, error) {
	c := &compilation{done: make(chan struct{}), timeout: o.Limits.CompileTimeout}
	c.ctx, c.cancel = context.WithCancel(ctx)
	if o.Engine != nil {
		c.eng = o.Engine
		close(c.done)
		return c, nil
	}
	popts, err := o.policyOptions()
	if err != nil {
		c.cancel()
		return nil, fmt.Errorf("config: %w", err)
	}
	workers := 1
	if shortReading(files) {
		workers = runtime.GOMAXPROCS(0)
	} else {
		releaseCollection() // a large input: collected as Go does from the start
	}
	popts.CompileWorkers = workers
	c.deadline = time.Now().Add(c.timeout)
	go func() {
		defer close(c.done)
		c.eng, c.err = policy.Compile(c.ctx, popts)
		if c.err != nil {
			c.err = fmt.Errorf("policies: %w", c.err)
			c.cancel() // no use reading on
		}
	}()
	return c, nil
}

// wait blocks until the compilation is over. Past limits.compile_timeout
// it gives up with an error (the run ends with exit 2; the abandoned
// compiler goes with the process).
func (c *compilation) wait() (*policy.Engine, error) {
	if c.timeout <= 0 || c.deadline.IsZero() {
		<-c.done
		return c.eng, c.err
	}
	timer := time.NewTimer(time.Until(c.deadline))
	defer timer.Stop()
	select {
	case <-c.done:
		return c.eng, c.err
	case <-timer.C:
		c.cancel()
		return nil, fmt.Errorf("the rules did not compile within %s; %s",
			c.timeout, limits.Hint(limits.KeyCompileTimeout))
	}
}

// failed is the error of a pass the compilation's context stopped: the
// compilation's own error when it failed, else err.
func (c *compilation) failed(ctx context.Context, err error) error {
	if ctx.Err() == nil {
		if _, cerr := c.wait(); cerr != nil {
			return cerr
		}
	}
	return err
}

// checkEngine says the compiled rules' warnings and checks the
// configuration against them (fail closed).
func (o Options) checkEngine(eng *policy.Engine) error {
	for _, w := range eng.Warnings() {
		// A warning names user policy files: escaped like any text from
		// the checked tree.
		fmt.Fprintf(o.Log, "tollgate: warning: %s\n", report.EscapeText(w))
	}
	dirs := append([]string(nil), o.Policies...)
	if pols, err := o.Config.PolicySources(); err == nil {
		for _, p := range pols {
			dirs = append(dirs, p.Path)
		}
	}
	return checkConfigClosed(o.Config, eng.Rules(), dirs)
}

// policyOptions are the rules and data of the run. The configuration's
// policies: and data: must resolve inside its own directory (a rule could
// otherwise read and print any file of the CI machine); Options.Policies
// and Options.Data are the user's own choice.
func (o Options) policyOptions() (policy.Options, error) {
	cfg := o.Config
	pols, err := cfg.PolicySources()
	if err != nil {
		return policy.Options{}, err
	}
	data, err := cfg.DataSources()
	if err != nil {
		return policy.Options{}, err
	}
	p := policy.Options{
		Packs:           cfg.Packs,
		Confine:         map[string]string{},
		Project:         cfg.ProjectData(o.AsOf),
		Thresholds:      cfg.Thresholds,
		Severity:        map[string]finding.Severity{},
		SeverityTighten: map[string]finding.Severity{},
		AllowNet:        o.AllowNet,
		Print:           o.Trace != "",
		Trace:           o.Trace,
		TraceTo:         escaping{o.Log},
		EvalTimeout:     o.Limits.EvalTimeout,
		EvalMemory:      o.Limits.EvalMemory,
		PolicyBytes:     o.Limits.PolicyBytes,
		DataBytes:       o.Limits.DataBytes,
	}
	for _, s := range pols {
		p.PolicyDirs = append(p.PolicyDirs, s.Path)
		p.Confine[s.Path] = s.Root
	}
	for _, d := range data {
		p.DataFiles = append(p.DataFiles, d.Path)
		p.Confine[d.Path] = d.Root
	}
	p.PolicyDirs = append(p.PolicyDirs, o.Policies...)
	p.DataFiles = append(p.DataFiles, o.Data...)
	if len(p.Packs) == 0 {
		p.Packs = config.DefaultPacks(cfg.Project.Framework)
	}
	for id, s := range cfg.Severity {
		p.Severity[id] = finding.Severity(s)
	}
	for id, s := range cfg.SeverityTighten {
		p.SeverityTighten[id] = finding.Severity(s)
	}
	return p, nil
}

// compileOnce compiles the run's rules at once (Merge: there is no reading
// to overlap).
func (o Options) compileOnce(ctx context.Context) (*policy.Engine, error) {
	if o.Engine != nil {
		return o.Engine, nil
	}
	c, err := o.compiler(ctx, nil)
	if err != nil {
		return nil, err
	}
	return c.wait()
}

// escaping writes the trace escaped line by line (report.EscapeLines): it
// quotes document paths, values and the print() output of user rules, and
// goes to a terminal or a CI log.
type escaping struct{ w io.Writer }

func (e escaping) Write(p []byte) (int, error) {
	if _, err := io.WriteString(e.w, report.EscapeLines(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
