package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// QuoteSpan is a span of a QuoteDoc's text; Start and End are byte offsets
// and Text is Doc.Text[Start:End].
type QuoteSpan struct {
	Start, End int
	Text       string
}

// Empty reports whether the span covers nothing.
func (s QuoteSpan) Empty() bool { return s.End <= s.Start }

// QuoteAttribution is one gold attribution: who (Source, possibly empty),
// the cue that introduces it and what was attributed (Content).
type QuoteAttribution struct {
	ID      string
	Source  QuoteSpan // empty when the annotators marked no source
	Cue     QuoteSpan
	Content QuoteSpan
	Type    string // direct, mixed or indirect
	// QuotedFraction is the share of the content inside quotation marks.
	QuotedFraction float64
	// Speaker is the canonical name of the speaker when the data set gives
	// one (speaker_reference), else "".
	Speaker string
}

// QuoteDoc is one labelled article of an attribution data set in the
// format of shared/data/quotes (PolNeAR and compatible corpora).
type QuoteDoc struct {
	ID           string
	Outlet       string
	Title        string
	Date         string
	Text         string
	Attributions []QuoteAttribution
}

// Errors returned by ReadQuoteDocs.
var (
	ErrQuoteSpan = errors.New("span out of range")
)

type qtRawSpan struct {
	Start     *int   `json:"start"`
	End       *int   `json:"end"`
	ByteStart *int   `json:"byte_start"`
	ByteEnd   *int   `json:"byte_end"`
	Text      string `json:"text"`
}

type qtRawAttribution struct {
	ID             string          `json:"id"`
	Source         *qtRawSpan      `json:"source"`
	Cue            *qtRawSpan      `json:"cue"`
	Content        *qtRawSpan      `json:"content"`
	Type           string          `json:"type"`
	QuotedFraction float64         `json:"quoted_fraction"`
	Speaker        json.RawMessage `json:"speaker_reference"`
}

type qtRawDoc struct {
	ID           string             `json:"id"`
	Outlet       string             `json:"outlet"`
	Title        string             `json:"title"`
	Date         string             `json:"date"`
	Text         string             `json:"text"`
	Attributions []qtRawAttribution `json:"attributions"`
}

// ReadQuoteDocs reads a JSON-lines attribution data set, one article per
// line. Spans are converted to byte offsets: byte_start/byte_end are used
// when present, else start/end are taken as code-point offsets. A span that
// does not fit its text is an error wrapping ErrQuoteSpan.
func ReadQuoteDocs(r io.Reader) ([]QuoteDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	var out []QuoteDoc
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var raw qtRawDoc
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		doc, err := qtConvertDoc(raw)
		if err != nil {
			return nil, fmt.Errorf("line %d (%s): %w", line, raw.ID, err)
		}
		out = append(out, doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading quotes: %w", err)
	}
	return out, nil
}

func qtConvertDoc(raw qtRawDoc) (QuoteDoc, error) {
	doc := QuoteDoc{ID: raw.ID, Outlet: raw.Outlet, Title: raw.Title, Date: raw.Date, Text: raw.Text}
	idx := qtNewRuneIndex(raw.Text)
	for i, ra := range raw.Attributions {
		a := QuoteAttribution{ID: ra.ID, Type: ra.Type, QuotedFraction: ra.QuotedFraction,
			Speaker: qtSpeakerName(ra.Speaker)}
		var err error
		if a.Source, err = qtSpan(raw.Text, idx, ra.Source); err != nil {
			return doc, fmt.Errorf("attribution %d source: %w", i, err)
		}
		if a.Cue, err = qtSpan(raw.Text, idx, ra.Cue); err != nil {
			return doc, fmt.Errorf("attribution %d cue: %w", i, err)
		}
		if a.Content, err = qtSpan(raw.Text, idx, ra.Content); err != nil {
			return doc, fmt.Errorf("attribution %d content: %w", i, err)
		}
		doc.Attributions = append(doc.Attributions, a)
	}
	return doc, nil
}

// qtSpeakerName accepts speaker_reference as a string or as an object
// with a "name", "canonical" or "text" field.
func qtSpeakerName(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var obj struct {
		Name      string `json:"name"`
		Canonical string `json:"canonical"`
		Text      string `json:"text"`
	}
	if json.Unmarshal(raw, &obj) == nil {
		for _, v := range []string{obj.Canonical, obj.Name, obj.Text} {
			if v != "" {
				return strings.TrimSpace(v)
			}
		}
	}
	return ""
}

// qtRuneIndex maps code-point offsets of a string to byte offsets.
type qtRuneIndex []int

func qtNewRuneIndex(s string) qtRuneIndex {
	idx := make(qtRuneIndex, 0, len(s)+1)
	for i := range s {
		idx = append(idx, i)
	}
	return append(idx, len(s))
}

func qtSpan(text string, idx qtRuneIndex, rs *qtRawSpan) (QuoteSpan, error) {
	if rs == nil {
		return QuoteSpan{}, nil
	}
	var start, end int
	switch {
	case rs.ByteStart != nil && rs.ByteEnd != nil:
		start, end = *rs.ByteStart, *rs.ByteEnd
	case rs.Start != nil && rs.End != nil:
		if *rs.Start < 0 || *rs.End >= len(idx) || *rs.Start > *rs.End {
			return QuoteSpan{}, fmt.Errorf("%w: %d:%d", ErrQuoteSpan, *rs.Start, *rs.End)
		}
		start, end = idx[*rs.Start], idx[*rs.End]
	default:
		return QuoteSpan{}, nil
	}
	if start < 0 || end > len(text) || start > end {
		return QuoteSpan{}, fmt.Errorf("%w: %d:%d of %d bytes", ErrQuoteSpan, start, end, len(text))
	}
	if !utf8.ValidString(text[start:end]) && utf8.ValidString(text) {
		return QuoteSpan{}, fmt.Errorf("%w: %d:%d splits a character", ErrQuoteSpan, start, end)
	}
	return QuoteSpan{Start: start, End: end, Text: text[start:end]}, nil
}

// ErrNoData reports that the shared data directory could not be found.
var ErrNoData = errors.New("shared data not found")

// DataFile returns the path of a file of the shared labelled data
// (rel is relative to shared/data, e.g. "quotes/polnear-dev.jsonl"), found
// beside the module root above dir. It returns ErrNoData when the module
// root or the file is missing.
func DataFile(dir, rel string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoData, err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("%w: no go.mod above", ErrNoData)
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", rel)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("%w: %w", ErrNoData, err)
	}
	return path, nil
}
