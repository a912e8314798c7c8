//! A fuzzer for the saved-document decoder, which is also what "Your data → Load" uses for a file the
//! visitor picks. Run it with `bash scripts/fuzz.sh [COUNT] [SEED]`; `cargo test` only compiles it.
//!
//! For every input: `decode` must not panic, and when it accepts the input, the document must come back
//! unchanged through `encode` and through `encode_pretty` (the visitor's downloaded copy). A failure
//! prints the input (escaped), the seed and the index, and exits non-zero. The release profile aborts on
//! panic, so a panic hook prints the input being decoded before the process goes.
//!
//! Documents are only ever obtained through `decode` (never built field by field), so the fuzzer keeps
//! working when the document's fields change; the field names below only steer the generators.

use reciprocity_widget::core::codec::{decode, encode, encode_pretty, DecodeError};
use reciprocity_widget::core::document::Document;
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The documents of older schemas the decoder migrates: every file in tests/fixtures/ (add new ones here).
const FIXTURES: [&str; 4] = [
    include_str!("../tests/fixtures/schema-1.json"),
    include_str!("../tests/fixtures/schema-2.json"),
    include_str!("../tests/fixtures/schema-3.json"),
    include_str!("../tests/fixtures/schema-4.json"),
];

/// Field names the saved document has (src/core/document.rs, codec.rs).
const FIELDS: [&str; 26] = [
    "schema",
    "view",
    "view_at",
    "since",
    "changed",
    "answered",
    "moved",
    "partner",
    "retired",
    "relationship",
    "relationship_at",
    "not_applicable",
    "checklist",
    "done",
    "quiz",
    "attempts",
    "started",
    "finished",
    "context",
    "question",
    "answers",
    "value",
    "prefer_not",
    "skip_sensitive",
    "settings",
    "clear_on_exit",
];

/// Names a later schema might plausibly add.
const FUTURE_FIELDS: [&str; 8] = [
    "ticks", "at", "id", "deleted", "view_at", "marks", "answer", "version",
];

/// Ids and words the document's strings hold.
const WORDS: [&str; 23] = [
    "checklist",
    "quiz",
    "plan",
    "settings",
    "prefer_not",
    "value",
    "partner",
    "not_applicable",
    "family",
    "friend",
    "colleague",
    "boss",
    "reflect-notice-giving",
    "express-say-it-calmly",
    "check-in-ten-minutes-nightly",
    "repair-lets-reset",
    "practical-give-1",
    "practical-give-2",
    "healing-give-1",
    "balance",
    "",
    "Partner",
    "prefer-not",
];

/// Ids of checklist actions and quiz items, as the content has them.
const ACTION_IDS: [&str; 6] = [
    "reflect-notice-giving",
    "express-say-it-calmly",
    "check-in-ten-minutes-nightly",
    "invest-small-daily-act",
    "repair-lets-reset",
    "observe-weekly",
];
const ITEM_IDS: [&str; 6] = [
    "practical-give-1",
    "practical-receive-2",
    "emotional-give-1",
    "healing-give-1",
    "future-receive-3",
    "balance",
];

/// Number literals at the edges of the types involved (u32 schema, u64 times, usize index, i8 answers).
const NUMBERS: [&str; 40] = [
    "0",
    "-0",
    "1",
    "-1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "-3",
    "-4",
    "127",
    "128",
    "-128",
    "-129",
    "255",
    "256",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "1764000000000",
    "1764000000000.0",
    "1.764e12",
    "3.0",
    "3e0",
    "0.5",
    "-0.0",
    "1e308",
    "1e400",
    "-1e400",
    "5E-324",
    "1.5e-7",
    "123456789012345678901234567890",
    "0.000000000000000000000000000001",
    "2.5",
];

/// Bits of JSON (and of not-quite JSON) to splice into text.
const TOKENS: [&str; 38] = [
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "false",
    "-",
    ".",
    "e",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\u0000",
    "\\\"",
    "{}",
    "[]",
    "\"\"",
    "\"schema\":",
    "\"schema\":3,",
    "\"schema\":1,",
    "\"prefer_not\"",
    "{\"value\":5}",
    "{\"value\":-3}",
    "\"partner\"",
    ",\"finished\":null",
    ",\"skip_sensitive\":true",
    ",\"settings\":{\"clear_on_exit\":false}",
    "NaN",
    "Infinity",
    "\u{feff}",
    "\u{0}",
    "/*",
];

// --- randomness -------------------------------------------------------------------------------------

/// splitmix64: tiny, fast, and good enough to steer a fuzzer.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index into `weights`, chosen in proportion to them.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut roll = self.next_u64() % total;
        for (i, &w) in weights.iter().enumerate() {
            if roll < w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }

    /// Mostly small numbers, sometimes larger: a length or a count.
    fn small(&mut self, max: usize) -> usize {
        let mut n = 0;
        while n < max && self.percent(60) {
            n += 1;
        }
        if self.percent(5) {
            n = self.below(max + 1);
        }
        n
    }
}

// --- the input in flight, for the panic hook --------------------------------------------------------

struct Current {
    seed: u64,
    index: u64,
    generator: &'static str,
    phase: &'static str,
    input: String,
}

thread_local! {
    static CURRENT: RefCell<Current> = const {
        RefCell::new(Current {
            seed: 0,
            index: 0,
            generator: "",
            phase: "",
            input: String::new(),
        })
    };
}

fn describe(current: &Current) {
    eprintln!("seed:      {}", current.seed);
    eprintln!(
        "index:     {} (rerun: scripts/fuzz.sh {} {})",
        current.index,
        current.index + 1,
        current.seed
    );
    eprintln!("generator: {}", current.generator);
    eprintln!("phase:     {}", current.phase);
    eprintln!("length:    {} bytes", current.input.len());
    eprintln!("input (Rust string literal):\n{:?}", current.input);
}

fn set_phase(phase: &'static str) {
    CURRENT.with(|c| c.borrow_mut().phase = phase);
}

// --- generators -------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Gen {
    Bytes,
    Unicode,
    Grammar,
    GrammarWild,
    MutateText,
    MutateTree,
}

const GENERATORS: [(Gen, &str, u64); 6] = [
    (Gen::Bytes, "random bytes (lossy UTF-8)", 6),
    (Gen::Unicode, "random unicode", 6),
    (Gen::Grammar, "JSON grammar, document-shaped", 24),
    (Gen::GrammarWild, "JSON grammar, wild", 14),
    (Gen::MutateText, "text mutation of a seed", 32),
    (Gen::MutateTree, "tree mutation of a seed", 18),
];

fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(10) {
        0..=3 => 0x20 + rng.below(0x5f) as u32,
        4 => {
            return *rng.pick(&[
                '{', '}', '[', ']', '"', ':', ',', '\\', '-', '.', 'e', '0', ' ',
            ])
        }
        5 => rng.below(0x20) as u32 | if rng.percent(10) { 0x7f } else { 0 },
        6 => 0x80 + rng.below(0x780) as u32,
        7 => 0x800 + rng.below(0xf800) as u32,
        8 => 0x10000 + rng.below(0x10_0000) as u32,
        _ => {
            return *rng.pick(&[
                '\u{fffd}',
                '\u{feff}',
                '\u{2028}',
                '\u{2029}',
                '\u{a0}',
                '\u{0}',
                '\u{10ffff}',
                'é',
                '😀',
            ])
        }
    };
    char::from_u32(code).unwrap_or('?')
}

fn random_text(rng: &mut Rng, max: usize) -> String {
    let len = rng.small(max);
    (0..len).map(|_| random_char(rng)).collect()
}

fn random_bytes(rng: &mut Rng) -> String {
    let len = if rng.percent(10) {
        rng.below(2048)
    } else {
        rng.below(64)
    };
    let bytes: Vec<u8> = (0..len)
        .map(|_| {
            if rng.percent(30) {
                *rng.pick(b"{}[]\":,\\-.0123456789etruefalsnl ")
            } else {
                rng.next_u64() as u8
            }
        })
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What a generated value is meant to be, from the key it sits under.
#[derive(Clone, Copy, PartialEq)]
enum Hint {
    Root,
    Schema,
    View,
    Checklist,
    ChecklistV1,
    IdList,
    Quiz,
    Attempts,
    Attempt,
    Time,
    OptTime,
    Context,
    Index,
    Answers,
    Answer,
    AnswerValue,
    Bool,
    Settings,
    Id,
    /// A map from ids to times (schema 4's `changed` and `answered`).
    TimeMap,
    Any,
}

fn hint_for_key(rng: &mut Rng, key: &str) -> Hint {
    match key {
        "schema" => Hint::Schema,
        "view" => Hint::View,
        "checklist" if rng.percent(15) => Hint::ChecklistV1,
        "checklist" => Hint::Checklist,
        "done" | "ticks" | "marks" => Hint::IdList,
        "quiz" => Hint::Quiz,
        "attempts" => Hint::Attempts,
        "started" | "at" | "view_at" | "since" | "moved" => Hint::Time,
        "changed" if rng.percent(50) => Hint::Time,
        "changed" | "answered" => Hint::TimeMap,
        "finished" => Hint::OptTime,
        "context" | "relationship" => Hint::Context,
        "retired" => Hint::Answers,
        "relationship_at" => Hint::Time,
        "question" => Hint::Index,
        "answers" => Hint::Answers,
        "answer" => Hint::Answer,
        "value" => Hint::AnswerValue,
        "skip_sensitive" | "clear_on_exit" | "deleted" => Hint::Bool,
        "settings" => Hint::Settings,
        "id" | "prefer_not" => Hint::Id,
        _ => Hint::Any,
    }
}

/// Writes JSON-ish text. `noise` (percent) is how often a value or key ignores its hint, `syntax`
/// (percent) how often a token breaks a rule of JSON.
struct Grammar<'a> {
    rng: &'a mut Rng,
    noise: u64,
    syntax: u64,
    out: String,
}

impl<'a> Grammar<'a> {
    const BUDGET: usize = 6000;

    fn new(rng: &'a mut Rng, noise: u64, syntax: u64) -> Self {
        Grammar {
            rng,
            noise,
            syntax,
            out: String::new(),
        }
    }

    fn space(&mut self) {
        if self.rng.percent(15) {
            let choices: &[&str] = if self.rng.percent(self.syntax) {
                &["\u{a0}", "\u{feff}", "\u{b}", "\u{c}"]
            } else {
                &[" ", "\n", "\t", "\r\n", "  "]
            };
            let s = *self.rng.pick(choices);
            self.out.push_str(s);
        }
    }

    fn key(&mut self, preferred: &[&str]) -> String {
        let roll = self.rng.below(100) as u64;
        if !preferred.is_empty() && roll >= self.noise {
            (*self.rng.pick(preferred)).to_owned()
        } else if roll.is_multiple_of(3) {
            (*self.rng.pick(&FIELDS)).to_owned()
        } else if roll % 3 == 1 {
            (*self.rng.pick(&FUTURE_FIELDS)).to_owned()
        } else if self.rng.percent(50) {
            (*self.rng.pick(&WORDS)).to_owned()
        } else {
            random_text(self.rng, 8)
        }
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        let wild = self.rng.percent(self.syntax);
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                c if (c as u32) < 0x20 && !(wild && self.rng.percent(20)) => {
                    self.out.push_str(&format!("\\u{:04x}", c as u32));
                }
                c if self.rng.percent(3) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        self.out.push_str(&format!("\\u{:04X}", unit));
                    }
                }
                c => self.out.push(c),
            }
        }
        if wild && self.rng.percent(30) {
            let bad = *self
                .rng
                .pick(&["\\ud800", "\\udfff", "\\x41", "\\u12", "\\", "\\/"]);
            self.out.push_str(bad);
        }
        self.out.push('"');
    }

    /// A string literal: mostly one of `likely`, else any word or random text.
    fn word(&mut self, likely: &[&str]) {
        let roll = self.rng.below(100) as u64;
        let s = if !likely.is_empty() && roll >= self.noise + 5 {
            (*self.rng.pick(likely)).to_owned()
        } else if roll.is_multiple_of(2) {
            (*self.rng.pick(&WORDS)).to_owned()
        } else {
            random_text(self.rng, 12)
        };
        self.string(&s);
    }

    fn number(&mut self, hint: Hint) {
        let rng = &mut *self.rng;
        let text = if rng.percent(5 + self.noise / 2) {
            (*rng.pick(&NUMBERS)).to_owned()
        } else {
            match hint {
                Hint::Schema => {
                    let n = rng.weighted(&[1, 15, 15, 30, 2, 1, 1]);
                    n.to_string()
                }
                Hint::Time | Hint::OptTime => {
                    (1_700_000_000_000 + rng.below(100_000_000_000) as u64).to_string()
                }
                Hint::Index => rng.small(40).to_string(),
                Hint::AnswerValue => (rng.below(11) as i64 - 4).to_string(),
                _ => match rng.below(5) {
                    0 => (rng.below(20) as i64 - 5).to_string(),
                    1 => rng.next_u64().to_string(),
                    2 => (rng.next_u64() as i64).to_string(),
                    3 => format!("{}.{}", rng.below(100) as i64 - 50, rng.below(1000)),
                    _ => format!("{}e{}", rng.below(10), rng.below(40) as i64 - 20),
                },
            }
        };
        self.out.push_str(&text);
        if self.rng.percent(self.syntax / 2) {
            let junk = *self.rng.pick(&[".", "e", "e+", "-", "00", ".5.5", "_1"]);
            self.out.push_str(junk);
        }
    }

    fn object(&mut self, preferred: &[&str], must: &[&str], depth: usize) {
        self.out.push('{');
        self.space();
        let mut keys: Vec<String> = Vec::new();
        for key in must {
            if !self.rng.percent(self.noise / 2) {
                keys.push((*key).to_owned());
            }
        }
        for key in preferred {
            if !must.contains(key) && self.rng.percent(60) {
                keys.push((*key).to_owned());
            }
        }
        let extra = if self.rng.percent(self.noise) {
            1 + self.rng.small(4)
        } else {
            0
        };
        for _ in 0..extra {
            let key = self.key(preferred);
            keys.push(key);
        }
        if keys.len() > 1 && self.rng.percent(self.noise / 2) {
            let dup = keys[self.rng.below(keys.len())].clone();
            keys.push(dup);
        }
        if self.rng.percent(30) && keys.len() > 1 {
            let (a, b) = (self.rng.below(keys.len()), self.rng.below(keys.len()));
            keys.swap(a, b);
        }
        for (i, key) in keys.iter().enumerate() {
            if self.out.len() > Self::BUDGET {
                break;
            }
            if i > 0 {
                self.out.push(',');
                self.space();
            }
            self.string(key);
            self.space();
            self.out.push(':');
            self.space();
            let hint = hint_for_key(self.rng, key);
            self.value(hint, depth + 1);
        }
        if self.rng.percent(self.syntax / 2) {
            self.out.push(',');
        }
        self.space();
        self.out.push('}');
    }

    /// An object whose keys are ids (the schema 1 checklist, the answers).
    fn id_map(&mut self, values: Hint, depth: usize) {
        self.out.push('{');
        let n = self.rng.small(8);
        for i in 0..n {
            if self.out.len() > Self::BUDGET {
                break;
            }
            if i > 0 {
                self.out.push(',');
            }
            let ids: &[&str] = if values == Hint::Bool {
                &ACTION_IDS
            } else {
                &ITEM_IDS
            };
            self.word(ids);
            self.out.push(':');
            self.space();
            self.value(values, depth + 1);
        }
        self.out.push('}');
    }

    fn array(&mut self, items: Hint, depth: usize) {
        self.out.push('[');
        let n = self.rng.small(if items == Hint::Attempt { 4 } else { 10 });
        for i in 0..n {
            if self.out.len() > Self::BUDGET {
                break;
            }
            if i > 0 {
                self.out.push(',');
                self.space();
            }
            self.value(items, depth + 1);
        }
        if self.rng.percent(self.syntax / 2) {
            self.out.push(',');
        }
        self.out.push(']');
    }

    fn value(&mut self, hint: Hint, depth: usize) {
        let hint = if hint != Hint::Root && self.rng.percent(self.noise) {
            Hint::Any
        } else {
            hint
        };
        match hint {
            Hint::Root => {
                let fields = [
                    "schema",
                    "view",
                    "view_at",
                    "since",
                    "checklist",
                    "quiz",
                    "settings",
                ];
                self.object(&fields, &["schema"], depth);
            }
            Hint::Schema | Hint::Time | Hint::OptTime | Hint::Index | Hint::AnswerValue => {
                if hint == Hint::OptTime && self.rng.percent(30) {
                    self.out.push_str("null");
                } else {
                    self.number(hint);
                }
            }
            Hint::View => self.word(&["checklist", "quiz", "plan"]),
            Hint::Context if self.rng.percent(15) => self.out.push_str("null"),
            Hint::Context => self.word(&["partner", "family", "friend", "colleague"]),
            Hint::Id => self.word(&ACTION_IDS),
            Hint::Checklist => self.object(&["done", "changed"], &["done"], depth),
            Hint::TimeMap => self.id_map(Hint::Time, depth),
            Hint::ChecklistV1 => self.id_map(Hint::Bool, depth),
            Hint::IdList => self.array(Hint::Id, depth),
            Hint::Quiz => self.object(&["attempts"], &["attempts"], depth),
            Hint::Attempts => self.array(Hint::Attempt, depth),
            Hint::Attempt => {
                let fields = [
                    "started",
                    "finished",
                    "context",
                    "question",
                    "moved",
                    "answers",
                    "answered",
                    "changed",
                    "skip_sensitive",
                    "retired",
                ];
                self.object(&fields, &["started"], depth);
            }
            Hint::Answers => self.id_map(Hint::Answer, depth),
            Hint::Answer => match self.rng.below(10) {
                0..=5 => self.object(&["value"], &["value"], depth),
                6..=7 => self.string("prefer_not"),
                8 => self.string("not_applicable"),
                _ => self.object(&["prefer_not"], &["prefer_not"], depth),
            },
            Hint::Bool => {
                let b = *self.rng.pick(&["true", "false", "null"]);
                self.out.push_str(b);
            }
            Hint::Settings => self.object(
                &[
                    "clear_on_exit",
                    "changed",
                    "relationship",
                    "relationship_at",
                ],
                &[],
                depth,
            ),
            Hint::Any => self.any(depth),
        }
    }

    fn any(&mut self, depth: usize) {
        let deep = depth > 8 || self.out.len() > Self::BUDGET;
        let roll = self.rng.below(if deep { 6 } else { 10 });
        match roll {
            0 => self.out.push_str("null"),
            1 => {
                let b = *self.rng.pick(&["true", "false"]);
                self.out.push_str(b);
            }
            2 | 3 => self.number(Hint::Any),
            4 | 5 => self.word(&[]),
            6 | 7 => {
                let fields: Vec<&str> = FIELDS.iter().chain(&FUTURE_FIELDS).copied().collect();
                let n = self.rng.small(3);
                let chosen: Vec<&str> = (0..n).map(|_| *self.rng.pick(&fields)).collect();
                self.object(&chosen, &[], depth);
            }
            8 => self.array(Hint::Any, depth),
            _ => {
                // Nesting around serde_json's recursion limit (128).
                let levels = 100 + self.rng.below(60);
                let (open, close) = if self.rng.percent(50) {
                    ("[", "]")
                } else {
                    ("{\"a\":", "}")
                };
                for _ in 0..levels {
                    self.out.push_str(open);
                }
                for _ in 0..levels {
                    if self.rng.percent(99) {
                        self.out.push_str(close);
                    }
                }
            }
        }
    }
}

fn grammar(rng: &mut Rng, noise: u64, syntax: u64) -> String {
    let mut g = Grammar::new(rng, noise, syntax);
    g.space();
    if g.rng.percent(97) {
        g.value(Hint::Root, 0);
    } else {
        g.any(0);
    }
    g.space();
    g.out
}

// --- mutations --------------------------------------------------------------------------------------

const MAX_LEN: usize = 32 * 1024;

fn span(rng: &mut Rng, len: usize) -> (usize, usize) {
    let start = rng.below(len + 1);
    let width = if rng.percent(80) {
        1 + rng.small(16)
    } else {
        rng.below(len + 1)
    };
    (start, (start + width).min(len))
}

/// The extent of the JSON number or string literal around `at`, if there is one.
fn literal_at(bytes: &[u8], at: usize, quote: bool) -> Option<(usize, usize)> {
    if quote {
        let open = bytes[..at].iter().rposition(|&b| b == b'"')?;
        let close = open + 1 + bytes[open + 1..].iter().position(|&b| b == b'"')?;
        Some((open + 1, close))
    } else {
        let is_num = |b: &u8| b.is_ascii_digit() || b"-+.eE".contains(b);
        let hit = bytes[at..].iter().position(|b| b.is_ascii_digit())? + at;
        let start = bytes[..hit]
            .iter()
            .rposition(|b| !is_num(b))
            .map_or(0, |i| i + 1);
        let end = bytes[hit..]
            .iter()
            .position(|b| !is_num(b))
            .map_or(bytes.len(), |i| hit + i);
        Some((start, end))
    }
}

fn mutate_text(rng: &mut Rng, seed: &str, other: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    let rounds = 1 + rng.small(5);
    for _ in 0..rounds {
        let len = bytes.len();
        match rng.weighted(&[8, 6, 8, 3, 12, 6, 4, 12, 12, 10]) {
            0 if len > 0 => {
                let i = rng.below(len);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                bytes[i] = *rng.pick(b"{}[]\":,\\-.0123456789e \x00\x7f\x80\xc3\xff");
            }
            2 => {
                let (a, b) = span(rng, len);
                bytes.drain(a..b);
            }
            3 => bytes.truncate(rng.below(len + 1)),
            4 => {
                let at = rng.below(len + 1);
                let token = rng.pick(&TOKENS).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            5 => {
                let (a, b) = span(rng, len);
                let copy = bytes[a..b].to_vec();
                let at = rng.below(len + 1);
                bytes.splice(at..at, copy);
            }
            6 => {
                let other = other.as_bytes();
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                bytes.truncate(cut);
                bytes.extend_from_slice(&other[from..]);
            }
            7 if len > 0 => {
                if let Some((a, b)) = literal_at(&bytes, rng.below(len), false) {
                    let mut g = Grammar::new(rng, 0, 0);
                    g.number(Hint::Any);
                    bytes.splice(a..b, g.out.into_bytes());
                }
            }
            8 if len > 0 => {
                if let Some((a, b)) = literal_at(&bytes, rng.below(len), true) {
                    let pool: &[&str] = match rng.below(3) {
                        0 => &FIELDS,
                        1 => &FUTURE_FIELDS,
                        _ => &WORDS,
                    };
                    let word = rng.pick(pool).as_bytes();
                    bytes.splice(a..b, word.iter().copied());
                }
            }
            9 => {
                // A generated value after a `:`, `[` or `,`, or in place of one.
                let places: Vec<usize> = bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b":[,".contains(b))
                    .map(|(i, _)| i + 1)
                    .collect();
                if places.is_empty() {
                    continue;
                }
                let at = *rng.pick(&places);
                let hint = *rng.pick(&[
                    Hint::Any,
                    Hint::Attempt,
                    Hint::Answer,
                    Hint::Time,
                    Hint::Bool,
                    Hint::Context,
                ]);
                let noise = if rng.percent(70) { 0 } else { 30 };
                let mut g = Grammar::new(rng, noise, 0);
                g.value(hint, 3);
                let mut text = g.out.into_bytes();
                if rng.percent(50) {
                    text.push(b',');
                }
                bytes.splice(at..at, text);
            }
            _ => {}
        }
        bytes.truncate(MAX_LEN);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A random node of `value`, reached by a random walk from the root.
fn random_node<'v>(rng: &mut Rng, value: &'v mut Value) -> &'v mut Value {
    let len = match &*value {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if len == 0 || !rng.percent(70) {
        return value;
    }
    let i = rng.below(len);
    match value {
        Value::Object(map) => {
            let child = map.values_mut().nth(i).expect("index below len");
            random_node(rng, child)
        }
        Value::Array(items) => random_node(rng, &mut items[i]),
        other => other,
    }
}

fn generated_value(rng: &mut Rng, hint: Hint) -> Value {
    let mut g = Grammar::new(rng, 0, 0);
    g.value(hint, 4);
    serde_json::from_str(&g.out).unwrap_or(Value::Null)
}

fn interesting_number(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => Value::from(rng.below(12) as i64 - 5),
        1 => Value::from(u64::MAX - rng.below(2) as u64),
        2 => Value::from(u32::MAX as u64 + rng.below(3) as u64 - 1),
        3 => Value::from(i64::MIN),
        4 => Value::from(rng.below(100) as f64 / 4.0),
        _ => Value::from(1_764_000_000_000u64 + rng.below(1000) as u64 - 500),
    }
}

fn mutate_tree(rng: &mut Rng, seed: &str) -> Option<String> {
    let mut root: Value = serde_json::from_str(seed).ok()?;
    let rounds = 1 + rng.small(3);
    for _ in 0..rounds {
        let node = random_node(rng, &mut root);
        match node {
            Value::Object(map) => match rng.below(5) {
                0 if !map.is_empty() => {
                    let key = map.keys().nth(rng.below(map.len())).cloned();
                    if let Some(key) = key {
                        map.remove(&key);
                    }
                }
                1 if !map.is_empty() => {
                    let key = map.keys().nth(rng.below(map.len())).cloned();
                    if let Some(key) = key {
                        let value = map.remove(&key).unwrap_or(Value::Null);
                        let pool: &[&str] = if rng.percent(70) {
                            &FIELDS
                        } else {
                            &FUTURE_FIELDS
                        };
                        map.insert((*rng.pick(pool)).to_owned(), value);
                    }
                }
                2 => {
                    let pool: &[&str] = match rng.below(4) {
                        0 | 1 => &FIELDS,
                        2 => &FUTURE_FIELDS,
                        _ => &WORDS,
                    };
                    let key = *rng.pick(pool);
                    let hint = hint_for_key(rng, key);
                    let value = generated_value(rng, hint);
                    map.insert(key.to_owned(), value);
                }
                _ => {
                    let hint = *rng.pick(&[Hint::Any, Hint::Answer, Hint::Attempt, Hint::Bool]);
                    *node = generated_value(rng, hint);
                }
            },
            Value::Array(items) => match rng.below(4) {
                0 if !items.is_empty() => {
                    items.remove(rng.below(items.len()));
                }
                1 if !items.is_empty() => {
                    let copy = items[rng.below(items.len())].clone();
                    items.insert(rng.below(items.len() + 1), copy);
                }
                2 => {
                    let hint = *rng.pick(&[Hint::Attempt, Hint::Id, Hint::Any]);
                    let value = generated_value(rng, hint);
                    items.push(value);
                }
                _ => {
                    if rng.percent(50) {
                        items.reverse();
                    } else {
                        items.clear();
                    }
                }
            },
            Value::Number(_) => *node = interesting_number(rng),
            Value::String(s) => {
                *s = if rng.percent(70) {
                    (*rng.pick(&WORDS)).to_owned()
                } else {
                    random_text(rng, 10)
                };
            }
            Value::Bool(b) => *b = !*b,
            Value::Null => {
                *node = match rng.below(4) {
                    0 => Value::Bool(rng.percent(50)),
                    1 => interesting_number(rng),
                    2 => Value::Object(Map::new()),
                    _ => Value::from(*rng.pick(&WORDS)),
                };
            }
        }
    }
    let text = if rng.percent(20) {
        serde_json::to_string_pretty(&root)
    } else {
        serde_json::to_string(&root)
    };
    text.ok()
}

// --- the run ----------------------------------------------------------------------------------------

/// Accepted documents to mutate further, so mutations reach deep valid structure.
struct Corpus {
    seeds: Vec<String>,
    entries: Vec<String>,
    seen: HashSet<u64>,
}

impl Corpus {
    const MAX: usize = 512;
    const MAX_SEEN: usize = 1 << 22;

    fn pick<'a>(&'a self, rng: &mut Rng) -> &'a str {
        if self.entries.is_empty() || rng.percent(25) {
            rng.pick(&self.seeds).as_str()
        } else {
            rng.pick(&self.entries).as_str()
        }
    }

    /// Keeps `input` when its document (told apart by the hash of its encoding) is one not seen
    /// before. Past `MAX_SEEN` documents new ones are no longer remembered, and only some are kept.
    fn offer(&mut self, rng: &mut Rng, input: &str, encoded: &str) {
        let mut h = DefaultHasher::new();
        encoded.hash(&mut h);
        let hash = h.finish();
        let new = if self.seen.len() < Self::MAX_SEEN {
            self.seen.insert(hash)
        } else {
            !self.seen.contains(&hash) && rng.percent(10)
        };
        if !new || input.len() > 8 * 1024 {
            return;
        }
        if self.entries.len() < Self::MAX {
            self.entries.push(input.to_owned());
        } else {
            let i = rng.below(Self::MAX);
            self.entries[i] = input.to_owned();
        }
    }
}

fn variant_name(error: &DecodeError) -> String {
    let debug = format!("{error:?}");
    debug.split('(').next().unwrap_or_default().to_owned()
}

fn round_trip_failure(
    what: &str,
    doc: &Document,
    text: &str,
    back: &Result<Document, DecodeError>,
) {
    eprintln!("\nROUND-TRIP FAILURE: decode({what}(doc)) != Ok(doc)");
    CURRENT.with(|c| describe(&c.borrow()));
    eprintln!("decoded document: {doc:?}");
    eprintln!("{what}: {text:?}");
    eprintln!("decoded again: {back:?}");
}

struct Args {
    count: u64,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut count = 1_000_000;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_str() {
            "--count" => {
                count = value()?
                    .parse()
                    .map_err(|_| "--count takes a whole number".to_owned())?
            }
            "--seed" => {
                seed = Some(
                    value()?
                        .parse()
                        .map_err(|_| "--seed takes a whole number".to_owned())?,
                )
            }
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    let seed = seed.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    Ok(Args { count, seed })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{problem}\nusage: fuzz_codec [--count N] [--seed S]");
            return ExitCode::from(2);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        eprintln!("\nPANIC: {info}");
        let _ = CURRENT.try_with(|c| match c.try_borrow() {
            Ok(current) => describe(&current),
            Err(_) => eprintln!("(the current input could not be read)"),
        });
    }));

    println!(
        "fuzzing core::codec::decode with {} inputs, seed {}",
        args.count, args.seed
    );
    let mut rng = Rng(args.seed);
    let mut seeds: Vec<String> = FIXTURES.iter().map(|s| (*s).to_owned()).collect();
    seeds.push(encode(&Document::default()));
    seeds.push(encode_pretty(&Document::default()));
    let mut corpus = Corpus {
        seeds,
        entries: Vec::new(),
        seen: HashSet::new(),
    };
    let weights: Vec<u64> = GENERATORS.iter().map(|g| g.2).collect();
    let mut tried = [0u64; GENERATORS.len()];
    let mut accepted = [0u64; GENERATORS.len()];
    let mut rejected: BTreeMap<String, u64> = BTreeMap::new();
    let mut largest = 0usize;
    let started = Instant::now();
    let step = (args.count / 10).max(1);

    for index in 0..args.count {
        let which = rng.weighted(&weights);
        let (generator, name, _) = GENERATORS[which];
        let input = match generator {
            Gen::Bytes => random_bytes(&mut rng),
            Gen::Unicode => random_text(&mut rng, 80),
            Gen::Grammar => {
                let syntax = if rng.percent(80) { 0 } else { 2 };
                grammar(&mut rng, 3, syntax)
            }
            Gen::GrammarWild => grammar(&mut rng, 35, 10),
            Gen::MutateText => {
                let seed = corpus.pick(&mut rng).to_owned();
                let other = corpus.pick(&mut rng).to_owned();
                mutate_text(&mut rng, &seed, &other)
            }
            Gen::MutateTree => {
                let seed = corpus.pick(&mut rng).to_owned();
                mutate_tree(&mut rng, &seed).unwrap_or_else(|| mutate_text(&mut rng, &seed, ""))
            }
        };
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            c.seed = args.seed;
            c.index = index;
            c.generator = name;
            c.phase = "decode(input)";
            c.input.clone_from(&input);
        });
        tried[which] += 1;

        match decode(&input) {
            Err(error) => *rejected.entry(variant_name(&error)).or_default() += 1,
            Ok(doc) => {
                accepted[which] += 1;
                set_phase("encode(doc), then decode of that");
                let text = encode(&doc);
                let back = decode(&text);
                if back.as_ref() != Ok(&doc) {
                    round_trip_failure("encode", &doc, &text, &back);
                    return ExitCode::FAILURE;
                }
                set_phase("encode_pretty(doc), then decode of that");
                let pretty = encode_pretty(&doc);
                let back = decode(&pretty);
                if back.as_ref() != Ok(&doc) {
                    round_trip_failure("encode_pretty", &doc, &pretty, &back);
                    return ExitCode::FAILURE;
                }
                largest = largest.max(text.len());
                corpus.offer(&mut rng, &input, &text);
            }
        }
        if (index + 1).is_multiple_of(step) && index + 1 < args.count {
            eprintln!(
                "  {} inputs, {:.1} s",
                index + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }

    let elapsed = started.elapsed().as_secs_f64();
    let total: u64 = tried.iter().sum();
    let total_accepted: u64 = accepted.iter().sum();
    println!("\nno panic and no round-trip failure");
    println!("inputs tried:     {total}");
    let distinct = corpus.seen.len();
    let more = if distinct >= Corpus::MAX_SEEN {
        " or more"
    } else {
        ""
    };
    println!(
        "accepted:         {total_accepted} ({distinct}{more} distinct documents, largest encoding {largest} bytes)"
    );
    println!("rejected:         {}", total - total_accepted);
    for (variant, n) in &rejected {
        println!("  {variant:<15} {n}");
    }
    println!("by generator (tried / accepted):");
    for (i, (_, name, _)) in GENERATORS.iter().enumerate() {
        println!("  {name:<32} {:>9} / {}", tried[i], accepted[i]);
    }
    println!("elapsed:          {elapsed:.2} s");
    println!(
        "inputs per second: {:.0}",
        total as f64 / elapsed.max(f64::EPSILON)
    );
    ExitCode::SUCCESS
}
