//! The Return-on-Relationship report as one self-contained HTML page: inline CSS and SVG charts,
//! no scripts, no external assets, laid out to print on A4 (and so to PDF). Written in the
//! reader's language (`locales/*/report.ftl`), with dates and numbers as that language writes
//! them; the KPIs' own export (`kpi_csv`, JSON) stays language-neutral for programs.

use super::kpi::{KpiReport, MonthKpis, ScopeKpis};
use super::transparency::TransparencyRegister;
use super::{HealthBand, PartnershipView};
use crate::store::{Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use kring_i18n::{format, t, Language};
use std::path::Path;

/// A report written to a file to hand over: the figures as CSV, or a page to read and print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFile {
    Csv,
    Html,
}

impl ReportFile {
    /// CSV for a `.csv` file, else the page (what the app's save dialogs offer).
    pub fn for_path(path: &Path) -> ReportFile {
        match path.extension() {
            Some(e) if e.eq_ignore_ascii_case("csv") => ReportFile::Csv,
            _ => ReportFile::Html,
        }
    }
}

impl Store {
    /// The name a report's page is headed with: the owner's, as Manager of the Network, in the
    /// reader's language.
    pub fn report_heading(&self, language: Language) -> StoreResult<String> {
        Ok(t!(
            language,
            "report-organisation",
            name = self.require_profile()?.name
        ))
    }

    /// The KPI report as a file's text: every KPI as CSV (language-neutral, for programs), or
    /// the Return-on-Relationship page in `language`. Refused in a demo store, whose figures are
    /// fictional and never leave the machine.
    pub fn kpi_file(
        &self,
        report: &KpiReport,
        file: ReportFile,
        language: Language,
        now: DateTime<Utc>,
    ) -> StoreResult<String> {
        self.refuse_if_demo("exported as a KPI report")?;
        Ok(match file {
            ReportFile::Csv => super::kpi::kpi_csv(report),
            ReportFile::Html => {
                let partnerships = self.partnership_views(now)?;
                render_html(
                    report,
                    &partnerships,
                    &self.report_heading(language)?,
                    language,
                )
            }
        })
    }

    /// The transparency register as a file's text in `language`, to publish. Refused in a demo
    /// store.
    pub fn transparency_file(
        &self,
        register: &TransparencyRegister,
        file: ReportFile,
        language: Language,
    ) -> StoreResult<String> {
        self.refuse_if_demo("exported as a transparency register")?;
        Ok(match file {
            ReportFile::Csv => register.to_csv(language),
            ReportFile::Html => register.to_html(&self.report_heading(language)?, language),
        })
    }
}

pub use crate::text::escape_html;

/// A figure with one decimal at most, or "–" when there is none.
fn number(language: Language, value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format::decimal(language, v, 1))
}

fn percent(language: Language, value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format::percent(language, v))
}

fn count(language: Language, value: impl Into<i64>) -> String {
    format::integer(language, value.into())
}

/// `YYYY-MM` as the month's name and year ("december 2026"); anything else as it is.
fn month_label(language: Language, month: &str) -> String {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").map_or_else(
        |_| month.to_owned(),
        |day| {
            use chrono::Datelike;
            format::month_and_year(language, day.year(), day.month())
        },
    )
}

/// An RFC 3339 moment as its date in words; anything else as it is.
fn generated_label(language: Language, generated: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(generated).map_or_else(
        |_| generated.to_owned(),
        |moment| format::date(language, moment.date_naive()),
    )
}

fn band(language: Language, band: HealthBand) -> String {
    match band {
        HealthBand::Healthy => t!(language, "report-band-healthy"),
        HealthBand::NeedsAttention => t!(language, "report-band-needs-attention"),
        HealthBand::AtRisk => t!(language, "report-band-at-risk"),
    }
}

/// A bar chart of one monthly series, as inline SVG.
fn bar_chart(
    language: Language,
    title: &str,
    months: &[MonthKpis],
    value: impl Fn(&MonthKpis) -> f64,
) -> String {
    let width = 320.0;
    let height = 152.0;
    // The title and the current value on lines of their own: a long title ("Points de
    // défaillance uniques") would run into the value beside it.
    let top = 36.0;
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
            m = month_label(language, &month.month),
            v = format::decimal(language, *v, 1),
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
                m = month_label(language, &month.month),
            ));
        }
    }
    let last = values.last().copied().unwrap_or(0.0);
    format!(
        r##"<figure class="chart"><svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{t}">
<text x="0" y="13" font-size="11" font-weight="600" fill="#1d2433">{t}</text>
<text x="0" y="27" font-size="9.5" fill="#5b6478">{now}</text>
<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#b8bfcc"/>
{bars}</svg></figure>"##,
        t = escape_html(title),
        now = escape_html(&t!(
            language,
            "report-chart-now",
            last = format::decimal(language, last, 1),
            max = format::decimal(language, max, 1)
        )),
        base = height - bottom,
    )
}

fn scope_row(language: Language, scope: &ScopeKpis) -> String {
    let now = scope.months.last().cloned().unwrap_or_default();
    format!(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        escape_html(&scope.scope.name),
        count(language, now.active_relationships),
        count(language, scope.totals.interactions),
        count(language, scope.totals.events),
        count(language, scope.totals.outcomes),
        count(language, now.going_cold),
        percent(language, now.coverage_percent),
        count(language, now.single_points_of_failure),
        number(language, scope.return_on_relationship),
    )
}

fn scope_table(language: Language, title: &str, scopes: &[ScopeKpis]) -> String {
    if scopes.is_empty() {
        return String::new();
    }
    let rows: String = scopes.iter().map(|s| scope_row(language, s)).collect();
    let headings: String = [
        t!(language, "report-name"),
        t!(language, "report-active-relationships"),
        t!(language, "report-interactions"),
        t!(language, "report-events"),
        t!(language, "report-outcomes"),
        t!(language, "report-going-cold"),
        t!(language, "report-coverage"),
        t!(language, "report-single-points-of-failure"),
        t!(language, "report-ror-short"),
    ]
    .iter()
    .map(|heading| format!("<th>{}</th>", escape_html(heading)))
    .collect();
    format!(
        r#"<section><h2>{}</h2><table><thead><tr>{headings}</tr></thead><tbody>
{rows}</tbody></table></section>"#,
        escape_html(title)
    )
}

/// The whole report page, in `language`.
pub fn render_html(
    report: &KpiReport,
    partnerships: &[PartnershipView],
    organisation: &str,
    language: Language,
) -> String {
    let l = language;
    let org = &report.organisation;
    let now = org.months.last().cloned().unwrap_or_default();
    let tiles = [
        (
            t!(l, "report-active-relationships"),
            count(l, now.active_relationships),
        ),
        (
            t!(l, "report-interactions-this-month"),
            count(l, now.interactions),
        ),
        (
            t!(l, "report-priority-coverage"),
            percent(l, now.coverage_percent),
        ),
        (t!(l, "report-going-cold"), count(l, now.going_cold)),
        (
            t!(l, "report-single-points-of-failure"),
            count(l, now.single_points_of_failure),
        ),
        (
            t!(l, "report-outcomes-period"),
            count(l, org.totals.outcomes),
        ),
        (
            t!(l, "report-heading"),
            org.return_on_relationship.map_or_else(
                || "–".into(),
                |value| t!(l, "report-ror-value", value = format::decimal(l, value, 1)),
            ),
        ),
        (
            t!(l, "report-reciprocity"),
            t!(
                l,
                "report-reciprocity-value",
                balance = format!("{:+}", org.reciprocity.balance),
                given = count(l, org.reciprocity.given),
                received = count(l, org.reciprocity.received)
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
        bar_chart(l, &t!(l, "report-active-relationships"), &org.months, |m| {
            f64::from(m.active_relationships)
        }),
        bar_chart(l, &t!(l, "report-chart-interactions"), &org.months, |m| {
            f64::from(m.interactions)
        }),
        bar_chart(l, &t!(l, "report-chart-outcomes"), &org.months, |m| {
            f64::from(m.outcomes)
        }),
        bar_chart(l, &t!(l, "report-chart-coverage"), &org.months, |m| {
            m.coverage_percent.unwrap_or(0.0)
        }),
        bar_chart(l, &t!(l, "report-going-cold"), &org.months, |m| {
            f64::from(m.going_cold)
        }),
        bar_chart(
            l,
            &t!(l, "report-single-points-of-failure"),
            &org.months,
            |m| f64::from(m.single_points_of_failure),
        ),
    ]
    .concat();

    let mut coverage = String::new();
    for goal in &report.coverage {
        let list = |rows: &[super::kpi::CoverageRow]| -> String {
            if rows.is_empty() {
                return format!("<em>{}</em>", escape_html(&t!(l, "report-none")));
            }
            rows.iter()
                .map(|r| {
                    let by = match &r.best {
                        Some(b) if b.active => t!(
                            l,
                            "report-best",
                            networker = b.networker_name.as_str(),
                            strength = b.strength
                        ),
                        Some(b) => t!(
                            l,
                            "report-best-inactive",
                            networker = b.networker_name.as_str(),
                            strength = b.strength
                        ),
                        None => t!(l, "report-no-relationship"),
                    };
                    format!(
                        "<li>{} <span class=\"by\">({})</span></li>",
                        escape_html(&r.name),
                        escape_html(&by)
                    )
                })
                .collect::<String>()
        };
        coverage.push_str(&format!(
            r#"<div class="goal"><h3>{}</h3><div class="cols"><div><h4>{}</h4><ul>{}</ul></div><div><h4>{}</h4><ul>{}</ul></div></div></div>"#,
            escape_html(&t!(
                l,
                "report-goal-covered",
                goal = goal.name.as_str(),
                coverage = percent(l, goal.coverage_percent)
            )),
            escape_html(&t!(l, "report-covered", count = goal.covered.len())),
            list(&goal.covered),
            escape_html(&t!(l, "report-not-covered", count = goal.uncovered.len())),
            list(&goal.uncovered),
        ));
    }

    let mut partnership_rows = String::new();
    for p in partnerships {
        let trend: Vec<String> = p
            .reviews
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    format::date(l, r.review.date),
                    format::decimal(l, r.health, 1)
                )
            })
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
            escape_html(&p.health.map_or_else(
                || t!(l, "report-not-reviewed"),
                |h| format!(
                    "{} ({})",
                    format::decimal(l, h, 1),
                    p.band.map(|b| band(l, b)).unwrap_or_default()
                )
            )),
            escape_html(&trend.join(" → ")),
            escape_html(&p.next_review.map_or_else(
                || "–".into(),
                |d| if p.review_due {
                    t!(l, "report-review-due", date = format::date(l, d))
                } else {
                    format::date(l, d)
                }
            )),
            escape_html(
                &p.red_lines_crossed
                    .iter()
                    .map(|(partner, line)| format!(
                        "{partner}: {}",
                        super::describe_red_line_in(line, l)
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ));
    }
    let partnerships_section = if partnerships.is_empty() {
        String::new()
    } else {
        let headings: String = [
            t!(l, "report-partnership"),
            t!(l, "report-partners"),
            t!(l, "report-health-last"),
            t!(l, "report-health-over-time"),
            t!(l, "report-next-review"),
            t!(l, "report-red-lines-crossed"),
        ]
        .iter()
        .map(|heading| format!("<th>{}</th>", escape_html(heading)))
        .collect();
        format!(
            r#"<section><h2>{}</h2><table><thead><tr>{headings}</tr></thead><tbody>
{partnership_rows}</tbody></table></section>"#,
            escape_html(&t!(l, "report-partnerships"))
        )
    };
    let definitions: String = [
        (t!(l, "report-def-active-term"), t!(l, "report-def-active")),
        (
            t!(l, "report-def-healthy-term"),
            t!(l, "report-def-healthy"),
        ),
        (
            t!(l, "report-priority-coverage"),
            t!(l, "report-def-coverage"),
        ),
        (t!(l, "report-going-cold"), t!(l, "report-def-going-cold")),
        (
            t!(l, "report-def-counted-term"),
            t!(l, "report-def-counted"),
        ),
        (
            t!(l, "report-single-points-of-failure"),
            t!(l, "report-def-single-points"),
        ),
        (t!(l, "report-reciprocity"), t!(l, "report-def-reciprocity")),
        (t!(l, "report-heading"), t!(l, "report-def-ror")),
    ]
    .iter()
    .map(|(term, text)| {
        format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape_html(term),
            escape_html(text)
        )
    })
    .collect();

    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>
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
<h1>{ror}</h1>
<p class="meta">{meta}</p>
<section><h2>{now_heading}</h2><div class="tiles">{tiles}</div></section>
<section><h2>{months_heading}</h2><div class="charts">{charts}</div></section>
<section><h2>{coverage_heading}</h2>{coverage}</section>
{goals}{teams}{partnerships_section}{networkers}
<section><h2>{definitions_heading}</h2><dl>
{definitions}</dl></section>
</body></html>
"#,
        lang = l.locale_tag(),
        title = escape_html(&t!(l, "report-title", organisation = organisation)),
        ror = escape_html(&t!(l, "report-heading-long")),
        meta = escape_html(&t!(
            l,
            "report-meta",
            organisation = organisation,
            from = format::date(l, report.from),
            to = format::date(l, report.to),
            generated = generated_label(l, &report.generated_at)
        )),
        now_heading = escape_html(&t!(l, "report-now")),
        months_heading = escape_html(&t!(l, "report-month-by-month")),
        coverage_heading = escape_html(&t!(l, "report-goals-covered")),
        definitions_heading = escape_html(&t!(l, "report-definitions")),
        goals = scope_table(l, &t!(l, "report-per-goal"), &report.goals),
        teams = scope_table(l, &t!(l, "report-per-team"), &report.teams),
        networkers = scope_table(l, &t!(l, "report-per-networker"), &report.networkers),
    )
}
