#!/bin/sh
# setup.sh — everything vnplan needs, from a fresh Debian 12 machine.
#
#   sh scripts/setup.sh deps      install the Debian packages that are missing
#   sh scripts/setup.sh build     deps, then configure and build in build/
#   sh scripts/setup.sh demo      build, install, run plandiff on the two corpus plans
#   sh scripts/setup.sh check     build, then run the whole test suite
#   sh scripts/setup.sh sanitize  build in build-asan/ with ASan+UBSan, test
#   sh scripts/setup.sh threads   build in build-tsan/ with ThreadSanitizer,
#                                 run the API test (threads sharing options)
#   sh scripts/setup.sh fuzz      build the libFuzzer targets in build-fuzz/
#                                 with clang, run each for FUZZ_SECONDS (60)
#
# Installing packages needs root (it runs apt-get); the rest does not.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

# Build tools, the libraries found with pkg-config, and what the tests use.
PACKAGES="build-essential autoconf automake libtool pkg-config \
libicu-dev libpcre2-dev libutf8proc-dev libxml2-dev libjansson-dev \
libzip-dev libsqlite3-dev sqlite3 python3 libxml2-utils chromium python3-html5lib \
gettext autopoint locales libxlsxwriter-dev python3-openpyxl"

# The Vietnamese locale the tests of the Vietnamese interface run under
# (tests/test_i18n.sh); made once, kept by the system.
VI_LOCALE=vi_VN.UTF-8

have_vi_locale() {
    locale -a 2>/dev/null | grep -qix 'vi_VN\.utf-\{0,1\}8'
}

vi_locale() {
    have_vi_locale && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "setup.sh: locale $VI_LOCALE missing (run as root to generate it)" >&2
        return 0
    fi
    echo "setup.sh: generating locale $VI_LOCALE" >&2
    localedef -i vi_VN -f UTF-8 "$VI_LOCALE"
}

deps() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && { vi_locale; return 0; }
    if [ "$(id -u)" != 0 ]; then
        echo "setup.sh: missing Debian packages:$missing (run as root to install)" >&2
        exit 2
    fi
    echo "setup.sh: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    vi_locale
}

configure_in() {   # configure_in DIR [configure args...]
    dir=$1; shift
    [ -x configure ] || autoreconf -fi >/dev/null
    mkdir -p "$dir"
    if [ ! -f "$dir/Makefile" ]; then
        (cd "$dir" && ../configure --quiet "$@")
    fi
}

jobs=$(nproc 2>/dev/null || echo 2)

build() {
    deps
    configure_in build
    make -C build -s -j"$jobs"
}

case "${1:-build}" in
deps) deps ;;
build) build ;;
demo)
    build
    make -C build -s install >/dev/null
    command -v ldconfig >/dev/null && ldconfig || true
    # plandiff exits 1 when the plans differ, as diff(1) does: that is the
    # expected answer here, not a failure.
    plandiff corpus/khanhhoa.txt corpus/thanhhoa.txt || [ $? -eq 1 ]
    ;;
check)
    build
    make -C build -s -j"$jobs" check
    ;;
sanitize)
    deps
    configure_in build-asan --disable-shared \
        CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        make -C build-asan -s -j"$jobs" check
    ;;
threads)
    deps
    configure_in build-tsan --disable-shared \
        CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=thread" LDFLAGS="-fsanitize=thread"
    make -C build-tsan -s -j"$jobs" tests/test_api
    # Any data race is a failure (TSan exits 66 on a report).
    (cd build-tsan && top_srcdir=.. VNPLAN_DATADIR=../data TSAN_OPTIONS=halt_on_error=1 \
        ./tests/test_api)
    ;;
fuzz)
    PACKAGES="$PACKAGES clang libclang-rt-14-dev"
    deps
    configure_in build-fuzz --disable-shared --enable-fuzz CC=clang \
        CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
    make -C build-fuzz -s -j"$jobs" fuzz
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        sh fuzz/run.sh build-fuzz "${FUZZ_SECONDS:-60}"
    ;;
*)
    echo "usage: sh scripts/setup.sh deps|build|demo|check|sanitize|threads|fuzz" >&2
    exit 2
    ;;
esac
