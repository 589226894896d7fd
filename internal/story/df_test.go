package story

import (
	"math/rand/v2"
	"testing"
)

func TestDocFreqReusesIDs(t *testing.T) {
	d := newDocFreq()
	a, before := d.add(10)
	if before != 0 {
		t.Fatalf("first add: before = %d, want 0", before)
	}
	if _, before = d.add(10); before != 1 {
		t.Fatalf("second add: before = %d, want 1", before)
	}
	b, _ := d.add(20)
	d.remove(a)
	if got := d.get(10); got != 1 {
		t.Fatalf("count(10) after one remove = %d, want 1", got)
	}
	d.remove(a)
	if got, n := d.get(10), len(d.ids); got != 0 || n != 1 {
		t.Fatalf("after removing both: count(10) = %d, len = %d; want 0, 1", got, n)
	}
	c, _ := d.add(30) // takes the id key 10 left
	if c != a {
		t.Errorf("new key got id %d, want the freed id %d", c, a)
	}
	if got := d.get(20); got != 1 || b == c {
		t.Errorf("count(20) = %d (id %d), want 1 and an id of its own", got, b)
	}
}

// TestDocFreqMatchesMap replays random adds and removes against a plain map.
func TestDocFreqMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	d := newDocFreq()
	want := map[uint64]int32{}
	type held struct {
		k  uint64
		id int32
	}
	var window []held
	for step := range 20000 {
		if len(window) > 0 && r.IntN(2) == 0 {
			i := r.IntN(len(window))
			h := window[i]
			window[i] = window[len(window)-1]
			window = window[:len(window)-1]
			d.remove(h.id)
			if want[h.k]--; want[h.k] == 0 {
				delete(want, h.k)
			}
		} else {
			k := uint64(r.IntN(300))
			id, before := d.add(k)
			if before != want[k] {
				t.Fatalf("step %d: add(%d) before = %d, want %d", step, k, before, want[k])
			}
			want[k]++
			window = append(window, held{k, id})
		}
		if step%1000 == 0 {
			d.compact()
		}
	}
	if len(d.ids) != len(want) {
		t.Fatalf("len = %d, want %d", len(d.ids), len(want))
	}
	for k, n := range want {
		if got := d.get(k); got != n {
			t.Errorf("count(%d) = %d, want %d", k, got, n)
		}
	}
}
