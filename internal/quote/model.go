package quote

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// model is the pair of trained taggers Extract uses.
type model struct {
	pos  *posModel
	cue  *tagger
	role *tagger
}

//go:embed model.bin.gz
var modelData []byte

// loadModel decodes the embedded model once.
var loadModel = sync.OnceValues(func() (*model, error) {
	return decodeModel(bytes.NewReader(modelData))
})

const modelMagic = "PLXQ2"

// encodeModel writes m compactly: per tagger, sorted feature keys as
// varint deltas and weights quantised to int16 with one scale.
func encodeModel(w io.Writer, m *model) error {
	zw := gzip.NewWriter(w)
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	buf.Write(binary.AppendUvarint(nil, uint64(len(m.pos.tags))))
	for _, tg := range m.pos.tags {
		buf.Write(binary.AppendUvarint(nil, uint64(len(tg))))
		buf.WriteString(tg)
	}
	for _, t := range []*tagger{m.pos.t, m.cue, m.role} {
		encodeTagger(&buf, t)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

func encodeTagger(buf *bytes.Buffer, t *tagger) {
	keys := make([]feat, 0, t.w.n)
	maxAbs := 0.0
	t.w.each(func(k feat, ws []float32) {
		keys = append(keys, k)
		for _, v := range ws {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
	})
	slices.Sort(keys)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	buf.Write(binary.AppendUvarint(nil, uint64(t.nl)))
	buf.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	buf.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(scale)))
	prev := feat(0)
	for _, k := range keys {
		buf.Write(binary.AppendUvarint(nil, uint64(k-prev)))
		prev = k
	}
	for _, k := range keys {
		for _, v := range t.w.get(k) {
			q := int16(math.Round(float64(v) / scale))
			buf.Write(binary.LittleEndian.AppendUint16(nil, uint16(q)))
		}
	}
	for _, v := range t.trans {
		buf.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(v)))
	}
}

// errModel reports an unreadable model.
var errModel = errors.New("quote: bad model data")

func decodeModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errModel, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errModel, err)
	}
	if !bytes.HasPrefix(raw, []byte(modelMagic)) {
		return nil, errModel
	}
	rd := bytes.NewReader(raw[len(modelMagic):])
	m := &model{pos: &posModel{}}
	nt, err := binary.ReadUvarint(rd)
	if err != nil || nt == 0 || nt > 256 {
		return nil, errModel
	}
	for range nt {
		n, err := binary.ReadUvarint(rd)
		if err != nil || n > 16 {
			return nil, errModel
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(rd, b); err != nil {
			return nil, errModel
		}
		m.pos.tags = append(m.pos.tags, string(b))
	}
	if m.pos.t, err = decodeTagger(rd, anyLabel); err != nil {
		return nil, err
	}
	if m.cue, err = decodeTagger(rd, cueAllowed); err != nil {
		return nil, err
	}
	if m.role, err = decodeTagger(rd, roleAllowed); err != nil {
		return nil, err
	}
	return m, nil
}

func anyLabel(p, c int) bool { return true }

func decodeTagger(rd *bytes.Reader, allowed func(p, c int) bool) (*tagger, error) {
	nl, err := binary.ReadUvarint(rd)
	if err != nil || nl == 0 || nl > 256 {
		return nil, errModel
	}
	n, err := binary.ReadUvarint(rd)
	if err != nil || n > 1<<26 {
		return nil, errModel
	}
	var sb [8]byte
	if _, err := io.ReadFull(rd, sb[:]); err != nil {
		return nil, errModel
	}
	scale := math.Float64frombits(binary.LittleEndian.Uint64(sb[:]))
	keys := make([]feat, n)
	prev := uint64(0)
	for i := range keys {
		d, err := binary.ReadUvarint(rd)
		if err != nil {
			return nil, errModel
		}
		prev += d
		keys[i] = feat(prev)
	}
	t := &tagger{nl: int(nl), trans: make([]float32, (nl+1)*nl), allowed: allowed}
	m := make(map[feat][]float32, n)
	flat := make([]float32, int(n)*int(nl))
	var b2 [2]byte
	for i := range flat {
		if _, err := io.ReadFull(rd, b2[:]); err != nil {
			return nil, errModel
		}
		flat[i] = float32(float64(int16(binary.LittleEndian.Uint16(b2[:]))) * scale)
	}
	for i, k := range keys {
		m[k] = flat[i*int(nl) : (i+1)*int(nl) : (i+1)*int(nl)]
	}
	t.w = newWeights(int(nl), m)
	var b4 [4]byte
	for i := range t.trans {
		if _, err := io.ReadFull(rd, b4[:]); err != nil {
			return nil, errModel
		}
		t.trans[i] = math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
	}
	return t, nil
}
