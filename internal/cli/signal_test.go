package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/hangguard"
	"github.com/tollgate-dev/tollgate/internal/testdocs"
)

// stageEnv makes a child (TestMain) watch its own goroutine stacks and
// print stageMarker to stderr once one of them is inside the named
// function: the test then knows the run is at that stage when it signals
// it, with no hook in the tool itself.
const (
	stageEnv    = "TOLLGATE_TEST_ANNOUNCE_STAGE"
	stageMarker = "tollgate-test: stage reached: "
)

// announceStage is started by TestMain in a child when stageEnv is set.
func announceStage(fn string) {
	buf := make([]byte, 8<<20)
	for {
		n := runtime.Stack(buf, true)
		if bytes.Contains(buf[:n], []byte(fn+"(")) {
			fmt.Fprintln(os.Stderr, stageMarker+fn)
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestSIGTERMWhileNormalizing signals a run that is in the middle of
// normalizing a large workbook (a 50,000-task schedule): it exits 130
// within the grace period, says it was interrupted, and leaves no report
// and no temporary file where the report was to go.
func TestSIGTERMWhileNormalizing(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes a 50,000-task workbook (skipped in -short)")
	}
	docs := t.TempDir()
	tasks, status := testdocs.SynthSchedule(50_000, 1)
	if err := testdocs.SynthXLSX(filepath.Join(docs, "ims.xlsx"), tasks, status); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			report := filepath.Join(outDir, "report.json")
			cmd := exec.Command(os.Args[0], "check", docs, "--format", "json="+report, "--as-of", "2026-11-22",
				"--limit", "read_timeout=10m", "--limit", "eval_timeout=10m", "--limit", "project_timeout=10m")
			cmd.Env = append(os.Environ(), childEnv+"=1", stageEnv+"=github.com/tollgate-dev/tollgate/internal/normalize.Normalize")
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			var rest strings.Builder
			reached := make(chan struct{})
			go func() {
				defer close(done)
				sc := bufio.NewScanner(stderr)
				for sc.Scan() {
					if strings.HasPrefix(sc.Text(), stageMarker) {
						close(reached)
						continue
					}
					rest.WriteString(sc.Text() + "\n")
				}
				io.Copy(io.Discard, stderr)
			}()
			kill := time.AfterFunc(5*time.Minute, func() { cmd.Process.Kill() })
			defer kill.Stop()
			select {
			case <-reached:
			case <-done:
				cmd.Wait()
				t.Fatalf("the run ended before normalizing was seen; stderr: %s", rest.String())
			}
			signalled := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			<-done
			cmd.Wait()
			took := time.Since(signalled)
			if code := cmd.ProcessState.ExitCode(); code != ExitInterrupted {
				t.Fatalf("exit %d, want 130; stderr: %s", code, rest.String())
			}
			// 2 s is the promise (interruptGrace is 1.5 s); the test fails
			// only at 10×, a hang rather than a busy machine.
			hangguard.Check(t, "exit after "+sig.String()+" while normalizing", took, 20*time.Second)
			if !strings.Contains(rest.String(), "interrupted") {
				t.Errorf("stderr does not say it was interrupted: %q", rest.String())
			}
			if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
				t.Errorf("the output directory holds %d entries (a report or a temporary file), want none", len(entries))
			}
		})
	}
}
