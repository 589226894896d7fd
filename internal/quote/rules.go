package quote

import (
	"unicode"
	"unicode/utf8"
)

// Rules for two layouts the tagger rarely saw in training: a quotation
// signed with a dash ("“We need law and order.” ― Sonya Herridge") and an
// interview transcript ("PENCE: Well, look, ..."). Each yields token
// ranges for source, cue and content.

type ruleMatch struct {
	src, cue, con [2]int
	reason        string
}

func isDash(s string) bool {
	return s == "―" || s == "—" || s == "–" || s == "--"
}

// dashSigned finds quotations followed by a dash and a name that ends the
// line: the content is the quotation, the cue the dash, the source the name.
func dashSigned(p *prepared) []ruleMatch {
	var out []ruleMatch
	for _, q := range p.quotes {
		close := q[1] - 1
		if p.toks[close].mark != -1 || q[1]-q[0] < 4 {
			continue
		}
		d := q[1]
		for d < len(p.toks) && p.toks[d].para == p.toks[close].para && isPunctTok(p.toks[d].text) && !isDash(p.toks[d].text) {
			d++
		}
		if d >= len(p.toks) || !isDash(p.toks[d].text) || p.toks[d].para != p.toks[close].para {
			continue
		}
		end := nameRun(p, d+1)
		if end == d+1 {
			continue
		}
		out = append(out, ruleMatch{src: [2]int{d + 1, end}, cue: [2]int{d, d + 1}, con: q, reason: "quotation signed with a dash"})
	}
	return out
}

// nameRun returns the end of the run of capitalised words (with initials)
// that starts at i and ends its paragraph, or i when there is none.
func nameRun(p *prepared, i int) int {
	if i >= len(p.toks) {
		return i
	}
	para := p.toks[i].para
	j := i
	for j < len(p.toks) && p.toks[j].para == para {
		t := p.toks[j].text
		r, _ := utf8.DecodeRuneInString(t)
		switch {
		case unicode.IsUpper(r):
		case t == "." && j > i:
		case (t == "de" || t == "van" || t == "von" || t == "al" || t == "da") && j > i:
		default:
			goto done
		}
		j++
	}
done:
	// the name must end the paragraph (a final full stop allowed)
	k := j
	for k < len(p.toks) && p.toks[k].para == para && isPunctTok(p.toks[k].text) {
		k++
	}
	if j == i || j-i > 6 || (k < len(p.toks) && p.toks[k].para == para) {
		return i
	}
	for j > i && p.toks[j-1].text == "." {
		j--
	}
	return j
}

// transcript finds paragraphs that open with a speaker in capitals and a
// colon: "PENCE: Well, look, ...".
func transcript(p *prepared) []ruleMatch {
	var out []ruleMatch
	for _, pr := range p.paras {
		i := pr[0]
		if i < pr[1] && p.toks[i].mark == 1 {
			i++
		}
		j := i
		for j < pr[1] && j-i < 4 && p.toks[j].shape == "X" {
			j++
		}
		if j == i || j+1 >= pr[1] || p.toks[j].text != ":" {
			continue
		}
		end := pr[1]
		if p.toks[end-1].mark == -1 {
			end--
		}
		if end <= j+1 || p.toks[j+1].shape == "x" {
			continue // "UPDATE: the story changed" is a heading
		}
		out = append(out, ruleMatch{src: [2]int{i, j}, cue: [2]int{j, j + 1}, con: [2]int{j + 1, end}, reason: "transcript speaker line"})
	}
	// a transcript has speakers that come back: keep labels seen twice and
	// lines next to them, drop lone headings ("UPDATE:", "VIDEO:")
	seen := map[string]int{}
	for _, m := range out {
		seen[p.byteSpan(m.src[0], m.src[1]).Text]++
	}
	recurs := func(k int) bool {
		return k >= 0 && k < len(out) && seen[p.byteSpan(out[k].src[0], out[k].src[1]).Text] > 1
	}
	adjacent := func(a, b int) bool {
		return a >= 0 && b >= 0 && a < len(out) && b < len(out) && absInt(p.toks[out[a].cue[0]].para-p.toks[out[b].cue[0]].para) == 1
	}
	var kept []ruleMatch
	for k, m := range out {
		if recurs(k) || (recurs(k-1) && adjacent(k-1, k)) || (recurs(k+1) && adjacent(k, k+1)) {
			kept = append(kept, m)
		}
	}
	return kept
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isPunctTok(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && (unicode.IsPunct(r) || unicode.IsSymbol(r))
}
