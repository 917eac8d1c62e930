//! Mounts the explorer, with a panic hook that also tells the person in the page; a page in
//! Bengali first waits for its font (see `fonts`). Everything else lives in the library
//! crate's modules.

use std::panic::PanicHookInfo;

use outcomes_state::Lang;
use tht_outcomes_explorer::fonts;
use tht_outcomes_explorer::handover;
use tht_outcomes_explorer::panic_notice::show_panic_notice;
use tht_outcomes_explorer::state::address_lang;

fn main() {
    std::panic::set_hook(Box::new(on_panic));
    if address_lang() == Lang::Bn {
        wasm_bindgen_futures::spawn_local(async {
            fonts::bengali_ready().await;
            handover::mount();
        });
    } else {
        handover::mount();
    }
}

/// Logs the panic with its stack to the console, then tells the person in the page.
fn on_panic(info: &PanicHookInfo) {
    console_error_panic_hook::hook(info);
    show_panic_notice(&info.to_string());
}
