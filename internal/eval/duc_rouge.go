package eval

import (
	"fmt"
	"sort"

	"github.com/parallax-news/parallax/internal/rouge"
)

// RougeScores holds the ROUGE measures "parallax eval" reports.
type RougeScores struct {
	Rouge1   PRF `json:"rouge1"`
	Rouge2   PRF `json:"rouge2"`
	Rouge4   PRF `json:"rouge4"`
	RougeSU4 PRF `json:"rougeSU4"`
	RougeL   PRF `json:"rougeL"`
}

// RougeOf picks the reported measures out of a rouge.Result computed with
// at least N = 4.
func RougeOf(r rouge.Result) RougeScores {
	prf := func(s rouge.Score) PRF { return PRF{R: s.R, P: s.P, F: s.F} }
	var out RougeScores
	if len(r.N) >= 4 {
		out.Rouge1, out.Rouge2, out.Rouge4 = prf(r.N[0]), prf(r.N[1]), prf(r.N[3])
	}
	out.RougeSU4 = prf(r.SU)
	out.RougeL = prf(r.L)
	return out
}

// MeanRouge averages scores measure by measure (0 for no scores).
func MeanRouge(all []RougeScores) RougeScores {
	var m RougeScores
	if len(all) == 0 {
		return m
	}
	for _, s := range all {
		for i, p := range s.ducFields() {
			q := m.ducFields()[i]
			q.R += p.R
			q.P += p.P
			q.F += p.F
		}
	}
	n := float64(len(all))
	for _, q := range m.ducFields() {
		q.R /= n
		q.P /= n
		q.F /= n
	}
	return m
}

func (s *RougeScores) ducFields() []*PRF {
	return []*PRF{&s.Rouge1, &s.Rouge2, &s.Rouge4, &s.RougeSU4, &s.RougeL}
}

// DUCPeerScore is the ROUGE result of one system summary of one cluster.
type DUCPeerScore struct {
	Cluster, System string
	Result          rouge.Result
}

// ScoreDUCPeers scores every peer summary against the references of its
// cluster. A peer whose cluster is unknown is an error.
func ScoreDUCPeers(clusters []DUCCluster, peers []DUCPeer, opt rouge.Options) ([]DUCPeerScore, error) {
	models := make(map[string][]rouge.Text, len(clusters))
	for _, c := range clusters {
		models[c.ID] = ducPrepareAll(c.References, opt)
	}
	out := make([]DUCPeerScore, 0, len(peers))
	for _, p := range peers {
		ms, ok := models[p.ID]
		if !ok {
			return nil, fmt.Errorf("peer %s of system %s: no cluster with that id", p.ID, p.System)
		}
		res := rouge.Compare(rouge.Prepare(p.Summary, opt), ms, opt)
		out = append(out, DUCPeerScore{Cluster: p.ID, System: p.System, Result: res})
	}
	return out, nil
}

func ducPrepareAll(texts []string, opt rouge.Options) []rouge.Text {
	out := make([]rouge.Text, len(texts))
	for i, t := range texts {
		out[i] = rouge.Prepare(t, opt)
	}
	return out
}

// DUCSystemMeans averages per-cluster scores by system.
func DUCSystemMeans(scores []DUCPeerScore) map[string]RougeScores {
	by := map[string][]RougeScores{}
	for _, s := range scores {
		by[s.System] = append(by[s.System], RougeOf(s.Result))
	}
	out := make(map[string]RougeScores, len(by))
	for sys, all := range by {
		out[sys] = MeanRouge(all)
	}
	return out
}

// DUCSystems returns the system names of the scores, sorted.
func DUCSystems(scores []DUCPeerScore) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range scores {
		if !seen[s.System] {
			seen[s.System] = true
			out = append(out, s.System)
		}
	}
	sort.Strings(out)
	return out
}
