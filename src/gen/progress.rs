//! The progress bar of `eddy gen --topic` on stderr: events sent, the rate, and an ETA
//! when `-n` says how many there will be. Only on a terminal and never with `-q`, so
//! scripts and logs see the summary alone.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

#[derive(Debug)]
pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn new(total: Option<u64>, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let (bar, template) = match total {
            Some(n) => (ProgressBar::new(n), "{bar:30} {pos}/{len} events  {rate}  ETA {eta}"),
            None => (ProgressBar::no_length(), "{spinner} {pos} events  {rate}  {elapsed}"),
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            // indicatif's own {per_sec} shows four decimals of events a second.
            let rate = |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            };
            bar.set_style(style.with_key("rate", rate));
        }
        bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
        Progress(Some(bar))
    }

    pub fn set(&self, sent: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(sent);
        }
    }

    /// Clears the bar so that the summary stands alone.
    pub fn done(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
