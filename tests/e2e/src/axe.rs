//! Accessibility checks inside the real window: axe-core (the `axe-core` npm package the UI
//! keeps in its devDependencies, read from `ui/node_modules/axe-core/axe.min.js`) is injected
//! through WebDriver and run on the page as it stands, against the WCAG 2.x A and AA rules.
//!
//! Any test can call [`Ui::axe`] for the violations or [`Ui::assert_accessible`] to fail on a
//! serious or critical one. The script is passed as the body of the WebDriver script rather than
//! `eval`ed, because the app's content security policy forbids `eval`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::{workspace_root, Ui};

/// One rule axe-core found broken, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violation {
    /// The rule's id, e.g. `color-contrast`.
    pub rule: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impact: String,
    /// What the rule asks for, in axe-core's words.
    pub help: String,
    /// For each element: its CSS selector and axe-core's summary of what is wrong.
    pub nodes: Vec<(String, String)>,
}

impl Violation {
    /// Whether the violation is serious or critical (what the tests refuse).
    pub fn blocking(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// axe-core's source, read once.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read axe-core at {} ({e}): run `npm --prefix ui install` (it is in the UI's devDependencies)",
                path.display()
            )
        })
    })
}

/// Counts violations by impact, e.g. `{"serious": 3}`, counting each element once.
pub fn by_impact(violations: &[Violation]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for v in violations {
        *counts.entry(v.impact.clone()).or_default() += v.nodes.len();
    }
    counts
}

/// The violations as lines a person can act on: rule, impact, help, then each element.
pub fn describe(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        out.push_str(&format!(
            "  [{}] {} — {} ({} element(s))\n",
            v.impact,
            v.rule,
            v.help,
            v.nodes.len()
        ));
        for (target, summary) in v.nodes.iter().take(5) {
            let summary = summary.replace('\n', " ");
            out.push_str(&format!("      {target}: {summary}\n"));
        }
        if v.nodes.len() > 5 {
            out.push_str(&format!("      … and {} more\n", v.nodes.len() - 5));
        }
    }
    out
}

impl Ui {
    /// Makes sure `window.axe` is on the page, injecting axe-core's half-megabyte bundle when it is
    /// not (the first check, or after the page was loaded again).
    ///
    /// A CI run once got an error with an empty message from WebKitWebDriver for the injection on
    /// a busy 2-core machine, so the script may take two minutes (not WebDriver's default 30 s),
    /// and a failed attempt is retried, each error kept in full (`{:?}`: the kind as well as the
    /// message) for the failure message.
    async fn load_axe(&self) {
        use fantoccini::wd::TimeoutConfiguration;
        let _ = self
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(std::time::Duration::from_secs(120)),
                None,
                None,
            ))
            .await;
        let mut errors = Vec::new();
        for attempt in 1..=4 {
            match self
                .client
                .execute("return typeof window.axe === 'object'", vec![])
                .await
            {
                Ok(Value::Bool(true)) => return,
                Ok(_) => {}
                Err(e) => errors.push(format!(
                    "attempt {attempt}, asking whether it is loaded: {e:?}"
                )),
            }
            // axe-core's bundle ends by setting `window.axe`.
            let script = format!("{}\n;return typeof window.axe;", axe_source());
            match self.client.execute(&script, vec![]).await {
                Ok(Value::String(kind)) if kind == "object" => return,
                Ok(other) => errors.push(format!("attempt {attempt}: window.axe is {other}")),
                Err(e) => errors.push(format!("attempt {attempt}, injecting: {e:?}")),
            }
            eprintln!("axe-core is not loaded yet: {}", errors.join("; "));
            tokio::time::sleep(std::time::Duration::from_secs(2 * attempt)).await;
        }
        panic!(
            "could not inject axe-core in 4 attempts; the page's data-testids: {}\n{}",
            self.testids_on_screen().await,
            errors.join("\n")
        );
    }

    /// Runs axe-core on the page as it is now (WCAG 2.0–2.2 A and AA rules) and returns every
    /// violation, whatever its impact.
    pub async fn axe(&self) -> Vec<Violation> {
        self.load_axe().await;
        // Colours are read at rest: a transition or animation still running (a theme just
        // switched, a dialog fading in) would mix the old colours with the new.
        let run = r#"
            const done = arguments[arguments.length - 1];
            const still = document.createElement('style');
            still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
            document.head.append(still);
            void document.body.offsetHeight;
            window.axe
              .run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
                resultTypes: ['violations'],
              })
              .then((r) => done(r.violations.map((v) => ({
                rule: v.id,
                impact: v.impact || 'unknown',
                help: v.help,
                nodes: v.nodes.map((n) => [n.target.join(' '), n.failureSummary || '']),
              }))))
              .catch((e) => done({ error: String(e) }))
              .finally(() => still.remove());
        "#;
        let result = self
            .client
            .execute_async(run, vec![])
            .await
            .unwrap_or_else(|e| panic!("axe-core did not run: {e}"));
        if let Some(error) = result.get("error") {
            panic!("axe-core failed: {error}");
        }
        let Value::Array(items) = result else {
            panic!("axe-core returned {result}");
        };
        items
            .into_iter()
            .map(|v| Violation {
                rule: v["rule"].as_str().unwrap_or("").to_string(),
                impact: v["impact"].as_str().unwrap_or("").to_string(),
                help: v["help"].as_str().unwrap_or("").to_string(),
                nodes: v["nodes"]
                    .as_array()
                    .map(|nodes| {
                        nodes
                            .iter()
                            .map(|n| {
                                (
                                    n[0].as_str().unwrap_or("").to_string(),
                                    n[1].as_str().unwrap_or("").to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// Fails if axe-core finds a serious or critical violation on the page now; `screen` names
    /// the page in the failure message.
    pub async fn assert_accessible(&self, screen: &str) {
        let blocking: Vec<Violation> = self
            .axe()
            .await
            .into_iter()
            .filter(Violation::blocking)
            .collect();
        assert!(
            blocking.is_empty(),
            "axe-core found serious or critical violations on {screen}:\n{}",
            describe(&blocking)
        );
    }
}
