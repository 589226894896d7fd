package brief

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/article"
)

// art builds a test article.
func art(id, outlet, wire, published, body string) article.Article {
	a := article.Article{ID: id, Outlet: outlet, Wire: wire, Text: body}
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			panic(err)
		}
		a.Published = t
	}
	return a
}

// factOf returns the fact whose claims include a claim containing sub.
func factOf(b Brief, sub string) (Fact, bool) {
	for _, f := range b.Facts {
		for _, c := range f.Claims {
			if strings.Contains(c.Text, sub) {
				return f, true
			}
		}
	}
	return Fact{}, false
}

func TestClaimAlignment(t *testing.T) {
	tests := []struct {
		name string
		a, b string // sentences of two articles
		same bool
	}{
		{"paraphrase with synonyms and metonyms",
			"Iran's Foreign Ministry said it would not seek permission from anyone to expand relations with Russia.",
			"Tehran and Moscow won't seek permission from anyone to deepen their ties, the ministry said.",
			true},
		{"same event, different wording of the numbers' context",
			"Police said the gunman shot three people outside the bar on Main Street late Saturday.",
			"Three people were shot outside a Main Street bar by a gunman, according to police.",
			true},
		{"same actors, different statement",
			"Russia is now providing military and technical support to Iran, officials said.",
			"The Soviet Union provided military assistance to Iran during the Iran-Iraq war of the 1980s.",
			false},
		{"same topic words only",
			"The mayor said the new budget would fund more police officers next year.",
			"Police officers arrested two men after a robbery at a gas station.",
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Articles: []article.Article{
				art("a", "Outlet A", "", "2022-12-18", tt.a+"\n\nAn unrelated sentence about the weather in the capital city today."),
				art("b", "Outlet B", "", "2022-12-18", tt.b+"\n\nA different unrelated sentence about football scores this weekend."),
			}}
			b := Build(in, Options{})
			fa, ok1 := factOf(b, firstWords(tt.a, 4))
			fb, ok2 := factOf(b, firstWords(tt.b, 4))
			if !ok1 || !ok2 {
				t.Fatalf("claims not found in facts: %v %v", ok1, ok2)
			}
			if got := fa.ID == fb.ID; got != tt.same {
				t.Errorf("same fact = %v, want %v\n%s: %s\n%s: %s", got, tt.same, fa.ID, fa.Reason, fb.ID, fb.Reason)
			}
		})
	}
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		kind string // "" for no conflict
	}{
		{"numbers", "Police said two people were killed in the shooting at the Main Street bar.",
			"Four people were killed in the shooting at the Main Street bar, police said.", ConflictNumber},
		{"same numbers", "Police said two people were killed in the shooting at the Main Street bar.",
			"Two people were killed in the shooting at the Main Street bar, police said.", ""},
		{"dates", "The suspect was arrested on Dec. 9 near the Main Street bar after the shooting.",
			"The suspect was arrested on Dec. 8 near the Main Street bar after the shooting.", ConflictDate},
		{"admission against denial", "Last month, Tehran admitted it had sent drones to Russia.",
			"The West has accused Iran of supplying drones to Russia, a claim Iran roundly rejects.", ConflictDenial},
		{"statement against denial", "The company polluted the river with toxic waste for years, regulators found.",
			"The company denied it polluted the river with toxic waste.", ConflictDenial},
		{"negation", "Police said the suspect was armed with a rifle when officers arrived at the house.",
			"Police said the suspect was not armed with a rifle when officers arrived at the house.", ConflictDenial},
		{"both negated", "Iran said it would not seek permission from anyone to expand ties with Russia.",
			"Iran won't seek permission from anyone to expand its ties with Russia, it said.", ""},
		{"negated confirmation is no denial", "Officials said the ship carried weapons to the rebels.",
			"Officials have not confirmed that the ship carried weapons to the rebels.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Articles: []article.Article{
				art("a", "Outlet A", "", "2022-12-18", tt.a),
				art("b", "Outlet B", "", "2022-12-18", tt.b),
			}}
			b := Build(in, Options{})
			var kinds []string
			for _, c := range b.Conflicts {
				kinds = append(kinds, c.Kind)
			}
			if tt.kind == "" {
				if len(kinds) > 0 {
					t.Errorf("conflicts %v, want none: %+v", kinds, b.Conflicts)
				}
				return
			}
			if !slices.Contains(kinds, tt.kind) {
				t.Fatalf("conflict kinds %v, want %s; facts %+v", kinds, tt.kind, b.Facts)
			}
			for _, c := range b.Conflicts {
				if len(c.Facts) != 2 || c.Facts[0] == c.Facts[1] || c.Reason == "" {
					t.Errorf("malformed conflict %+v", c)
				}
			}
			fa, _ := factOf(b, firstWords(tt.a, 3))
			if len(fa.ConflictsWith) == 0 {
				t.Errorf("fact %s has no conflicts_with", fa.ID)
			}
		})
	}
}

func TestIndependence(t *testing.T) {
	const s1 = "Iran said it would not seek permission from anyone to expand its ties with Russia."
	const s2 = "Iran says it will not seek permission from anyone to deepen its relations with Russia."
	tests := []struct {
		name string
		arts []article.Article
		dups []Reuse
		want int
	}{
		{"two outlets", []article.Article{art("a", "Outlet A", "", "", s1), art("b", "Outlet B", "", "", s2)}, nil, 2},
		{"same wire credit twice", []article.Article{art("a", "Outlet A", "AFP", "", s1), art("b", "Outlet B", "AFP", "", s2)}, nil, 1},
		{"wire credit and the wire itself", []article.Article{art("a", "Outlet A", "Reuters", "", s1), art("b", "Reuters", "", "", s2)}, nil, 1},
		{"same outlet twice", []article.Article{art("a", "Outlet A", "", "", s1), art("b", "outlet a", "", "", s2)}, nil, 1},
		{"a reuse pair", []article.Article{art("a", "Outlet A", "", "", s1), art("b", "Outlet B", "", "", s2)},
			[]Reuse{{Article: "b", From: "a", Shared: 0.8}}, 1},
		{"reuse through a third article", []article.Article{art("a", "A", "", "", s1), art("b", "B", "", "", s2), art("c", "C", "", "", s1)},
			[]Reuse{{Article: "b", From: "c", Shared: 0.9}, {Article: "c", From: "a", Shared: 0.9}}, 1},
		{"unknown outlets count each", []article.Article{art("a", "", "", "", s1), art("b", "", "", "", s2)}, nil, 2},
		{"reuse below MinShared is ignored", []article.Article{art("a", "A", "", "", s1), art("b", "B", "", "", s2)},
			[]Reuse{{Article: "b", From: "a", Shared: 0.1}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Build(Input{Articles: tt.arts, Reuse: tt.dups}, Options{MinShared: 0.3})
			f, ok := factOf(b, "seek permission")
			if !ok {
				t.Fatal("no permission fact")
			}
			if len(f.Articles) != len(tt.arts) {
				t.Fatalf("fact has articles %v, want all %d; %s", f.Articles, len(tt.arts), f.Reason)
			}
			if f.Independent != tt.want || f.SingleSource != (tt.want == 1) || len(f.Sources) != tt.want {
				t.Errorf("independent %d single %v sources %v, want %d; sources %+v", f.Independent, f.SingleSource, f.Sources, tt.want, b.Sources)
			}
			for _, s := range b.Sources {
				if s.Reason == "" {
					t.Errorf("source %s has no reason", s.ID)
				}
			}
		})
	}
}

func TestByline(t *testing.T) {
	b := Build(Input{Articles: []article.Article{
		{ID: "a", Byline: "Jane Doe", Text: "Iran said it would not seek permission from anyone to expand its ties with Russia."},
		{ID: "b", Byline: "Jane Doe", Text: "Iran says it will not seek permission from anyone to deepen its relations with Russia."},
	}}, Options{})
	if len(b.Sources) != 1 || !strings.Contains(b.Sources[0].Reason, "same byline") {
		t.Errorf("sources %+v, want one with the same byline", b.Sources)
	}
}

func TestFramingOwnVoice(t *testing.T) {
	body := `Kanani called the claims "baseless propaganda" and said Iran acted "independently."

The regime's brutal crackdown on protesters continued, the report said.

The spokesman claimed the drones were allegedly sold before the war. Officials alleged that the alleged attack was staged.

"They claimed it was a brutal massacre," Kanani said.`
	b := Build(Input{Articles: []article.Article{art("x", "Daily Example", "", "2022-12-18", body)}}, Options{})
	if len(b.Framing) != 1 {
		t.Fatalf("framing groups %d, want 1", len(b.Framing))
	}
	fr := b.Framing[0]
	words := func(ts []Term) map[string]int {
		m := map[string]int{}
		for _, t := range ts {
			m[t.Word] = t.Count
		}
		return m
	}
	if diff := cmp.Diff(map[string]int{"regime": 1, "brutal": 1, "crackdown": 1}, words(fr.Loaded)); diff != "" {
		t.Errorf("own-voice loaded words (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"baseless": 1, "propaganda": 1, "brutal": 1, "massacre": 1}, words(fr.Quoted)); diff != "" {
		t.Errorf("quoted words (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]int{"allegedly": 1, "alleged": 1}, words(fr.Hedges)); diff != "" {
		t.Errorf("hedges (-want +got):\n%s", diff)
	}
	// "claimed" inside the last quotation is Kanani's, not the outlet's
	want := map[string]int{"call": 1, "say": 3, "claim": 1, "allege": 1}
	if diff := cmp.Diff(want, fr.Verbs); diff != "" {
		t.Errorf("verbs (-want +got):\n%s", diff)
	}
	if fr.VerbClasses[VerbDistancing] != 2 || fr.VerbClasses[VerbNeutral] != 4 {
		t.Errorf("verb classes %v", fr.VerbClasses)
	}
}

func TestLabels(t *testing.T) {
	in := Input{Articles: []article.Article{
		art("a", "A", "", "", "CIA Director William Burns said the ties were a concern. Burns spoke on Friday."),
		art("b", "B", "", "", "The director of the U.S. Central Intelligence Agency (CIA), Willian Burns, has expressed concern about the ties."),
		art("c", "", "", "", "On Friday, CIA's chief William Burns, in an interview with PBS, said the ties were worrying. He was firm."),
	}}
	b := Build(in, Options{})
	got := map[string][]string{}
	for _, fr := range b.Framing {
		got[fr.Outlet] = fr.Labels["William Burns"]
	}
	want := map[string][]string{
		"A":         {"CIA Director"},
		"B":         {"director of the U.S. Central Intelligence Agency (CIA)"},
		"article c": {"CIA's chief"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("labels of William Burns (-want +got):\n%s", diff)
	}
}

func TestOmits(t *testing.T) {
	shared := "Iran said it would not seek permission from anyone to expand its ties with Russia."
	in := Input{Articles: []article.Article{
		art("a", "A", "", "", shared+" The weather in Tehran was cold and snowy on the day."),
		art("b", "B", "", "", "Iran says it will not seek permission from anyone to deepen its relations with Russia."),
		art("c", "C", "", "", "Football fans celebrated the victory of the national team in the capital."),
	}}
	b := Build(in, Options{})
	f, _ := factOf(b, "seek permission")
	for _, fr := range b.Framing {
		got := slices.Contains(fr.Omits, f.ID)
		if want := fr.Outlet == "C"; got != want {
			t.Errorf("%s omits %v, want omits %s = %v", fr.Outlet, fr.Omits, f.ID, want)
		}
	}
}

func TestTimeline(t *testing.T) {
	in := Input{Articles: []article.Article{
		art("a", "A", "", "2022-12-18", "CIA chief William Burns told PBS on Friday that the partnership poses real threats. "+
			"Iran's Foreign Ministry said Sunday it would not seek permission from anyone. "+
			"John Kirby on Dec. 9 called the partnership harmful to the world. "+
			"Last month, Tehran admitted it had sent drones to Russia before the invasion began in February."),
		art("b", "B", "", "2022-12-20", "Iran on Sunday said that it would not seek permission from anyone to expand ties."),
		art("c", "", "", "", "On Friday, CIA chief William Burns told PBS that the partnership poses threats to allies. "+
			"In October, the Iranian mission at the United Nations issued a paper on the war in Ukraine."),
	}}
	b := Build(in, Options{})
	type row struct{ Date, Precision, Articles string }
	var got []row
	for _, e := range b.Timeline {
		got = append(got, row{e.Date, e.Precision, strings.Join(e.Articles, ",")})
		if e.Text == "" || len(e.Mentions) == 0 {
			t.Errorf("event %s without text or mentions", e.Date)
		}
	}
	want := []row{
		{"2022-02", "month", "a"},
		{"2022-11", "month", "a"},
		{"2022-12-09", "day", "a"},
		{"2022-12-16", "day", "a,c"}, // c has no date: its Friday is a's, same event
		{"2022-12-18", "day", "a,b"},
	}
	// c's "In October" is anchored on the story only if c shares a fact
	// with a dated article, which it does (Burns' interview).
	want = append([]row{{"2022-10", "month", "c"}}, want...)
	slices.SortStableFunc(want, func(x, y row) int { return strings.Compare(x.Date, y.Date) })
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	for _, e := range b.Timeline {
		if e.Date == "2022-10" && !strings.Contains(e.Mentions[0].Reason, "anchored on story date 2022-12-18") {
			t.Errorf("anchored entry reason %q", e.Mentions[0].Reason)
		}
	}
}

func TestSummaryCites(t *testing.T) {
	b := Build(decemberStory(t), Options{Words: 100})
	if len(b.Summary) == 0 {
		t.Fatal("empty summary")
	}
	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
		if len(s.Articles) == 0 || s.Articles[0] != s.From {
			t.Errorf("sentence %q cites %v (from %s)", s.Text, s.Articles, s.From)
		}
	}
	if words > 100 {
		t.Errorf("summary has %d words, want at most 100", words)
	}
}

func TestEmptyInput(t *testing.T) {
	b := Build(Input{}, Options{})
	if len(b.Facts) != 0 || len(b.Timeline) != 0 || len(b.Summary) != 0 {
		t.Errorf("non-empty brief of no articles: %+v", b)
	}
	b = Build(Input{Articles: []article.Article{{ID: "x"}}}, Options{})
	if len(b.Sources) != 1 || len(b.Framing) != 1 {
		t.Errorf("article without text: %+v", b)
	}
}

func TestEntities(t *testing.T) {
	in := Input{
		Articles: []article.Article{
			art("a", "A", "", "", "Iranian Foreign Ministry spokesman Nasser Kanaani rejected the report about the drone sales on Monday."),
			art("b", "B", "", "", "Kanani, the ministry's spokesman, rejected the report about drone sales, state media said."),
		},
		Entities: []Entity{{Name: "Nasser Kanani", Kind: "PERSON", Aliases: []string{"Nasser Kanaani", "Kanani"}}},
	}
	b := Build(in, Options{})
	f, ok := factOf(b, "rejected the report")
	if !ok || len(f.Articles) != 2 {
		t.Errorf("the two reports of Kanani's rejection are not one fact: %+v", b.Facts)
	}
	if got := b.Framing[0].Labels["Nasser Kanani"]; !slices.Equal(got, []string{"Iranian Foreign Ministry spokesman"}) {
		t.Errorf("labels of the canonical name %v (all: %v)", got, b.Framing[0].Labels)
	}
}
