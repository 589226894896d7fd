package fetch

import (
	"net/netip"
	"testing"
)

func TestForbidden(t *testing.T) {
	tests := []struct {
		addr      string
		forbidden bool
	}{
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"10.1.2.3", true},
		{"172.16.0.1", true},
		{"172.31.255.255", true},
		{"192.168.1.1", true},
		{"169.254.169.254", true}, // cloud metadata
		{"0.0.0.0", true},
		{"0.1.2.3", true},
		{"100.64.0.1", true},
		{"192.0.0.8", true},
		{"192.0.2.1", true},
		{"198.18.0.1", true},
		{"198.51.100.7", true},
		{"203.0.113.9", true},
		{"224.0.0.1", true},
		{"239.255.255.250", true},
		{"240.0.0.1", true},
		{"255.255.255.255", true},
		{"::1", true},
		{"::", true},
		{"::127.0.0.1", true}, // IPv4-compatible
		{"::ffff:127.0.0.1", true},
		{"::ffff:10.0.0.1", true},
		{"::ffff:169.254.169.254", true},
		{"fe80::1", true},
		{"fe80::1%eth0", true},
		{"fc00::1", true},
		{"fd12:3456::1", true},
		{"fec0::1", true},
		{"ff02::1", true},
		{"ff05::2", true},
		{"64:ff9b::a00:1", true},        // NAT64 of 10.0.0.1
		{"64:ff9b::7f00:1", true},       // NAT64 of 127.0.0.1
		{"64:ff9b:1::1", true},          // local-use NAT64
		{"2002:7f00:1::", true},         // 6to4 of 127.0.0.1
		{"2002:a9fe:a9fe::1", true},     // 6to4 of 169.254.169.254
		{"2001::1", true},               // Teredo
		{"2001:db8::1", true},           // documentation
		{"100::1", true},                // discard
		{"8.8.8.8", false},              // public
		{"1.1.1.1", false},              // public
		{"93.184.216.34", false},        // public
		{"172.32.0.1", false},           // just past 172.16/12
		{"100.128.0.1", false},          // just past 100.64/10
		{"::ffff:8.8.8.8", false},       // mapped public
		{"64:ff9b::808:808", false},     // NAT64 of 8.8.8.8
		{"2002:808:808::1", false},      // 6to4 of 8.8.8.8
		{"2606:4700:4700::1111", false}, // public IPv6
		{"2a00:1450:4001:82b::200e", false},
	}
	for _, tt := range tests {
		a := netip.MustParseAddr(tt.addr)
		reason, got := Forbidden(a)
		if got != tt.forbidden {
			t.Errorf("Forbidden(%s) = %v (%q), want %v", tt.addr, got, reason, tt.forbidden)
		}
		if got && reason == "" {
			t.Errorf("Forbidden(%s): no reason given", tt.addr)
		}
	}
	if _, bad := Forbidden(netip.Addr{}); !bad {
		t.Error("the zero Addr must be forbidden")
	}
}

func TestAllowPolicies(t *testing.T) {
	lo := netip.MustParseAddrPort("127.0.0.1:80")
	lo6 := netip.MustParseAddrPort("[::1]:80")
	priv := netip.MustParseAddrPort("10.0.0.1:80")
	if !AllowLoopback(lo) || !AllowLoopback(lo6) || AllowLoopback(priv) {
		t.Error("AllowLoopback must allow loopback and only loopback")
	}
	f := New(Options{Allow: AllowLoopback})
	if err := f.check(lo); err != nil {
		t.Errorf("loopback refused with AllowLoopback: %v", err)
	}
	if err := f.check(priv); err == nil {
		t.Error("private address allowed with AllowLoopback")
	}
	if err := New(Options{}).check(lo); err == nil {
		t.Error("loopback allowed by default")
	}
}
