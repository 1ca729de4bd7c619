//! JSON Schema compatibility, in the spirit of Confluent's registry: does every document
//! the writer's schema accepts pass the reader's? Two schema documents are walked side
//! by side from their roots, into `properties`, `additionalProperties`, `items` and
//! `$ref`s within the document (`#/...` pointers; a cycle ends where a pair is met
//! again). What breaks it, each with the JSON pointer where (`#/properties/qty: ...`):
//!
//! - a type narrowed or changed (`integer` reads as `number`, not the other way);
//! - a property newly `required` (unless the reader gives it a `default`);
//! - a property the writer had, gone from a reader with a closed content model
//!   (`additionalProperties: false`), or checked against the reader's
//!   `additionalProperties` schema; a property new to the reader where the writer's
//!   model was open (old data may hold anything under that name) unless it accepts
//!   anything;
//! - `additionalProperties` from allowed to `false`, or to a schema where anything was;
//! - `enum` (and `const`) narrowed or added; `maximum`, `exclusiveMaximum`, `maxLength`,
//!   `maxItems`, `maxProperties` lowered or added, the minimums raised or added;
//!   `pattern`, `multipleOf` (unless the writer's is a multiple of it), `uniqueItems`
//!   added or changed.
//!
//! Not judged beyond "unchanged": `oneOf`, `anyOf`, `allOf`, `not`, `if`/`then`/`else`,
//! `patternProperties`, `dependencies`, `dependentSchemas`, `dependentRequired`,
//! `propertyNames`, `contains`, `prefixItems` and the tuple form of `items`, and `$ref`s
//! outside the document. Confluent's registry matches some of these branch by branch;
//! eddy answers conservatively instead: any change to one of them is a problem ("not
//! judged"), so a check never says "compatible" about what it did not look at.
//! Annotations (`title`, `description`, `default`, `$id`, `examples`, `format`) are
//! not compared (a `default` only lets a property become required).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::schema::{SchemaError, SchemaSource};

/// Keywords compared only for equality (see the module's note).
const NOT_JUDGED: &[&str] = &[
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
    "patternProperties",
    "dependencies",
    "dependentSchemas",
    "dependentRequired",
    "propertyNames",
    "contains",
    "prefixItems",
];

/// Upper bounds (a reader's may not be lower) and lower bounds (nor higher).
const UPPER: &[&str] = &["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
const LOWER: &[&str] = &["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];

/// How deep subschemas are followed: past it the pair is reported rather than judged,
/// so that no schema (a chain of `$ref`s, say) can exhaust the stack.
const MAX_DEPTH: usize = 100;

/// The schema `true` is: no keywords.
static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);
static TRUE: Value = Value::Bool(true);

/// Why a reader with the schema `reader` cannot read documents written by `writer`, one
/// line per problem; empty when it can.
pub fn incompatibilities(reader: &SchemaSource, writer: &SchemaSource) -> Result<Vec<String>, SchemaError> {
    let parse = |s: &SchemaSource| {
        serde_json::from_str::<Value>(&s.text).map_err(|e| SchemaError(format!("the JSON Schema is not JSON: {e}")))
    };
    let (r, w) = (parse(reader)?, parse(writer)?);
    let mut c = Check {
        reader: &r,
        writer: &w,
        seen: HashSet::new(),
        depth: 0,
        problems: Vec::new(),
    };
    c.check(&w, &r, "#");
    Ok(c.problems)
}

struct Check<'a> {
    reader: &'a Value,
    writer: &'a Value,
    /// Pairs of subschemas (by address) already under way or done.
    seen: HashSet<(usize, usize)>,
    /// Subschemas under way, for [`MAX_DEPTH`].
    depth: usize,
    problems: Vec<String>,
}

/// A `#/...` pointer within `root`, if that is what `$ref` says.
fn follow<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    root.pointer(pointer)
}

/// Whether a schema accepts every document (`true`, `{}`, or annotations only).
fn accepts_anything(s: &Value) -> bool {
    match s {
        Value::Bool(b) => *b,
        Value::Object(m) => m.keys().all(|k| {
            matches!(
                k.as_str(),
                "title" | "description" | "default" | "$id" | "$schema" | "examples" | "$comment" | "format"
            )
        }),
        _ => false,
    }
}

/// The types a schema allows: its `type`, or all of them (None). Keywords such as
/// `maximum` imply no type: by the specification they only constrain documents of
/// their own type, so `{"maximum": 5}` still accepts a string.
fn types(s: &Map<String, Value>) -> Option<Vec<&str>> {
    match s.get("type") {
        Some(Value::String(t)) => Some(vec![t.as_str()]),
        Some(Value::Array(ts)) => Some(ts.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

fn allows(types: &Option<Vec<&str>>, t: &str) -> bool {
    match types {
        None => true,
        Some(ts) => ts.contains(&t) || (t == "integer" && ts.contains(&"number")),
    }
}

fn list(ts: &Option<Vec<&str>>) -> String {
    match ts {
        None => "any type".into(),
        Some(ts) => ts.join(", "),
    }
}

fn push_key(path: &str, key: &str) -> String {
    // JSON pointer escaping, so that a property named `a/b` stays one step.
    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"))
}

impl<'a> Check<'a> {
    /// `w` (a subschema of the writer's document) against `r` (of the reader's).
    fn check(&mut self, w: &'a Value, r: &'a Value, path: &str) {
        if self.depth >= MAX_DEPTH {
            self.problem(path, format!("nested deeper than {MAX_DEPTH} levels, not judged"));
            return;
        }
        self.depth += 1;
        self.check_here(w, r, path);
        self.depth -= 1;
    }

    fn check_here(&mut self, w: &'a Value, r: &'a Value, path: &str) {
        let w = self.resolve(w, self.writer, path, "writer");
        let r = self.resolve(r, self.reader, path, "reader");
        let (Some(w), Some(r)) = (w, r) else { return };
        if !self
            .seen
            .insert((w as *const Value as usize, r as *const Value as usize))
        {
            return;
        }
        if w == &Value::Bool(false) || accepts_anything(r) {
            return;
        }
        let wm = match w {
            Value::Object(m) => m,
            _ => &EMPTY,
        };
        let Some(rm) = r.as_object() else {
            // `false`, or something that is not a schema at all.
            self.problem(path, "the reader accepts nothing here".into());
            return;
        };
        for key in NOT_JUDGED {
            if wm.get(*key) != rm.get(*key) {
                self.problem(path, format!("{key} changed (eddy judges it only when unchanged)"));
            }
        }
        // A `$ref` outside the document is not followed: the reader's must be the
        // writer's, word for word.
        let external = |m: &'a Map<String, Value>| -> Option<&'a str> {
            m.get("$ref").and_then(Value::as_str).filter(|r| !r.starts_with('#'))
        };
        if let Some(b) = external(rm) {
            if external(wm) != Some(b) {
                self.problem(
                    path,
                    format!("$ref {b} is outside the document (eddy judges it only when unchanged)"),
                );
            }
        }
        let (wt, rt) = (types(wm), types(rm));
        let lost: Vec<&str> = match &wt {
            Some(ts) => ts.iter().copied().filter(|t| !allows(&rt, t)).collect(),
            None if rt.is_some() => vec!["any type"],
            None => vec![],
        };
        if !lost.is_empty() {
            self.problem(
                path,
                format!(
                    "type narrowed from {} to {} ({} no longer allowed)",
                    list(&wt),
                    list(&rt),
                    lost.join(", ")
                ),
            );
        }
        self.values(wm, rm, path);
        self.bounds(wm, rm, path);
        let both = |t: &str| allows(&wt, t) && allows(&rt, t);
        if both("object") {
            self.object(wm, rm, path);
        }
        if both("array") {
            self.items(wm, rm, path);
        }
    }

    /// A `$ref` within the document, followed (repeatedly); one outside it is left as
    /// it is, for `check` to compare as text.
    fn resolve(&mut self, s: &'a Value, root: &'a Value, path: &str, side: &str) -> Option<&'a Value> {
        let mut s = s;
        for _ in 0..64 {
            match s.get("$ref").and_then(Value::as_str) {
                Some(reference) if reference.starts_with('#') => match follow(root, reference) {
                    Some(target) => s = target,
                    None => {
                        self.problem(path, format!("the {side}'s $ref {reference} points nowhere"));
                        return None;
                    }
                },
                _ => return Some(s),
            }
        }
        self.problem(path, format!("the {side}'s $refs go round in a circle"));
        None
    }

    /// `enum` and `const`: the reader's list must hold every value the writer allows.
    fn values(&mut self, w: &Map<String, Value>, r: &Map<String, Value>, path: &str) {
        let allowed = |m: &Map<String, Value>| -> Option<Vec<Value>> {
            match (m.get("enum"), m.get("const")) {
                (Some(Value::Array(vs)), _) => Some(vs.clone()),
                (_, Some(v)) => Some(vec![v.clone()]),
                _ => None,
            }
        };
        let Some(rv) = allowed(r) else { return };
        match allowed(w) {
            None => self.problem(path, "enum added: the writer allowed any value".into()),
            Some(wv) => {
                let missing: Vec<String> = wv.iter().filter(|v| !rv.contains(v)).map(Value::to_string).collect();
                if !missing.is_empty() {
                    self.problem(path, format!("enum narrowed: the reader lacks {}", missing.join(", ")));
                }
            }
        }
    }

    fn bounds(&mut self, w: &Map<String, Value>, r: &Map<String, Value>, path: &str) {
        for (keys, tighter) in [(UPPER, "lowered"), (LOWER, "raised")] {
            for key in keys {
                let Some(rb) = r.get(*key).and_then(Value::as_f64) else {
                    continue;
                };
                let at = push_key(path, key);
                match w.get(*key).and_then(Value::as_f64) {
                    None => self.problem(&at, format!("added ({rb}) where the writer had none")),
                    Some(wb) if (tighter == "lowered" && rb < wb) || (tighter == "raised" && rb > wb) => {
                        self.problem(&at, format!("{tighter} from {wb} to {rb}"));
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(rp) = r.get("pattern") {
            if w.get("pattern") != Some(rp) {
                self.problem(&push_key(path, "pattern"), format!("{rp} added or changed"));
            }
        }
        if let Some(rm) = r.get("multipleOf").and_then(Value::as_f64) {
            let fits = w
                .get("multipleOf")
                .and_then(Value::as_f64)
                .is_some_and(|wm| rm != 0.0 && (wm / rm).fract() == 0.0);
            if !fits {
                self.problem(&push_key(path, "multipleOf"), format!("{rm} added or changed"));
            }
        }
        if r.get("uniqueItems") == Some(&Value::Bool(true)) && w.get("uniqueItems") != Some(&Value::Bool(true)) {
            self.problem(&push_key(path, "uniqueItems"), "added".into());
        }
    }

    fn object(&mut self, w: &'a Map<String, Value>, r: &'a Map<String, Value>, path: &str) {
        let props = |m: &'a Map<String, Value>| m.get("properties").and_then(Value::as_object).unwrap_or(&EMPTY);
        let (wp, rp) = (props(w), props(r));
        let required = |m: &Map<String, Value>| -> Vec<String> {
            m.get("required")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
                .unwrap_or_default()
        };
        let (wr, rr) = (required(w), required(r));
        for name in rr.iter().filter(|n| !wr.contains(n)) {
            let has_default = rp.get(name).is_some_and(|p| p.get("default").is_some());
            if !has_default {
                self.problem(
                    &push_key(&push_key(path, "required"), name),
                    "newly required (the writer's documents may lack it)".into(),
                );
            }
        }
        let at = push_key(path, "properties");
        for (name, ws) in wp {
            let here = push_key(&at, name);
            match rp.get(name) {
                Some(rs) => self.check(ws, rs, &here),
                None => match r.get("additionalProperties") {
                    Some(Value::Bool(false)) if ws != &Value::Bool(false) => self.problem(
                        &here,
                        "removed, and the reader's content model is closed (additionalProperties: false)".into(),
                    ),
                    Some(extra @ Value::Object(_)) => self.check(ws, extra, &here),
                    _ => {}
                },
            }
        }
        for (name, rs) in rp.iter().filter(|(n, _)| !wp.contains_key(*n)) {
            let here = push_key(&at, name);
            match w.get("additionalProperties") {
                Some(Value::Bool(false)) => {}
                Some(extra @ Value::Object(_)) => self.check(extra, rs, &here),
                _ if accepts_anything(rs) => {}
                _ => self.problem(
                    &here,
                    "added, but the writer's content model was open (its documents may hold any value there)".into(),
                ),
            }
        }
        let extra = push_key(path, "additionalProperties");
        match (w.get("additionalProperties"), r.get("additionalProperties")) {
            (_, None | Some(Value::Bool(true))) | (Some(Value::Bool(false)), _) => {}
            (None | Some(Value::Bool(true)), Some(Value::Bool(false))) => {
                self.problem(&extra, "changed from true to false".into());
            }
            (Some(ws), Some(rs)) => self.check(ws, rs, &extra),
            (None, Some(rs)) => self.check(&TRUE, rs, &extra),
        }
    }

    fn items(&mut self, w: &'a Map<String, Value>, r: &'a Map<String, Value>, path: &str) {
        let at = push_key(path, "items");
        match (w.get("items"), r.get("items")) {
            (_, None) => {}
            (Some(ws @ (Value::Object(_) | Value::Bool(_))), Some(rs @ (Value::Object(_) | Value::Bool(_)))) => {
                self.check(ws, rs, &at)
            }
            (ws, rs) if ws == rs => {}
            (None, Some(rs)) if accepts_anything(rs) => {}
            (None, Some(_)) => self.problem(&at, "added where the writer allowed any items".into()),
            _ => self.problem(&at, "changed (eddy judges tuple items only when unchanged)".into()),
        }
    }

    fn problem(&mut self, path: &str, what: String) {
        self.problems.push(format!("{path}: {what}"));
    }
}

#[cfg(test)]
mod tests;
