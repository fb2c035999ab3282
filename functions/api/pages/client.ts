/**
 * The dashboard client: one plain ES module served as static text (no bundler, no framework, no CDN).
 * Every string that comes from the API is written with textContent / setAttribute, never innerHTML.
 * Kept free of backticks and "${" so it can live in this String.raw template verbatim.
 */
export const APP_JS = String.raw`
const TOKEN_KEY = 'iro.dashboard.token';
const NS = 'http://www.w3.org/2000/svg';
const nf = new Intl.NumberFormat('en-GB');
const $ = (id) => document.getElementById(id);

// ---------- DOM helpers (the only way anything reaches the page) ----------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}
function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.setAttribute('class', String(value));
    else node.setAttribute(name, String(value));
  }
}
function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// ---------- token: from the fragment once, then sessionStorage ----------
function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromLink = fragment.get('token');
  if (fromLink) {
    sessionStorage.setItem(TOKEN_KEY, fromLink.trim());
    // replaceState rewrites the current history entry, so the token is not left in history or bookmarks.
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Claims read WITHOUT verification, only to suggest the right "npm run cli -- token" command. */
function unverifiedClaims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part + '='.repeat((4 - (part.length % 4)) % 4)));
  } catch {
    return {};
  }
}

class ApiFailure extends Error {
  constructor(status, code, message, requestId) {
    super(message);
    this.status = status;
    this.code = code;
    this.requestId = requestId;
  }
}

let token = null;
async function api(path) {
  let res;
  try {
    // Relative: works behind an API stage prefix. no-cache revalidates with the ETag (cheap 304s) so a
    // cached dashboard of another sign-in in this tab is never shown.
    res = await fetch(path, { headers: { authorization: 'Bearer ' + token, accept: 'application/json' }, cache: 'no-cache' });
  } catch (error) {
    throw new ApiFailure(0, 'network', 'The platform could not be reached: ' + error.message, null);
  }
  const requestId = res.headers.get('x-request-id');
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    const problem = body || {}; // RFC 9457 problem details
    throw new ApiFailure(res.status, problem.code || 'http_' + res.status, problem.detail || res.statusText, requestId);
  }
  return body;
}

// ---------- values: numbers, suppressed cells ("c") and not available ("x") ----------
function isSuppressed(v) {
  return v !== null && typeof v === 'object' && v.suppressed === 'c';
}
function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}
/** A DfE symbol: visible letter, explanation as a tooltip and as text for screen readers. */
function symbol(letter, explanation) {
  const frag = document.createDocumentFragment();
  frag.append(el('abbr', { class: 'sym', 'data-symbol': letter, title: explanation }, letter));
  frag.append(el('span', { class: 'visually-hidden' }, ' (' + explanation + ')'));
  return frag;
}
function notAvailable() {
  return symbol('x', 'not available');
}
/** A count: a number, a suppressed cell or null. Anything else is "x": never guess a number. */
function countNode(v) {
  if (isSuppressed(v)) return symbol('c', 'suppressed: ' + (typeof v.reason === 'string' ? v.reason : 'disclosure control'));
  if (isNum(v)) return document.createTextNode(nf.format(v));
  return notAvailable();
}
function decimalNode(v) {
  if (isNum(v)) return document.createTextNode(v.toFixed(1));
  return countNode(v);
}
function percentNode(v) {
  if (isNum(v)) return document.createTextNode(nf.format(v) + '%');
  return countNode(v);
}
/** LA ratios carry rate (0-1); published ones a whole percent. Both become { numerator, denominator, percent }. */
function normaliseRatio(r) {
  if (!r || typeof r !== 'object' || isSuppressed(r)) return null;
  if ('percent' in r) return r;
  return { numerator: r.numerator, denominator: r.denominator, percent: isNum(r.rate) ? Math.round(r.rate * 100) : null };
}
function ratioNode(r) {
  const ratio = normaliseRatio(r);
  const absent = (v) => v === null || v === undefined;
  // Nothing at all for this unit (e.g. a region with no data): one "x", not "x of x".
  if (!ratio || (absent(ratio.percent) && absent(ratio.numerator) && absent(ratio.denominator))) return notAvailable();
  const frag = document.createDocumentFragment();
  frag.append(percentNode(ratio.percent));
  frag.append(el('span', { class: 'detail' }, countNode(ratio.numerator), ' of ', countNode(ratio.denominator)));
  return frag;
}
function valueNode(kind, v) {
  if (kind === 'ratio') return ratioNode(v);
  if (kind === 'decimal') return decimalNode(v);
  return countNode(v);
}
/** Reads a path safely: a missing comparator or field renders as "x", not as an exception. */
function pick(object, get) {
  try { return object ? get(object) : undefined; } catch { return undefined; }
}

// ---------- labels ----------
const ROLE_LABELS = {
  iro: 'IRO', iro_manager: 'IRO manager', regional_chair: 'Regional chair', national: 'National', platform_admin: 'Platform admin',
};
const REASONS = {
  CARPL: 'Care plan change or implementation', CLOSE: 'Provider resigned or closed', ALLEG: 'Allegation (s47 enquiry)',
  STAND: 'Concerns about standards of care', APPRR: 'Carer approval removed', CREQB: 'Carer request: behaviour of the child',
  CREQO: 'Carer request: other reasons', CHILD: 'Child requested the move', LAREQ: 'Responsible or area authority requested',
  PLACE: 'Change of placement status', CUSTOD: 'Custody arrangement', OTHER: 'Other', NONE: 'No reason recorded',
};
const PARTICIPATION = {
  PN0: 'Child under 4', PN1: 'Attends and speaks for self', PN2: 'Attends, an advocate speaks', PN3: 'Attends, conveys views non-verbally',
  PN4: 'Attends, no views conveyed', PN5: 'Does not attend, briefs an advocate', PN6: 'Does not attend, views conveyed by a facilitative medium',
  PN7: 'Does not attend, no views conveyed',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof iso === 'string' ? iso : '');
  return m ? Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1] : 'unknown date';
}
function dateTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'unknown' : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

// The measures compared side by side. get() reads LA metrics (LaMetrics) and published ones alike.
const KEY_MEASURES = [
  { id: 'cla', label: 'Children looked after at 31 March', short: 'Looked after', kind: 'count', get: (m) => m.cla.count },
  { id: 'cla-year', label: 'Looked after at any time in the year', short: 'In the year', kind: 'count', get: (m) => m.cla.duringYear },
  { id: 'short-term', label: 'Short-term stability: 3 or more placements in the year', short: '3+ placements', hint: 'of children looked after at 31 March; lower is better', kind: 'ratio', get: (m) => m.shortTermStability },
  { id: 'long-term', label: 'Long-term stability: same placement for 2 years or more', short: 'Long-term stability', hint: 'children under 16 looked after for 2.5 years or more; higher is better', kind: 'ratio', get: (m) => m.longTermStability },
  { id: 'long-term-carer', label: 'Long-term stability, living with the same carer', hint: 'same-carer changes do not break a placement', kind: 'ratio', get: (m) => m.longTermStabilitySameCarer },
  { id: 'moves-1', label: 'Children with 1 or more placement moves', short: '1+ moves', hint: 'of children looked after in the year', kind: 'ratio', get: (m) => m.placementMoves.oneOrMore },
  { id: 'moves-2', label: 'Children with 2 or more placement moves', kind: 'ratio', get: (m) => m.placementMoves.twoOrMore },
  { id: 'moves-total', label: 'Placement moves in the year', kind: 'count', get: (m) => m.placementMoves.total },
  { id: 'reviews', label: 'Reviews held on time', short: 'Reviews on time', hint: 'reg. 33: 20 working days, 3 months, then 6 months', kind: 'ratio', get: (m) => m.reviewTimeliness.onTime },
  { id: 'overdue', label: 'Children whose next review is overdue', short: 'Reviews overdue', kind: 'count', get: (m) => m.reviewTimeliness.overdue.count },
  { id: 'participation', label: 'Participation rate', short: 'Participation', hint: 'reviews coded PN1-PN6 of PN1-PN7', kind: 'ratio', get: (m) => m.participation.rate },
  { id: 'missing', label: 'Children missing in the year', short: 'Missing', hint: 'of children looked after in the year', kind: 'ratio', get: (m) => m.missing.children },
  { id: 'missing-incidents', label: 'Missing incidents', kind: 'count', get: (m) => m.missing.incidents },
  { id: 'missing-per-child', label: 'Incidents per missing child', kind: 'decimal', get: (m) => m.missing.incidentsPerMissingChild },
  { id: 'away', label: 'Children away without authorisation', kind: 'ratio', get: (m) => m.missing.away.children },
  { id: 'returned', label: 'Children who returned home in the year', kind: 'count', get: (m) => m.reunification.children },
  { id: 'reentry', label: 'Re-entered care within 12 months of going home', short: 'Re-entry in 12 months', hint: 'observed only up to the as-at date', kind: 'ratio', get: (m) => m.reunification.reentryWithin12Months },
  { id: 'reentry-previous', label: 'Re-entry within 12 months, last year\'s returners', hint: 'the settled figure', kind: 'ratio', get: (m) => m.reunification.previousYear },
];
/** The columns of the wide (regional, national) tables. */
const WIDE_MEASURES = ['cla', 'short-term', 'long-term', 'moves-1', 'reviews', 'overdue', 'participation', 'missing', 'reentry']
  .map((id) => KEY_MEASURES.find((m) => m.id === id));

// ---------- page furniture ----------
const content = () => $('content');
function setTitle(text) {
  $('page-title').textContent = text;
  document.title = text + ' - IRO Partnership dashboards';
}
function setStatus(text) {
  $('status').textContent = text;
}
function tableWrap(label, table) {
  // A scrollable region must be focusable and named so keyboard users can scroll it.
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}
function th(scope, attrs, ...children) {
  return el('th', Object.assign({ scope }, attrs), ...children);
}

function collectionYearNow() {
  const d = new Date();
  return d.getMonth() >= 3 ? d.getFullYear() + 1 : d.getFullYear();
}
function requestedYear() {
  const y = new URLSearchParams(location.search).get('year');
  return y && /^\d{4}$/.test(y) ? Number(y) : null;
}
function withYear(path, year) {
  return year ? path + '?year=' + year : path;
}
function showYearForm(selected) {
  const select = $('year');
  select.replaceChildren();
  const latest = Math.max(collectionYearNow(), selected || 0);
  for (let y = latest; y >= 2019; y -= 1) {
    const option = el('option', { value: String(y) }, (y - 1) + ' to ' + String(y).slice(2));
    if (y === selected) option.selected = true;
    select.append(option);
  }
  $('year-form').hidden = false;
}

function errorBox(title, ...lines) {
  const box = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error' }, el('h2', {}, title), lines.map((line) => el('p', {}, line)));
  setStatus('');
  content().replaceChildren(box);
  box.focus();
  return box;
}
function tokenCommand(claims) {
  const role = typeof claims.role === 'string' ? claims.role : 'ROLE';
  let command = 'npm run cli -- token --role ' + role;
  if (typeof claims.tenant === 'string') command += ' --tenant ' + claims.tenant;
  if (typeof claims.region === 'string') command += ' --region "' + claims.region + '"';
  return command;
}
function signInHelp(claims) {
  return [
    'Run ', el('code', {}, tokenCommand(claims)),
    ' (or restart ', el('code', {}, 'npm start'), ', which prints a sign-in link per role) and open ',
    el('code', {}, new URL('app', location.href).href.split('#')[0] + '#token=<token>'), '.',
  ];
}
function showFailure(error, year) {
  if (!(error instanceof ApiFailure)) {
    console.error(error);
    return errorBox('Something went wrong', 'The page could not show this dashboard: ' + error.message);
  }
  const ref = error.requestId ? 'Request id: ' + error.requestId + '.' : '';
  switch (error.status) {
    case 401: {
      const claims = unverifiedClaims(token || '');
      sessionStorage.removeItem(TOKEN_KEY);
      $('sign-out').hidden = true;
      $('year-form').hidden = true;
      setTitle('Sign in again');
      return errorBox('Your sign-in link has expired or is not valid', 'The platform said: ' + error.message + '.', signInHelp(claims));
    }
    case 403:
      return errorBox('You do not have access to this page', 'The platform said: ' + error.message + '.', ref);
    case 404:
      if (error.code === 'no_snapshot') {
        return errorBox(
          'No snapshot computed yet' + (year ? ' for the year ending 31 March ' + year : ''),
          'Dashboards are computed by the nightly job and a few seconds after each accepted 903 upload. Choose another year, or try again later.',
        );
      }
      return errorBox('Not found', error.message, ref);
    case 400:
      return errorBox('That request was not valid', error.message + '. Choose a year from the list.', ref);
    case 0:
      return errorBox('The platform could not be reached', error.message);
    default:
      return errorBox('The platform could not answer (HTTP ' + error.status + ')', error.message, ref);
  }
}

// ---------- charts: hand-written inline SVG; the tables beside them are the accessible version ----------
let chartCount = 0;
function barChart(title, items) {
  chartCount += 1;
  const id = 'chart-' + chartCount;
  const labelWidth = 320;
  const barSpace = 380;
  const rowHeight = 30;
  const width = labelWidth + barSpace + 70;
  const height = items.length * rowHeight + 10;
  const max = Math.max(1, ...items.map((i) => (isNum(i.value) ? i.value : 0)));
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-labelledby': id });
  chart.append(svg('title', { id }, title + ' (chart; the table gives the same figures)'));
  items.forEach((item, i) => {
    const y = i * rowHeight + 5;
    const label = item.label.length > 42 ? item.label.slice(0, 41) + '\u2026' : item.label;
    chart.append(svg('text', { x: labelWidth - 10, y: y + 19, 'text-anchor': 'end' }, label));
    let shown;
    let barWidth = 0;
    if (isNum(item.value)) {
      barWidth = Math.round((item.value / max) * barSpace);
      shown = nf.format(item.value);
      if (barWidth > 0) chart.append(svg('rect', { class: 'bar', x: labelWidth, y: y + 4, width: barWidth, height: rowHeight - 10 }));
    } else {
      shown = isSuppressed(item.value) ? 'c' : 'x';
    }
    const explained = shown === 'c' ? 'suppressed' : shown === 'x' ? 'not available' : null;
    chart.append(svg('text', { x: labelWidth + barWidth + 6, y: y + 19 }, shown, explained ? svg('title', {}, explained) : null));
  });
  return el('figure', {}, el('figcaption', {}, title), chart);
}

// ---------- LA roles ----------
async function renderLa(year) {
  const d = await api(withYear('dashboards/la', year));
  const m = d.metrics;
  const region = d.comparators && d.comparators.region;
  const england = d.comparators && d.comparators.england;
  const regionName = region ? region.name : d.region;
  setTitle(d.name + ' (' + d.la + ')');
  showYearForm(d.yearEnding);
  const cols = [
    { key: 'la', name: d.name, metrics: m },
    { key: 'region', name: regionName + ' (region)', metrics: region && region.metrics },
    { key: 'england', name: 'England', metrics: england && england.metrics },
  ];
  const header = el('tr', {}, th('col', {}, 'Measure'), cols.map((c) => th('col', { class: 'num' }, c.name)));
  const rows = KEY_MEASURES.map((measure) => el('tr', { 'data-measure': measure.id },
    th('row', {}, measure.label, measure.hint ? el('span', { class: 'hint' }, measure.hint) : null),
    cols.map((c) => el('td', { class: 'num', 'data-col': c.key }, valueNode(measure.kind, pick(c.metrics, measure.get)))),
  ));
  const keyTable = el('table', { id: 'la-figures' },
    el('caption', {}, 'Key figures: ' + d.name + ' beside ' + regionName + ' and England'),
    el('thead', {}, header), el('tbody', {}, rows));

  const reasons = Object.keys(REASONS);
  const reasonTable = el('table', { id: 'move-reasons' },
    el('caption', {}, 'Placement moves by reason'),
    el('thead', {}, el('tr', {}, th('col', {}, 'Reason'), cols.map((c) => th('col', { class: 'num' }, c.name)))),
    el('tbody', {}, reasons.map((code) => el('tr', {},
      th('row', {}, REASONS[code], el('span', { class: 'hint' }, code)),
      cols.map((c) => el('td', { class: 'num', 'data-col': c.key }, countNode(pick(c.metrics, (x) => x.placementMoves.reasons[code] !== undefined ? x.placementMoves.reasons[code] : (c.key === 'la' ? 0 : undefined))))),
    ))));
  const moveItems = reasons.map((code) => ({ label: REASONS[code], value: pick(m, (x) => x.placementMoves.reasons[code] || 0) }))
    .filter((i) => i.value > 0)
    .sort((a, b) => b.value - a.value);
  const movesChart = moveItems.length ? barChart('Placement moves by reason, ' + d.name, moveItems) : el('p', {}, 'No placement moves in the year.');

  const participationTable = el('table', { id: 'participation-codes' },
    el('caption', {}, 'Review participation codes'),
    el('thead', {}, el('tr', {}, th('col', {}, 'Code'), cols.map((c) => th('col', { class: 'num' }, c.name)))),
    el('tbody', {}, Object.keys(PARTICIPATION).map((code) => el('tr', {},
      th('row', {}, code + ' ', el('span', { class: 'hint' }, PARTICIPATION[code])),
      cols.map((c) => el('td', { class: 'num', 'data-col': c.key }, countNode(pick(c.metrics, (x) => x.participation.codes[code])))),
    ))));


  setStatus('');
  content().replaceChildren(
    el('p', { class: 'lede' }, d.region + ' region. Year ending 31 March ' + d.yearEnding + ', as at ' + longDate(d.asAt) + '.'),
    el('p', { class: 'meta' }, 'Computed ' + dateTime(d.computedAt) + ' from dataset version ' + d.datasetVersion + '. '
      + 'Your LA\'s figures are exact; the region and England are published figures (rounded, suppressed where small).'),
    el('ul', { class: 'cards' },
      card('Children looked after', countNode(m.cla.count)),
      card('Reviews on time', percentNode(pick(m, (x) => normaliseRatio(x.reviewTimeliness.onTime).percent))),
      card('Reviews overdue', countNode(m.reviewTimeliness.overdue.count)),
      card('Participation rate', percentNode(pick(m, (x) => normaliseRatio(x.participation.rate).percent)))),
    el('h2', {}, 'Key figures'),
    tableWrap('Key figures', keyTable),
    el('h2', {}, 'Placement moves'),
    movesChart,
    tableWrap('Placement moves by reason', reasonTable),
    el('h2', {}, 'Participation in reviews'),
    tableWrap('Participation codes', participationTable),
    el('p', { class: 'meta' }, 'Re-entry after going home is observed up to ' + longDate(pick(m, (x) => x.reunification.censoredAt)) + '; last year\'s returners give the settled figure.'),
  );
}
function card(label, valueNode) {
  return el('li', { class: 'card' }, el('span', { class: 'card__value' }, valueNode), el('span', { class: 'card__label' }, label));
}

// ---------- regional chair and national: units (rows) x measures (columns) ----------
function wideTable(id, caption, unitHeading, units, total) {
  const head = el('tr', {}, th('col', {}, unitHeading), WIDE_MEASURES.map((m) => th('col', { class: 'num' }, m.short || m.label)));
  const row = (unit, cls) => el('tr', { 'data-unit': unit.key, class: cls },
    th('row', {}, unit.label, unit.hint ? el('span', { class: 'hint' }, unit.hint) : null),
    WIDE_MEASURES.map((m) => el('td', { class: 'num', 'data-measure': m.id },
      valueNode(m.kind, m.id === 'cla' && unit.cla !== undefined ? unit.cla : pick(unit.metrics, m.get)))));
  return el('table', { id },
    el('caption', {}, caption),
    el('thead', {}, head),
    el('tbody', {}, units.map((u) => row(u))),
    el('tfoot', {}, row(total, 'total')));
}

async function renderRegion(year) {
  const d = await api(withYear('dashboards/region', year));
  setTitle(d.region + ': local authorities side by side');
  showYearForm(d.yearEnding);
  const units = (d.las || []).map((la) => ({ key: la.la, label: la.name + ' (' + la.la + ')', cla: la.cla, metrics: la.metrics }));
  setStatus('');
  content().replaceChildren(
    el('p', { class: 'lede' }, 'Year ending 31 March ' + d.yearEnding + '. ' + nf.format(units.length) + ' local authorities with data.'),
    el('p', { class: 'meta' }, 'Computed ' + dateTime(d.computedAt) + '. LA counts are exact but counts of 1 to 5 are suppressed (c); the regional total is rounded to the nearest 10.'),
    barChart('Children looked after at 31 March, by local authority', units.map((u) => ({ label: u.label, value: u.cla }))),
    tableWrap('Local authorities compared', wideTable('region-table', 'Key measures by local authority, ' + d.region + ', year ending 31 March ' + d.yearEnding,
      'Local authority', units, { key: 'total', label: d.region + ' total', hint: 'counts rounded to 10', cla: d.total && d.total.cla, metrics: d.total && d.total.metrics })),
  );
}

async function renderNational(year) {
  const d = await api(withYear('dashboards/national', year));
  setTitle('England: regions compared');
  showYearForm(d.yearEnding);
  const units = (d.regions || []).map((r) => ({ key: r.region, label: r.region, cla: r.cla, metrics: r.metrics }));
  setStatus('');
  content().replaceChildren(
    el('p', { class: 'lede' }, 'Year ending 31 March ' + d.yearEnding + '. Aggregated, disclosure-controlled figures: no local authority is named.'),
    el('p', { class: 'meta' }, 'Computed ' + dateTime(d.computedAt) + '. Counts are rounded to the nearest 10; counts of 1 to 5 and cells that would reveal them are suppressed (c).'),
    barChart('Children looked after at 31 March, by region', units.map((u) => ({ label: u.label, value: u.cla }))),
    tableWrap('Regions compared', wideTable('national-table', 'Key measures by region, year ending 31 March ' + d.yearEnding,
      'Region', units, { key: 'england', label: 'England', cla: d.england && d.england.cla, metrics: d.england && d.england.metrics })),
  );
}

// ---------- platform admin ----------
async function renderAdmin() {
  const [registry, jobs] = await Promise.all([api('tenants'), api('admin/jobs')]);
  setTitle('Platform status');
  const tenants = registry.tenants || [];
  const byRegion = new Map();
  for (const t of tenants) byRegion.set(t.region, (byRegion.get(t.region) || 0) + 1);
  const queues = jobs.queues || [];
  const dead = queues.reduce((n, q) => n + (isNum(q.deadLetters) ? q.deadLetters : 0), 0);
  setStatus('');
  content().replaceChildren(
    el('ul', { class: 'cards' },
      el('li', { class: 'card', id: 'registry-count' }, el('span', { class: 'card__value' }, nf.format(tenants.length)), el('span', { class: 'card__label' }, 'LAs in the tenant registry')),
      el('li', { class: 'card' }, el('span', { class: 'card__value' }, nf.format(dead)), el('span', { class: 'card__label' }, 'messages in dead-letter queues'))),
    el('h2', {}, 'Queues'),
    tableWrap('Queue depths', el('table', { id: 'queues' },
      el('caption', {}, 'Queue and dead-letter queue depths'),
      el('thead', {}, el('tr', {}, th('col', {}, 'Queue'), th('col', { class: 'num' }, 'Waiting'), th('col', { class: 'num' }, 'In flight'), th('col', { class: 'num' }, 'Dead letters'), th('col', {}, 'State'))),
      el('tbody', {}, queues.map((q) => el('tr', { 'data-queue': q.queue },
        th('row', {}, String(q.queue)), el('td', { class: 'num' }, countNode(q.visible)), el('td', { class: 'num' }, countNode(q.inFlight)),
        el('td', { class: 'num' }, countNode(q.deadLetters)),
        el('td', {}, q.deadLetters > 0 ? el('span', { class: 'tag' }, 'Needs attention') : el('span', { class: 'tag tag--ok' }, 'OK'))))))),
    el('h2', {}, 'Last job runs'),
    (jobs.runs || []).length === 0 ? el('p', {}, 'No job has run yet.') : tableWrap('Last job runs', el('table', { id: 'runs' },
      el('caption', {}, 'Most recent job runs, newest first'),
      el('thead', {}, el('tr', {}, th('col', {}, 'Job'), th('col', {}, 'Started'), th('col', {}, 'Finished'), th('col', { class: 'num' }, 'Messages'), th('col', { class: 'num' }, 'Failed'), th('col', {}, 'Detail'))),
      el('tbody', {}, jobs.runs.map((r) => el('tr', {},
        th('row', {}, String(r.job)), el('td', {}, dateTime(r.startedAt)), el('td', {}, dateTime(r.finishedAt)),
        el('td', { class: 'num' }, countNode(r.messages)), el('td', { class: 'num' }, countNode(r.failed)), el('td', {}, r.detail ? String(r.detail) : '')))))),
    el('h2', {}, 'Tenant registry by region'),
    tableWrap('Registry by region', el('table', { id: 'registry' },
      el('caption', {}, 'Local authorities per region'),
      el('thead', {}, el('tr', {}, th('col', {}, 'Region'), th('col', { class: 'num' }, 'LAs'))),
      el('tbody', {}, [...byRegion.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        .map(([region, n]) => el('tr', {}, th('row', {}, String(region)), el('td', { class: 'num' }, nf.format(n))))))),
  );
}

// ---------- start ----------
async function start() {
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.replace(new URL('app', location.href).pathname);
  });
  token = takeToken();
  if (!token) {
    setTitle('Sign in');
    return errorBox('You are not signed in', ['Open the sign-in link that ', el('code', {}, 'npm start'), ' prints for your role.'],
      signInHelp({}));
  }
  const year = requestedYear();
  try {
    const me = await api('me');
    const where = me.tenant ? ', LA ' + me.tenant : me.region ? ', ' + me.region : '';
    $('who').textContent = 'Signed in: ' + (ROLE_LABELS[me.role] || me.role) + where;
    $('sign-out').hidden = false;
    setStatus('Loading the dashboard…');
    switch (me.role) {
      case 'iro':
      case 'iro_manager': return await renderLa(year);
      case 'regional_chair': return await renderRegion(year);
      case 'national': return await renderNational(year);
      case 'platform_admin': return await renderAdmin();
      default: return errorBox('No dashboard for this role', 'The role ' + me.role + ' has no dashboard.');
    }
  } catch (error) {
    if (year) showYearForm(year);
    return showFailure(error, year);
  }
}

start();
`;
