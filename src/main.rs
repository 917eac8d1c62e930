//! Mounts the explorer, with a panic hook that also tells the person in the page. Everything
//! else lives in the library crate's modules.

use std::panic::PanicHookInfo;

use tht_outcomes_explorer::app::App;
use tht_outcomes_explorer::panic_notice::show_panic_notice;

fn main() {
    std::panic::set_hook(Box::new(on_panic));
    leptos::mount::mount_to_body(App);
}

/// Logs the panic with its stack to the console, then tells the person in the page.
fn on_panic(info: &PanicHookInfo) {
    console_error_panic_hook::hook(info);
    show_panic_notice(&info.to_string());
}
