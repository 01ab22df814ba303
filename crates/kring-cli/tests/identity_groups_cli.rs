//! `kring duplicates`, `kring same-as` and `kring not-same`, run as real processes on real stores
//! in temporary folders.

mod common;

use common::Kring;
use serde_json::Value;

impl Kring {
    fn person(&self, name: &str, extra: &[&str]) -> String {
        let mut args = vec!["card", "add", "person", "--name", name];
        args.extend_from_slice(extra);
        self.id(&args)
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|card| card["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn duplicates_prints_pairs_with_score_and_reason() {
    let kring = Kring::initialised("Lotte Verbruggen");
    let port = kring.id(&["card", "add", "org", "--name", "Port of Antwerp-Bruges"]);
    let jan = kring.person(
        "Jan Peeters",
        &["--email", "jan.peeters@port.be", "--org", &port],
    );
    let jan_again = kring.person("J. Peeters", &["--email", "Jan.Peeters@port.be"]);
    let broeck = kring.person("Lien Van den Broeck", &["--org", &port]);
    let broeck_again = kring.person("L. van den Broeck", &["--org", &port]);
    kring.person("Koen Maes", &["--phone", "+32 3 229 11 11"]);
    kring.person("Karel Willems", &["--phone", "+32 3 338 11 11"]);

    let pairs = kring.json(&["duplicates", "--json"]);
    let pairs = pairs.as_array().expect("an array of pairs");
    assert_eq!(pairs.len(), 2, "{pairs:#?}");
    for pair in pairs {
        for field in ["id", "kind", "name", "other_id", "other_name", "reason"] {
            assert!(pair[field].is_string(), "{field} in {pair}");
        }
        let score = pair["score"].as_f64().expect("a score");
        assert!(score > 0.0 && score <= 1.0, "{pair}");
        assert!(
            pair["id"].as_str() < pair["other_id"].as_str(),
            "the first card is the one that would be canonical"
        );
    }
    let find = |a: &str, b: &str| {
        pairs
            .iter()
            .find(|p| {
                let ends = [p["id"].as_str().unwrap(), p["other_id"].as_str().unwrap()];
                ends.contains(&a) && ends.contains(&b)
            })
            .unwrap_or_else(|| panic!("a pair of {a} and {b} in {pairs:#?}"))
    };
    assert_eq!(
        find(&jan, &jan_again)["reason"],
        "same email jan.peeters@port.be"
    );
    assert_eq!(find(&jan, &jan_again)["kind"], "person");
    assert_eq!(
        find(&broeck, &broeck_again)["reason"],
        "similar names at Port of Antwerp-Bruges"
    );

    let text = kring.ok(&["duplicates"]);
    assert!(
        text.contains("same email jan.peeters@port.be") && text.contains("kring same-as"),
        "the text says why and what to do: {text}"
    );
}

#[test]
fn duplicates_on_a_store_without_any_says_so() {
    let kring = Kring::initialised("Lotte Verbruggen");
    kring.person("Jan Peeters", &[]);
    assert_eq!(kring.json(&["duplicates", "--json"]), serde_json::json!([]));
    assert!(kring.ok(&["duplicates"]).contains("No likely duplicates."));
}

#[test]
fn same_as_shows_two_cards_as_one_and_not_same_gives_both_back() {
    let kring = Kring::initialised("Lotte Verbruggen");
    let a = kring.person("Jan Peeters", &["--email", "jan@port.be", "--tag", "haven"]);
    let b = kring.person(
        "J. Peeters",
        &["--email", "jan@peeters.be", "--tag", "klimaat"],
    );
    let (low, high) = if a < b { (&a, &b) } else { (&b, &a) };

    let out = kring.ok(&["same-as", &b[..13], &a[..13]]);
    assert!(
        out.contains(&format!("shown as {low} (2 cards)")),
        "first digits of ids are enough, and the message names the canonical card: {out}"
    );
    let list = kring.json(&["card", "list", "--json"]);
    assert_eq!(ids(&list), [low.as_str()], "the group is listed once");
    let mut tags: Vec<&str> = list[0]["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    tags.sort();
    assert_eq!(tags, ["haven", "klimaat"], "with every member's tags");

    let detail = kring.json(&["card", "show", high, "--json"]);
    assert_eq!(detail["id"], *high);
    assert_eq!(detail["canonical"], *low);
    assert_eq!(detail["same_as"], serde_json::json!([low]));
    assert_eq!(
        detail["fields"]["emails"].as_array().unwrap().len(),
        2,
        "both addresses: {detail}"
    );
    let hits = kring.json(&["search", "peeters.be", "--json"]);
    assert_eq!(
        ids(&hits),
        [low.as_str()],
        "a hit on a member shows the group"
    );
    assert_eq!(kring.json(&["duplicates", "--json"]), serde_json::json!([]));

    let out = kring.ok(&["not-same", &a, &b]);
    assert!(out.contains("are separate cards"), "{out}");
    assert_eq!(ids(&kring.json(&["card", "list", "--json"])).len(), 2);
    let detail = kring.json(&["card", "show", high, "--json"]);
    assert_eq!(detail["canonical"], *high);
    assert_eq!(detail["same_as"], serde_json::json!([]));
}

#[test]
fn not_same_says_which_statements_still_join_the_two_cards() {
    let kring = Kring::initialised("Lotte Verbruggen");
    let a = kring.person("Jan Peeters", &[]);
    let b = kring.person("J. Peeters", &[]);
    let c = kring.person("Jan P. Peeters", &[]);
    kring.ok(&["same-as", &a, &b]);
    kring.ok(&["same-as", &b, &c]);
    let out = kring.ok(&["not-same", &a, &c]);
    assert!(
        out.contains("still make them one card") && out.contains(&format!("{a} = {b} = {c}")),
        "the chain through b is named: {out}"
    );
    assert_eq!(ids(&kring.json(&["card", "list", "--json"])).len(), 1);
}

#[test]
fn bad_same_as_requests_get_one_line_and_change_nothing() {
    let kring = Kring::initialised("Lotte Verbruggen");
    let person = kring.person("Jan Peeters", &[]);
    let org = kring.id(&["card", "add", "org", "--name", "Port of Antwerp-Bruges"]);
    let missing = "0190aaaa-0000-7000-8000-000000000000";
    kring.fails(
        &["same-as", &person, &person],
        "a card is always the same as itself",
    );
    kring.fails(
        &["same-as", &person, &org],
        "only two people or two organisations can be the same",
    );
    kring.fails(&["not-same", &person, missing], "no card with id");
    kring.fails(
        &["same-as", &person, "0190aaaa"],
        "no record id starts with",
    );
    kring.fails(&["same-as", &person], "<B>");
}

#[test]
fn opposite_statements_through_export_and_import_print_one_digest() {
    let an = Kring::initialised("An");
    let bert = Kring::initialised("Bert");
    let mia = Kring::in_temporary_folder().set_up("Mia", "manager");
    common::one_organisation(&mia, &[(&an, "networker"), (&bert, "networker")]);
    let a = an.person("Jan Peeters", &["--email", "jan@port.be"]);
    let b = an.person("Jan Peeters", &["--email", "JAN@port.be"]);
    // Handed over directly between colleagues: plain files.
    let cards = an.store().parent().unwrap().join("cards.kring");
    an.ok(&[
        "export",
        "--full",
        "--plain",
        "--out",
        cards.to_str().unwrap(),
    ]);
    bert.ok(&["import", cards.to_str().unwrap()]);
    assert_eq!(
        ids(&bert.json(&["duplicates", "--json"])).len(),
        1,
        "Bert sees the same likely pair"
    );

    an.ok(&["same-as", &a, &b]);
    bert.ok(&["same-as", &b, &a]);
    let from_an = an.store().parent().unwrap().join("an.kring");
    let from_bert = bert.store().parent().unwrap().join("bert.kring");
    an.ok(&[
        "export",
        "--full",
        "--plain",
        "--out",
        from_an.to_str().unwrap(),
    ]);
    bert.ok(&[
        "export",
        "--full",
        "--plain",
        "--out",
        from_bert.to_str().unwrap(),
    ]);
    an.ok(&["import", from_bert.to_str().unwrap()]);
    bert.ok(&["import", from_an.to_str().unwrap()]);

    assert_eq!(an.ok(&["digest"]), bert.ok(&["digest"]));
    for kring in [&an, &bert] {
        assert_eq!(ids(&kring.json(&["card", "list", "--json"])).len(), 1);
        assert_eq!(kring.json(&["duplicates", "--json"]), serde_json::json!([]));
    }
}
