//! The browser entry point (Trunk builds this for wasm32).

fn main() {
    #[cfg(not(feature = "ssr"))]
    {
        // A panic stops the app: log it, and say so on the page (the content stays).
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            minutebook::takeover::show_failure();
        }));
        // In a task of its own: instantiating the wasm is one long task already, and the
        // take-over's first render would lengthen it (total blocking time).
        leptos::prelude::set_timeout(minutebook::takeover::start, std::time::Duration::ZERO);
    }
}
