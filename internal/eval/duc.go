package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// DUCDoc is one source document of a DUC-format cluster.
type DUCDoc struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"`
	Outlet    string    `json:"outlet"`
	Date      string    `json:"published"` // YYYY-MM-DD as in the file
	Published time.Time `json:"-"`         // Date parsed; zero when absent or malformed
}

// DUCCluster is one multi-document summarisation task: documents and the
// human reference summaries (one sentence per line).
type DUCCluster struct {
	ID           string   `json:"id"`
	Docs         []DUCDoc `json:"docs"`
	References   []string `json:"references"`
	ReferenceIDs []string `json:"reference_ids"`
}

// DUCPeer is a system summary of one cluster (SPL text).
type DUCPeer struct {
	ID      string `json:"id"`
	System  string `json:"system"`
	Summary string `json:"summary"`
}

// PRF is a recall / precision / F triple, as fractions 0-1.
type PRF struct {
	R float64 `json:"r"`
	P float64 `json:"p"`
	F float64 `json:"f"`
}

// DUCScoreRow is one per-cluster row of official ROUGE-1.5.5 scores, keyed
// by the script's measure names ("ROUGE-1", "ROUGE-L", "ROUGE-SU4").
type DUCScoreRow struct {
	ID     string                    `json:"id"`
	System string                    `json:"system"`
	Scores map[string]ducOfficialPRF `json:"scores"`
}

type ducOfficialPRF struct {
	R float64 `json:"R"`
	P float64 `json:"P"`
	F float64 `json:"F"`
}

// Measure returns the official score of the named measure.
func (r DUCScoreRow) Measure(name string) (PRF, bool) {
	s, ok := r.Scores[name]
	return PRF(s), ok
}

// ReadDUCClusters reads clusters in the duc2004_task2.jsonl format.
func ReadDUCClusters(r io.Reader) ([]DUCCluster, error) {
	out, err := ducDecodeAll[DUCCluster](r)
	if err != nil {
		return nil, fmt.Errorf("read DUC clusters: %w", err)
	}
	for i := range out {
		for j := range out[i].Docs {
			d := &out[i].Docs[j]
			if t, err := time.Parse(time.DateOnly, d.Date); err == nil {
				d.Published = t
			}
		}
	}
	return out, nil
}

// ReadDUCPeers reads system summaries in the sumrepo_peers.jsonl format.
func ReadDUCPeers(r io.Reader) ([]DUCPeer, error) {
	out, err := ducDecodeAll[DUCPeer](r)
	if err != nil {
		return nil, fmt.Errorf("read DUC peers: %w", err)
	}
	return out, nil
}

// ReadDUCScores reads official per-cluster scores in the
// sumrepo_rouge155.jsonl format. The settings header line is returned
// apart.
func ReadDUCScores(r io.Reader) (settings string, rows []DUCScoreRow, err error) {
	type line struct {
		Settings string `json:"_settings"`
		DUCScoreRow
	}
	all, err := ducDecodeAll[line](r)
	if err != nil {
		return "", nil, fmt.Errorf("read DUC scores: %w", err)
	}
	for _, l := range all {
		if l.Settings != "" {
			settings = l.Settings
			continue
		}
		rows = append(rows, l.DUCScoreRow)
	}
	return settings, rows, nil
}

// ducDecodeAll decodes a stream of JSON values (one per line).
func ducDecodeAll[T any](r io.Reader) ([]T, error) {
	dec := json.NewDecoder(r)
	var out []T
	for {
		var v T
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", len(out)+1, err)
		}
		out = append(out, v)
	}
}
