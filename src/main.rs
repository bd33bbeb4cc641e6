//! The web app's entry point (built by Trunk for wasm32): it only mounts `ui::App`.
fn main() {
    locallens::ui::mount()
}
