package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// checkDecode holds decodeStory to encoding/json: for any text, both
// accept it or both refuse it, and what both accept they read alike
// (when no object repeats a member: then decodeStory keeps the last
// value, and encoding/json decodes a repeated array over the first).
func checkDecode(t *testing.T, raw []byte) {
	t.Helper()
	var want storyDoc
	wantErr := json.Unmarshal(raw, &want)
	got, err := decodeStory(raw)
	switch {
	case (err == nil) != (wantErr == nil):
		t.Fatalf("decodeStory error %v, encoding/json error %v, for %q", err, wantErr, truncate(raw))
	case err != nil:
		if !errors.Is(err, errJSON) {
			t.Fatalf("error %v does not wrap errJSON", err)
		}
		return
	case repeatsMember(raw):
		return
	}
	if diff := cmp.Diff(&want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("decodeStory differs from encoding/json (-json +decodeStory) for %q:\n%s", truncate(raw), diff)
	}
}

func truncate(b []byte) []byte { return b[:min(len(b), 300)] }

// repeatsMember reports whether an object of a valid JSON text names a
// member twice, up to case (encoding/json matches fields so).
func repeatsMember(raw []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(raw))
	type frame struct {
		object bool
		keys   []string
		key    bool // the next token is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return false
		}
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = true
			}
			continue
		}
		if top != nil && top.object && top.key {
			k := tok.(string)
			for _, seen := range top.keys {
				if strings.EqualFold(seen, k) {
					return true
				}
			}
			top.keys = append(top.keys, k)
			top.key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{object: true, key: true})
		case json.Delim('['):
			stack = append(stack, &frame{})
		default:
			if top != nil && top.object {
				top.key = true
			}
		}
	}
}

// decodeCases are texts chosen to try each rule of the reader.
var decodeCases = []string{
	``, ` `, `null`, ` null `, `{}`, `[]`, `"x"`, `1`, `{} x`, `{}}`, `{"id":"a"}`, `{"id":"a",}`, `{"id" "a"}`, `{id:"a"}`,
	`{"id":null,"title":"t"}`, `{"id":1}`, `{"id":true}`, `{"id":["a"]}`, `{"id":{"a":1}}`,
	`{"ID":"upper","TiTlE":"mixed"}`, `{"ſtoryline":"long s folds to s"}`, `{"i\u0064":"escaped name"}`,
	`{"title":"a\"b\\c\/d\b\f\n\r\t"}`, `{"title":"\u00e9\u4e16\ud83d\ude00"}`, `{"title":"\ud83d"}`, `{"title":"\ude00x"}`,
	`{"title":"\ud83d\u0041"}`, `{"title":"\ud83d\ud83d\ude00"}`, `{"title":"\u12"}`, `{"title":"\x"}`, `{"title":"\'"}`,
	"{\"title\":\"tab\tin\"}", "{\"title\":\"bad \xff\xfe utf8\"}", "{\"title\":\"\xe2\x82\"}", "{\"t\xffle\":1}",
	`{"title":"unterminated}`, `{"title":"ends in \`, `{"title":"é"}`,
	`{"first":null,"last":"2022-12-20"}`, `{"first":1}`, `{"articles":null}`, `{"articles":[]}`, `{"articles":[null,"a"]}`,
	`{"articles":["a",]}`, `{"articles":["a" "b"]}`, `{"articles":"a"}`, `{"articles":[1]}`,
	`{"facts":[{"id":"f1","independent":3,"single_source":false,"claims":[{"x":[1,2,{"y":null}]}]}]}`,
	`{"facts":[{"independent":1.5}]}`, `{"facts":[{"independent":1e2}]}`, `{"facts":[{"independent":-0}]}`,
	`{"facts":[{"independent":99999999999999999999}]}`, `{"facts":[{"independent":"3"}]}`, `{"facts":[{"independent":null}]}`,
	`{"facts":[{"single_source":"true"}]}`, `{"facts":[{"single_source":tru}]}`, `{"facts":[{"single_source":nul}]}`,
	`{"facts":{}}`, `{"facts":[[]]}`, `{"facts":[null]}`, `{"reused":[{"shared":0.5},{"shared":1e400}]}`,
	`{"reused":[{"shared":-1.5e-3}]}`, `{"reused":[{"shared":01}]}`, `{"reused":[{"shared":1.}]}`, `{"reused":[{"shared":.5}]}`,
	`{"reused":[{"shared":1e}]}`, `{"reused":[{"shared":-}]}`, `{"reused":[{"shared":+1}]}`, `{"reused":[{"shared":1E+2}]}`,
	`{"framing":[{"verbs":{"say":3,"claim":1},"labels":{"Burns":["CIA chief"],"X":null},"omit_reasons":{"f1":"why"}}]}`,
	`{"framing":[{"verbs":null,"verb_classes":{}}]}`, `{"framing":[{"verbs":{"say":"3"}}]}`, `{"framing":[{"verbs":[]}]}`,
	`{"framing":[{"verbs":{"say":null}}]}`, `{"framing":[{"verbs":{say:1}}]}`,
	`{"unknown":{"a":[1,2.5e-7,true,false,null,"s\u0041"]},"id":"x"}`, `{"unknown":[1 2]}`, `{"unknown":{"a" 1}}`,
	`{"unknown":-01}`, `{"unknown":tru}`, `{"unknown":"\u00"}`, `{"unknown":[}`, `{"unknown":{]}`,
	`{"quotes":[{"speaker":"Kanani","speaker_resolved":true,"renderings":[{"article":"a","relation":"verbatim"}]}]}`,
	`{"timeline":[{"date":"2022-12","mentions":[{"article":"a","text":"December"}]}]}`,
	`{"entities":[{"name":"Burns","mentions":[{"start":1}],"articles":["a","b"]}]}`,
	"\t{\n\"id\" :\r\"x\" }\n", `{"id":"a"} `, `{"id":"a"}{}`, "{}\x00", "\x00{}",
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	`{"unknown":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
	`{"unknown":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`,
}

func TestDecodeStoryCases(t *testing.T) {
	for _, c := range decodeCases {
		checkDecode(t, []byte(c))
	}
}

// TestDecodeStorySeed decodes the seed story's stored object, a real one.
func TestDecodeStorySeed(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	raw, err := e.st.StoryBrief(context.Background(), e.seedStory(t).ID)
	if err != nil {
		t.Fatal(err)
	}
	checkDecode(t, raw)
	d, err := decodeStory(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Facts) == 0 || len(d.Quotes) == 0 || len(d.Entities) == 0 || len(d.Framing) == 0 {
		t.Errorf("the seed story reads as %d facts, %d quotes, %d entities, %d framings", len(d.Facts), len(d.Quotes), len(d.Entities), len(d.Framing))
	}
}

// FuzzDecodeStory holds decodeStory to encoding/json on any text.
func FuzzDecodeStory(f *testing.F) {
	for _, c := range decodeCases {
		if len(c) < 1000 {
			f.Add([]byte(c))
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		checkDecode(t, raw)
	})
}
