//! Shared helpers for the end-to-end tests in `tests/`: locating the real
//! `demarche` binary and running it in a temporary folder with a clean
//! environment.
//!
//! `cargo test --workspace` builds the `demarche` binary because
//! `demarche-cli` has integration tests of its own; cargo builds binaries
//! only for their own package's tests, so this package cannot ask for it.
//! When the binary is missing or older than the sources (as after
//! `cargo test -p demarche-tests` alone), the first test that needs it runs
//! `cargo build -p demarche-cli --bin demarche` once. Setting `DEMARCHE_BIN`
//! to a path uses that binary instead.

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;

/// The workspace root (where `Cargo.toml` and `data/` are).
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of sample articles shipped with the repository.
pub fn samples_dir() -> PathBuf {
    workspace_root().join("data").join("samples")
}

/// The path of the `demarche` binary, built on first use.
pub fn demarche_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(path) = std::env::var_os("DEMARCHE_BIN") {
            return PathBuf::from(path);
        }
        // The test executable lives in target/<profile>/deps/; the binary
        // goes to target/<profile>/.
        let exe = std::env::current_exe().expect("the test executable has a path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test executable is in target/<profile>/deps")
            .to_path_buf();
        let bin = profile_dir.join(format!("demarche{}", std::env::consts::EXE_SUFFIX));
        // A nested build resolves features for one package, unlike the
        // workspace test build, and would compile many dependencies again:
        // skip it when the binary is newer than every source it is made of.
        if is_up_to_date(&bin) {
            return bin;
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| env!("CARGO").into());
        let mut build = Command::new(cargo);
        build
            .args([
                "build",
                "--quiet",
                "-p",
                "demarche-cli",
                "--bin",
                "demarche",
            ])
            .current_dir(workspace_root());
        if profile_dir.file_name() == Some(OsStr::new("release")) {
            build.arg("--release");
        }
        let output = build.output().expect("cargo can be run");
        assert!(
            output.status.success(),
            "building demarche failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(bin.is_file(), "no binary at {}", bin.display());
        bin
    })
}

/// Whether `bin` exists and is newer than every file under `crates/` and
/// `data/` and than the manifests and lock file.
fn is_up_to_date(bin: &Path) -> bool {
    let Some(built) = modified(bin) else {
        return false;
    };
    let root = workspace_root();
    let mut newest = std::time::SystemTime::UNIX_EPOCH;
    for file in ["Cargo.toml", "Cargo.lock"] {
        if let Some(time) = modified(&root.join(file)) {
            newest = newest.max(time);
        }
    }
    let mut pending = vec![root.join("crates"), root.join("data")];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Some(time) = modified(&path) {
                newest = newest.max(time);
            }
        }
    }
    built >= newest
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// What a run of the binary produced.
#[derive(Debug)]
pub struct Run {
    /// The exit status.
    pub status: ExitStatus,
    /// Standard output, decoded leniently.
    pub stdout: String,
    /// Standard error, decoded leniently.
    pub stderr: String,
}

impl Run {
    /// The exit code (`-1` when killed by a signal).
    pub fn code(&self) -> i32 {
        self.status.code().unwrap_or(-1)
    }

    /// Panics with both outputs unless the run succeeded.
    #[track_caller]
    pub fn success(self) -> Run {
        assert!(
            self.status.success(),
            "demarche failed with {}\nstdout:\n{}\nstderr:\n{}",
            self.status,
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics unless the run exited with `code`.
    #[track_caller]
    pub fn exits_with(self, code: i32) -> Run {
        assert_eq!(
            self.code(),
            code,
            "unexpected exit status\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Standard output as one JSON value.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Standard output as JSON lines.
    #[track_caller]
    pub fn jsonl(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line ({e}): {l}")))
            .collect()
    }

    /// The lines of standard error that start with `prefix` (such as "error:").
    pub fn stderr_lines(&self, prefix: &str) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with(prefix))
            .collect()
    }
}

/// A temporary folder to run the binary in, with its database inside.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

impl Sandbox {
    /// A fresh, empty folder.
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder can be created"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The database folder passed as `--db`.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// Writes a file (creating parent folders) and returns its path.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent folder can be created");
        }
        std::fs::write(&path, contents).expect("file can be written");
        path
    }

    /// The binary with a clean environment (only `PATH`), run in the
    /// sandbox, without `--db`.
    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new(demarche_bin());
        command.env_clear().current_dir(self.path()).args(args);
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command
    }

    /// Runs `demarche --db <sandbox>/db ARGS...`.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.run_with_stdin(args, &[])
    }

    /// Runs `demarche --db <sandbox>/db ARGS...` with `stdin` piped in.
    pub fn run_with_stdin<I, S>(&self, args: I, stdin: &[u8]) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.command([OsStr::new("--db"), self.db().as_os_str()]);
        command.args(args);
        run_command(command, stdin)
    }
}

/// Runs a prepared command, feeding `stdin`, and collects its outputs.
pub fn run_command(mut command: Command, stdin: &[u8]) -> Run {
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("demarche can be started");
    if let Some(mut pipe) = child.stdin.take() {
        // A command that does not read its input closes the pipe early;
        // that is its business, not a test failure.
        let _ = pipe.write_all(stdin);
    }
    let output = child
        .wait_with_output()
        .expect("demarche can be waited for");
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

impl Sandbox {
    /// Ingests `data/samples` into the sandbox database and returns the
    /// `--json` summary.
    #[track_caller]
    pub fn ingest_samples(&self) -> serde_json::Value {
        let samples = samples_dir();
        self.run([
            OsStr::new("ingest"),
            OsStr::new("--json"),
            samples.as_os_str(),
        ])
        .success()
        .json()
    }

    /// Every statement matching `filters` (`statements --limit 0 --format
    /// jsonl FILTERS...`), newest first.
    #[track_caller]
    pub fn statements(&self, filters: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["statements", "--limit", "0", "--format", "jsonl"];
        args.extend_from_slice(filters);
        self.run(args).success().jsonl()
    }

    /// The ids of `search QUERY FILTERS...` (JSON lines), best first.
    #[track_caller]
    pub fn search(&self, query: &str, filters: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["search", "--format", "jsonl", "--limit", "1000", query];
        args.extend_from_slice(filters);
        self.run(args).success().jsonl()
    }
}

/// The `id` of every JSON object.
pub fn ids(values: &[serde_json::Value]) -> Vec<i64> {
    values.iter().filter_map(|v| v["id"].as_i64()).collect()
}

/// A string field at a JSON pointer ("/speaker/name"), or "".
pub fn text_at<'a>(value: &'a serde_json::Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(|v| v.as_str())
        .unwrap_or("")
}

/// Checks that every span of a statement (content, its parts, cue and
/// speaker mention) equals `body` at its byte offsets; returns what does not.
pub fn span_errors(body: &[u8], statement: &serde_json::Value) -> Vec<String> {
    let mut errors = Vec::new();
    let mut spans = vec![("content", statement.get("content"))];
    spans.push(("cue", statement.get("cue")));
    spans.push(("speaker.mention", statement.pointer("/speaker/mention")));
    if let Some(parts) = statement
        .pointer("/content/parts")
        .and_then(|p| p.as_array())
    {
        spans.extend(parts.iter().map(|p| ("content.parts[]", Some(p))));
    }
    for (name, span) in spans {
        let Some(span) = span.filter(|s| !s.is_null()) else {
            continue;
        };
        let start = span["start"].as_u64().map(|n| n as usize);
        let end = span["end"].as_u64().map(|n| n as usize);
        let text = span["text"].as_str();
        let actual = match (start, end) {
            (Some(s), Some(e)) => body.get(s..e),
            _ => None,
        };
        if actual != text.map(str::as_bytes) || text.is_none() {
            errors.push(format!(
                "{name} {:?}..{:?} is {:?} in the text but {:?} in the output",
                start,
                end,
                actual.map(String::from_utf8_lossy),
                text
            ));
        }
    }
    errors
}

impl Sandbox {
    /// Starts `demarche --db <sandbox>/db ARGS...` without waiting for it,
    /// with standard input closed and both outputs piped (collect them with
    /// `wait_with_output`; the commands started this way print little, so
    /// the pipes do not fill up).
    pub fn spawn<I, S>(&self, args: I) -> std::process::Child
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.command([OsStr::new("--db"), self.db().as_os_str()]);
        command
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command.spawn().expect("demarche can be started")
    }
}

/// Invented wire articles as JSON lines, numbered from `first`: each has a
/// unique id (`w<N>`), title and body, one attributed quote holding the
/// unique word `q<N>`, and a date in May 2024.
pub fn invented_wire_articles(first: usize, count: usize) -> String {
    const SPEAKERS: [&str; 5] = [
        "Teodora Ilic",
        "Wanjiru Otieno",
        "Ahmed Karimi",
        "Ines Carvalho",
        "Somsak Vongsa",
    ];
    let mut lines = String::new();
    for n in first..first + count {
        let speaker = SPEAKERS[n % SPEAKERS.len()];
        let title = format!("Harbour talks round {n}");
        let text = format!(
            "{title}\n\n\"The harbour at berth q{n} will stay open to every ship,\" \
             said {speaker}, the transport minister.\n"
        );
        let record = serde_json::json!({
            "id": format!("w{n}"),
            "title": title,
            "published": format!("2024-05-{:02}", n % 28 + 1),
            "text": text,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    lines
}
