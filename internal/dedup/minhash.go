package dedup

import "math/bits"

// Signature is a MinHash signature: for each of its hash functions, the
// smallest hash over an article's shingles. The share of equal positions
// of two signatures estimates the Jaccard similarity of their shingle sets.
type Signature []uint64

// minhash computes a signature of n values over the shingle hashes.
func minhash(shingles []uint64, n int) Signature {
	sig := make(Signature, n)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for _, s := range shingles {
		for i := range sig {
			if h := mix(s ^ seeds[i]); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

// Jaccard estimates the Jaccard similarity of the sets behind a and b.
func (a Signature) Jaccard(b Signature) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / float64(len(a))
}

// bands returns the LSH bucket keys of a signature: one per band of rows
// values.
func (a Signature) bands(rows int) []uint64 {
	out := make([]uint64, 0, len(a)/rows)
	for b := 0; b+rows <= len(a); b += rows {
		h := uint64(b + 1)
		for _, v := range a[b : b+rows] {
			h = mix(h ^ v)
		}
		out = append(out, h)
	}
	return out
}

// mix is the splitmix64 finaliser: a fast, well-spread 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// seeds are the per-function salts of the MinHash family (fixed, so that
// signatures are reproducible).
var seeds = func() [256]uint64 {
	var s [256]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// SimHash is Charikar's 64-bit similarity hash of a shingle set: near
// copies differ in few bits. It is kept to compare with MinHash (see the
// package tests); the Index uses MinHash.
func SimHash(shingles []uint64) uint64 {
	var v [64]int32
	for _, s := range shingles {
		h := mix(s)
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// Hamming returns the number of differing bits.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// MinHash returns the signature (n values) of a shingle set; exported for
// measurements.
func MinHash(shingles []uint64, n int) Signature { return minhash(shingles, n) }
