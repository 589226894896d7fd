package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadOutput reads a fixed story output (made once from the seeds with
// "parallax analyze --format json"), so these tests check the renderer
// alone, whatever the engine now finds.
func loadOutput(t *testing.T) *Output {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "seeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out Output
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestWriteGolden(t *testing.T) {
	out := loadOutput(t)
	for _, format := range []string{FormatText, FormatMarkdown} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, out, format); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "seeds."+format+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("%s rendering differs from %s (-want +got):\n%s", format, golden, diff)
			}
		})
	}
}

func TestWriteJSONRoundTrip(t *testing.T) {
	out := loadOutput(t)
	var buf bytes.Buffer
	if err := Write(&buf, out, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var back Output
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(out)
	b, _ := json.Marshal(&back)
	if !bytes.Equal(a, b) {
		t.Error("JSON output does not read back to the same story objects")
	}
	if strings.Contains(buf.String(), `\u003c`) {
		t.Error("JSON output escapes < as \\u003c; want readable text")
	}
}

func TestTextShowsEverySection(t *testing.T) {
	out := loadOutput(t)
	var buf bytes.Buffer
	if err := Write(&buf, out, FormatText); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ARTICLES", "SUMMARY", "FACTS", "WHO SAID WHAT", "WHO AND WHERE", "TIMELINE", "HOW EACH OUTLET TELLS IT",
		"The Moscow Times", "Nasser Kanani", "William Burns", "2022-12-09", "unknown outlet"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if n := len([]rune(line)); n > textStyle.width+20 {
			t.Errorf("line of %d characters (width %d): %.60q…", n, textStyle.width, line)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &Output{}, "yaml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestMarkdownEscapesArticleText(t *testing.T) {
	title := "<script>alert(1)</script> **bold** [link](javascript:x) # not a heading"
	out := &Output{
		Articles: []Article{{ID: "a1", Source: "in`put.txt", Title: title, Outlet: "X <b>News</b>", Text: "body"}},
		Stories: []Story{{ID: "s1", Title: title, Articles: []string{"a1"},
			Why: []Why{{Article: "a1", Reason: "shares _x_"}}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, out, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, bad := range []string{"<script>", "<b>", "**bold**", "[link](", "_x_"} {
		if strings.Contains(md, bad) {
			t.Errorf("Markdown holds unescaped %q:\n%s", bad, md)
		}
	}
	if !strings.Contains(md, "&lt;script&gt;") || !strings.Contains(md, "`` in`put.txt ``") {
		t.Errorf("Markdown escapes are missing:\n%s", md)
	}
}

func TestTextDropsControlCharacters(t *testing.T) {
	out := &Output{
		Articles: []Article{{ID: "a1", Source: "x", Title: "Evil\x1b[31m title\x07", Text: "body"}},
		Stories:  []Story{{ID: "s1", Title: "Evil\x1b]0;pwned\x07", Articles: []string{"a1"}}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, out, FormatText); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(buf.String(), "\x1b\x07") {
		t.Errorf("terminal control characters passed through: %q", buf.String())
	}
}
