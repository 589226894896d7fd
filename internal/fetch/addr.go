package fetch

import (
	"fmt"
	"net/netip"
	"syscall"
)

// special lists the address blocks that are not ordinary public unicast
// addresses (the IANA IPv4 and IPv6 special-purpose registries), beyond what
// netip.Addr's own predicates catch, each with the reason shown in errors.
var special = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared address space (carrier-grade NAT)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignment"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation (TEST-NET-1)"},
	{netip.MustParsePrefix("192.88.99.0/24"), "6to4 relay anycast"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation (TEST-NET-2)"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation (TEST-NET-3)"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved (240.0.0.0/4)"},
	{netip.MustParsePrefix("::/96"), "IPv4-compatible or unspecified IPv6"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local-use IPv4/IPv6 translation"},
	{netip.MustParsePrefix("100::/64"), "discard-only"},
	{netip.MustParsePrefix("2001::/23"), "IETF protocol assignment (Teredo, ORCHID...)"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// Embedding prefixes: addresses that carry an IPv4 address, which is
// checked in turn.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// Forbidden reports whether a is an address the fetcher refuses by default —
// anything but a public unicast address — and why. IPv4-mapped, NAT64 and
// 6to4 IPv6 addresses are judged by the IPv4 address they carry.
func Forbidden(a netip.Addr) (reason string, forbidden bool) {
	if !a.IsValid() {
		return "invalid address", true
	}
	a = a.WithZone("")
	if a.Is4In6() {
		return Forbidden(a.Unmap())
	}
	switch {
	case a.IsUnspecified():
		return "unspecified", true
	case a.IsLoopback():
		return "loopback", true
	case a.IsPrivate():
		return "private", true
	case a.IsLinkLocalUnicast():
		return "link-local", true
	case a.IsMulticast():
		return "multicast", true
	case a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "broadcast", true
	}
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			return embedded(netip.AddrFrom4([4]byte(b[12:16])))
		case sixToFour.Contains(a):
			return embedded(netip.AddrFrom4([4]byte(b[2:6])))
		}
	}
	for _, s := range special {
		if s.prefix.Contains(a) {
			return s.reason, true
		}
	}
	return "", false
}

// embedded judges the IPv4 address carried in an IPv6 one.
func embedded(v4 netip.Addr) (string, bool) {
	if r, bad := Forbidden(v4); bad {
		return "carries " + r + " IPv4 address " + v4.String(), true
	}
	return "", false
}

// check returns an ErrForbiddenAddress error when ap may not be dialled
// under the fetcher's policy.
func (f *Fetcher) check(ap netip.AddrPort) error {
	reason, bad := Forbidden(ap.Addr())
	if !bad || (f.opts.Allow != nil && f.opts.Allow(ap)) {
		return nil
	}
	return fmt.Errorf("%w: %s is %s", ErrForbiddenAddress, ap.Addr(), reason)
}

// control checks the address a socket is about to connect to: the last
// line of defence, which sees the address actually dialled whatever the
// name resolution said.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read dialled address %q: %v", ErrForbiddenAddress, address, err)
	}
	return f.check(ap)
}

// AllowLoopback is an Options.Allow policy that lets the fetcher reach
// loopback addresses (tests against local servers).
func AllowLoopback(ap netip.AddrPort) bool { return ap.Addr().Unmap().IsLoopback() }

// AllowAll is an Options.Allow policy that lets the fetcher reach any
// address: for feeds served on a private network the user trusts.
func AllowAll(netip.AddrPort) bool { return true }
