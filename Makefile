# rapport - a thin wrapper over meson. `make demo` and `make test` are the two
# commands a new machine needs; both install missing Debian packages first.
BUILD ?= build
MESON_ARGS ?=

.PHONY: all deps build demo test format fuzz clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_ARGS)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

demo: build
	@scripts/demo $(BUILD)

test: deps
	@scripts/run-tests

format:
	clang-format -i $$(git ls-files --cached --others --exclude-standard '*.c' '*.h')

# libFuzzer build (clang) of every fuzz target; run one with e.g.
#   build-fuzz/fuzz/proto_decode_fuzzer -max_total_time=1800 fuzz/corpus/proto_decode
fuzz: deps
	@test -f build-fuzz/build.ninja || CC=clang meson setup build-fuzz -Dfuzzing_engine=libfuzzer \
	    -Db_sanitize=address,undefined -Db_lundef=false -Dtests=disabled -Dbench=false
	ninja -C build-fuzz

clean:
	rm -rf build build-asan build-tsan build-fuzz build*.log
