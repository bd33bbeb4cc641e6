//! The malformed-input corpus: each case states exactly what the OCDS reader must do with it.
use locallens::domain::issue::{Parsed, Severity};
use locallens::domain::money::Satang;
use locallens::domain::ocds::Process;
use locallens::ingest::ocds;

/// What a case must produce: processes, record counts (read, accepted, rejected), and the issues as
/// (severity, code, path), in order, leaving out the informational version note.
struct Expect<'a> {
    processes: usize,
    counts: (usize, usize, usize),
    issues: &'a [(Severity, &'a str, &'a str)],
}

fn check(name: &str, bytes: &[u8], expect: Expect) -> Parsed<Vec<Process>> {
    let parsed = ocds::load(name, bytes);
    let issues: Vec<(Severity, &str, &str)> =
        parsed.issues.iter().filter(|i| i.code != "ocds-version").map(|i| (i.severity, i.code, i.path.as_str())).collect();
    assert_eq!(issues, expect.issues, "{name}: issues");
    assert_eq!(parsed.values.len(), expect.processes, "{name}: processes");
    let c = parsed.counts;
    assert_eq!((c.read, c.accepted, c.rejected), expect.counts, "{name}: counts");
    for issue in &parsed.issues {
        assert!(!issue.th.is_empty() && !issue.en.is_empty(), "{name}: issue without both languages: {issue:?}");
    }
    parsed
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

#[test]
fn truncated_json_is_rejected_with_its_position() {
    let p = check(
        "truncated",
        br#"{"version":"1.1","releases":[{"ocid":"a","id":"1""#,
        Expect { processes: 0, counts: (0, 0, 0), issues: &[(E, "bad-json", "$")] },
    );
    assert!(p.issues[0].en.contains("line 1, column 49"), "{}", p.issues[0].en);
}

#[test]
fn wrong_types_are_reported_at_their_field_and_the_rest_loads() {
    let input = br#"{"version":"1.1","releases":[{"ocid":"a","id":"1","date":"2024-10-01T00:00:00Z","tag":["tender"],
        "parties":[7,{"id":"p","name":["x"]}],
        "tender":{"title":"ok","value":{"amount":{"n":1},"currency":"THB"},"numberOfTenderers":"three","items":"none"},
        "awards":{"id":"1"}}]}"#;
    let p = check(
        "types",
        input,
        Expect {
            processes: 1,
            counts: (1, 1, 0),
            issues: &[
                (W, "wrong-type", "releases[0].parties[0]"),
                (W, "wrong-type", "releases[0].parties[1].name"),
                (W, "wrong-type", "releases[0].tender.value.amount"),
                (W, "wrong-type", "releases[0].tender.numberOfTenderers"),
                (W, "wrong-type", "releases[0].tender.items"),
                (W, "wrong-type", "releases[0].awards"),
            ],
        },
    );
    assert_eq!(p.values[0].compiled.title(), Some("ok"));
}

#[test]
fn empty_arrays_load_nothing_and_say_so() {
    check(
        "empty",
        br#"{"version":"1.1","releases":[]}"#,
        Expect { processes: 0, counts: (0, 0, 0), issues: &[(W, "empty", "$")] },
    );
    check(
        "empty-records",
        br#"{"version":"1.1","records":[]}"#,
        Expect { processes: 0, counts: (0, 0, 0), issues: &[(W, "empty", "$")] },
    );
    let p = check(
        "empty-lists",
        br#"{"version":"1.1","releases":[{"ocid":"a","id":"1","date":"2024-01-01","awards":[],"parties":[]}]}"#,
        Expect { processes: 1, counts: (1, 1, 0), issues: &[] },
    );
    assert!(p.values[0].compiled.awards.is_empty());
}

#[test]
fn duplicate_ids_keep_the_last_copy_with_a_warning() {
    let input = br#"{"version":"1.1","releases":[
        {"ocid":"a","id":"r1","date":"2024-01-01","tender":{"title":"first copy"}},
        {"ocid":"a","id":"r1","date":"2024-01-01","tender":{"title":"second copy"}},
        {"ocid":"a","id":"r2","date":"2024-02-01","awards":[{"id":"x","title":"one"},{"id":"x","status":"active"}]}]}"#;
    let p = check(
        "dupes",
        input,
        Expect {
            processes: 1,
            counts: (3, 2, 1),
            issues: &[(W, "duplicate-release", "releases[0]"), (W, "duplicate-id", "releases[2].awards[1]")],
        },
    );
    let r = &p.values[0].compiled;
    assert_eq!(r.title(), Some("second copy"));
    assert_eq!(r.awards.len(), 1);
    assert_eq!((r.awards[0].title.as_deref(), r.awards[0].status.as_deref()), (Some("one"), Some("active")));
}

fn nested(depth: usize) -> String {
    format!(
        r#"{{"version":"1.1","releases":[{{"ocid":"a","id":"1","date":"2024-01-01","deep":{}1{}}}]}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

#[test]
fn fifty_levels_of_nesting_load_and_two_hundred_are_refused_without_a_crash() {
    check("nest50", nested(50).as_bytes(), Expect { processes: 1, counts: (1, 1, 0), issues: &[] });
    let p = check("nest200", nested(200).as_bytes(), Expect { processes: 0, counts: (0, 0, 0), issues: &[(E, "bad-json", "$")] });
    assert!(p.issues[0].en.contains("recursion limit"), "{}", p.issues[0].en);
}

#[test]
fn a_byte_order_mark_is_removed_with_a_warning() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(br#"{"version":"1.1","releases":[{"ocid":"a","id":"1","date":"2024-01-01"}]}"#);
    check("bom", &bytes, Expect { processes: 1, counts: (1, 1, 0), issues: &[(W, "bom", "$")] });
}

#[test]
fn tis620_thai_is_converted_with_a_warning() {
    let text = r#"{"version":"1.1","releases":[{"ocid":"a","id":"1","date":"2024-01-01","tender":{"title":"ก่อสร้างถนน คสล."}}]}"#;
    let (bytes, _, _) = encoding_rs::WINDOWS_874.encode(text);
    let p = check("tis620", &bytes, Expect { processes: 1, counts: (1, 1, 0), issues: &[(W, "tis-620", "$")] });
    assert_eq!(p.values[0].compiled.title(), Some("ก่อสร้างถนน คสล."));
}

#[test]
fn binary_and_utf16_files_are_rejected() {
    check("binary", b"\x00\x01\x02\xff\xfe\x80", Expect { processes: 0, counts: (0, 0, 0), issues: &[(E, "not-utf-8", "$")] });
    let utf16: Vec<u8> = "\u{FEFF}{\"releases\":[]}".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    check("utf16", &utf16, Expect { processes: 0, counts: (0, 0, 0), issues: &[(E, "utf-16", "$")] });
}

#[test]
fn thai_digits_text_amounts_and_buddhist_years_are_read_with_warnings() {
    let input = r#"{"version":"1.1","releases":[{"ocid":"a","id":"1","date":"2567-10-01T09:00:00+07:00",
        "tender":{"value":{"amount":"๑,๒๓๔,๕๖๗.๕๐","currency":"THB"},"tenderPeriod":{"startDate":"9 เม.ย. 69"}}}]}"#;
    let p = check(
        "thai",
        input.as_bytes(),
        Expect {
            processes: 1,
            counts: (1, 1, 0),
            issues: &[
                (W, "buddhist-year", "releases[0].date"),
                (W, "number-as-string", "releases[0].tender.value.amount"),
                (Severity::Info, "thai-date", "releases[0].tender.tenderPeriod.startDate"),
            ],
        },
    );
    let r = &p.values[0].compiled;
    assert_eq!(r.reference_price(), Some(Satang(123_456_750)));
    assert_eq!(r.tender.as_ref().unwrap().tender_period.as_ref().unwrap().start_date.unwrap().iso(), "2026-04-09");
}

#[test]
fn records_without_an_ocid_are_rejected_and_counted() {
    let input = br#"{"version":"1.1","releases":[{"id":"1","date":"2024-01-01"},{"ocid":"","id":"2"},5,{"ocid":"ok","id":"3","date":"2024-01-01"}]}"#;
    check(
        "no-ocid",
        input,
        Expect {
            processes: 1,
            counts: (4, 1, 3),
            issues: &[
                (E, "not-a-record", "releases[2]"),
                (E, "missing-field", "releases[0]"),
                (E, "missing-field", "releases[1]"),
            ],
        },
    );
}

#[test]
fn json_lines_report_each_bad_line_and_load_the_others() {
    let input = b"{\"ocid\":\"a\",\"id\":\"1\",\"date\":\"2024-01-01\",\"tag\":[\"compiled\"]}\n{\"ocid\":\"b\",\n{\"ocid\":\"c\",\"id\":\"3\",\"date\":\"2024-01-01\",\"tag\":[\"compiled\"]}\n";
    check("jsonl", input, Expect { processes: 2, counts: (3, 2, 1), issues: &[(E, "bad-json", "line 2")] });
}

#[test]
fn a_record_with_only_linked_releases_and_no_compiled_release_is_rejected() {
    let input = br#"{"version":"1.1","records":[{"ocid":"a","releases":[{"url":"https://x/1.json","date":"2024-01-01","tag":["tender"]}]}]}"#;
    check(
        "links-only",
        input,
        Expect { processes: 0, counts: (1, 0, 1), issues: &[(E, "record-rejected", "records[0]"), (W, "empty", "$")] },
    );
}

/// A file of about 200 MB, generated at test time (JSON Lines of compiled releases), loads completely.
#[test]
fn a_200_megabyte_file_loads_every_process() {
    let mut bytes = Vec::with_capacity(210 << 20);
    let mut n = 0;
    while bytes.len() < 200 << 20 {
        let batch = 5_000;
        let mut chunk = Vec::new();
        locallens::demo::write_scale(batch, &mut chunk).unwrap();
        // Distinct ocids across batches: the generator's ocids repeat per batch.
        let text = String::from_utf8(chunk).unwrap().replace("\"ocds-demo00-", &format!("\"ocds-demo00-b{n}-"));
        bytes.extend_from_slice(text.as_bytes());
        n += 1;
    }
    let lines = bytes.iter().filter(|b| **b == b'\n').count();
    let parsed = ocds::load("big.jsonl", &bytes);
    assert_eq!(parsed.values.len(), lines);
    assert_eq!(parsed.counts.read, lines);
    assert_eq!(parsed.counts.rejected, 0);
    assert_eq!(parsed.errors(), 0);
}
