//! The wasm module the `<reciprocity-widget>` loader imports: the library's browser exports
//! (`mountWidget`, `observedAttributes`), nothing more. A cdylib exports the `#[wasm_bindgen]` items of
//! the crates it links, so re-exporting is all it takes.

pub use reciprocity_widget::embed::*;
