//! Extraction throughput: times the extractor over generated news text (and
//! over the PolNeAR training texts when that corpus is present) and prints MB/s.
//! Run with `cargo bench -p demarche-core --bench extract`.

use std::time::Instant;

use demarche_core::{Article, Extractor};

/// Invented paragraphs in the style of diplomatic news, cycled to build articles.
const PARAGRAPHS: &[&str] = &[
    "Foreign Minister Ana Costa told her Brazilian counterpart on Tuesday that trade ties were at a turning point.",
    "“We will not accept new tariffs on our steel,” Costa said, “and we expect talks to resume soon.”",
    "According to a statement from the ministry, the two sides agreed to meet again in March.",
    "Officials in Lisbon said the dispute over fishing rights could be settled by the end of the year.",
    "She also urged Brasília to lift restrictions on imports of Portuguese wine, a source familiar with the talks said.",
    "The talks, held in Geneva, were the first since 2019. Relations have been strained by a row over visas.",
    "“This is a serious matter,” said Mr. Pereira, the trade envoy. “We need answers.”",
    "Dr. Lima, a U.S.-trained economist, warned that the deal could collapse if the two governments did not compromise.",
];

fn generated_articles(count: usize) -> Vec<Article> {
    (0..count)
        .map(|i| {
            let mut body = String::from("Talks on trade resume\n\n");
            for k in 0..24 {
                body.push_str(PARAGRAPHS[(i + k) % PARAGRAPHS.len()]);
                body.push_str("\n\n");
            }
            Article::new(format!("generated-{i}.txt"), body)
        })
        .collect()
}

fn corpus_articles() -> Option<Vec<Article>> {
    let dir = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/polnear/train/text"
    ));
    let entries = std::fs::read_dir(dir).ok()?;
    let mut out = Vec::new();
    for e in entries.flatten() {
        if let Ok(bytes) = std::fs::read(e.path()) {
            out.push(Article::new(
                e.path().display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    (!out.is_empty()).then_some(out)
}

fn run(label: &str, extractor: &Extractor, articles: &[Article], rounds: usize) {
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum::<usize>() * rounds;
    let start = Instant::now();
    let mut statements = 0;
    for _ in 0..rounds {
        for a in articles {
            statements += extractor.extract(a).statements.len();
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!(
        "{label}: {:.1} MB in {:.3} s = {:.1} MB/s, {:.0} articles/s, {statements} statements",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        (articles.len() * rounds) as f64 / secs
    );
}

fn main() {
    let extractor = Extractor::new();
    let generated = generated_articles(400);
    run("generated news text", &extractor, &generated, 5);
    match corpus_articles() {
        Some(corpus) => run("PolNeAR train texts", &extractor, &corpus, 3),
        None => println!("PolNeAR train texts not present; corpus timing skipped"),
    }
}
