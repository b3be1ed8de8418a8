#!/usr/bin/env bash
# Fuzzes the extractor (HTML main text, metadata, feeds, Markdown) with libFuzzer and AddressSanitizer.
#
#   scripts/fuzz-extract.sh [SECONDS] [extra libFuzzer flags...]     # default 600 s
#
# Builds Sources/dossier-fuzz-extract with -DFUZZING in its own scratch path (.build-fuzz), seeds the
# corpus from ../shared/corpus (when present) plus a few hand-made inputs, and runs libFuzzer with
# leak detection and a 2 GB RSS limit. Crashes land in .build-fuzz/artifacts/; replay one with a normal build:
#   swift run dossier-fuzz-extract .build-fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true

# Coverage instrumentation and ASan everywhere; libFuzzer without its own main(), because SwiftPM
# already aliases main() to the target's Swift entry point, which starts libFuzzer's driver.
runtime="$(dirname "$(dirname "$(command -v swiftc)")")/lib/clang"
# (sed reads all its input, where head would close the pipe: under pipefail find's SIGPIPE fails the script.)
fuzzer_library="$(find "$runtime" -name 'libclang_rt.fuzzer_no_main-*.a' | sed -n 1p)"
swift build -c release --scratch-path .build-fuzz --product dossier-fuzz-extract \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=address \
    -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer,address \
    -Xcc -fsanitize=fuzzer-no-link,address \
    -Xlinker "$fuzzer_library" -Xlinker -lstdc++

work=".build-fuzz/fuzz-work"
mkdir -p "$work/corpus" .build-fuzz/artifacts
shared="../shared/corpus"
if [ -d "$shared" ]; then
    find "$shared" -type f \( -name '*.html' -o -name '*.xml' \) -size -300k | sed -n 1,200p |
        while read -r file; do cp "$file" "$work/corpus/"; done
fi
printf '<html><body><p>a</p></body></html>' > "$work/corpus/tiny.html"
printf '<?xml version="1.0"?><rss><channel><item><title>t</title></item></channel></rss>' > "$work/corpus/feed.xml"
printf '<script type="application/ld+json">{"@graph":[{"@type":"Person","name":"A B"}]}</script>' > "$work/corpus/jsonld.html"

ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
    .build-fuzz/release/dossier-fuzz-extract "$work/corpus" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=30 \
    -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1 "$@"
