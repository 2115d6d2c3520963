package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profiling holds the hidden --cpuprofile / --memprofile flags: how the
// numbers in the README's performance section are taken apart
// (go tool pprof tollgate cpu.out).
type profiling struct {
	cpuPath, memPath string
	cpu              *os.File
}

func (p *profiling) flags(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&p.cpuPath, "cpuprofile", "", "write a CPU profile of the run to this file")
	f.StringVar(&p.memPath, "memprofile", "", "write a heap profile at the end of the run to this file")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
}

func (p *profiling) start() error {
	if p.cpuPath == "" {
		return nil
	}
	f, err := os.Create(p.cpuPath)
	if err != nil {
		return toolError(fmt.Errorf("--cpuprofile: %w", err))
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return toolError(fmt.Errorf("--cpuprofile: %w", err))
	}
	p.cpu = f
	return nil
}

// stop ends the CPU profile and writes the heap profile; errors go to
// stderr (the run's own outcome stands).
func (p *profiling) stop(stderr io.Writer) {
	if p.cpu != nil {
		pprof.StopCPUProfile()
		p.cpu.Close()
		p.cpu = nil
	}
	if p.memPath == "" {
		return
	}
	f, err := os.Create(p.memPath)
	if err != nil {
		fmt.Fprintln(stderr, "tollgate: --memprofile:", err)
		return
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintln(stderr, "tollgate: --memprofile:", err)
	}
}
