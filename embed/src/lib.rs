//! The wasm module the `<reciprocity-widget>` loader imports: the library's browser exports
//! (`mountWidget`, `observedAttributes`), nothing more. A cdylib exports the `#[wasm_bindgen]` items of
//! the crates it links, so re-exporting is all it takes.

pub use reciprocity_widget::embed::*;

/// Talc instead of the standard library's dlmalloc for the browser build: a well-kept allocator made
/// for WebAssembly (checked with Miri upstream), smaller and faster there. Measured on the first
/// screen's wasm: 1,850 B gzip less. Each widget's instance has its own, in its own memory; the parts
/// of the wasm allocate through the main file's. The native and browser tests keep the default.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
