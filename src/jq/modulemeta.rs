//! jq's `modulemeta`: given a module's name, the module's metadata (`module {...};`)
//! with `deps`, one object per `import` and `include` (its metadata, then `as`,
//! `is_data` and `relpath`). The module is found in the library directories the filter
//! was compiled with, as `import` finds it; its directives are read by `source`, and
//! each metadata object (a constant, checked when the module loads) is evaluated by
//! compiling it as a filter.

use std::path::{Path, PathBuf};

use jaq_json::{Map, Val};

use super::jv::{Error, Jv};
use super::{Filter, Flow, Value, json, source};

/// The module called `name` (`a/b` is `a/b.jq`, else `a/b/b.jq`) in `library`.
fn find(name: &str, library: &[PathBuf]) -> Option<PathBuf> {
    let last = Path::new(name).file_name()?.to_str()?;
    library.iter().find_map(|dir| {
        [
            dir.join(format!("{name}.jq")),
            dir.join(name).join(format!("{last}.jq")),
        ]
        .into_iter()
        .find(|p| p.is_file())
    })
}

/// The object a constant metadata text stands for; empty when there is none.
fn evaluate(meta: &str) -> Result<Map, Error> {
    if meta.is_empty() {
        return Ok(Map::default());
    }
    let filter = Filter::compile(meta, &[], Vec::new()).map_err(|e| Error::str(e.to_string()))?;
    let mut got = None;
    filter
        .run_value(Value(Val::Null), |v| {
            got = Some(v);
            Flow::Stop
        })
        .map_err(|e| Error::str(format_args!("{e:?}")))?;
    match got.map(|v| v.0) {
        Some(Val::Obj(o)) => Ok((*o).clone()),
        _ => Err(Error::str("Module metadata must be an object")),
    }
}

pub(super) fn modulemeta(name: &Val, library: &[PathBuf]) -> Result<Jv, Error> {
    let name = match name {
        Val::TStr(b) | Val::BStr(b) => String::from_utf8_lossy(b).into_owned(),
        _ => return Err(Error::str("modulemeta input module not a string")),
    };
    let path = find(&name, library).ok_or_else(|| Error::str(format_args!("module not found: {name}")))?;
    let code = std::fs::read_to_string(&path).map_err(|e| Error::str(format_args!("{}: {e}", path.display())))?;
    let key = |k: &str| Val::from(k.to_string());
    let mut meta = Map::default();
    let mut deps = Vec::new();
    for d in source::directives(&code) {
        let mut fields = evaluate(d.meta)?;
        if d.kind == "module" {
            meta = fields;
            continue;
        }
        if let Some(n) = d.name {
            fields.insert(key("as"), key(n.trim_start_matches('$')));
        }
        let is_data = d.name.is_some_and(|n| n.starts_with('$'));
        fields.insert(key("is_data"), Val::Bool(is_data));
        let relpath = d
            .path
            .and_then(|p| json::parse_one(p.as_bytes()).ok())
            .unwrap_or(Val::Null);
        fields.insert(key("relpath"), relpath);
        deps.push(Val::obj(fields));
    }
    meta.insert(key("deps"), Val::Arr(deps.into()));
    Ok(Jv(Val::obj(meta)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(name: Val) -> String {
        let library = [Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jq-suite/modules")];
        match modulemeta(&name, &library) {
            Ok(v) => {
                let mut out = Vec::new();
                json::write_compact(&mut out, &v.0);
                String::from_utf8(out).unwrap()
            }
            Err(e) => format!("error: {e:?}"),
        }
    }

    #[test]
    fn metadata_and_deps_of_a_module() {
        // `b/b.jq` has no directives at all.
        assert_eq!(meta(Val::from("b".to_string())), r#"{"deps":[]}"#);
        let c = meta(Val::from("c".to_string()));
        assert!(
            c.starts_with(r#"{"whatever":null,"deps":[{"as":"foo","is_data":false,"relpath":"a"}"#),
            "{c}"
        );
        assert!(c.contains(r#"{"as":"d","is_data":true,"relpath":"data"}"#), "{c}");
    }

    #[test]
    fn a_name_that_is_not_a_module_is_an_error() {
        assert!(meta(Val::from(1isize)).contains("modulemeta input module not a string"));
        assert!(meta(Val::from("nowhere".to_string())).contains("module not found: nowhere"));
    }
}
