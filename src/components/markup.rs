//! Elements built by plain functions instead of `html!`, for the shapes the views repeat.
//!
//! `html!` writes out each element's construction where it stands (a few hundred bytes of wasm per
//! element), and turns a class that is not a literal (`class={if on { "a b" } else { "a" }}`) into a
//! `Classes` set, which brings the set, its hash table and its joining into the wasm. These functions
//! build the same virtual DOM from one copy of the code (the same tag, the attributes in the order
//! `html!` sets them: `class` last, the same listeners and children), so the page is the same; they set
//! a class as the plain string it is, and take a `Callback`, not a closure, so that one copy serves
//! every caller.

use super::hooks::focus::Focus;
use crate::core::content::Text;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{
    AttributeOrProperty, Attributes, Key, Listeners, VList, VNode, VTag, VText,
};

/// Attributes known when the code is written, for [`el`] and [`words`].
pub type Attrs = &'static [(&'static str, AttributeOrProperty)];

/// A list of fixed attributes, kept in the wasm's data: `attrs!["role" = "status", "class" =
/// "rw-status"]`, in the order `html!` sets them (`class` last).
macro_rules! attrs {
    ($($key:literal = $value:literal),* $(,)?) => {
        &[$(($key, ::yew::virtual_dom::AttributeOrProperty::Static($value))),*]
    };
}
pub(crate) use attrs;

/// Attributes some of whose values are made at run time, for [`tag`]: `dynamic!["id" = id, "class" =
/// class]`, in the order `html!` sets them (`class` last). A value of `None` leaves its attribute out.
macro_rules! dynamic {
    ($($key:literal = $value:expr),* $(,)?) => {
        ::yew::virtual_dom::Attributes::Dynamic {
            keys: &[$($key),*],
            values: ::std::boxed::Box::new([$($crate::components::markup::value($value)),*]),
        }
    };
}
pub(crate) use dynamic;

/// An attribute's value as `html!` takes it (`None`: no attribute).
pub fn value(value: impl IntoPropValue<Option<AttrValue>>) -> Option<AttributeOrProperty> {
    value.into_prop_value().map(AttributeOrProperty::Attribute)
}

/// `<name ref key attributes listeners>children</name>`.
#[inline(never)]
pub fn element(
    name: &'static str,
    node_ref: NodeRef,
    key: Option<Key>,
    attributes: Attributes,
    listeners: Listeners,
    children: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static(name),
        node_ref,
        key,
        attributes,
        listeners,
        children,
    )
    .into()
}

/// `<name attributes listeners>children</name>`.
#[inline(never)]
pub fn tag(
    name: &'static str,
    attributes: Attributes,
    listeners: Listeners,
    children: Html,
) -> Html {
    element(
        name,
        NodeRef::default(),
        None,
        attributes,
        listeners,
        children,
    )
}

/// An element of a keyed list, with fixed attributes.
#[inline(never)]
pub fn keyed(name: &'static str, key: Key, attrs: Attrs, children: Html) -> Html {
    element(
        name,
        NodeRef::default(),
        Some(key),
        Attributes::Static(attrs),
        Listeners::None,
        children,
    )
}

/// An element with fixed attributes whose DOM node `node_ref` holds (focus is moved inside it).
#[inline(never)]
pub fn el_ref(name: &'static str, node_ref: NodeRef, attrs: Attrs, children: Html) -> Html {
    element(
        name,
        node_ref,
        None,
        Attributes::Static(attrs),
        Listeners::None,
        children,
    )
}

/// The listeners of an element, each a `Callback`: `on!(onclick, callback)`, or several pairs
/// (`on!(onclick, go, onfocus, prefetch)`).
macro_rules! on {
    ($($event:ident, $callback:expr),+ $(,)?) => {
        ::yew::virtual_dom::Listeners::Pending(::std::boxed::Box::new([
            $(::yew::html::$event::Wrapper::__macro_new($callback),)+
        ]))
    };
}
pub(crate) use on;

/// An element with fixed attributes.
#[inline(never)]
pub fn el(name: &'static str, attrs: Attrs, children: Html) -> Html {
    tag(name, Attributes::Static(attrs), Listeners::None, children)
}

/// An element with fixed attributes whose content is `text`.
#[inline(never)]
pub fn words(name: &'static str, attrs: Attrs, text: Text) -> Html {
    el(name, attrs, text.into_prop_value())
}

/// An element with fixed attributes whose content is a string made at run time.
#[inline(never)]
pub fn sentence(name: &'static str, attrs: Attrs, text: String) -> Html {
    el(name, attrs, string(text))
}

/// A text node of a string made at run time.
#[inline(never)]
pub fn string(text: String) -> Html {
    VNode::VText(VText::new(AttrValue::from(text)))
}

/// A text node of fixed words (`" "`, `" · "`).
#[inline(never)]
pub fn fixed(text: &'static str) -> Html {
    VNode::VText(VText::new(AttrValue::Static(text)))
}

/// Nodes one after another, as `<>…</>` puts them.
#[inline(never)]
pub fn nodes(children: Vec<Html>) -> Html {
    VNode::VList(std::rc::Rc::new(VList::with_children(children, None)))
}

/// An element with one attribute made at run time (`<h3 id={…}>`), in the attributes' place.
#[inline(never)]
pub fn el_with(
    name: &'static str,
    key: &'static [&'static str; 1],
    value: AttrValue,
    children: Html,
) -> Html {
    tag(
        name,
        Attributes::Dynamic {
            keys: key,
            values: Box::new([Some(AttributeOrProperty::Attribute(value))]),
        },
        Listeners::None,
        children,
    )
}

/// `<section aria-labelledby={id} class><h3 id={id}>heading</h3>children</section>`: a section named
/// by its heading.
#[inline(never)]
pub fn section(class: &'static str, id: String, heading: Text, children: Html) -> Html {
    let id = AttrValue::from(id);
    let heading = el_with("h3", &["id"], id.clone(), heading.into_prop_value());
    tag(
        "section",
        dynamic!["aria-labelledby" = id, "class" = class],
        Listeners::None,
        nodes(vec![heading, children]),
    )
}

/// A section of the plan (see [`section`]).
pub fn plan_section(id: String, heading: Text, children: Html) -> Html {
    section("rw-plan-section", id, heading, children)
}

/// `<button type="button" aria-describedby data-focus class onclick>label</button>`; the attributes
/// given as `None` are left out.
#[inline(never)]
pub fn button_with(
    class: &'static str,
    label: Html,
    described_by: Option<AttrValue>,
    focus: Option<Focus>,
    onclick: Callback<MouseEvent>,
) -> Html {
    tag(
        "button",
        dynamic![
            "type" = "button",
            "aria-describedby" = described_by,
            "data-focus" = focus.map(Focus::attr),
            "class" = class,
        ],
        on!(onclick, onclick),
        label,
    )
}

/// `<button type="button" data-focus class onclick>label</button>`; no `data-focus` without `focus`.
#[inline(never)]
pub fn button(
    class: &'static str,
    label: Text,
    focus: Option<Focus>,
    onclick: Callback<MouseEvent>,
) -> Html {
    button_with(class, label.into_prop_value(), None, focus, onclick)
}

/// `<div tabindex="0" role="region" aria-label={label} class="rw-table-wrap">table</div>`: a table that
/// may scroll sideways on a narrow screen, reachable and named for the keyboard.
#[inline(never)]
pub fn table_wrap(label: Text, table: Html) -> Html {
    tag(
        "div",
        dynamic![
            "tabindex" = "0",
            "role" = "region",
            "aria-label" = label,
            "class" = "rw-table-wrap",
        ],
        Listeners::None,
        table,
    )
}

/// `<p id class="rw-hint">text</p>`: a hint that a control names with `aria-describedby`.
#[inline(never)]
pub fn hint(id: AttrValue, text: Text) -> Html {
    tag(
        "p",
        dynamic!["id" = id, "class" = "rw-hint"],
        Listeners::None,
        text.into_prop_value(),
    )
}

/// `<fieldset aria-describedby={hint_id} class="rw-fieldset">legend<p id={hint_id}
/// class="rw-hint">hint</p>children</fieldset>`: a question with its hint and choices.
#[inline(never)]
pub fn fieldset(legend: Html, hint_id: String, hint_text: Text, children: Html) -> Html {
    let id = AttrValue::from(hint_id);
    tag(
        "fieldset",
        dynamic!["aria-describedby" = id.clone(), "class" = "rw-fieldset"],
        Listeners::None,
        nodes(vec![legend, hint(id, hint_text), children]),
    )
}

/// `<text x y text-anchor class>text</text>`: words on a chart.
#[inline(never)]
pub fn svg_text(
    class: &'static str,
    x: String,
    y: String,
    anchor: Option<&'static str>,
    text: Html,
) -> Html {
    tag(
        "text",
        dynamic!["x" = x, "y" = y, "text-anchor" = anchor, "class" = class],
        Listeners::None,
        text,
    )
}

/// `<div class="rw-buttons">children</div>`.
#[inline(never)]
pub fn buttons(children: Html) -> Html {
    el("div", attrs!["class" = "rw-buttons"], children)
}

/// A question with a button to go ahead (of `yes_class`) and "Cancel" (focused by `cancel_focus`):
/// `<div role="group" aria-labelledby={id} class="rw-confirm"><p id={id}>question</p>…</div>`.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
pub fn confirm(
    id: String,
    question: Html,
    yes_class: &'static str,
    yes: Text,
    on_yes: Callback<MouseEvent>,
    cancel: Text,
    cancel_focus: Focus,
    on_cancel: Callback<MouseEvent>,
) -> Html {
    let id = AttrValue::from(id);
    let children = vec![
        el_with("p", &["id"], id.clone(), question),
        button(yes_class, yes, None, on_yes),
        button(
            "rw-button rw-button-quiet",
            cancel,
            Some(cancel_focus),
            on_cancel,
        ),
    ];
    tag(
        "div",
        dynamic![
            "role" = "group",
            "aria-labelledby" = id,
            "class" = "rw-confirm"
        ],
        Listeners::None,
        nodes(children),
    )
}

/// `<label class><input type name checked onchange /><span>label</span></label>`: a radio button or a
/// checkbox with its words.
#[inline(never)]
pub fn choice(
    class: &'static str,
    kind: &'static str,
    name: Option<AttrValue>,
    checked: bool,
    label: Html,
    onchange: Callback<Event>,
) -> Html {
    let input = VTag::__new_input(
        None,
        Some(checked),
        NodeRef::default(),
        None,
        dynamic!["type" = kind, "name" = name],
        on!(onchange, onchange),
    );
    tag(
        "label",
        dynamic!["class" = class],
        Listeners::None,
        nodes(vec![input.into(), el("span", attrs![], label)]),
    )
}
