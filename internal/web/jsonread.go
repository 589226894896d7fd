package web

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonReader reads one JSON text in a single pass straight into Go
// values, as encoding/json's Unmarshal would decode it into them, at a
// fraction of the cost: it validates while it reads (Unmarshal scans the
// whole text once to validate, then again to decode), it reads past what
// the caller does not want without decoding it, and a string without
// escapes is a slice of the text rather than a copy.
//
// The caller describes the values: object, slice and mapOf walk the
// containers, str, integer, float, boolean and the like read the leaves,
// skip reads past any value. What Unmarshal accepts, it accepts; what
// Unmarshal refuses, as a syntax error or a value of the wrong type, it
// refuses (the first error stops it). Members are matched to names as
// Unmarshal matches them to fields: exactly, else without regard to case.
// One difference: when an object repeats a member, the last value is
// kept, where Unmarshal decodes a repeated array over the elements of the
// first.
type jsonReader struct {
	s      string
	i      int
	depth  int
	err    error
	strBuf []string // reused by strs
}

// maxJSONDepth is how deeply containers may nest, as in encoding/json.
const maxJSONDepth = 10000

// errJSON is what every reading error wraps.
var errJSON = errors.New("invalid JSON")

func (r *jsonReader) fail(what string) {
	if r.err == nil {
		r.err = &jsonError{what: what, offset: r.i}
	}
	r.i = len(r.s)
}

// jsonError is a reading error and where it happened.
type jsonError struct {
	what   string
	offset int
}

func (e *jsonError) Error() string {
	return errJSON.Error() + ": " + e.what + " at offset " + strconv.Itoa(e.offset)
}

func (e *jsonError) Unwrap() error { return errJSON }

// peek skips white space and returns the next byte, 0 at the end (or
// at a NUL byte, which no rule accepts either).
func (r *jsonReader) peek() byte {
	if r.i < len(r.s) && r.s[r.i] > ' ' {
		return r.s[r.i]
	}
	for r.i < len(r.s) {
		switch c := r.s[r.i]; c {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return c
		}
	}
	return 0
}

// peekIndex skips white space and returns where the next value starts.
func (r *jsonReader) peekIndex() int {
	r.peek()
	return r.i
}

// end checks that nothing but white space follows the value read.
func (r *jsonReader) end() {
	if r.peekIndex() < len(r.s) {
		r.fail("text after the value")
	}
}

func (r *jsonReader) literal(lit string) {
	if !strings.HasPrefix(r.s[r.i:], lit) {
		r.fail("invalid literal")
		return
	}
	r.i += len(lit)
}

// null reads a null if one is next.
func (r *jsonReader) null() bool {
	if r.peek() != 'n' {
		return false
	}
	r.literal("null")
	return true
}

// open enters a container whose first byte is next.
func (r *jsonReader) open() {
	r.i++
	r.depth++
	if r.depth > maxJSONDepth {
		r.fail("containers nested too deeply")
	}
}

// more reads what follows a container's member: true after a comma,
// false after the closing byte.
func (r *jsonReader) more(closing byte) bool {
	switch r.peek() {
	case ',':
		r.i++
		return true
	case closing:
		r.i++
		r.depth--
		return false
	}
	r.fail("expected ',' or '" + string(closing) + "'")
	return false
}

// empty reads the closing byte of a container just opened, if it is next.
func (r *jsonReader) empty(closing byte) bool {
	if r.peek() != closing {
		return false
	}
	r.i++
	r.depth--
	return true
}

// key reads a member's name and the colon after it.
func (r *jsonReader) key() string {
	if r.peek() != '"' {
		r.fail("expected a member name")
		return ""
	}
	k := r.quoted()
	if r.peek() != ':' {
		r.fail("expected ':'")
		return ""
	}
	r.i++
	return k
}

// enter reads a null or opens a container that begins with opening;
// anything else is an error.
func (r *jsonReader) enter(opening byte) (open, null bool) {
	switch r.peek() {
	case 'n':
		r.literal("null")
		return false, true
	case opening:
		r.open()
		return true, false
	}
	r.fail("expected '" + string(opening) + "' or null")
	return false, false
}

// object reads an object (a null leaves the target as it is), calling
// field with the index in names of each member named so; field must read
// the member's value. Other members are read past.
func (r *jsonReader) object(names []string, field func(int)) {
	if open, _ := r.enter('{'); !open {
		return
	}
	for more := !r.empty('}'); more; more = r.more('}') {
		if k := match(names, r.key()); k >= 0 && r.err == nil {
			field(k)
		} else {
			r.skip()
		}
	}
}

// match returns the index of key in names, exactly or else up to case,
// -1 when it is none of them. The names are lower-case ASCII.
func match(names []string, key string) int {
	for i, n := range names {
		if n == key {
			return i
		}
	}
	if !foldable(key) {
		return -1
	}
	for i, n := range names {
		if strings.EqualFold(n, key) {
			return i
		}
	}
	return -1
}

// foldable reports whether key has an upper-case or non-ASCII letter, so
// that it may match one of the (lower-case ASCII) names up to case.
func foldable(key string) bool {
	for i := 0; i < len(key); i++ {
		if c := key[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// slice reads an array into *s, each element with elem; a null makes *s
// nil.
func slice[T any](r *jsonReader, s *[]T, elem func(*T)) {
	open, null := r.enter('[')
	if null {
		*s = nil
	}
	if !open {
		return
	}
	out := make([]T, 0, 4)
	for more := !r.empty(']'); more; more = r.more(']') {
		var zero T
		out = append(out, zero)
		elem(&out[len(out)-1])
	}
	*s = out
}

// mapOf reads an object into a map, each value with val; a null makes *m
// nil.
func mapOf[V any](r *jsonReader, m *map[string]V, val func(*V)) {
	open, null := r.enter('{')
	if null {
		*m = nil
	}
	if !open {
		return
	}
	if *m == nil {
		*m = map[string]V{}
	}
	for more := !r.empty('}'); more; more = r.more('}') {
		k := r.key()
		var v V
		val(&v)
		if r.err == nil {
			(*m)[k] = v
		}
	}
}

// str reads a string; a null leaves *p as it is.
func (r *jsonReader) str(p *string) {
	switch r.peek() {
	case '"':
		*p = r.quoted()
	case 'n':
		r.literal("null")
	default:
		r.fail("expected a string")
	}
}

// strPtr reads a string or null.
func (r *jsonReader) strPtr(p **string) {
	if r.null() {
		*p = nil
		return
	}
	var s string
	r.str(&s)
	*p = &s
}

// strs reads an array of strings (a null makes *p nil) into a slice of
// its exact length.
func (r *jsonReader) strs(p *[]string) {
	open, null := r.enter('[')
	if null {
		*p = nil
	}
	if !open {
		return
	}
	buf := r.strBuf[:0]
	for more := !r.empty(']'); more; more = r.more(']') {
		buf = append(buf, "")
		r.str(&buf[len(buf)-1])
	}
	*p = append(make([]string, 0, len(buf)), buf...)
	r.strBuf = buf
}

// integer reads a number that is a whole int; a null leaves *p as it is.
func (r *jsonReader) integer(p *int) {
	if r.null() {
		return
	}
	lit := r.number()
	if r.err != nil {
		return
	}
	n, err := strconv.ParseInt(lit, 10, 0)
	if err != nil {
		r.fail("number " + lit + " is not an int")
		return
	}
	*p = int(n)
}

// float reads a number; a null leaves *p as it is.
func (r *jsonReader) float(p *float64) {
	if r.null() {
		return
	}
	lit := r.number()
	if r.err != nil {
		return
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		r.fail("number " + lit + " is out of range")
		return
	}
	*p = f
}

// boolean reads true or false; a null leaves *p as it is.
func (r *jsonReader) boolean(p *bool) {
	switch r.peek() {
	case 't':
		r.literal("true")
		*p = true
	case 'f':
		r.literal("false")
		*p = false
	case 'n':
		r.literal("null")
	default:
		r.fail("expected true or false")
	}
}

// number reads a number's literal.
func (r *jsonReader) number() string {
	s, start := r.s, r.peekIndex()
	i := start
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		i = skipDigits(s, i)
	default:
		r.i = i
		r.fail("expected a number")
		return ""
	}
	if i < len(s) && s[i] == '.' {
		j := skipDigits(s, i+1)
		if j == i+1 {
			r.i = j
			r.fail("expected a digit after '.'")
			return ""
		}
		i = j
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := skipDigits(s, i)
		if j == i {
			r.i = j
			r.fail("expected a digit in the exponent")
			return ""
		}
		i = j
	}
	r.i = i
	return s[start:i]
}

// skipDigits returns the index of the first non-digit at or after i.
func skipDigits(s string, i int) int {
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// quoted reads a string whose opening quote is next. Unless it holds
// escapes or bytes that are not UTF-8 (which become U+FFFD, as
// encoding/json makes them), it is a slice of the text.
func (r *jsonReader) quoted() string {
	s := r.s
	start := r.i + 1
	for i := start; i < len(s); {
		for i < len(s) && plain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		switch c := s[i]; {
		case c == '"':
			r.i = i + 1
			return s[start:i]
		case c == '\\':
			return r.unquote(start, i)
		case c < ' ':
			r.i = i
			r.fail("control character in a string")
			return ""
		case c < utf8.RuneSelf:
			i++
		default:
			rr, size := utf8.DecodeRuneInString(s[i:])
			if rr == utf8.RuneError && size == 1 {
				return r.unquote(start, i)
			}
			i += size
		}
	}
	r.fail("unterminated string")
	return ""
}

// plain is the ASCII bytes that stand for themselves in a string.
var plain = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// unquote reads the rest of a string from i on, where it first needs
// unescaping, its text so far being s[start:i].
func (r *jsonReader) unquote(start, i int) string {
	s := r.s
	b := make([]byte, 0, i-start+64)
	b = append(b, s[start:i]...)
	for i < len(s) {
		switch c := s[i]; {
		case c == '"':
			r.i = i + 1
			return string(b)
		case c == '\\':
			if i+1 >= len(s) {
				r.fail("unterminated string")
				return ""
			}
			if e := unescape(s[i+1]); e != 0 {
				b = append(b, e)
				i += 2
				continue
			}
			if s[i+1] != 'u' {
				r.i = i
				r.fail("invalid escape in a string")
				return ""
			}
			rr := hex4(s, i+2)
			if rr < 0 {
				r.i = i
				r.fail("invalid \\u escape in a string")
				return ""
			}
			i += 6
			if utf16.IsSurrogate(rr) {
				if dec := utf16.DecodeRune(rr, hex4u(s, i)); dec != unicode.ReplacementChar {
					b = utf8.AppendRune(b, dec)
					i += 6
					continue
				}
				rr = unicode.ReplacementChar
			}
			b = utf8.AppendRune(b, rr)
		case c < ' ':
			r.i = i
			r.fail("control character in a string")
			return ""
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			rr, size := utf8.DecodeRuneInString(s[i:])
			b = utf8.AppendRune(b, rr)
			i += size
		}
	}
	r.fail("unterminated string")
	return ""
}

// unescape returns the byte a one-letter escape stands for, 0 for none.
func unescape(c byte) byte {
	switch c {
	case '"', '\\', '/':
		return c
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return 0
}

// hex4 reads the four hex digits at s[i:], -1 when they are not.
func hex4(s string, i int) rune {
	if i+4 > len(s) {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}

// hex4u reads a \uXXXX escape at s[i:], -1 when there is none.
func hex4u(s string, i int) rune {
	if i+1 >= len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return -1
	}
	return hex4(s, i+2)
}

// skip reads past a value, checking it.
func (r *jsonReader) skip() {
	switch c := r.peek(); {
	case c == '"':
		r.skipString()
	case c == '{':
		r.open()
		for more := !r.empty('}'); more; more = r.more('}') {
			r.key()
			r.skip()
		}
	case c == '[':
		r.open()
		for more := !r.empty(']'); more; more = r.more(']') {
			r.skip()
		}
	case c == 't':
		r.literal("true")
	case c == 'f':
		r.literal("false")
	case c == 'n':
		r.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		r.number()
	default:
		r.fail("expected a value")
	}
}

// skipString reads past a string, checking it.
func (r *jsonReader) skipString() {
	s := r.s
	for i := r.i + 1; i < len(s); {
		if plain[s[i]] || s[i] >= utf8.RuneSelf {
			i++
			continue
		}
		switch c := s[i]; {
		case c == '"':
			r.i = i + 1
			return
		case c == '\\':
			switch {
			case i+1 < len(s) && unescape(s[i+1]) != 0:
				i += 2
			case i+1 < len(s) && s[i+1] == 'u' && hex4(s, i+2) >= 0:
				i += 6
			default:
				r.i = i
				r.fail("invalid escape in a string")
				return
			}
		case c < ' ':
			r.i = i
			r.fail("control character in a string")
			return
		default:
			i++
		}
	}
	r.fail("unterminated string")
}
