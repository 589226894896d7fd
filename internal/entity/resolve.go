package entity

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// DocMentions are the mentions found in one article.
type DocMentions struct {
	ID       string
	Mentions []Mention
}

// Ref points at one mention supporting an alias.
type Ref struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Entity is a canonical entity of a story: its name, type, every alias it
// goes by (name variants, titles and roles) and the mentions supporting
// them.
type Entity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles,omitempty"`
	Articles []string `json:"articles"`
	Mentions []Ref    `json:"mentions,omitempty"`
	Reason   string   `json:"reason,omitempty"`
}

// Names canonical names by alias: Lookup returns the canonical entity
// named by an alias or a name variant.
type Names map[string]*Entity

// Index returns a lookup from folded aliases to entities.
func Index(ents []Entity) Names {
	n := Names{}
	for i := range ents {
		e := &ents[i]
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			k := lookupKey(a)
			if _, taken := n[k]; !taken {
				n[k] = e
			}
		}
	}
	return n
}

func lookupKey(s string) string {
	k := text.Fold(s)
	k = strings.TrimPrefix(k, "the ")
	return strings.TrimSuffix(k, "'s")
}

// Lookup returns the entity a name or description refers to, or nil.
func (n Names) Lookup(name string) *Entity { return n[lookupKey(name)] }

// cluster is an entity under construction.
type cluster struct {
	typ      string
	variants map[string]int  // surface name -> count
	titled   map[string]bool // variants that are a role and a name
	roles    map[string]bool
	refs     []Ref
	articles map[string]bool
	first    string // given name, folded (persons)
	last     string // surname, folded (persons)
	reasons  []string
}

func newCluster(typ string) *cluster {
	return &cluster{typ: typ, variants: map[string]int{}, titled: map[string]bool{}, roles: map[string]bool{}, articles: map[string]bool{}}
}

func (c *cluster) add(doc string, m Mention, alias string) {
	c.variants[alias]++
	c.refs = append(c.refs, Ref{Article: doc, Start: m.Start, End: m.End, Text: m.Text})
	c.articles[doc] = true
}

// Resolve groups the mentions of a story's articles into canonical
// entities. Persons named in full are merged when their surnames agree and
// their given names are equal, initials of each other or one or two letters
// apart (Ebrahim / Ibrahim, Willian / William); a bare surname joins the
// person of that surname named in the same article, else the only one in
// the story; descriptions ("the CIA chief") join the person whose role
// shares their title and qualifiers. Places and organisations merge by
// folded name, known variants (U.S., United States) and acronyms.
func Resolve(docs []DocMentions) []Entity {
	r := &resolver{byKey: map[string]*cluster{}}
	r.persons(docs)
	r.others(docs)
	r.descriptions(docs)
	return r.entities()
}

type resolver struct {
	people []*cluster
	byKey  map[string]*cluster // org and place keys
	order  []*cluster
}

func nameWords(norm string) []string {
	var out []string
	for _, w := range strings.Fields(text.Fold(norm)) {
		w = strings.Trim(w, ".,'\"")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// persons clusters the full names, then attaches surnames.
func (r *resolver) persons(docs []DocMentions) {
	for _, d := range docs {
		for _, m := range d.Mentions {
			w := nameWords(m.Norm)
			if m.Type != Person || len(w) < 2 {
				continue
			}
			first, last := w[0], w[len(w)-1]
			c := r.findPerson(first, last)
			if c == nil {
				c = newCluster(Person)
				c.first, c.last = first, last
				r.people = append(r.people, c)
				r.order = append(r.order, c)
			} else if c.first != first {
				c.reasons = append(c.reasons, fmt.Sprintf("%q ~ %q: given names %d letters apart", m.Norm, c.name(), editDistance(first, c.first)))
			}
			c.add(d.ID, m, m.Norm)
			if m.Role != "" {
				c.roles[m.Role] = true
				c.variants[m.Role+" "+m.Norm]++
				c.titled[m.Role+" "+m.Norm] = true
			}
		}
	}
	for _, d := range docs {
		inDoc := map[string][]*cluster{}
		for _, c := range r.people {
			if c.articles[d.ID] {
				inDoc[c.last] = append(inDoc[c.last], c)
			}
		}
		for _, m := range d.Mentions {
			w := nameWords(m.Norm)
			if m.Type != Person || len(w) != 1 {
				continue
			}
			c := r.surnameOwner(w[0], inDoc[w[0]])
			if c == nil {
				c = newCluster(Person)
				c.last = w[0]
				r.people = append(r.people, c)
				r.order = append(r.order, c)
			}
			c.add(d.ID, m, m.Norm)
			if m.Role != "" {
				c.roles[m.Role] = true
			}
		}
	}
}

// findPerson returns the cluster a full name belongs to, or nil.
func (r *resolver) findPerson(first, last string) *cluster {
	for _, c := range r.people {
		if c.first == "" {
			continue
		}
		if c.last == last && sameGiven(first, c.first) {
			return c
		}
		if first == c.first && len(last) >= 5 && editDistance(last, c.last) == 1 {
			return c
		}
	}
	return nil
}

// sameGiven reports whether two given names may be the same person's:
// equal, one the initial of the other, or close spellings.
func sameGiven(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	d := editDistance(a, b)
	return d == 1 || (d == 2 && min(len(a), len(b)) >= 6)
}

// surnameOwner picks the person a bare surname refers to.
func (r *resolver) surnameOwner(last string, inDoc []*cluster) *cluster {
	if len(inDoc) == 1 {
		return inDoc[0]
	}
	if len(inDoc) > 1 {
		return nil // ambiguous in this article (Bill and Hillary Clinton)
	}
	var found *cluster
	for _, c := range r.people {
		if c.last == last && c.first != "" {
			if found != nil {
				return nil
			}
			found = c
		}
	}
	return found
}

// others clusters organisations and places.
func (r *resolver) others(docs []DocMentions) {
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Type != Org && m.Type != Place && m.Type != Other {
				continue
			}
			if m.Type == Org && strings.HasPrefix(m.Reason, "definite") && len(nameWords(m.Norm)) < 2 {
				continue // "the mission": a description, see descriptions
			}
			key, canon := otherKey(m)
			c := r.byKey[key]
			if c == nil {
				c = newCluster(m.Type)
				r.byKey[key] = c
				r.order = append(r.order, c)
				if canon != "" {
					c.variants[canon] += 0
				}
			}
			c.add(d.ID, m, m.Norm)
		}
	}
	r.acronyms()
}

// otherKey returns the merge key of an organisation or place mention and
// its canonical name when a variant table knows it.
func otherKey(m Mention) (string, string) {
	f := text.Fold(m.Norm)
	if c, ok := placeAliases[f]; ok {
		return m.Type + ":" + text.Fold(c), c
	}
	f = strings.TrimPrefix(f, "the ")
	return m.Type + ":" + f, ""
}

// acronyms merges an organisation written as an acronym into the one whose
// initials it spells (CIA, Central Intelligence Agency).
func (r *resolver) acronyms() {
	long := map[string]*cluster{}
	for _, c := range r.order {
		if c.typ != Org {
			continue
		}
		for v := range c.variants {
			if in := initials(v); len(in) >= 2 {
				long[in] = c
			}
		}
	}
	for key, c := range r.byKey {
		if c.typ != Org && c.typ != Other {
			continue
		}
		for v := range c.variants {
			tgt := long[strings.ReplaceAll(strings.ToUpper(v), ".", "")]
			if tgt == nil || tgt == c || !isAcronym(v) {
				continue
			}
			for alias, n := range c.variants {
				tgt.variants[alias] += n
			}
			tgt.refs = append(tgt.refs, c.refs...)
			for a := range c.articles {
				tgt.articles[a] = true
			}
			tgt.reasons = append(tgt.reasons, fmt.Sprintf("%s spells the initials of %s", v, tgt.name()))
			r.byKey[key] = tgt
			r.order = slices.DeleteFunc(r.order, func(x *cluster) bool { return x == c })
			break
		}
	}
}

// initials returns the capital initials of a multi-word name, skipping
// small words and a leading place (U.S. Central Intelligence Agency: CIA).
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	if len(words) < 2 {
		return ""
	}
	for i, w := range words {
		f := text.Fold(w)
		if text.IsStop(f) || (i == 0 && (places[f] || placeAliases[f] != "")) {
			continue
		}
		if isUpper(w) {
			b.WriteString(w[:1])
		}
	}
	return b.String()
}

// descriptions attaches title mentions ("the CIA chief") to the person of
// the same article whose role matches best, else of the story.
func (r *resolver) descriptions(docs []DocMentions) {
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Type != Title && !(m.Type == Org && strings.HasPrefix(m.Reason, "definite") && len(nameWords(m.Norm)) < 2) {
				continue
			}
			var best *cluster
			bestScore := 0
			for _, c := range r.order {
				if m.Type == Title && c.typ != Person {
					continue
				}
				s := roleMatch(m.Norm, c)
				if c.articles[d.ID] {
					s *= 2
				}
				if s > bestScore {
					best, bestScore = c, s
				}
			}
			if best != nil {
				best.add(d.ID, m, strings.ToLower(m.Norm))
				best.reasons = append(best.reasons, fmt.Sprintf("%q matches %s", m.Norm, best.name()))
			}
		}
	}
}

// titleSynonyms maps heads of titles to a common head.
var titleSynonyms = map[string]string{
	"chief": "head", "director": "head", "leader": "head", "head": "head",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"envoy": "ambassador", "ambassador": "ambassador",
}

func headOf(w string) string {
	if h, ok := titleSynonyms[w]; ok {
		return h
	}
	return w
}

// roleMatch scores how well a description fits a cluster: its title head
// must match a head in the cluster's roles (or, for a body, its name); each
// further shared word adds one.
func roleMatch(desc string, c *cluster) int {
	dw := nameWords(desc)
	if len(dw) == 0 {
		return 0
	}
	head := headOf(dw[len(dw)-1])
	best := 0
	cands := make([]string, 0, len(c.roles)+len(c.variants))
	for role := range c.roles {
		cands = append(cands, role)
	}
	if c.typ != Person {
		for v := range c.variants {
			cands = append(cands, v)
		}
	}
	for _, role := range cands {
		rw := nameWords(role)
		hasHead := false
		shared := 0
		for _, w := range rw {
			w = strings.TrimSuffix(w, "'s")
			if headOf(w) == head {
				hasHead = true
			}
			for _, x := range dw[:len(dw)-1] {
				if x == w || strings.HasPrefix(w, x) && len(x) >= 4 {
					shared++
				}
			}
		}
		if !hasHead {
			continue
		}
		if s := 1 + shared; s > best {
			best = s
		}
	}
	if len(dw) > 1 && best == 1 {
		// "the Iranian mission" must share more than its head
		qualified := false
		for _, x := range dw[:len(dw)-1] {
			if !text.IsStop(x) {
				qualified = true
			}
		}
		if qualified && c.typ != Person {
			return 0
		}
	}
	return best
}

// name returns the cluster's canonical name: its most frequent full
// variant (ties: the longest, then alphabetical).
func (c *cluster) name() string {
	best, bestN := "", -1
	for v, n := range c.variants {
		if c.typ == Person && c.first != "" && len(nameWords(v)) < 2 {
			continue
		}
		if c.typ == Person && c.roleVariant(v) {
			continue
		}
		if n > bestN || (n == bestN && (len(v) > len(best) || len(v) == len(best) && v < best)) {
			best, bestN = v, n
		}
	}
	if best == "" {
		for v := range c.variants {
			if best == "" || v < best {
				best = v
			}
		}
	}
	return best
}

// roleVariant reports whether v is "role + name" or a description.
func (c *cluster) roleVariant(v string) bool {
	w := nameWords(v)
	return len(w) == 0 || c.titled[v] || w[len(w)-1] != c.last
}

func (r *resolver) entities() []Entity {
	var out []Entity
	for _, c := range r.order {
		e := Entity{Name: c.name(), Type: c.typ}
		for v := range c.variants {
			if v != e.Name {
				e.Aliases = append(e.Aliases, v)
			}
		}
		sort.Strings(e.Aliases)
		for role := range c.roles {
			e.Roles = append(e.Roles, role)
		}
		sort.Strings(e.Roles)
		for a := range c.articles {
			e.Articles = append(e.Articles, a)
		}
		sort.Strings(e.Articles)
		e.Mentions = c.refs
		e.Reason = strings.Join(c.reasons, "; ")
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Mentions) > len(out[j].Mentions) })
	return out
}

// editDistance is the Levenshtein distance between two strings, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
