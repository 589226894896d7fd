package dedup

import "sort"

// Graph is the reuse graph: articles linked by the reuse found between
// them. Articles joined by reuse, directly or through others, are one
// source when counting independent confirmation.
type Graph struct {
	edges  map[string][]Reuse // by Article
	parent map[string]string  // union-find over linked articles
}

// NewGraph returns an empty graph.
func NewGraph() *Graph {
	return &Graph{edges: make(map[string][]Reuse), parent: make(map[string]string)}
}

// Add records reuse found by an Index.
func (g *Graph) Add(rs ...Reuse) {
	for _, r := range rs {
		g.edges[r.Article] = append(g.edges[r.Article], r)
		a, b := g.find(r.Article), g.find(r.From)
		if a != b {
			if b < a {
				a, b = b, a
			}
			g.parent[b] = a
		}
	}
}

// Reused returns the reuse recorded with article as the later-seen side.
func (g *Graph) Reused(article string) []Reuse { return g.edges[article] }

func (g *Graph) find(x string) string {
	for {
		p, ok := g.parent[x]
		if !ok || p == x {
			return x
		}
		if gp, ok := g.parent[p]; ok {
			g.parent[x] = gp
		}
		x = p
	}
}

// Independent partitions ids into groups of articles linked by reuse;
// each group counts once. Groups and their members are sorted.
func (g *Graph) Independent(ids []string) [][]string {
	by := make(map[string][]string)
	for _, id := range ids {
		r := g.find(id)
		by[r] = append(by[r], id)
	}
	out := make([][]string, 0, len(by))
	for _, grp := range by {
		sort.Strings(grp)
		out = append(out, grp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}
