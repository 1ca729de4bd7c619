//! `eddy generate` (hidden): completions for five shells and man pages, written from the
//! clap definition into `completions/` and `man/`. They are committed, and a test fails
//! when they no longer match the definition.

use std::fs;
use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::error::Result;

pub fn run(dir: &Path) -> Result<()> {
    let completions = dir.join("completions");
    let man = dir.join("man");
    fs::create_dir_all(&completions)?;
    fs::create_dir_all(&man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut cmd = Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "eddy", &completions)?;
    }
    let cmd = Cli::command();
    write_man(&cmd, &man, "eddy")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("eddy-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        write_man(&sub, &man, &name)?;
    }
    Ok(())
}

fn write_man(cmd: &clap::Command, dir: &Path, name: &str) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).date("").render(&mut buf)?;
    fs::write(dir.join(format!("{name}.1")), buf)?;
    Ok(())
}
