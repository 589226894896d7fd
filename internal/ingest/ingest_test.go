package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"plain text", "a.txt", "Iran said on Sunday it would not seek permission.", FormatText},
		{"markdown by content", "a.txt", "# Title\n\nBy [AFP](#)\n\n**Bold** text", FormatMarkdown},
		{"markdown by extension", "a.md", "Just prose.", FormatMarkdown},
		{"html without extension", "page", "<!DOCTYPE html><html><body><p>x</p></body></html>", FormatHTML},
		{"html with wrong extension", "a.json", "<html><head><title>t</title></head><body><p>x</p></body></html>", FormatHTML},
		{"html fragment", "a.txt", "<div><p>One</p><p>Two</p><a href=x>l</a></div>", FormatHTML},
		{"json object", "a.txt", ` {"title":"t","text":"x"}`, FormatJSON},
		{"json array", "a", `[{"text":"x"},{"text":"y"}]`, FormatJSON},
		{"jsonl", "a.json", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n", FormatJSONL},
		{"brace prose is text", "a.txt", "{not json} but prose", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.file, []byte(tt.in)); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestToUTF8(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf8", []byte("caf\xc3\xa9"), "café"},
		{"utf8 bom", []byte("\xef\xbb\xbfcaf\xc3\xa9"), "café"},
		{"windows-1252", []byte("caf\xe9 \x93quoted\x94"), "café “quoted”"},
		{"utf16le bom", []byte{0xFF, 0xFE, 'h', 0, 'i', 0}, "hi"},
		{"utf16be bom", []byte{0xFE, 0xFF, 0, 'h', 0, 'i'}, "hi"},
	}
	for _, tt := range tests {
		if got := string(toUTF8(tt.in)); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func parseAll(t *testing.T, source, in string) ([]Record, []Problem, error) {
	t.Helper()
	var recs []Record
	var bad []Problem
	err := Parse(source, []byte(in), func(r Record) error { recs = append(recs, r); return nil },
		func(p Problem) { bad = append(bad, p) })
	return recs, bad, err
}

func TestParseJSON(t *testing.T) {
	in := `[{"title":"A","text":"Body A","url":"https://x.test/a","outlet":"X","published":"2022-12-18","byline":"AFP"},
	        {"title":"B","html":"<p>Body B</p>","date":"2022-12-20T10:00:00Z","author":"Dave"},
	        {"title":"no body"},
	        {"text":"C","published":12}]`
	recs, bad, err := parseAll(t, "in.json", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(bad) != 2 {
		t.Fatalf("got %d records and %d problems, want 2 and 2: %v", len(recs), len(bad), bad)
	}
	want := Record{Source: "in.json#1", Format: FormatJSON, Title: "A", Text: "Body A", URL: "https://x.test/a",
		Outlet: "X", Byline: "AFP", Published: time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)}
	got := recs[0]
	got.Raw = nil
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("record 1 (-want +got):\n%s", diff)
	}
	if string(recs[1].HTML) != "<p>Body B</p>" || recs[1].Byline != "Dave" || recs[1].Published.Day() != 20 {
		t.Errorf("record 2 = %+v", recs[1])
	}
	if !errors.Is(bad[0].Err, ErrNoText) || bad[0].Path != "in.json#3" {
		t.Errorf("problem 1 = %v, want ErrNoText at in.json#3", bad[0])
	}
	if !strings.Contains(bad[1].Error(), "published") {
		t.Errorf("problem 2 = %v, want a published error", bad[1])
	}
}

func TestParseJSONL(t *testing.T) {
	in := "{\"text\":\"one\"}\n\n{broken\n{\"text\":\"three\",\"outlet\":\"Y\"}\n"
	recs, bad, err := parseAll(t, "f.jsonl", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1].Outlet != "Y" || recs[1].Source != "f.jsonl#4" || recs[0].Format != FormatJSONL {
		t.Errorf("records = %+v", recs)
	}
	if len(bad) != 1 || bad[0].Path != "f.jsonl#3" {
		t.Errorf("problems = %v, want one at f.jsonl#3", bad)
	}
}

func TestParseBadInput(t *testing.T) {
	big := strings.Repeat("word ", MaxArticleBytes/5+10)
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"whitespace", " \n\t\n", ErrEmpty},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00", ErrBinary},
		{"too large", big, ErrTooLarge},
	}
	for _, tt := range tests {
		_, _, err := parseAll(t, tt.name, tt.in)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestListAndRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.txt", "Article A.")
	write("sub/b.md", "# B")
	write("sub/deeper/c.html", "<p>C</p>")
	write(".hidden/skip.txt", "no")
	// A symlink loop: sub/deeper/up -> sub, and a self-referencing link.
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub/deeper/up")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "self"), filepath.Join(dir, "self")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}

	files, problems := List(context.Background(), []string{dir, filepath.Join(dir, "nope.txt")})
	var names []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		names = append(names, rel)
	}
	want := []string{"a.txt", "sub/b.md", "sub/deeper/c.html"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	var reasons []string
	for _, p := range problems {
		rel, _ := filepath.Rel(dir, p.Path)
		reasons = append(reasons, rel+": "+p.Err.Error())
	}
	for _, w := range []string{"dangling.txt: no such file", "self: symbolic link loop", "sub/deeper/up: symbolic link loop", "nope.txt: no such file"} {
		found := false
		for _, r := range reasons {
			found = found || strings.HasPrefix(r, w)
		}
		if !found {
			t.Errorf("no problem %q among %q", w, reasons)
		}
	}
	b, err := ReadFile(files[0], nil)
	if err != nil || string(b) != "Article A." {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
}

func TestReadFileTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(p, make([]byte, MaxArticleBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(File{Path: p, Size: MaxArticleBytes + 1}, nil)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestReadFileUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	p := filepath.Join(t.TempDir(), "locked.txt")
	if err := os.WriteFile(p, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(File{Path: p, Size: 1}, nil); !errors.Is(err, os.ErrPermission) {
		t.Errorf("err = %v, want permission denied", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a.txt", []byte("# T\n\nBy [AFP](#)\n\nBody."))
	f.Add("a.json", []byte(`[{"text":"x","published":"2022-12-18"}]`))
	f.Add("a.jsonl", []byte("{\"html\":\"<p>x</p>\"}\n{\"text\":1}"))
	f.Add("a.html", []byte("<html><body><p>x</p></body></html>"))
	f.Add("a.txt", []byte("caf\xe9\x00"))
	f.Fuzz(func(t *testing.T, name string, b []byte) {
		_ = Parse(name, b, func(r Record) error {
			if r.Text == "" && len(r.HTML) == 0 {
				t.Fatalf("record without text or html: %+v", r)
			}
			if !isValidUTF8(r.Text) {
				t.Fatalf("invalid UTF-8 text")
			}
			return nil
		}, func(Problem) {})
	})
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "") == s }
