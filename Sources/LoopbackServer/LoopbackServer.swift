// Placeholder; the loopback server is written next.
