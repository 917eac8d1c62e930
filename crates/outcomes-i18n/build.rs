//! rust-i18n reads `locales/` inside a macro, which Cargo does not watch: without this, an
//! edited translation is not compiled in until something else changes.
fn main() {
    println!("cargo:rerun-if-changed=locales");
}
