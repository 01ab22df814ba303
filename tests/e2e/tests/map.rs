//! The network map and the stakeholder grid end to end: the Manager of the Network with the demo
//! network opens the map, searches a node and focuses on it, finds a warm introduction and sees
//! its steps, and places a rating on the stakeholder grid. Screenshots in target/e2e-screenshots/
//! (`map-*.png`).
//!
//! Both tests print `measure:` lines: the layout time and the render cost of a frame (see
//! `measure`). `KRING_MAP_STORE=/copy/of/a/big/store` also measures, in the real window, the map
//! of its 10,000 most central nodes (the figures are in docs/performance.md). Give it a copy: the
//! app writes to the store it opens.

use std::time::{Duration, Instant};

use kring_e2e::steps::manager_with_demo;
use kring_e2e::{launch_app, run, App, Session};

/// Waits (up to two minutes: the machine may be busy) until ForceAtlas2 has finished on the map
/// now on screen (the status reads "layout N s" and the canvas's own layout state says
/// finished); returns that text.
async fn layout_finished(app: &App) -> String {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let texts = app.texts("map-layout").await;
        let settled = app
            .js("return !!(window.__kringMap && window.__kringMap.layout.finished)")
            .await
            .as_bool()
            .unwrap_or(false);
        if let Some(done) = texts.iter().find(|s| s.starts_with("layout")) {
            if settled {
                return done.clone();
            }
        }
        assert!(
            Instant::now() < deadline,
            "the layout did not finish in two minutes: {texts:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Clicks the first element with this test id whose text contains `text`.
async fn click_with_text(app: &App, testid: &str, text: &str) {
    let texts = app
        .wait_texts(testid, &format!("{text:?}"), |t| {
            t.iter().any(|s| s.contains(text))
        })
        .await;
    let index = texts.iter().position(|s| s.contains(text)).unwrap();
    app.all(testid)
        .await
        .into_iter()
        .nth(index)
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn the_manager_maps_the_network_finds_an_introduction_and_rates_a_stakeholder() {
    run("map", |session: Session| async move {
        let app =
            manager_with_demo(&session, "mia", "Mia Janssens", "mia.janssens@stad.gent").await;

        app.click("nav-map").await;
        app.wait("map-canvas").await;
        let count = app
            .wait_texts("map-node-count", "a node count", |t| {
                t.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()))
            })
            .await
            .remove(0);
        println!("map: {count}");
        let layout = layout_finished(&app).await;
        println!("map: {layout}");
        // Below 20,000 ties every tie is drawn: no note says otherwise.
        assert!(!app.present("map-ties-drawn").await);
        app.screenshot("map-01-overview").await;

        // Search a node and focus on its neighbourhood.
        app.type_into("map-search", "Port of Antw").await;
        click_with_text(&app, "map-search-option", "Port of Antwerp").await;
        tokio::time::sleep(Duration::from_millis(900)).await;
        app.screenshot("map-02-focus").await;

        // A warm introduction from me to a stakeholder.
        app.select("map-path-from", "me").await;
        app.type_into("map-path-to", "Universiteit Antw").await;
        click_with_text(&app, "map-path-to-option", "Universiteit Antwerpen").await;
        app.click("map-path-run").await;
        let steps = app
            .wait_texts("map-path-step", "the steps of an introduction", |t| {
                t.len() >= 2
            })
            .await;
        println!("path: {}", steps.join(" → "));
        assert_eq!(
            steps.last().map(String::as_str),
            Some("Universiteit Antwerpen")
        );
        tokio::time::sleep(Duration::from_millis(600)).await;
        app.screenshot("map-03-path").await;

        // Colour by sector, in the dark theme.
        app.js("document.documentElement.dataset.theme = 'dark'")
            .await;
        app.select("map-colour-by", "sector").await;
        app.click("map-path-run").await; // unchanged path, redrawn in the dark
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.screenshot("map-04-dark-sector").await;
        app.js("delete document.documentElement.dataset.theme")
            .await;

        // The stakeholder grid: place a rating.
        app.click("map-tab-grid").await;
        app.set_value("grid-theme", "Port expansion").await;
        app.type_into("grid-add", "Port of Antw").await;
        click_with_text(&app, "grid-add-option", "Port of Antwerp").await;
        app.wait_text("grid-stakeholder", "Port of Antwerp").await;
        app.wait_css(
            "[data-testid=grid-cell][data-power='5'][data-interest='4']:not([disabled])",
            "a grid cell to click",
        )
        .await
        .click()
        .await
        .expect("click the grid cell");
        let rating = app
            .wait_css(
                "[data-testid=grid-rating][data-power='5'][data-interest='4']",
                "the rating placed",
            )
            .await;
        assert!(rating
            .attr("class")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("mine"));
        app.wait_text("grid-stakeholder", "1 rating").await;
        app.screenshot("map-05-grid").await;

        // The render cost of a frame of the demo map, for docs/performance.md.
        app.click("map-tab-map").await;
        app.wait("map-canvas").await;
        layout_finished(&app).await;
        measure(&app).await;
    });
}

#[test]
#[ignore = "end to end: needs a display, tauri-driver and the built app (scripts/e2e.sh)"]
fn the_map_of_ten_thousand_nodes_stays_interactive() {
    let Some(store) = std::env::var_os("KRING_MAP_STORE") else {
        println!("skipped: set KRING_MAP_STORE to a copy of a large store to measure the map");
        return;
    };
    run("map_measure", |session: Session| async move {
        let xdg = session.folder().join("xdg-data");
        std::fs::create_dir_all(&xdg).unwrap();
        let app = launch_app(std::path::Path::new(&store), &xdg, "map_measure").await;
        app.wait("nav-map").await;
        app.click("nav-map").await;
        let asked = Instant::now();
        app.select("map-limit", "10000").await;
        // Reading and analysing a 100,000-card store takes seconds (more on a busy machine).
        let deadline = Instant::now() + Duration::from_secs(300);
        let count = loop {
            let texts = app.texts("map-node-count").await;
            if let Some(t) = texts.into_iter().find(|t| t.starts_with("10,")) {
                break t;
            }
            assert!(
                Instant::now() < deadline,
                "no 10,000-node map in five minutes"
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        println!(
            "measure: {count} on screen {:.1} s after opening the map",
            asked.elapsed().as_secs_f64()
        );
        let started = Instant::now();
        let layout = layout_finished(&app).await;
        println!(
            "measure: {layout} (waited {:.1} s)",
            started.elapsed().as_secs_f64()
        );
        // Above 20,000 ties only the strongest are drawn, and the map says so.
        let note = app.wait_text("map-ties-drawn", "strongest").await;
        let legend = app.wait_text("map-legend-ties", "strongest").await;
        println!("measure: {note}; legend: {legend}");
        app.screenshot("map-10-ten-thousand").await;
        measure(&app).await;
        app.screenshot("map-11-ten-thousand-moved").await;
        // A focus draws every tie of the neighbourhood (as quads): the note goes.
        app.type_into("map-search", "Jef Smets").await;
        click_with_text(&app, "map-search-option", "Jef Smets").await;
        app.wait_gone("map-ties-drawn").await;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        app.screenshot("map-12-ten-thousand-focus").await;
        app.close().await;
    });
}

/// The render cost of a frame in the real window (`timeFrames` in ui/src/lib/map-timing.ts):
/// sigma's synchronous render timed until the GPU (here the software rasteriser) has finished,
/// with the camera moved between frames; with ties, without ties (as while dragging a large map)
/// and after restyling every node and tie (hover, focus, a filter). Then the frames that reach
/// the screen (requestAnimationFrame): with nothing moving (the window's own rate), with the
/// camera set every frame, and during animated camera moves. Measuring never fails the test: a
/// slow machine prints why instead.
async fn measure(app: &App) {
    use fantoccini::wd::TimeoutConfiguration;
    let script = r#"
        const done = arguments[arguments.length - 1];
        const map = window.__kringMap;
        if (!map || !map.timeFrames) { done({ error: 'no map' }); return; }
        const camera = map.sigma.getCamera();
        // Frames on screen, from requestAnimationFrame: their rate and the gaps between them.
        const onScreen = (frames) => {
            const gaps = frames.slice(1).map((f, i) => f - frames[i]).sort((a, b) => a - b);
            const span = (frames[frames.length - 1] - frames[0]) / 1000;
            return { frames: frames.length, fps: span > 0 ? +((frames.length - 1) / span).toFixed(2) : 0,
                     median_ms: gaps.length ? +gaps[Math.floor(gaps.length / 2)].toFixed(1) : 0,
                     p95_ms: gaps.length ? +gaps[Math.floor(gaps.length * 0.95)].toFixed(1) : 0 };
        };
        const during = (ms, each) => new Promise((resolve) => {
            const frames = [];
            const start = performance.now();
            function tick(now) {
                frames.push(now);
                if (each) each((now - start) / 1000);
                if (now - start < ms) requestAnimationFrame(tick); else resolve(onScreen(frames));
            }
            requestAnimationFrame(tick);
        });
        (async () => {
            try {
                // The window's own rate with nothing moving.
                const idle = await during(3000);
                // The render cost of one frame, timed synchronously.
                const t = await map.timeFrames({ frames: 30, budgetMs: 25000 });
                // Frames on screen while the camera pans and zooms every frame (ties drawn).
                const panned = await during(3000, (s) => camera.setState({
                    x: 0.5 + 0.3 * Math.cos(s), y: 0.5 + 0.3 * Math.sin(s), ratio: 0.6 + 0.4 * Math.sin(1.7 * s) }));
                // Frames on screen during animated moves, as a wheel zoom or a fit runs them (the
                // map's own settings: ties hidden while moving above 20,000 ties).
                let k = 0, moving = true;
                const hop = () => { if (!moving) return; k++;
                    camera.animate({ x: 0.5 + 0.3 * Math.cos(k), y: 0.5 + 0.3 * Math.sin(k),
                                     ratio: 0.5 + 0.4 * Math.abs(Math.sin(k)) }, { duration: 800 }).then(hop); };
                hop();
                const animated = await during(3000);
                moving = false;
                camera.setState({ x: 0.5, y: 0.5, ratio: 1 });
                done({ ...t, raf_idle: idle, raf_panned: panned, raf_animated: animated, layout: map.layout });
            } catch (e) { done({ error: String(e) }); }
        })();
    "#;
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(180)), None, None);
    if let Err(e) = app.client.update_timeouts(timeouts).await {
        println!("measure: could not allow a long script: {e}");
    }
    let result = match app.client.execute_async(script, vec![]).await {
        Ok(result) => result,
        Err(e) => {
            println!("measure: could not time the frames: {e}");
            return;
        }
    };
    println!("measure: {result}");
    if result.get("error").is_some() {
        return;
    }
    let line = |kind: &str| {
        let k = &result[kind];
        format!(
            "median {} ms (JavaScript {} ms), p95 {} ms, {} frames: {} fps",
            k["median_ms"], k["js_median_ms"], k["p95_ms"], k["frames"], k["fps"]
        )
    };
    println!(
        "measure: {} nodes, {} ties on {}",
        result["nodes"], result["ties"], result["renderer"]
    );
    println!("measure: frame with ties:    {}", line("with_ties"));
    println!("measure: frame without ties: {}", line("without_ties"));
    println!("measure: restyle and draw:   {}", line("restyle"));
    let shown = |kind: &str| {
        let k = &result[kind];
        format!(
            "{} fps (frame gap median {} ms, p95 {} ms)",
            k["fps"], k["median_ms"], k["p95_ms"]
        )
    };
    println!(
        "measure: on screen, nothing moving:       {}",
        shown("raf_idle")
    );
    println!(
        "measure: on screen, camera set each frame: {}",
        shown("raf_panned")
    );
    println!(
        "measure: on screen, animated camera moves: {}",
        shown("raf_animated")
    );
}
