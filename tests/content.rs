//! The shipped content files: every id unique, every form with enough give and receive items, every
//! plan rule pointing at a real step, no empty strings.

use reciprocity_widget::core::content::Content;

#[test]
fn english_content_is_valid() {
    let content = Content::parse(include_str!("../content/en.json")).expect("en.json parses");
    let problems = content.validate();
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
}
