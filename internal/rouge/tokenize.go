package rouge

import "strings"

// isPerlSpace reports whether b matches Perl's \s on a byte string:
// space, \t, \n, \v, \f, \r. Bytes above 0x7F never match, because
// ROUGE-1.5.5 reads its files as bytes.
func isPerlSpace(b byte) bool {
	switch b {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// perlSplit splits s like Perl's split(/\s+/, s): runs of whitespace
// separate fields, a leading run yields an empty first field and trailing
// empty fields are dropped.
func perlSplit(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); {
		if i == len(s) || isPerlSpace(s[i]) {
			out = append(out, s[start:i])
			for i < len(s) && isPerlSpace(s[i]) {
				i++
			}
			start = i
			if i == len(s) {
				break
			}
			continue
		}
		i++
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// lowerASCII maps A-Z to a-z and leaves every other byte alone, like
// Perl's tr/A-Z/a-z/.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// lines splits an SPL text (one sentence per line) the way ROUGE-1.5.5
// reads it: on "\n", empty lines skipped, each line lowercased.
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l != "" {
			out = append(out, lowerASCII(l))
		}
	}
	return out
}

// truncate keeps the first limit words of the sentences, counting words as
// ROUGE-1.5.5 does before tokenising (whitespace-separated fields of the
// raw line, so "U.S.-led" is one word). limit <= 0 keeps everything.
func truncate(sents []string, limit int) []string {
	if limit <= 0 {
		return sents
	}
	var out []string
	n := 0
	for _, s := range sents {
		f := perlSplit(s)
		if n+len(f) < limit {
			out = append(out, s)
			n += len(f)
			continue
		}
		out = append(out, strings.Join(f[:limit-n], " "))
		break
	}
	return out
}

// Tokenize splits one sentence into ROUGE-1.5.5 tokens: ASCII letters are
// lowercased, hyphens become tokens of their own, every other byte that
// is not an ASCII letter or digit separates tokens, and tokens that do not
// start with a letter or digit (the hyphens) are dropped. With stem set,
// tokens longer than three bytes are reduced by Stem.
func Tokenize(sentence string, stem bool) []string {
	return tokens(lowerASCII(sentence), stem, nil)
}

// tokens tokenises an already lowercased sentence. cache, when not nil,
// memoises stems.
func tokens(s string, stem bool, cache map[string]string) []string {
	var out []string
	i := 0
	for i < len(s) {
		c := s[i]
		if !isWordByte(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		out = append(out, stemToken(s[i:j], stem, cache))
		i = j
	}
	return out
}

// isWordByte reports whether c survives 1.5.5's tokenisation inside a
// word: s/-/ - /g; s/[^A-Za-z0-9\-]/ /g leaves letters and digits joined
// and hyphens as separate one-character tokens, which the n-gram builder
// then drops because they do not match /^[a-z0-9\$]/.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

func stemToken(w string, stem bool, cache map[string]string) string {
	if !stem || len(w) <= 3 {
		return w
	}
	if cache != nil {
		if s, ok := cache[w]; ok {
			return s
		}
	}
	s := Stem(w)
	if cache != nil {
		cache[w] = s
	}
	return s
}
