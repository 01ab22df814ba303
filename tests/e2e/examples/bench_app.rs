//! Timings of the desktop app, measured (not asserted): run by `scripts/bench-app.sh`, which
//! builds the release app and runs this under Xvfb.
//!
//!     bench_app start [RUNS]          cold start to an interactive window, fresh and with a profile
//!     bench_app search STORE [RUNS]   keystroke to rendered results on a (copied!) big store
//!
//! Cold start: from the WebDriver "new session" request (which launches the app) to the first
//! `data-testid` element being in the DOM (Svelte mounted and `app_status` answered), and to the
//! first run form / the navigation; also from spawning tauri-driver (its own start included).
//! Polling adds up to ~10 ms (a WebDriver round trip plus 5 ms).
//!
//! Search: in the page, from an `input` event on `card-search` (a keystroke) to the frame after
//! `card-count` and every visible `card-row` show the new results, timed with
//! `performance.now()` and `requestAnimationFrame`, so WebDriver's own latency is left out. The
//! list's 40 ms typing debounce is included: it is part of what a user waits for.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kring_e2e::{launch_app, App};
use serde_json::json;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn summary(name: &str, values: &[f64]) {
    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = values.iter().cloned().fold(0.0, f64::max);
    println!(
        "{name:<54} median {:>7.0} ms   min {min:>6.0}   max {max:>6.0}   (n={})",
        median(values.to_vec()),
        values.len()
    );
}

async fn wait_for(app: &App, selector: &str, limit: Duration) -> Instant {
    let deadline = Instant::now() + limit;
    loop {
        let found = app
            .js(&format!(
                "return document.querySelector('{selector}') !== null"
            ))
            .await;
        if found == json!(true) {
            return Instant::now();
        }
        assert!(Instant::now() < deadline, "{selector} never appeared");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn start(runs: usize) {
    let base = tempfile::tempdir().unwrap();
    let mut fresh_first = Vec::new();
    let mut fresh_form = Vec::new();
    let mut fresh_spawn = Vec::new();
    let mut known_first = Vec::new();
    let mut known_nav = Vec::new();
    // A store with a profile, made once through the first run form.
    let known_store = base.path().join("known/store");
    {
        let xdg = base.path().join("known/xdg");
        std::fs::create_dir_all(&xdg).unwrap();
        let app = launch_app(&known_store, &xdg, "bench-setup").await;
        app.wait("first-run-name").await;
        app.type_into("first-run-name", "Sofie Van Aken").await;
        app.type_into("first-run-email", "sofie.vanaken@stad.gent")
            .await;
        let demo = app.wait("first-run-demo").await;
        if demo.is_selected().await.unwrap() {
            demo.click().await.unwrap();
        }
        app.click("first-run-submit").await;
        app.wait("nav-today").await;
        app.close().await;
    }
    for run in 0..runs {
        // Fresh store: first run form.
        let home = base.path().join(format!("fresh{run}"));
        std::fs::create_dir_all(home.join("xdg")).unwrap();
        let app = launch_app(&home.join("store"), &home.join("xdg"), "bench-start").await;
        let session = app.session_requested;
        let first = wait_for(&app, "[data-testid]", Duration::from_secs(30)).await;
        let form = wait_for(
            &app,
            "[data-testid=\"first-run-name\"]",
            Duration::from_secs(30),
        )
        .await;
        fresh_spawn.push((form - app.spawned).as_secs_f64() * 1000.0);
        fresh_first.push((first - session).as_secs_f64() * 1000.0);
        fresh_form.push((form - session).as_secs_f64() * 1000.0);
        app.close().await;

        // Known store: straight to the main window.
        let xdg = base.path().join(format!("known-xdg{run}"));
        std::fs::create_dir_all(&xdg).unwrap();
        let app = launch_app(&known_store, &xdg, "bench-start").await;
        let session = app.session_requested;
        let first = wait_for(&app, "[data-testid]", Duration::from_secs(30)).await;
        let nav = wait_for(&app, "[data-testid=\"nav-today\"]", Duration::from_secs(30)).await;
        known_first.push((first - session).as_secs_f64() * 1000.0);
        known_nav.push((nav - session).as_secs_f64() * 1000.0);
        app.close().await;
    }
    println!("cold start ({runs} runs each; from the WebDriver request that launches the app):");
    summary("  fresh store: first data-testid", &fresh_first);
    summary("  fresh store: first-run form", &fresh_form);
    summary(
        "  fresh store: spawn tauri-driver -> first-run form",
        &fresh_spawn,
    );
    summary("  with profile: first data-testid", &known_first);
    summary("  with profile: navigation (nav-today)", &known_nav);
}

/// One keystroke: sets the search field to `text`, fires `input`, waits in the page until the
/// count changed and every rendered row matches (case-insensitively), then one frame more.
const KEYSTROKE: &str = r#"
const [text, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.querySelector('[data-testid="card-search"]');
const count = () => document.querySelector('[data-testid="card-count"]')?.textContent ?? '';
const before = count();
const ids = () => Array.from(document.querySelectorAll('[data-testid="card-row"]')).map(r => r.dataset.id).join();
const beforeIds = ids();
const needle = text.toLowerCase().split(/\s+/).filter(Boolean);
const t0 = performance.now();
const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
setter.call(input, text);
input.dispatchEvent(new Event('input', { bubbles: true }));
const check = () => {
  const rows = Array.from(document.querySelectorAll('[data-testid="card-row"]'));
  const changed = count() !== before || ids() !== beforeIds;
  const ok = changed && !/Counting/.test(count()) && rows.length > 0 &&
    rows.every(r => needle.every(w => r.textContent.toLowerCase().includes(w)));
  if (ok) requestAnimationFrame(() => done({ ms: performance.now() - t0, count: count(), rows: rows.length }));
  else if (!changed && performance.now() - t0 > 1500) done({ ms: -2, count: count(), rows: rows.length });
  else if (performance.now() - t0 > 20000) done({ ms: -1, count: count(), rows: rows.length });
  else requestAnimationFrame(check);
};
requestAnimationFrame(check);
"#;

async fn search(store: PathBuf, runs: usize) {
    let base = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(base.path().join("xdg")).unwrap();
    let opened = Instant::now();
    let app = launch_app(&store, &base.path().join("xdg"), "bench-search").await;
    app.wait("nav-cards").await;
    println!(
        "opened the big store: navigation after {:.1} s",
        opened.elapsed().as_secs_f64()
    );
    app.click("nav-cards").await;
    let listed = Instant::now();
    app.wait("card-row").await;
    let total = app.wait("card-count").await.text().await.unwrap();
    println!(
        "cards list: first rows {:.0} ms after the click; {total}",
        listed.elapsed().as_secs_f64() * 1000.0
    );
    // A name to type: the surname of a card far down the alphabet of the first page.
    let name = app
        .js(
            "const rows = document.querySelectorAll('[data-testid=\"card-row\"] .name'); \
             return rows[Math.min(5, rows.length - 1)].textContent.trim()",
        )
        .await
        .as_str()
        .unwrap()
        .to_string();
    let word = name.split_whitespace().last().unwrap().to_string();
    println!("typing {word:?} (from {name:?}), {runs} times:");
    let mut per_key: Vec<Vec<f64>> = vec![Vec::new(); word.chars().count()];
    for _ in 0..runs {
        for (i, slot) in per_key.iter_mut().enumerate() {
            let prefix: String = word.chars().take(i + 1).collect();
            let result = app
                .client
                .execute_async(KEYSTROKE, vec![json!(prefix)])
                .await
                .expect("the keystroke script");
            let ms = result["ms"].as_f64().unwrap_or(-1.0);
            if ms == -2.0 {
                // Same results as the previous prefix: nothing to see change, nothing to time.
                println!(
                    "  {prefix:<16} -> {} (unchanged, not timed)",
                    result["count"]
                );
                continue;
            }
            assert!(ms >= 0.0, "results for {prefix:?} never rendered: {result}");
            slot.push(ms);
            if runs == 1 || slot.len() == 1 {
                println!("  {prefix:<16} -> {} ({ms:.0} ms)", result["count"]);
            }
        }
        // Back to the whole list between runs.
        app.set_value("card-search", "").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    for (i, values) in per_key.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
        let prefix: String = word.chars().take(i + 1).collect();
        summary(&format!("  keystroke -> rendered, {prefix:?}"), values);
    }
    summary("  keystroke -> rendered, all keystrokes", &per_key.concat());
    app.screenshot("bench-search-100k").await;
    app.close().await;
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(reason) = kring_e2e::missing() {
        eprintln!("cannot measure: {reason}");
        std::process::exit(2);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    match args.first().map(String::as_str) {
        Some("start") => {
            let runs = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
            runtime.block_on(start(runs));
        }
        Some("search") => {
            let store = PathBuf::from(args.get(1).expect("search STORE [RUNS]"));
            let runs = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(3);
            runtime.block_on(search(store, runs));
        }
        _ => {
            eprintln!("usage: bench_app start [RUNS] | bench_app search STORE [RUNS]");
            std::process::exit(2);
        }
    }
}
