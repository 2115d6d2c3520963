package fsguard

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOpenRegularRefusesFIFOAndDevices(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.rego")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// Opening a FIFO with no writer would block forever without O_NONBLOCK.
	if _, _, err := OpenRegular(fifo); !errors.Is(err, ErrNotRegular) {
		t.Errorf("FIFO: %v", err)
	}
	if _, err := ReadRegular("/dev/zero", 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
	f := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(f, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadRegular(f, 5); err != nil || string(b) != "12345" {
		t.Errorf("regular: %q %v", b, err)
	}
	if _, err := ReadRegular(f, 4); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the bound: %v", err)
	}
}

func TestWithin(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	out := filepath.Join(base, "rootx") // a sibling sharing the prefix
	for _, d := range []string{filepath.Join(root, "sub"), out} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(out, "s"), nil, 0o644)
	os.WriteFile(filepath.Join(root, "sub", "in"), nil, 0o644)
	os.Symlink(filepath.Join(out, "s"), filepath.Join(root, "link"))
	os.Symlink(filepath.Join(root, "sub", "in"), filepath.Join(root, "inlink"))
	for p, want := range map[string]bool{
		filepath.Join(root, "sub", "in"):                     true,
		filepath.Join(root, "inlink"):                        true,
		filepath.Join(root, "link"):                          false,
		filepath.Join(root, "sub", "..", "..", "rootx", "s"): false,
	} {
		if got, err := Within(root, p); err != nil || got != want {
			t.Errorf("Within(%s) = %v, %v; want %v", p, got, err, want)
		}
	}
}
