package xlsx

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/tollgate-dev/tollgate/internal/limits"
)

// TestDump prints the tree of the file named by XLSX_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	p := os.Getenv("XLSX_DUMP")
	if p == "" {
		t.Skip("set XLSX_DUMP to a workbook path")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	tree, err := Read(context.Background(), f, st.Size(), p, limits.Default())
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.MarshalIndent(tree, "", " ")
	fmt.Println(string(out))
}
