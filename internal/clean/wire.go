package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wireNames lists the wire services and news agencies whose copy other
// outlets run, each with the spellings that credit it. Acronyms match with
// their case; longer names match in any case.
var wireNames = []struct {
	canon string
	names []string
}{
	{"AFP", []string{"Agence France-Presse", "Agence France Presse", "AFP"}},
	{"AP", []string{"The Associated Press", "Associated Press", "AP"}},
	{"Reuters", []string{"Thomson Reuters", "Reuters", "REUTERS"}},
	{"Xinhua", []string{"Xinhua News Agency", "Xinhua", "XINHUA"}},
	{"dpa", []string{"Deutsche Presse-Agentur", "dpa", "DPA"}},
	{"UPI", []string{"United Press International", "UPI"}},
	{"TASS", []string{"ITAR-TASS", "TASS", "Tass"}},
	{"EFE", []string{"Agencia EFE", "EFE"}},
	{"ANSA", []string{"ANSA"}},
	{"Anadolu", []string{"Anadolu Agency", "Anadolu Ajansı", "Anadolu"}},
	{"IRNA", []string{"Islamic Republic News Agency", "IRNA"}},
	{"ISNA", []string{"Iranian Students' News Agency", "ISNA"}},
	{"Tasnim", []string{"Tasnim News Agency", "Tasnim"}},
	{"Fars", []string{"Fars News Agency", "Fars News"}},
	{"Mehr", []string{"Mehr News Agency", "MNA"}},
	{"Kyodo", []string{"Kyodo News", "Kyodo"}},
	{"Yonhap", []string{"Yonhap News Agency", "Yonhap"}},
	{"PTI", []string{"Press Trust of India", "PTI"}},
	{"IANS", []string{"Indo-Asian News Service", "IANS"}},
	{"ANI", []string{"Asian News International", "ANI"}},
	{"Interfax", []string{"Interfax"}},
	{"RIA Novosti", []string{"RIA Novosti"}},
	{"Bloomberg", []string{"Bloomberg News", "Bloomberg"}},
	{"Bernama", []string{"Bernama"}},
	{"Antara", []string{"Antara"}},
}

// findWire returns the canonical name of the first wire service that s
// names as a whole word, and the byte span of the name in s.
func findWire(s string) (canon string, start, end int) {
	start = -1
	for _, w := range wireNames {
		for _, name := range w.names {
			i := indexWord(s, name, isAcronym(name))
			if i >= 0 && (start < 0 || i < start) {
				canon, start, end = w.canon, i, i+len(name)
			}
		}
	}
	return canon, start, end
}

// wireOnly returns the canonical wire name when s, apart from "The",
// "Staff", "News" and similar words, is only the name of a wire service.
func wireOnly(s string) string {
	canon, i, j := findWire(s)
	if canon == "" {
		return ""
	}
	rest := strings.Fields(strings.ToLower(s[:i] + " " + s[j:]))
	for _, w := range rest {
		switch strings.Trim(w, ".,:;()|-–—/") {
		case "", "the", "staff", "news", "agency", "wire", "service", "reporters", "reporter", "report", "writer", "writers", "correspondent":
		default:
			return ""
		}
	}
	return canon
}

func isAcronym(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// indexWord finds name in s as a whole word: exact case when exact is
// set, any case otherwise.
func indexWord(s, name string, exact bool) int {
	hay := s
	if !exact {
		if low := strings.ToLower(s); len(low) == len(s) { // offsets stay valid
			hay, name = low, strings.ToLower(name)
		}
	}
	for off := 0; off < len(hay); {
		i := strings.Index(hay[off:], name)
		if i < 0 {
			return -1
		}
		i += off
		if wordEdge(hay, i, true) && wordEdge(hay, i+len(name), false) {
			return i
		}
		off = i + 1
	}
	return -1
}

// wordEdge reports whether byte offset i of s is a word boundary, looking
// before it (before) or at it.
func wordEdge(s string, i int, before bool) bool {
	var r rune
	if before {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i >= len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
