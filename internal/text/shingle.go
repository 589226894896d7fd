package text

import "hash/fnv"

// Shingles returns the 64-bit FNV-1a hashes of every run of k consecutive
// words (w-shingles). Fewer than k words give one shingle of all of them;
// no words give none.
func Shingles(words []string, k int) []uint64 {
	if len(words) == 0 || k <= 0 {
		return nil
	}
	if len(words) < k {
		k = len(words)
	}
	out := make([]uint64, 0, len(words)-k+1)
	for i := 0; i+k <= len(words); i++ {
		h := fnv.New64a()
		for j, w := range words[i : i+k] {
			if j > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		out = append(out, h.Sum64())
	}
	return out
}
