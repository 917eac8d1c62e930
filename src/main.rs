//! Mounts the explorer. Everything else lives in the library crate's modules.

use tht_outcomes_explorer::app::App;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
