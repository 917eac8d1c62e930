# Sourced by the scripts: the project's npm tools (wasm-opt 132 above all) come first on PATH,
# so Trunk finds the pinned versions and never Debian's.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
