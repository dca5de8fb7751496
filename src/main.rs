//! The browser entry point (Trunk builds this for wasm32).

fn main() {
    #[cfg(not(feature = "ssr"))]
    {
        console_error_panic_hook::set_once();
        minutebook::takeover::start();
    }
}
