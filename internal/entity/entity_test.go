package entity

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Mention // Text, Type and Role are compared
	}{
		{"title before name", "CIA Director William Burns said in an interview.",
			[]Mention{{Text: "William Burns", Type: Person, Role: "CIA Director"}}},
		{"lower-case role with comma", "Iran's foreign ministry's spokesperson, Nasser Kanani said so.",
			[]Mention{{Text: "Iran", Type: Place}, {Text: "Nasser Kanani", Type: Person, Role: "Iran's foreign ministry's spokesperson"}}},
		{"organisation with connector", "He spoke at the Council on Foreign Relations in New York City.",
			[]Mention{{Text: "Council on Foreign Relations", Type: Org}, {Text: "New York City", Type: Place}}},
		{"acronym and place", "The CIA told PBS that Russia was a threat.",
			[]Mention{{Text: "CIA", Type: Org}, {Text: "PBS", Type: Org}, {Text: "Russia", Type: Place}}},
		{"place glued to name", "UK Ambassador to the United Nations Barbara Woodward alleged it.",
			[]Mention{{Text: "UK Ambassador", Type: Title}, {Text: "United Nations", Type: Org}, {Text: "Barbara Woodward", Type: Person, Role: "UK Ambassador to the United Nations"}}},
		{"sentence-initial common word", "Western countries accused Iran. Burns said that. William Burns left.",
			[]Mention{{Text: "Iran", Type: Place}, {Text: "Burns", Type: Person}, {Text: "William Burns", Type: Person}}},
		{"definite description", "The CIA director alleged that drones were used.",
			[]Mention{{Text: "CIA director", Type: Title}}},
		{"dates and nationalities are not entities", "On Friday, Iranian officials met Russian diplomats in December.",
			nil},
		{"particle name", "President Bashar al-Assad spoke.",
			[]Mention{{Text: "Bashar al-Assad", Type: Person, Role: "President"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Mention
			for _, m := range Extract(tt.text) {
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("span %d:%d is %q, not %q", m.Start, m.End, tt.text[m.Start:m.End], m.Text)
				}
				got = append(got, Mention{Text: m.Text, Type: m.Type, Role: m.Role})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Extract(%q)\n got %+v\nwant %+v", tt.text, got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	docs := []DocMentions{
		{ID: "a", Mentions: Extract("CIA Director William Burns spoke to PBS. Burns said Iran's President Ebrahim Raisi met the U.S. Central Intelligence Agency (CIA).")},
		{ID: "b", Mentions: Extract("The director of the CIA, Willian Burns, warned. The CIA chief said more. President Ibrahim Raisi replied. Hillary Clinton and Bill Clinton came. Clinton spoke.")},
	}
	ents := Resolve(docs)
	byName := map[string]Entity{}
	for _, e := range ents {
		byName[e.Name] = e
	}
	burns, ok := byName["William Burns"]
	if !ok {
		t.Fatalf("no William Burns in %+v", ents)
	}
	for _, alias := range []string{"Willian Burns", "Burns", "CIA Director William Burns", "cia chief"} {
		if !slices.Contains(burns.Aliases, alias) {
			t.Errorf("William Burns lacks alias %q: %q", alias, burns.Aliases)
		}
	}
	if !slices.Equal(burns.Articles, []string{"a", "b"}) {
		t.Errorf("Burns articles %v", burns.Articles)
	}
	raisi := byName["Ebrahim Raisi"]
	if raisi.Name == "" {
		raisi = byName["Ibrahim Raisi"]
	}
	if len(raisi.Articles) != 2 {
		t.Errorf("Ebrahim / Ibrahim Raisi not merged: %+v", ents)
	}
	cia := byName["CIA"]
	if cia.Name == "" {
		cia = byName["U.S. Central Intelligence Agency"]
	}
	if !slices.Contains(append(cia.Aliases, cia.Name), "U.S. Central Intelligence Agency") || !slices.Contains(append(cia.Aliases, cia.Name), "CIA") {
		t.Errorf("CIA and its expansion not merged: %+v", cia)
	}
	// "Clinton" alone is ambiguous between two Clintons of article b
	if _, ok := byName["Clinton"]; !ok {
		t.Errorf("ambiguous surname should stay apart: %+v", ents)
	}
	if idx := Index(ents); idx.Lookup("the CIA chief") == nil || idx.Lookup("the CIA chief").Name != "William Burns" {
		t.Errorf("Lookup(the CIA chief) = %+v", idx.Lookup("the CIA chief"))
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"william", "willian", 1}, {"ebrahim", "ibrahim", 1}, {"", "abc", 3}, {"kanani", "kanani", 0}, {"café", "cafe", 1}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("CIA Director William Burns said. The CIA chief (CIA), Willian Burns, of the Council on X.")
	f.Add("President Bashar al-Assad's U.S. J. F. Kennedy — “Burns’ al- bin")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		ms := Extract(s)
		prev := -1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v", m)
			}
			if m.Start < prev {
				t.Fatalf("mentions out of order at %+v", m)
			}
			prev = m.Start
		}
		Resolve([]DocMentions{{ID: "x", Mentions: ms}})
	})
}
