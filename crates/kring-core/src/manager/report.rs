//! The Return-on-Relationship report as one self-contained HTML page: inline CSS and SVG charts,
//! no scripts, no external assets, laid out to print on A4 (and so to PDF).

use super::kpi::{KpiReport, MonthKpis, ScopeKpis};
use super::PartnershipView;

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn fmt_opt(value: Option<f64>, suffix: &str) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v}{suffix}"))
}

/// A bar chart of one monthly series, as inline SVG.
fn bar_chart(title: &str, months: &[MonthKpis], value: impl Fn(&MonthKpis) -> f64) -> String {
    let width = 320.0;
    let height = 140.0;
    let top = 22.0;
    let bottom = 20.0;
    let values: Vec<f64> = months.iter().map(&value).collect();
    let max = values.iter().copied().fold(0.0_f64, f64::max).max(1.0);
    let slot = width / values.len().max(1) as f64;
    let mut bars = String::new();
    for (i, (v, month)) in values.iter().zip(months).enumerate() {
        let h = (height - top - bottom) * v / max;
        let x = i as f64 * slot + slot * 0.15;
        let y = height - bottom - h;
        bars.push_str(&format!(
            r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="#3b6fb6"><title>{m}: {v}</title></rect>"##,
            w = slot * 0.7,
            m = month.month,
        ));
        if i == 0 || i + 1 == values.len() {
            // The first label starts at the left edge, the last ends at the right one.
            let (tx, anchor) = if i == 0 {
                (0.0, "start")
            } else {
                (width, "end")
            };
            bars.push_str(&format!(
                r##"<text x="{tx:.1}" y="{ty}" font-size="9" text-anchor="{anchor}" fill="#5b6478">{m}</text>"##,
                ty = height - 6.0,
                m = month.month,
            ));
        }
    }
    let last = values.last().copied().unwrap_or(0.0);
    format!(
        r##"<figure class="chart"><svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{t}">
<text x="0" y="13" font-size="11" font-weight="600" fill="#1d2433">{t}</text>
<text x="{width}" y="13" font-size="11" text-anchor="end" fill="#1d2433">now: {last} (max {max})</text>
<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#b8bfcc"/>
{bars}</svg></figure>"##,
        t = escape_html(title),
        base = height - bottom,
    )
}

fn scope_row(scope: &ScopeKpis) -> String {
    let now = scope.months.last().cloned().unwrap_or_default();
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape_html(&scope.scope.name),
        now.active_relationships,
        scope.totals.interactions,
        scope.totals.events,
        scope.totals.outcomes,
        now.going_cold,
        fmt_opt(now.coverage_percent, " %"),
        now.single_points_of_failure,
        fmt_opt(scope.return_on_relationship, ""),
    )
}

fn scope_table(title: &str, scopes: &[ScopeKpis]) -> String {
    if scopes.is_empty() {
        return String::new();
    }
    let rows: String = scopes.iter().map(scope_row).collect();
    format!(
        r#"<section><h2>{}</h2><table><thead><tr><th>Name</th><th>Active relationships</th><th>Interactions</th><th>Events</th><th>Outcomes</th><th>Going cold</th><th>Coverage</th><th>Single points of failure</th><th>RoR</th></tr></thead><tbody>
{rows}</tbody></table></section>"#,
        escape_html(title)
    )
}

/// The whole report page.
pub fn render_html(
    report: &KpiReport,
    partnerships: &[PartnershipView],
    organisation: &str,
) -> String {
    let org = &report.organisation;
    let now = org.months.last().cloned().unwrap_or_default();
    let tiles = [
        ("Active relationships", now.active_relationships.to_string()),
        ("Interactions this month", now.interactions.to_string()),
        ("Priority coverage", fmt_opt(now.coverage_percent, " %")),
        ("Going cold", now.going_cold.to_string()),
        (
            "Single points of failure",
            now.single_points_of_failure.to_string(),
        ),
        ("Outcomes (period)", org.totals.outcomes.to_string()),
        (
            "Return-on-Relationship",
            fmt_opt(org.return_on_relationship, " outcomes / 100 contacts"),
        ),
        (
            "Reciprocity balance",
            format!(
                "{:+} (given {}, received {})",
                org.reciprocity.balance, org.reciprocity.given, org.reciprocity.received
            ),
        ),
    ];
    let tiles: String = tiles
        .iter()
        .map(|(label, value)| {
            format!(
                r#"<div class="tile"><div class="label">{}</div><div class="value">{}</div></div>"#,
                escape_html(label),
                escape_html(value)
            )
        })
        .collect();
    let charts = [
        bar_chart("Active relationships", &org.months, |m| {
            f64::from(m.active_relationships)
        }),
        bar_chart("Interactions per month", &org.months, |m| {
            f64::from(m.interactions)
        }),
        bar_chart("Outcomes recorded", &org.months, |m| f64::from(m.outcomes)),
        bar_chart("Priority coverage (%)", &org.months, |m| {
            m.coverage_percent.unwrap_or(0.0)
        }),
        bar_chart("Going cold", &org.months, |m| f64::from(m.going_cold)),
        bar_chart("Single points of failure", &org.months, |m| {
            f64::from(m.single_points_of_failure)
        }),
    ]
    .concat();

    let mut coverage = String::new();
    for goal in &report.coverage {
        let list = |rows: &[super::kpi::CoverageRow]| -> String {
            if rows.is_empty() {
                return "<em>none</em>".into();
            }
            rows.iter()
                .map(|r| {
                    let by = r
                        .best
                        .as_ref()
                        .map(|b| {
                            format!(
                                " <span class=\"by\">({}, strength {}{})</span>",
                                escape_html(&b.networker_name),
                                b.strength,
                                if b.active { "" } else { ", not active" }
                            )
                        })
                        .unwrap_or_else(|| " <span class=\"by\">(no relationship)</span>".into());
                    format!("<li>{}{by}</li>", escape_html(&r.name))
                })
                .collect::<String>()
        };
        coverage.push_str(&format!(
            r#"<div class="goal"><h3>{} — {} covered</h3><div class="cols"><div><h4>Covered ({})</h4><ul>{}</ul></div><div><h4>Not covered ({})</h4><ul>{}</ul></div></div></div>"#,
            escape_html(&goal.name),
            fmt_opt(goal.coverage_percent, " %"),
            goal.covered.len(),
            list(&goal.covered),
            goal.uncovered.len(),
            list(&goal.uncovered),
        ));
    }

    let mut partnership_rows = String::new();
    for p in partnerships {
        let trend: Vec<String> = p
            .reviews
            .iter()
            .map(|r| format!("{} {:.1}", r.review.date, r.health))
            .collect();
        partnership_rows.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape_html(&p.partnership.name),
            escape_html(
                &p.partners
                    .iter()
                    .map(|n| n.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            p.health
                .map(|h| format!(
                    "{h:.1} ({})",
                    p.band.map(|b| b.as_str()).unwrap_or_default()
                ))
                .unwrap_or_else(|| "not reviewed".into()),
            escape_html(&trend.join(" → ")),
            p.next_review
                .map(|d| format!("{d}{}", if p.review_due { " (due)" } else { "" }))
                .unwrap_or_else(|| "–".into()),
            escape_html(&p.red_line_warnings.join("; ")),
        ));
    }
    let partnerships_section = if partnerships.is_empty() {
        String::new()
    } else {
        format!(
            r#"<section><h2>Partnerships</h2><table><thead><tr><th>Partnership</th><th>Partners</th><th>Health (last review)</th><th>Health over time</th><th>Next review</th><th>Red lines crossed</th></tr></thead><tbody>
{partnership_rows}</tbody></table></section>"#
        )
    };

    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Return-on-Relationship report — {org_name}</title>
<style>
body {{ font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #1d2433; }}
h1 {{ font-size: 20pt; margin: 0; }} h2 {{ font-size: 14pt; border-bottom: 2px solid #3b6fb6; padding-bottom: .2em; margin-top: 1.6em; }}
h3 {{ font-size: 11.5pt; margin: .8em 0 .3em; }} h4 {{ font-size: 10pt; margin: .3em 0; color: #5b6478; }}
p.meta {{ color: #5b6478; margin-top: .2em; }}
.tiles {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: .6em; }}
.tile {{ border: 1px solid #d9dde6; border-radius: 6px; padding: .5em .7em; }}
.tile .label {{ font-size: 8.5pt; color: #5b6478; text-transform: uppercase; letter-spacing: .03em; }}
.tile .value {{ font-size: 13pt; font-weight: 600; }}
.charts {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: .8em; }}
figure.chart {{ margin: 0; page-break-inside: avoid; }} figure.chart svg {{ width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; }}
th, td {{ text-align: left; vertical-align: top; padding: .3em .45em; border-bottom: 1px solid #d9dde6; }}
th {{ background: #eef1f6; }} tr, .goal {{ page-break-inside: avoid; }}
.cols {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }} ul {{ margin: 0; padding-left: 1.2em; }}
.by {{ color: #5b6478; }} dt {{ font-weight: 600; }} dd {{ margin: 0 0 .4em 0; }}
@page {{ size: A4; margin: 1.5cm; }}
@media print {{ body {{ margin: 0; }} section {{ page-break-inside: auto; }} }}
</style></head><body>
<h1>Return-on-Relationship</h1>
<p class="meta">{org_name} · {from} to {to} · generated {generated} · definitions in docs/kpis.md and at the end of this report</p>
<section><h2>Now</h2><div class="tiles">{tiles}</div></section>
<section><h2>Month by month</h2><div class="charts">{charts}</div></section>
<section><h2>Goals: priority stakeholders covered</h2>{coverage}</section>
{goals}{teams}{partnerships_section}{networkers}
<section><h2>How the numbers are made</h2><dl>
<dt>Active relationship</dt><dd>Status active, its networker has not left, and the last contact (an interaction or event both took part in, or the recorded last contact) is no older than its keep-in-touch cadence, or 90 days without one.</dd>
<dt>Healthy</dt><dd>Active and of strength 3 or more.</dd>
<dt>Priority coverage</dt><dd>Priority stakeholders (of goals not dropped) with at least one healthy relationship, as a share of all of them.</dd>
<dt>Going cold</dt><dd>Status active, a cadence set, and no contact within the cadence.</dd>
<dt>Interactions, events, outcomes</dt><dd>Counted in the month they happened; outcomes are those recorded on interactions and events.</dd>
<dt>Single points of failure</dt><dd>Stakeholders that exactly one networker (who has not left) has a current relationship with.</dd>
<dt>Reciprocity balance</dt><dd>Items given minus items received over current relationships.</dd>
<dt>Return-on-Relationship</dt><dd>Outcomes recorded per 100 contacts (interactions and events) over the period.</dd>
</dl></section>
</body></html>
"#,
        org_name = escape_html(organisation),
        from = report.from,
        to = report.to,
        generated = report.generated_at,
        goals = scope_table("Per goal", &report.goals),
        teams = scope_table("Per Networking Team", &report.teams),
        networkers = scope_table("Per networker", &report.networkers),
    )
}
