package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// ClusterDoc is one article of a clustering data set (the format of
// shared/data/clustering): its text and metadata, the gold event it
// reports (Cluster) and, when the set has one, the broader topic (Topic).
type ClusterDoc struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Outlet    string    `json:"outlet"`
	Date      string    `json:"published"` // YYYY-MM-DD as in the file, or ""
	Cluster   string    `json:"cluster"`
	Topic     string    `json:"topic"`
	Published time.Time `json:"-"` // Date parsed; zero when absent or malformed
}

// ReadClusterDocs reads a clustering data set: one JSON object per line.
// Blank lines are skipped; a line that is not valid JSON, or an article
// without an id or a cluster, is an error naming the line.
func ReadClusterDocs(r io.Reader) ([]ClusterDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var docs []ClusterDoc
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(clTrimSpace(b)) == 0 {
			continue
		}
		var d ClusterDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if d.ID == "" || d.Cluster == "" {
			return nil, fmt.Errorf("line %d: article without id or cluster", line)
		}
		d.Published = clParseDay(d.Date)
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading clustering data: %w", err)
	}
	return docs, nil
}

// clParseDay parses "YYYY-MM-DD" or an RFC 3339 timestamp; anything else is
// the zero time (unknown).
func clParseDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC()
	}
	return time.Time{}
}

func clTrimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
