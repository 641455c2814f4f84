//! Runs the extractor over text files and prints the statement JSON contract,
//! one object per line, without the rest of the workspace:
//! `cargo run --release -p demarche-core --example extract -- FILE...`
//!
//! Files are shared out over the available cores; output keeps the order of
//! the arguments.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};

use demarche_core::{Article, ExtractedArticle, Extractor};

fn render(extractor: &Extractor, path: &str) -> String {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return String::new();
        }
    };
    let body = String::from_utf8_lossy(&bytes).into_owned();
    let mut article = Article::new(path.to_owned(), body);
    article.meta.title = article
        .body
        .lines()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_owned());
    let extraction = extractor.extract(&article);
    let record = ExtractedArticle {
        article: article.meta.clone(),
        statements: extraction.statements,
    };
    let mut line = serde_json::to_string(&record).unwrap_or_default();
    line.push('\n');
    line
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let extractor = Extractor::new();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let mut outputs: Vec<String> = vec![String::new(); paths.len()];
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = paths.get(i) else { break };
                        done.push((i, render(&extractor, path)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            if let Ok(done) = w.join() {
                for (i, text) in done {
                    if let Some(slot) = outputs.get_mut(i) {
                        *slot = text;
                    }
                }
            }
        }
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for text in outputs {
        let _ = out.write_all(text.as_bytes());
    }
}
