//! The `annotate` binary as a user runs it: files, stdin, JSON lines, bad
//! input, exports and imports.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const EXAMPLE: &str = "tests/fixtures/moscow-times-kursk.txt";

fn annotate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annotate runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn a_file_and_the_same_text_on_stdin_give_the_same_annotations() {
    let from_file = json(&annotate(&[EXAMPLE], b""));
    let text = std::fs::read(EXAMPLE).unwrap();
    let from_stdin = json(&annotate(&[], &text));
    assert_eq!(from_file, from_stdin);
    let annotations = from_file["annotations"].as_array().unwrap();
    for a in annotations {
        for field in ["kind", "start", "end", "score", "reasons"] {
            assert!(a.get(field).is_some(), "{field} missing in {a}");
        }
    }
}

#[test]
fn jsonl_answers_each_line_in_order_and_names_bad_lines() {
    let input = b"{\"id\": \"a\", \"text\": \"He said \\\"no\\\".\", \"other\": 1}\n{broken\n{\"id\": 7, \"text\": \"\"}\n";
    let output = annotate(&["--jsonl"], input);
    assert!(
        !output.status.success(),
        "a bad line makes the exit non-zero"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["annotations"], serde_json::json!([]));
}

#[test]
fn invalid_utf8_is_refused_with_a_clear_message() {
    let output = annotate(&[], b"caf\xe9 au lait");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not valid UTF-8") && stderr.contains("offset 3"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_and_a_bad_threshold_are_explained() {
    let missing = annotate(&["/no/such/file.txt"], b"");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /no/such/file.txt"));
    let bad = annotate(&["--threshold", "high"], b"");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_w3c_export_reimports_onto_the_same_text_with_nothing_orphaned() {
    let export = annotate(&["export", "w3c", EXAMPLE], b"");
    let exported = json(&export);
    assert_eq!(exported["type"], "AnnotationCollection");
    let dir = std::env::temp_dir().join(format!("annotate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.json");
    std::fs::write(&path, &export.stdout).unwrap();
    let report = json(&annotate(&["import", path.to_str().unwrap(), EXAMPLE], b""));
    assert_eq!(report["same_text"], true);
    assert_eq!(report["orphans"], serde_json::json!([]));
    assert_eq!(
        report["placed"].as_array().unwrap().len(),
        exported["total"].as_u64().unwrap() as usize
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn csv_and_markdown_exports_render() {
    let csv = annotate(&["export", "csv", EXAMPLE], b"");
    assert!(csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("id,kind,start,end,text"));
    let md = annotate(&["export", "markdown", EXAMPLE], b"");
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# Ukraine said Thursday"));
    let unknown = annotate(&["export", "pdf", EXAMPLE], b"");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown export format 'pdf'"));
}

/// A small page of our own: a menu, an article and a share bar.
const PAGE: &str = "<!DOCTYPE html><html><head><title>T</title><script>var x = '<p>no</p>';</script></head>\
<body><nav><ul><li><a href=\"/\">Harbours</a></li><li><a href=\"/w\">Weather</a></li><li><a href=\"/s\">Shipping</a></li></ul></nav>\
<article><h1>Dredging starts on the northern channel</h1>\
<p>The harbour board voted on Tuesday to dredge the northern channel before the autumn storms, after two cargo ships ran aground there in August.</p>\
<p>Pilots had warned for years that silt was building up near the breakwater, the board&rsquo;s chair told reporters.</p>\
<p>Work is expected to start next month and to last about six weeks.</p></article>\
<div class=\"share-tools\">Tweet</div></body></html>";

#[test]
fn html_is_rendered_and_its_markup_marks_boilerplate() {
    let output = json(&annotate(&["--html"], PAGE.as_bytes()));
    let text = output["text"].as_str().expect("the rendered text");
    assert!(text.starts_with("Harbours\nWeather\nShipping\n"), "{text}");
    assert!(
        text.contains("the board’s chair"),
        "entities decoded: {text}"
    );
    assert!(!text.contains("<p>") && !text.contains("var x"), "{text}");
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: &serde_json::Value| -> String {
        let (start, end) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
        chars[start as usize..end as usize].iter().collect()
    };
    let boilerplate: Vec<(String, Vec<String>)> = output["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "boilerplate")
        .map(|a| {
            let reasons = a["reasons"].as_array().unwrap();
            (
                slice(a),
                reasons
                    .iter()
                    .map(|r| r.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    assert!(
        boilerplate
            .iter()
            .any(|(t, r)| t == "Harbours\nWeather\nShipping" && r[0] == "navigation (<nav>)"),
        "{boilerplate:?}"
    );
    assert!(
        boilerplate
            .iter()
            .any(|(t, r)| t == "Tweet" && r.contains(&"class 'share'".to_string())),
        "{boilerplate:?}"
    );
    assert!(
        boilerplate
            .iter()
            .all(|(t, _)| !t.contains("harbour board voted")),
        "{boilerplate:?}"
    );
    // Without --html the same input is text: no "text" field, markup and all.
    let plain = json(&annotate(&[], PAGE.as_bytes()));
    assert!(plain.get("text").is_none());
}

#[test]
fn jsonl_with_html_renders_each_line() {
    let line =
        serde_json::json!({"id": 3, "text": "<p>One &amp; two</p><footer>Contact us</footer>"});
    let output = annotate(&["--jsonl", "--html"], format!("{line}\n").as_bytes());
    assert!(output.status.success());
    let out: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(out["id"], 3);
    assert_eq!(out["text"], "One & two\n\nContact us");
}

#[test]
fn explain_shows_the_evidence_behind_a_line_and_a_sentence() {
    let text =
        "Share on Facebook\n“We rebuilt the pier,” Mayor Ana Ruiz said. It cost $3 million.\n";
    let line = annotate(&["explain", "--line", "1"], text.as_bytes());
    assert!(line.status.success());
    let out = String::from_utf8_lossy(&line.stdout);
    assert!(
        out.contains("verdict from the text alone: boilerplate"),
        "{out}"
    );
    assert!(out.contains("- share line"), "{out}");
    let at = text.chars().count() - "million.\n".chars().count();
    let sentence = annotate(&["explain", "--at", &at.to_string()], text.as_bytes());
    let out = String::from_utf8_lossy(&sentence.stdout);
    assert!(
        out.contains("sentence 62..81: \"It cost $3 million.\""),
        "{out}"
    );
    assert!(out.contains("raises money"), "{out}");
    let html = annotate(
        &["explain", "--html", "--line", "1"],
        b"<nav><a href=/>Home</a></nav><p>The council met on Monday.</p>",
    );
    let out = String::from_utf8_lossy(&html.stdout);
    assert!(out.contains("markup: "), "{out}");
    let past = annotate(&["explain", "--line", "9"], text.as_bytes());
    assert!(!past.status.success());
    assert!(String::from_utf8_lossy(&past.stderr).contains("line 9 is not in the text"));
}

/// Runs annotate through the shell, for redirections Rust cannot set up
/// (a closed standard output).
fn annotate_in_shell(args: &str, redirect: &str) -> Output {
    Command::new("/bin/sh")
        .arg("-c")
        .arg(format!("exec \"$0\" {args} {redirect}"))
        .arg(env!("CARGO_BIN_EXE_annotate"))
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("sh runs")
}

#[test]
fn a_closed_or_full_standard_output_is_an_error_not_a_silent_loss() {
    let jsonl = std::env::temp_dir().join(format!("annotate-closed-{}.jsonl", std::process::id()));
    std::fs::write(&jsonl, "{\"id\": 1, \"text\": \"He said 5%.\"}\n").unwrap();
    let jsonl = jsonl.to_str().unwrap().to_string();
    for args in [
        EXAMPLE.to_string(),
        format!("--jsonl < {jsonl}"),
        format!("export w3c {EXAMPLE}"),
        format!("export csv {EXAMPLE}"),
    ] {
        for redirect in [">&-", ">/dev/full"] {
            let output = annotate_in_shell(&args, redirect);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{args} {redirect}: {stderr}");
            assert!(
                stderr.contains("cannot write") || stderr.contains("cannot read or write"),
                "{args} {redirect}: {stderr}"
            );
        }
    }
    std::fs::remove_file(jsonl).ok();
}

#[test]
fn jsonl_ids_come_back_exactly_as_sent() {
    // The issue's reproductions: two huge integers that collided as floats,
    // 2^64, an exponent, and a string with escapes; a BOM before a line.
    let ids = [
        "12345678901234567890123",
        "12345678901234567890124",
        "18446744073709551616",
        "1e2",
        r#""caf\u00e9 \"quoted\"""#,
    ];
    let input: String = ids
        .iter()
        .map(|id| format!("\u{feff}{{\"id\":{id},\"text\":\"Prices rose 5%.\"}}\n"))
        .collect();
    let output = annotate(&["--jsonl"], input.as_bytes());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let back: Vec<&str> = stdout
        .lines()
        .map(|l| &l["{\"id\":".len()..l.find(",\"annotations\"").unwrap()])
        .collect();
    assert_eq!(back, ids);
}

#[test]
fn a_byte_order_mark_before_a_w3c_file_is_accepted() {
    let export = annotate(&["export", "w3c", EXAMPLE], b"");
    assert!(export.status.success());
    let dir = std::env::temp_dir().join(format!("annotate-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.json");
    std::fs::write(&path, [b"\xef\xbb\xbf".as_slice(), &export.stdout].concat()).unwrap();
    let report = json(&annotate(&["import", path.to_str().unwrap(), EXAMPLE], b""));
    assert_eq!(report["orphans"], serde_json::json!([]));
    assert!(!report["placed"].as_array().unwrap().is_empty());
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_import_with_too_many_annotations_is_refused_while_it_streams() {
    // 50,001 annotations, then garbage the importer must never reach.
    let one = r#"{"type":"Annotation","body":{"purpose":"classifying","value":"claim"},"target":{"selector":{"type":"TextQuoteSelector","exact":"Ukraine"}}}"#;
    let mut file = String::from("[");
    for _ in 0..50_001 {
        file.push_str(one);
        file.push(',');
    }
    file.push_str("this is not JSON");
    let dir = std::env::temp_dir().join(format!("annotate-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("many.json");
    std::fs::write(&path, file).unwrap();
    let output = annotate(&["import", path.to_str().unwrap(), EXAMPLE], b"");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("more than the 50000"), "{stderr}");
    std::fs::remove_dir_all(dir).ok();
}
