/**
 * The dashboard page shell and stylesheet, as static text: no template engine and no API data are ever
 * interpolated here (the client module fills the page with DOM APIs). Paths are relative so the page also
 * works behind a stage prefix (/prod/app → /prod/app/app.js, /prod/me).
 */
export const APP_HTML = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,"><!-- no favicon request (it would hit the authenticated API and log a 401) -->
<title>IRO Partnership dashboards</title>
<link rel="stylesheet" href="app/app.css">
<script type="module" src="app/app.js"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="width site-header__inner">
    <span class="site-header__brand">IRO Partnership Platform</span>
    <span id="who" class="site-header__who"></span>
    <button id="sign-out" class="button button--secondary" type="button" hidden>Sign out</button>
  </div>
</header>
<div class="width">
  <main id="main" tabindex="-1">
    <h1 id="page-title">Dashboards</h1>
    <form id="year-form" class="year-form" method="get" action="app" hidden>
      <label for="year">Collection year (ending 31 March)</label>
      <select id="year" name="year"></select>
      <button class="button" type="submit">Show year</button>
    </form>
    <div id="status" class="status" role="status" aria-live="polite">Loading…</div>
    <div id="content"></div>
    <noscript><p class="error-summary">This dashboard needs JavaScript.</p></noscript>
  </main>
</div>
<footer class="site-footer">
  <div class="width">
    <p>Symbols (DfE convention): <strong>c</strong> suppressed to protect confidentiality (a count of 1 to 5, or a
    cell that would reveal one); <strong>x</strong> not available. Regional and England counts are rounded to the
    nearest 10; percentages are whole numbers.</p>
  </div>
</footer>
</body>
</html>
`;

/** GOV.UK-like: system fonts only (no network), 4.5:1+ contrast, visible yellow focus, tabular figures. */
export const APP_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 16px; line-height: 1.35; color: #0b0c0c; background: #fff; }
body { margin: 0; }
[hidden] { display: none !important; } /* components below set display; hidden must still win */
.width { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
a { color: #1d70b8; }
a:focus, button:focus, select:focus, summary:focus, [tabindex]:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 4px #0b0c0c; }
#main:focus { box-shadow: none; outline: none; }
.skip-link { position: absolute; left: -9999px; top: 0; background: #ffdd00; color: #0b0c0c; padding: 8px 12px; }
.skip-link:focus { left: 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }
.site-header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; }
.site-header__inner { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; min-height: 60px; padding-top: 8px; padding-bottom: 8px; }
.site-header__brand { font-weight: 700; font-size: 1.25rem; }
.site-header__who { flex: 1; }
.site-footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; margin-top: 40px; padding: 16px 0 24px; font-size: 0.9rem; }
h1 { font-size: 2rem; margin: 32px 0 8px; }
h2 { font-size: 1.5rem; margin: 40px 0 12px; }
h3 { font-size: 1.2rem; margin: 24px 0 8px; }
.lede { font-size: 1.1rem; color: #0b0c0c; margin: 0 0 16px; }
.meta { color: #505a5f; margin: 0 0 16px; }
.button { font: inherit; font-weight: 700; background: #00703c; color: #fff; border: 0; border-bottom: 2px solid #002d18; padding: 6px 12px; cursor: pointer; }
.button--secondary { background: #f3f2f1; color: #0b0c0c; border-bottom-color: #929191; }
.year-form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 16px 0; }
.year-form label { font-weight: 700; }
select { font: inherit; padding: 4px 8px; border: 2px solid #0b0c0c; background: #fff; min-width: 9em; }
.status:empty { display: none; }
.status { margin: 16px 0; color: #505a5f; }
.error-summary { border: 5px solid #d4351c; padding: 16px 20px; margin: 24px 0; }
.error-summary h2 { margin-top: 0; }
.error-summary code { background: #f3f2f1; padding: 2px 4px; word-break: break-all; }
.table-wrap { overflow-x: auto; margin: 0 0 24px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding: 0 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 8px 12px 8px 0; border-bottom: 1px solid #b1b4b6; }
thead th { border-bottom: 2px solid #0b0c0c; }
td.num, th.num { text-align: right; padding-left: 12px; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #0b0c0c; }
.hint { display: block; font-weight: 400; color: #505a5f; font-size: 0.875rem; }
.detail { display: block; color: #505a5f; font-size: 0.875rem; }
.sym { font-weight: 700; text-decoration: underline dotted; cursor: help; }
.tag { display: inline-block; background: #d4351c; color: #fff; font-weight: 700; padding: 2px 8px; font-size: 0.875rem; }
.tag--ok { background: #00703c; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; margin: 16px 0 8px; padding: 0; list-style: none; }
.card { border-left: 5px solid #1d70b8; background: #f3f2f1; padding: 12px 16px; min-width: 12em; }
.card__value { display: block; font-size: 2rem; font-weight: 700; }
.card__label { display: block; }
figure { margin: 0 0 24px; }
figcaption { font-weight: 700; margin-bottom: 8px; }
svg.chart { max-width: 100%; height: auto; }
svg.chart text { font-family: Arial, sans-serif; font-size: 14px; fill: #0b0c0c; }
svg.chart rect.bar { fill: #1d70b8; }
details { margin: 0 0 24px; }
summary { cursor: pointer; color: #1d70b8; font-weight: 700; }
.two-col { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0 32px; }
`;
