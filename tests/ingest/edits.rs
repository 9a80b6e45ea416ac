//! Edit safety and idempotence: hand edits kept until forced, a second
//! run that changes nothing.

use super::*;

#[test]
fn hand_edits_are_kept_until_forced() {
    let project = project_from(&repo().join("tests/fixtures/ingest/other"));
    ingest(project.path(), false);
    let path = by_seed_path(project.path(), "b_articles.txt");
    let original = std::fs::read_to_string(&path).unwrap();
    let edited = original.replace("vital to their economies", "vital to both economies");
    std::fs::write(&path, &edited).unwrap();

    let report = ingest(project.path(), false);
    let doc = report.documents.iter().find(|d| d.content == path).unwrap();
    assert_eq!(doc.outcome, Outcome::KeptHandEdit);
    assert!(
        report.warnings.is_empty(),
        "an edit of an unchanged seed is no news: {:?}",
        report.warnings
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);

    let report = ingest(project.path(), true);
    let doc = report.documents.iter().find(|d| d.content == path).unwrap();
    assert_eq!(doc.outcome, Outcome::ReplacedHandEdit);
    let kept = report.backup.as_ref().expect("a copy is kept");
    let copy = kept.join("content").join(path.file_name().unwrap());
    assert_eq!(std::fs::read_to_string(copy).unwrap(), edited);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.contains("a copy is kept in .briefing/backup/")),
        "{:?}",
        report.warnings
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn a_second_run_changes_nothing_and_only_changed_seeds_are_ingested() {
    let project = project_from(&repo());
    ingest(project.path(), false);
    let snapshot = |root: &Path| -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
        content_files(root)
            .into_iter()
            .map(|p| {
                (
                    p.clone(),
                    std::fs::read(&p).unwrap(),
                    std::fs::metadata(&p).unwrap().modified().unwrap(),
                )
            })
            .collect()
    };
    let before = snapshot(project.path());
    let report = ingest(project.path(), false);
    assert!(report
        .documents
        .iter()
        .all(|d| d.outcome == Outcome::Unchanged));
    assert_eq!(snapshot(project.path()), before);

    let seed = project.path().join("seeds/001_124cfd008041aaae.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    std::fs::write(
        &seed,
        text.replace("around the end of 2020", "around the end of 2021"),
    )
    .unwrap();
    let report = ingest(project.path(), false);
    let written: Vec<String> = report
        .documents
        .iter()
        .filter(|d| d.outcome == Outcome::Written)
        .map(|d| d.seed.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written, ["001_124cfd008041aaae.txt"]);
}
