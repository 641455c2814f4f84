//! The binary's own help: every subcommand of the product brief is there and
//! described. Having an integration test in this package also makes
//! `cargo test --workspace` build the `demarche` binary, which the
//! workspace-level end-to-end tests then drive.

use std::process::Command;

fn demarche(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .env_clear()
        .output()
        .expect("the demarche binary runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

#[test]
fn help_lists_every_subcommand() {
    let (ok, help) = demarche(&["--help"]);
    assert!(ok, "{help}");
    for command in [
        "ingest",
        "extract",
        "search",
        "statements",
        "show",
        "speakers",
        "countries",
        "topics",
        "export",
        "reindex",
        "check",
    ] {
        assert!(
            help.lines()
                .any(|line| line.trim_start().starts_with(command)),
            "no {command} in:\n{help}"
        );
    }
}

#[test]
fn an_unknown_subcommand_is_a_usage_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .arg("summarise")
        .env_clear()
        .output()
        .expect("the demarche binary runs");
    assert_eq!(output.status.code(), Some(2));
}
