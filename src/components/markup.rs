//! Elements built by plain functions instead of `html!`, where the macro would cost more than the
//! element.
//!
//! `html!` turns an attribute whose class is not a literal (`class={if on { "a b" } else { "a" }}`)
//! into a `Classes` set, which brings the set, its hash table and its joining into the wasm. These
//! functions set the class as the plain string it is. They build the virtual DOM `html!` would (the
//! same tag, the attributes in its order: `class` last, the same listeners and children), so the page
//! is the same; and they take a `Callback`, not a closure, so that one copy serves every caller.

use super::hooks::focus::Focus;
use crate::core::content::Text;
use yew::html::IntoPropValue;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VNode, VTag};

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

/// `<name attributes listeners>children</name>`.
#[inline(never)]
pub fn tag(
    name: &'static str,
    attributes: Attributes,
    listeners: Listeners,
    children: Html,
) -> Html {
    VTag::__new_other(
        AttrValue::Static(name),
        NodeRef::default(),
        None,
        attributes,
        listeners,
        children,
    )
    .into()
}

/// `<button type="button" data-focus class onclick>label</button>`; no `data-focus` without `focus`.
#[inline(never)]
pub fn button(
    class: &'static str,
    label: Text,
    focus: Option<Focus>,
    onclick: Callback<MouseEvent>,
) -> Html {
    tag(
        "button",
        dynamic![
            "type" = "button",
            "data-focus" = focus.map(Focus::attr),
            "class" = class,
        ],
        Listeners::Pending(Box::new([yew::html::onclick::Wrapper::__macro_new(
            onclick,
        )])),
        label.into_prop_value(),
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
        Listeners::Pending(Box::new([yew::html::onchange::Wrapper::__macro_new(
            onchange,
        )])),
    );
    let span = VTag::__new_other(
        AttrValue::Static("span"),
        NodeRef::default(),
        None,
        Attributes::Static(&[]),
        Listeners::None,
        label,
    );
    let children = VList::with_children(vec![input.into(), span.into()], None);
    tag(
        "label",
        dynamic!["class" = class],
        Listeners::None,
        VNode::VList(std::rc::Rc::new(children)),
    )
}
