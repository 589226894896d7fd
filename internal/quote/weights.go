package quote

// weights maps feature keys to per-label weights in one open-addressing
// table: faster to probe than a Go map for the many lookups of decoding.
type weights struct {
	nl    int
	mask  uint32
	keys  []feat  // slot keys
	index []int32 // slot -> row in vals, -1 when empty
	vals  []float32
	n     int
}

// newWeights builds the table from a map of rows of nl weights.
func newWeights(nl int, m map[feat][]float32) *weights {
	size := uint32(16)
	for int(size) < 2*len(m) {
		size *= 2
	}
	w := &weights{nl: nl, mask: size - 1, keys: make([]feat, size), index: make([]int32, size),
		vals: make([]float32, 0, len(m)*nl)}
	for i := range w.index {
		w.index[i] = -1
	}
	for k, row := range m {
		w.put(k, row)
	}
	return w
}

func (w *weights) put(k feat, row []float32) {
	s := k & w.mask
	for w.index[s] >= 0 {
		if w.keys[s] == k {
			copy(w.vals[int(w.index[s])*w.nl:], row)
			return
		}
		s = (s + 1) & w.mask
	}
	w.keys[s] = k
	w.index[s] = int32(w.n)
	w.vals = append(w.vals, row[:w.nl]...)
	w.n++
}

// get returns the weights of k, or nil.
func (w *weights) get(k feat) []float32 {
	s := k & w.mask
	for {
		i := w.index[s]
		if i < 0 {
			return nil
		}
		if w.keys[s] == k {
			return w.vals[int(i)*w.nl : (int(i)+1)*w.nl]
		}
		s = (s + 1) & w.mask
	}
}

// each calls fn for every key and its weights.
func (w *weights) each(fn func(k feat, row []float32)) {
	for s, i := range w.index {
		if i >= 0 {
			fn(w.keys[s], w.vals[int(i)*w.nl:(int(i)+1)*w.nl])
		}
	}
}
