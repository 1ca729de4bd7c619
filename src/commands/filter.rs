//! `eddy filter` (alias `eddy jq`): a jq filter over a stream of JSON values from stdin
//! or files, with jq's options and exit codes. This is only the command: the flags
//! become a `FilterSpec`, a compiled `Filter` and `jq::stream::Options` here (every
//! flag and file checked before any input is read); `jq::stream` does the reading,
//! running and writing.

use crate::cli::{FilterArgs, OnError};
use crate::config::Settings;
use crate::error::{Error, Outcome, Result};
use crate::jq::stream::{self, Options};
use crate::jq::{Bindings, Colors, Filter, FilterSpec, Given, Style};

pub fn run(settings: &Settings, args: &FilterArgs) -> Result<Outcome> {
    let (code, rest) = match &args.from_file {
        Some(path) => {
            let code = std::fs::read_to_string(path)
                .map_err(|e| Error::flag_says(format!("--from-file {}", path.display()), e.to_string()))?;
            (code, args.filter.iter().chain(&args.files).cloned().collect::<Vec<_>>())
        }
        None => (args.filter.clone().unwrap_or_default(), args.files.clone()),
    };
    let (files, positional) = if args.args || args.jsonargs {
        (Vec::new(), rest)
    } else {
        (rest, Vec::new())
    };
    let (spec, (named, positional)) = spec_of(args, code, positional)?;
    for f in &files {
        if f != "-" && !std::path::Path::new(f).exists() {
            return Err(Error::usage(format!("{f}: no such file")));
        }
    }
    let filter = Filter::compile_in(spec.code(), &named, positional, spec.library_dirs())?;

    let indent = if args.tab {
        Some(b"\t".to_vec())
    } else if let Some(n) = args.indent {
        (n > 0).then(|| vec![b' '; usize::from(n)])
    } else if args.pretty {
        Some(b"  ".to_vec())
    } else {
        None
    };
    let style = Style {
        indent,
        sort_keys: args.sort_keys,
        colors: settings
            .color
            .then(|| Colors::jq(std::env::var("JQ_COLORS").ok().as_deref())),
    };
    let options = Options {
        style,
        raw_output: args.raw_output || args.join_output,
        newline: !args.join_output,
        raw_input: args.raw_input,
        slurp: args.slurp,
        null_input: args.null_input,
        on_error: match args.on_error {
            OnError::Fail => stream::OnError::Fail,
            OnError::Skip => stream::OnError::Skip,
            OnError::Stderr => stream::OnError::Stderr,
        },
        exit_status: args.exit_status,
        verbose: settings.verbose,
    };
    stream::run(&filter, &spec, files, &options)
}

/// The filter as given — for the workers, which compile their own — and its variables'
/// values for this thread: `--arg`, `--argjson`, `--slurpfile` and `--rawfile` in that
/// order, and `$ARGS.positional` from the arguments after `--args` (strings) or
/// `--jsonargs` (JSON). Files are read once; each value is checked here, with its flag.
fn spec_of(args: &FilterArgs, code: String, texts: Vec<String>) -> Result<(FilterSpec, Bindings)> {
    let mut spec = FilterSpec::new(code).library(args.library.clone());
    let mut named = Vec::new();
    let mut positional = Vec::new();
    let mut bind = |spec: FilterSpec, name: &str, given: Given, what: &dyn Fn(String) -> Error| {
        let v = given.value().map_err(what)?;
        named.push((name.to_string(), v));
        Ok::<_, Error>(spec.named(name, given))
    };
    for pair in args.arg.chunks(2) {
        if let [name, value] = pair {
            spec = bind(spec, name, Given::Text(value.clone()), &Error::Usage)?;
        }
    }
    for pair in args.argjson.chunks(2) {
        if let [name, text] = pair {
            let what = |e| Error::flag(format!("--argjson {name}"), text, format!("is not JSON: {e}"));
            spec = bind(spec, name, Given::Json(text.clone()), &what)?;
        }
    }
    for pair in args.slurpfile.chunks(2) {
        if let [name, path] = pair {
            let flag = format!("--slurpfile {name}");
            let bytes = std::fs::read(path).map_err(|e| Error::flag_says(&flag, format!("{path}: {e}")))?;
            let what = |e| Error::flag_says(&flag, format!("{path}: not JSON: {e}"));
            spec = bind(spec, name, Given::JsonStream(bytes.into()), &what)?;
        }
    }
    for pair in args.rawfile.chunks(2) {
        if let [name, path] = pair {
            let bytes = std::fs::read(path)
                .map_err(|e| Error::flag_says(format!("--rawfile {name}"), format!("{path}: {e}")))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            spec = bind(spec, name, Given::Text(text), &Error::Usage)?;
        }
    }
    for p in texts {
        let given = if args.jsonargs { Given::Json(p) } else { Given::Text(p) };
        let v = given.value().map_err(|e| match &given {
            Given::Json(p) => Error::flag("--jsonargs", p, format!("is not JSON: {e}")),
            _ => Error::usage(e),
        })?;
        positional.push(v);
        spec = spec.positional(given);
    }
    Ok((spec, (named, positional)))
}
