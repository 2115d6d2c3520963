package cli

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/internal/report"
)

// headlessBrowser finds a Chromium to drive headless ("" when none).
func headlessBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLReportInBrowser loads the harbor HTML report in a real headless
// Chromium: the rendered page shows the verdict and the counts, the
// verdict banner is painted (its red fills the top of the screenshot), and
// the page prints to PDF. With -update the screenshot is kept in
// testdata/golden/report/formats/harbor.html.png for review. Without a
// browser on PATH the test skips, saying how to get one (.ci/run installs
// Debian's chromium).
func TestHTMLReportInBrowser(t *testing.T) {
	browser := headlessBrowser()
	if browser == "" {
		t.Skip("SKIPPED: no headless Chromium on PATH (chromium, chromium-browser, google-chrome): " +
			"the HTML report was NOT checked in a browser; install one (apt-get install -y chromium) to run this test")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	res := harborResult(t)
	if err := (report.HTML{}).Render(&b, res); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(page)
	chrome := func(args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
			"--disable-extensions", "--user-data-dir=" + filepath.Join(dir, "profile")}
		cmd := exec.CommandContext(ctx, browser, append(append(base, args...), url)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %v: %v\n%s", browser, args, err, stderr.String())
		}
		return stdout.Bytes()
	}

	dom := string(chrome("--dump-dom"))
	sum := res.Summary
	for _, want := range []string{
		`<div class="verdict">FAIL</div>`,
		fmt.Sprintf("<b>%d</b>errors", sum.Errors),
		fmt.Sprintf("<b>%d</b>warnings", sum.Warnings),
		fmt.Sprintf("<b>%d</b>waived", sum.Waived),
		fmt.Sprintf("<b>%d</b>checks passed", sum.PassedChecks),
		"RACI-001", "Audit record",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}

	shot := filepath.Join(dir, "shot.png")
	chrome("--window-size=1200,1800", "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// The FAIL banner (#c62828) spans the page's top: count its pixels.
	red, total := 0, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y + 40; y < bounds.Min.Y+110 && y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 4 {
			r, g, b, _ := img.At(x, y).RGBA()
			total++
			if r>>8 > 170 && g>>8 < 80 && b>>8 < 80 {
				red++
			}
		}
	}
	if red*2 < total {
		t.Errorf("the verdict banner is not visible: %d of %d sampled pixels are banner red", red, total)
	}
	if *update {
		b, _ := os.ReadFile(shot)
		if err := os.WriteFile(filepath.Join(formatGoldens, "harbor.html.png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	pdf := filepath.Join(dir, "report.pdf")
	chrome("--no-pdf-header-footer", "--print-to-pdf="+pdf)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("the page does not print to PDF: %v", err)
	}
}
