//! How a filter that does not compile is explained: each error jaq reports, with the
//! line and column of the filter text it is about and a caret under it, as jq does.

/// Where a piece of the filter text is: 1-based line and column, and the byte range.
fn locate(code: &str, part: &str) -> (usize, usize, std::ops::Range<usize>) {
    let base = code.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    let start = if at >= base && at <= base + code.len() {
        at - base
    } else {
        code.len()
    };
    let end = (start + part.len()).min(code.len());
    let before = &code[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = code[line_start..start].chars().count() + 1;
    (line, column, start..end)
}

/// "1:8: message", then the line of the filter with carets under the span.
fn point_at(code: &str, part: &str, message: &str) -> String {
    let (line, column, range) = locate(code, part);
    let text = code.lines().nth(line - 1).unwrap_or("");
    let width = code[range.clone()]
        .lines()
        .next()
        .map_or(0, |l| l.chars().count())
        .max(1);
    format!(
        "{line}:{column}: {message}\n  {text}\n  {}{}",
        " ".repeat(column - 1),
        "^".repeat(width)
    )
}

pub(super) fn load_errors<P>(errs: jaq_core::load::Errors<&str, P>) -> String {
    use jaq_core::load::Error as E;
    let mut lines = Vec::new();
    for (file, err) in errs {
        let code = file.code;
        match err {
            E::Io(items) => {
                for (path, why) in items {
                    lines.push(point_at(code, path, &format!("cannot load module {path}: {why}")));
                }
            }
            E::Lex(items) => {
                for (expect, found) in items {
                    let what = lex_expectation(&expect);
                    lines.push(point_at(code, found, &format!("expected {what}")));
                }
            }
            E::Parse(items) => {
                for (expect, found) in items {
                    let found_text = if found.is_empty() {
                        "the end of the filter".to_string()
                    } else {
                        format!("'{found}'")
                    };
                    lines.push(point_at(
                        code,
                        found,
                        &format!("expected {}, found {found_text}", expect.as_str()),
                    ));
                }
            }
        }
    }
    format!("cannot compile the filter: {}", lines.join("\n"))
}

fn lex_expectation(expect: &jaq_core::load::lex::Expect<&str>) -> String {
    use jaq_core::load::lex::Expect as L;
    match expect {
        L::Delim(d) if matches!(*d, "(" | "[" | "{" | "\"") => expect.as_str().to_string(),
        L::Delim(d) => format!("the closing delimiter of '{d}'"),
        other => other.as_str().to_string(),
    }
}

pub(super) fn compile_errors<P>(errs: jaq_core::compile::Errors<&str, P>) -> String {
    use jaq_core::compile::Undefined;
    let mut lines = Vec::new();
    for (file, items) in errs {
        let code = file.code;
        for (name, undefined) in items {
            let what = match undefined {
                Undefined::Filter(arity) => format!("undefined filter {name}/{arity}"),
                // jq's words: labels live there as variables named `*label-NAME`.
                Undefined::Label => format!("$*label-{} is not defined", name.trim_start_matches('$')),
                other => format!("undefined {} {name}", other.as_str()),
            };
            lines.push(point_at(code, name, &what));
        }
    }
    format!("cannot compile the filter: {}", lines.join("\n"))
}
