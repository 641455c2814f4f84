//! Reads the shared benchmark corpus (real news in `.txt` and JSONL form)
//! when it is present, and checks that both forms give the same articles.
//! The corpus is not part of the repository: without it the test prints a
//! note and passes.

use std::collections::HashMap;
use std::path::Path;

use demarche_input::{Event, ReadOptions, read_path};

/// The shared corpus sits beside the checkout, as `../shared`.
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/bbc");

#[test]
fn text_and_jsonl_forms_of_the_corpus_agree() {
    let root = Path::new(CORPUS);
    if !root.join("articles.jsonl").is_file() || !root.join("txt").is_dir() {
        println!("note: {CORPUS} is absent; skipping the corpus check");
        return;
    }
    let opts = ReadOptions::default();
    let mut from_jsonl = HashMap::new();
    let mut problems = Vec::new();
    read_path(
        &root.join("articles.jsonl"),
        &opts,
        &mut |event| match event {
            Event::Document(d) => {
                let id = d.article.meta.external_id.clone().unwrap_or_default();
                from_jsonl.insert(id, d.article);
            }
            other => problems.push(format!("{other:?}")),
        },
    );
    let mut texts = 0;
    read_path(&root.join("txt"), &opts, &mut |event| match event {
        Event::Document(d) => {
            texts += 1;
            let source = Path::new(&d.article.meta.source);
            let id = source.file_stem().unwrap().to_string_lossy().into_owned();
            match from_jsonl.get(&id) {
                Some(record) if record.body == d.article.body => {
                    if record.meta.title != d.article.meta.title {
                        problems.push(format!(
                            "{id}: title {:?} vs {:?}",
                            d.article.meta.title, record.meta.title
                        ));
                    }
                }
                Some(_) => problems.push(format!("{id}: bodies differ")),
                None => problems.push(format!("{id}: not in the JSONL form")),
            }
            if !d.warnings.is_empty() {
                problems.push(format!("{id}: {:?}", d.warnings));
            }
        }
        other => problems.push(format!("{other:?}")),
    });
    assert!(
        problems.is_empty(),
        "{} problems: {:?}",
        problems.len(),
        &problems[..problems.len().min(20)]
    );
    assert_eq!(texts, from_jsonl.len());
    assert!(texts > 0);
}
