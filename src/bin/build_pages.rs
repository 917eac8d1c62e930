//! Writes a static HTML page for every view's canonical link into a built site (see
//! `tht_outcomes_explorer::built_site`), after `trunk build` and `scripts/harden-html.mjs`:
//!
//!   build_pages <dist folder>
fn main() {
    let dist = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    match tht_outcomes_explorer::built_site::build(std::path::Path::new(&dist)) {
        Ok(built) => println!(
            "build_pages: wrote {} pages ({:.1} MB) into {dist}",
            built.pages,
            built.bytes as f64 / 1e6
        ),
        Err(message) => {
            eprintln!("build_pages: {message}");
            std::process::exit(1);
        }
    }
}
