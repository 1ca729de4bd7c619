//! The eddy binary. Everything lives in the library (`src/lib.rs`, where the modules are
//! declared and the exit codes decided); this only calls it.

fn main() -> std::process::ExitCode {
    eddy::run_cli()
}
