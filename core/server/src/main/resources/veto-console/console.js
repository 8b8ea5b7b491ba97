/*
 * Veto reviewer console — browser logic for the static console served at /console/.
 *
 * Talks to the JSON API under /console/api (cookie session). No libraries, no build step.
 * Everything the server returns is treated as untrusted text: the DOM is built only with
 * createElement / createElementNS / textContent / setAttribute, never innerHTML.
 */
'use strict';

const API_BASE = '/console/api';
const POLL_INTERVAL_MS = 15000;
const QUEUE_LIMIT = 100;
const QUEUE_COLUMNS = 8;
const SVG_NS = 'http://www.w3.org/2000/svg';
const RESOLVED_STATUSES = new Set(['approved', 'denied', 'expired']);
const VERDICTS = ['ALLOW', 'CONSTRAIN', 'REFUSE', 'ESCALATE'];
const REFUSAL_VERDICTS = new Set(['REFUSE', 'ESCALATE']);
const VIEWS = {
  login: 'login-view',
  queue: 'queue-view',
  case: 'case-view',
  dashboard: 'dashboard-view',
};
const ACTION_BUTTON_IDS = [
  'case-claim', 'case-release', 'decision-approve', 'decision-deny', 'decision-edit',
];
const DECISION_BUTTON_IDS = ['decision-approve', 'decision-deny', 'decision-edit'];
const DECISION_MESSAGES = {
  approve: 'Case approved',
  deny: 'Case denied',
  edit: 'Edited response sent',
};
const DEFAULT_FILTERS = Object.freeze({ status: 'open', tenant: '', category: '' });

const state = {
  me: null,
  view: null,
  filters: { ...DEFAULT_FILTERS },
  queueSeq: 0,
  queueLoading: false,
  pollTimer: null,
  currentCase: null,
  caseSeq: 0,
  dashboardSeq: 0,
  actionBusy: false,
};

/* ------------------------------------------------------------------ DOM helpers */

function $(id) {
  return document.getElementById(id);
}

/** Creates an HTML element. `text` is always set as textContent, never parsed. */
function h(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
  setAttributes(node, options.attrs);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** Creates an SVG element with the given (fixed-name) attributes. */
function s(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function setAttributes(node, attrs) {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
}

function textOrDash(value) {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

/** Reduces an untrusted value to a safe CSS class suffix. */
function cssToken(value) {
  return String(value ?? '').toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function setHidden(id, hidden) {
  const node = $(id);
  if (node) node.hidden = hidden;
}

function focusElement(id) {
  const node = $(id);
  if (node && !node.hidden) node.focus();
}

/* ------------------------------------------------------------------ formatting */

function parseDate(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatLocal(date) {
  return date.toLocaleString();
}

/** "in 42 min", "5 min ago", "3 h ago", "in 2 d". */
function formatRelative(date, now = Date.now()) {
  const diffSeconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(diffSeconds);
  // a round trip apart, server and browser clocks rarely agree to the second: near now is "just now"
  if (abs < 45) return 'just now';
  let amount;
  if (abs < 90 * 60) amount = `${Math.max(1, Math.round(abs / 60))} min`;
  else if (abs < 36 * 3600) amount = `${Math.round(abs / 3600)} h`;
  else amount = `${Math.round(abs / 86400)} d`;
  return diffSeconds > 0 ? `in ${amount}` : `${amount} ago`;
}

/** "42 s", "5 min", "3 h 10 min", "2 d 4 h"; "—" when unknown. */
function formatDuration(seconds) {
  const value = Number(seconds);
  if (seconds === null || seconds === undefined || !Number.isFinite(value) || value < 0) return '—';
  const total = Math.round(value);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function formatPercent(rate) {
  return `${Math.round(rate * 100)}%`;
}

function formatScore(score) {
  const value = Number(score);
  return score !== null && score !== undefined && Number.isFinite(value) ? value.toFixed(2) : textOrDash(score);
}

function formatNumber(value) {
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString() : '—';
}

function joinList(values) {
  return Array.isArray(values) && values.length ? values.map(String).join(', ') : '—';
}

/** <time> showing relative time, with the local date-time as tooltip. */
function relativeTimeElement(iso, { markOverdue = false } = {}) {
  const date = parseDate(iso);
  if (!date) return document.createTextNode(textOrDash(iso));
  const node = h('time', {
    text: formatRelative(date),
    attrs: { datetime: String(iso), title: formatLocal(date) },
  });
  if (markOverdue && date.getTime() < Date.now()) node.classList.add('overdue');
  return node;
}

/** <time> showing "local date-time (relative)". */
function fullTimeElement(iso) {
  const date = parseDate(iso);
  if (!date) return document.createTextNode(textOrDash(iso));
  return h('time', {
    text: `${formatLocal(date)} (${formatRelative(date)})`,
    attrs: { datetime: String(iso) },
  });
}

/* ------------------------------------------------------------------ status region */

function setStatus(message, kind) {
  const region = $('status');
  region.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  region.className = message ? `status status-${kind}` : 'status';
  region.textContent = message;
}

function showStatus(message) {
  setStatus(message, 'info');
}

function showError(message) {
  setStatus(message, 'error');
}

function clearStatus() {
  setStatus('', 'info');
}

/* ------------------------------------------------------------------ API */

class ApiError extends Error {
  constructor(status, message, type, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.code = code;
  }
}

/** Calls the console API. Resolves to parsed JSON (or null for 204); rejects with ApiError. */
async function api(method, path, body) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  if (method !== 'GET') {
    init.headers['X-Veto-Console'] = '1';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  let response;
  try {
    response = await fetch(API_BASE + path, init);
  } catch (networkError) {
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  const data = await readJson(response);
  if (!response.ok) throw apiErrorFrom(response.status, data);
  return data;
}

async function readJson(response) {
  try {
    const raw = await response.text();
    return raw ? JSON.parse(raw) : null;
  } catch (parseError) {
    return null;
  }
}

function apiErrorFrom(status, data) {
  const error = data && typeof data === 'object' ? data.error : null;
  const message = error && typeof error.message === 'string' && error.message
    ? error.message
    : defaultErrorMessage(status);
  return new ApiError(status, message, error?.type, error?.code);
}

function defaultErrorMessage(status) {
  if (status === 401) return 'Please sign in.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'Not found.';
  if (status === 409) return 'Someone else changed this case. It has been reloaded.';
  if (status >= 500) return `The server had a problem (HTTP ${status}). Try again.`;
  return `Request failed (HTTP ${status}).`;
}

/** Shows an error to the user; a 401 anywhere means the session is gone. */
function reportError(error) {
  if (error instanceof ApiError && error.status === 401) {
    onSessionLost(error.message);
    return;
  }
  showError(error && error.message ? error.message : String(error));
}

/* ------------------------------------------------------------------ session & views */

function canReview() {
  return Boolean(state.me && state.me.roles.includes('reviewer'));
}

function hasAllTenants() {
  return Boolean(state.me && state.me.tenants.includes('*'));
}

function normalizeMe(me) {
  const asStrings = (list) => (Array.isArray(list) ? list.map(String) : []);
  return {
    name: String(me?.name ?? ''),
    tenants: asStrings(me?.tenants),
    roles: asStrings(me?.roles),
  };
}

function showView(name) {
  for (const [key, id] of Object.entries(VIEWS)) $(id).hidden = key !== name;
  state.view = name;
  $('session-bar').hidden = name === 'login';
  updateNav(name);
  if (name === 'queue') startQueuePolling();
  else stopQueuePolling();
}

function updateNav(viewName) {
  const active = viewName === 'dashboard' ? 'nav-dashboard' : 'nav-queue';
  for (const id of ['nav-queue', 'nav-dashboard']) {
    if (id === active && viewName !== 'login') $(id).setAttribute('aria-current', 'page');
    else $(id).removeAttribute('aria-current');
  }
}

function showLoginView() {
  state.me = null;
  state.currentCase = null;
  clearSensitiveContent();
  showView('login');
}

function clearSensitiveContent() {
  $('case-table').tBodies[0].replaceChildren();
  $('queue-summary').textContent = '';
  $('whoami').textContent = '';
  resetDecisionInputs();
}

function onSessionLost(message) {
  showLoginView();
  showError(message || 'Your session has ended. Please sign in again.');
  focusElement('login-name');
}

function enterApp(me) {
  state.me = normalizeMe(me);
  renderWhoami();
  setupTenantFilter();
  resetFilters();
  $('claim-next').hidden = !canReview();
  openQueue();
}

function renderWhoami() {
  const { name, tenants, roles } = state.me;
  const tenantText = tenants.includes('*') ? 'all tenants' : tenants.join(', ') || 'no tenants';
  const roleText = roles.join(', ') || 'no role';
  $('whoami').textContent = `${name} · ${tenantText} · ${roleText}`;
}

async function onLoginSubmit(event) {
  event.preventDefault();
  const name = $('login-name').value.trim();
  const password = $('login-password').value;
  if (!name || !password) {
    showError('Enter your name and password.');
    return;
  }
  const submit = $('login-submit');
  submit.disabled = true;
  try {
    const me = await api('POST', '/login', { name, password });
    $('login-password').value = '';
    clearStatus();
    enterApp(me);
  } catch (error) {
    showError(error.message);
    $('login-password').select();
    $('login-password').focus();
  } finally {
    submit.disabled = false;
  }
}

async function onLogout() {
  try {
    await api('POST', '/logout');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      showError(error.message);
      return;
    }
  }
  showLoginView();
  showStatus('You have signed out.');
  focusElement('login-name');
}

/* ------------------------------------------------------------------ queue: filters */

/** Replaces #filter-tenant with a select of my tenants, or a text input for "*" (all tenants). */
function setupTenantFilter() {
  const current = $('filter-tenant');
  const replacement = hasAllTenants() ? buildTenantInput() : buildTenantSelect(state.me.tenants);
  current.replaceWith(replacement);
}

function buildTenantSelect(tenants) {
  const select = h('select', { attrs: { id: 'filter-tenant', name: 'tenant' } });
  select.append(h('option', { text: 'All my tenants', attrs: { value: '' } }));
  for (const tenant of tenants) select.append(h('option', { text: tenant, attrs: { value: tenant } }));
  return select;
}

function buildTenantInput() {
  return h('input', {
    attrs: {
      id: 'filter-tenant',
      name: 'tenant',
      type: 'text',
      placeholder: 'All tenants',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
}

function resetFilters() {
  state.filters = { ...DEFAULT_FILTERS };
  $('filter-status').value = DEFAULT_FILTERS.status;
  $('filter-tenant').value = DEFAULT_FILTERS.tenant;
  $('filter-category').value = DEFAULT_FILTERS.category;
}

function readFiltersFromForm() {
  return {
    status: $('filter-status').value || DEFAULT_FILTERS.status,
    tenant: $('filter-tenant').value.trim(),
    category: $('filter-category').value.trim(),
  };
}

function onFilterSubmit(event) {
  event.preventDefault();
  state.filters = readFiltersFromForm();
  loadQueue();
}

function buildQueuePath(filters) {
  const params = new URLSearchParams();
  params.set('status', filters.status);
  if (filters.tenant) params.set('tenant', filters.tenant);
  if (filters.category) params.set('category', filters.category);
  params.set('limit', String(QUEUE_LIMIT));
  return `/cases?${params.toString()}`;
}

/* ------------------------------------------------------------------ queue: loading & polling */

function openQueue({ focus = true } = {}) {
  showView('queue');
  if (focus) focusElement('queue-heading');
  loadQueue();
}

async function loadQueue({ quiet = false } = {}) {
  const seq = ++state.queueSeq;
  const table = $('case-table');
  state.queueLoading = true;
  table.setAttribute('aria-busy', 'true');
  if (!table.tBodies[0].rows.length) renderMessageRow('Loading…');
  try {
    const result = await api('GET', buildQueuePath(state.filters));
    if (seq !== state.queueSeq) return;
    const cases = Array.isArray(result?.data) ? result.data : [];
    renderCaseRows(cases);
    renderQueueSummary(cases.length);
  } catch (error) {
    if (seq !== state.queueSeq) return;
    const repeated = quiet && $('status').textContent === error.message;
    if (!repeated) reportError(error);
  } finally {
    if (seq === state.queueSeq) {
      state.queueLoading = false;
      table.removeAttribute('aria-busy');
    }
  }
}

function startQueuePolling() {
  if (state.pollTimer === null) state.pollTimer = setInterval(pollQueue, POLL_INTERVAL_MS);
}

function stopQueuePolling() {
  if (state.pollTimer !== null) clearInterval(state.pollTimer);
  state.pollTimer = null;
}

function pollQueue() {
  if (state.view !== 'queue' || document.hidden || state.queueLoading || isEditingFilters()) return;
  loadQueue({ quiet: true });
}

function isEditingFilters() {
  const active = document.activeElement;
  return Boolean(active && $('queue-filters').contains(active) && active.matches('input, select, textarea'));
}

function onVisibilityChange() {
  if (!document.hidden) pollQueue();
}

/* ------------------------------------------------------------------ queue: rendering */

function renderQueueSummary(count) {
  const noun = count === 1 ? 'case' : 'cases';
  const capped = count >= QUEUE_LIMIT ? ` (showing the first ${QUEUE_LIMIT})` : '';
  const updated = new Date().toLocaleTimeString();
  $('queue-summary').textContent = `${count} ${noun}${capped} · updated ${updated}`;
}

function renderMessageRow(message) {
  const cell = h('td', { text: message, attrs: { colspan: QUEUE_COLUMNS } });
  $('case-table').tBodies[0].replaceChildren(h('tr', { className: 'message-row' }, [cell]));
}

function renderCaseRows(cases) {
  if (!cases.length) {
    renderMessageRow('No cases');
    return;
  }
  const tbody = $('case-table').tBodies[0];
  const focusedCaseId = focusedRowCaseId(tbody);
  tbody.replaceChildren(...cases.map(buildCaseRow));
  restoreRowFocus(tbody, focusedCaseId);
}

function buildCaseRow(summary) {
  const row = h('tr', { className: 'case-row' });
  row.dataset.caseId = String(summary.id);
  if (isHighPriority(summary.priority)) row.classList.add('priority-high');
  const cells = [
    priorityBadge(summary.priority),
    statusBadge(summary.status),
    textOrDash(summary.tenant),
    joinList(summary.categories),
    relativeTimeElement(summary.created_at),
    relativeTimeElement(summary.due_at, { markOverdue: !isResolved(summary.status) }),
    textOrDash(summary.reviewer),
    openCaseButton(summary),
  ];
  for (const content of cells) row.append(h('td', {}, [content]));
  return row;
}

function openCaseButton(summary) {
  const preview = summary.prompt_preview ? String(summary.prompt_preview) : '(no preview)';
  return h('button', {
    className: 'link-button preview',
    text: preview,
    attrs: { type: 'button', 'aria-label': `Open case ${summary.id}: ${preview}` },
  });
}

function priorityBadge(priority) {
  const high = isHighPriority(priority);
  return h('span', {
    className: high ? 'priority priority-badge-high' : 'priority',
    text: textOrDash(priority),
    attrs: high ? { title: 'High priority' } : undefined,
  });
}

function statusBadge(status) {
  return h('span', { className: `badge status-${cssToken(status)}`, text: textOrDash(status) });
}

function isHighPriority(priority) {
  if (priority === null || priority === undefined || priority === '') return false;
  const value = Number(priority);
  return Number.isFinite(value) && value <= 3;
}

function isResolved(status) {
  return RESOLVED_STATUSES.has(String(status));
}

function focusedRowCaseId(tbody) {
  const active = document.activeElement;
  if (!active || !tbody.contains(active)) return null;
  return active.closest('tr.case-row')?.dataset.caseId ?? null;
}

function restoreRowFocus(tbody, caseId) {
  if (caseId === null) return;
  for (const row of tbody.rows) {
    if (row.dataset.caseId === caseId) {
      row.querySelector('button')?.focus();
      return;
    }
  }
}

function onCaseTableClick(event) {
  const row = event.target.closest('tr.case-row');
  if (!row) return;
  const selectingText = String(window.getSelection?.() ?? '').length > 0;
  if (selectingText && !event.target.closest('button')) return;
  openCase(row.dataset.caseId);
}

/* ------------------------------------------------------------------ case detail: loading */

async function openCase(caseId) {
  const seq = ++state.caseSeq;
  showView('case');
  renderCasePlaceholder(caseId);
  try {
    const detail = await api('GET', casePath(caseId));
    if (seq !== state.caseSeq) return;
    renderCase(detail);
    focusElement('case-heading');
  } catch (error) {
    if (seq === state.caseSeq) reportError(error);
  }
}

/** Reloads the open case without touching the status message (e.g. after a 409). */
async function refreshCurrentCase() {
  if (!state.currentCase) return;
  const seq = ++state.caseSeq;
  try {
    const detail = await api('GET', casePath(state.currentCase.id));
    if (seq === state.caseSeq) renderCase(detail);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) reportError(error);
  }
}

function casePath(caseId, action) {
  const base = `/cases/${encodeURIComponent(String(caseId))}`;
  return action ? `${base}/${action}` : base;
}

function renderCasePlaceholder(caseId) {
  state.currentCase = null;
  resetDecisionInputs();
  $('case-id').textContent = String(caseId);
  $('case-status').textContent = '';
  $('case-status').className = 'badge';
  $('case-prompt').textContent = 'Loading…';
  for (const id of ['case-rule', 'case-rationale', 'case-action-hint']) $(id).textContent = '';
  for (const id of ['case-context', 'case-history', 'case-meta']) $(id).replaceChildren();
  $('case-signals').tBodies[0].replaceChildren();
  $('case-context-empty').hidden = true;
  for (const id of ACTION_BUTTON_IDS) setHidden(id, true);
  setHidden('decision-form', true);
}

/* ------------------------------------------------------------------ case detail: rendering */

function renderCase(detail) {
  state.currentCase = detail;
  $('case-id').textContent = String(detail.id ?? '');
  renderCaseStatus(detail.status);
  $('case-prompt').textContent = detail.prompt ?? detail.prompt_preview ?? '';
  $('case-rule').textContent = textOrDash(detail.rule);
  $('case-rationale').textContent = textOrDash(detail.rationale);
  renderSignals(detail.signals);
  renderContext(detail.context);
  renderHistory(detail.history);
  renderCaseMeta(detail);
  renderCaseActions(detail);
}

function renderCaseStatus(status) {
  const badge = $('case-status');
  badge.textContent = String(status ?? '');
  badge.className = `badge status-${cssToken(status)}`;
}

function renderSignals(signals) {
  const tbody = $('case-signals').tBodies[0];
  const list = Array.isArray(signals) ? signals : [];
  if (!list.length) {
    const cell = h('td', { text: 'No signals', attrs: { colspan: 4 } });
    tbody.replaceChildren(h('tr', { className: 'message-row' }, [cell]));
    return;
  }
  tbody.replaceChildren(...list.map(buildSignalRow));
}

function buildSignalRow(signal) {
  const cells = [
    textOrDash(signal?.category),
    formatScore(signal?.score),
    textOrDash(signal?.classifier),
    evidenceList(signal?.evidence),
  ];
  return h('tr', {}, cells.map((content) => h('td', {}, [content])));
}

function evidenceList(evidence) {
  if (!Array.isArray(evidence)) return textOrDash(evidence);
  if (!evidence.length) return '—';
  const items = evidence.map((item) => h('li', {
    className: 'pre-wrap',
    text: typeof item === 'string' ? item : JSON.stringify(item),
  }));
  return h('ul', { className: 'evidence' }, items);
}

function renderContext(context) {
  const entries = context && typeof context === 'object'
    ? Object.entries(context).sort(([a], [b]) => a.localeCompare(b))
    : [];
  const list = $('case-context');
  list.replaceChildren();
  for (const [key, value] of entries) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    list.append(h('dt', { text: key }), h('dd', { className: 'pre-wrap', text: textOrDash(text) }));
  }
  $('case-context-empty').hidden = entries.length > 0;
}

function renderHistory(history) {
  const list = $('case-history');
  const events = Array.isArray(history) ? history : [];
  if (!events.length) {
    list.replaceChildren(h('li', { className: 'muted', text: 'No history yet.' }));
    return;
  }
  list.replaceChildren(...events.map(buildHistoryItem));
}

function buildHistoryItem(event) {
  const date = parseDate(event?.at);
  const time = date
    ? h('time', { text: formatLocal(date), attrs: { datetime: String(event.at), title: formatRelative(date) } })
    : document.createTextNode(textOrDash(event?.at));
  const item = h('li', {}, [
    time,
    ' ',
    h('span', { className: 'history-actor', text: textOrDash(event?.actor) }),
    ' ',
    h('span', { className: 'history-action', text: textOrDash(event?.action) }),
  ]);
  if (event?.note) item.append(h('p', { className: 'history-note pre-wrap', text: event.note }));
  return item;
}

function renderCaseMeta(detail) {
  const rows = [
    ['Tenant', textOrDash(detail.tenant)],
    ['Priority', priorityBadge(detail.priority)],
    ['Categories', joinList(detail.categories)],
    ['Language', textOrDash(detail.language)],
    ['Created', fullTimeElement(detail.created_at)],
    ['Due', fullTimeElement(detail.due_at)],
    ['Reviewer', textOrDash(detail.reviewer)],
    ['Lease until', fullTimeElement(detail.lease_until)],
    ['On expiry', textOrDash(detail.on_expiry)],
    ['Policy version', textOrDash(detail.policy_version)],
    ['Text handling', textOrDash(detail.text_handling)],
  ];
  if (detail.resolved_at) rows.push(['Resolved', fullTimeElement(detail.resolved_at)]);
  if (detail.resolved_by) rows.push(['Resolved by', String(detail.resolved_by)]);
  if (detail.response !== null && detail.response !== undefined) {
    rows.push(['Response sent', h('span', { className: 'pre-wrap', text: detail.response })]);
  }
  if (detail.note) rows.push(['Operator note', h('span', { className: 'pre-wrap', text: detail.note })]);

  const list = $('case-meta');
  list.replaceChildren();
  for (const [label, content] of rows) list.append(h('dt', { text: label }), h('dd', {}, [content]));
}

/* ------------------------------------------------------------------ case detail: actions */

function holdsClaim(detail) {
  return Boolean(state.me) && detail.status === 'in_review' && detail.reviewer === state.me.name;
}

function renderCaseActions(detail) {
  const reviewer = canReview();
  const resolved = isResolved(detail.status);
  const mine = reviewer && holdsClaim(detail);
  setHidden('case-claim', !reviewer || resolved || mine);
  setHidden('case-release', !mine);
  setHidden('decision-form', !mine);
  for (const id of DECISION_BUTTON_IDS) setHidden(id, !mine);
  $('case-action-hint').textContent = actionHint(detail, { reviewer, resolved, mine });
}

function actionHint(detail, { reviewer, resolved, mine }) {
  if (resolved) return `This case is ${detail.status}.`;
  if (!reviewer) return 'You have read-only access.';
  const lease = parseDate(detail.lease_until);
  const leaseText = lease ? ` until ${formatLocal(lease)} (${formatRelative(lease)})` : '';
  if (mine) return `You hold this case${leaseText}. Decide before the lease lapses.`;
  if (detail.status === 'in_review') {
    return `Held by ${textOrDash(detail.reviewer)}${leaseText}. You can claim it once the lease has lapsed.`;
  }
  return 'Claim this case to review and decide it.';
}

function setActionsBusy(busy) {
  state.actionBusy = busy;
  for (const id of [...ACTION_BUTTON_IDS, 'claim-next']) $(id).disabled = busy;
  if (busy) $('case-actions').setAttribute('aria-busy', 'true');
  else $('case-actions').removeAttribute('aria-busy');
}

function resetDecisionInputs() {
  $('decision-response').value = '';
  $('decision-note').value = '';
  $('decision-response').removeAttribute('aria-invalid');
}

/**
 * Runs one POST against the open case, re-renders with the returned CaseDetail and
 * confirms in #status. On 409 the case is reloaded so the reviewer sees who holds it.
 */
async function performCaseAction(action, body, successMessage) {
  const detail = state.currentCase;
  if (!detail || state.actionBusy) return null;
  setActionsBusy(true);
  try {
    const updated = await api('POST', casePath(detail.id, action), body);
    state.caseSeq++;
    renderCase(updated);
    showStatus(successMessage);
    return updated;
  } catch (error) {
    reportError(error);
    if (error instanceof ApiError && error.status === 409) refreshCurrentCase();
    return null;
  } finally {
    setActionsBusy(false);
  }
}

async function onClaim() {
  const updated = await performCaseAction('claim', {}, 'Case claimed');
  if (updated) focusElement('decision-response');
}

async function onRelease() {
  const updated = await performCaseAction('release', {}, 'Case released');
  if (updated) {
    resetDecisionInputs();
    focusElement('case-claim');
  }
}

async function submitDecision(action) {
  const responseField = $('decision-response');
  const response = responseField.value;
  const note = $('decision-note').value;
  if (action === 'edit' && !response.trim()) {
    responseField.setAttribute('aria-invalid', 'true');
    showError('Write the response to send before choosing Edit.');
    responseField.focus();
    return;
  }
  const body = { action };
  if (response.trim()) body.response = response;
  if (note.trim()) body.note = note;
  const updated = await performCaseAction('decision', body, DECISION_MESSAGES[action]);
  if (updated) {
    resetDecisionInputs();
    focusElement('case-heading');
  }
}

async function onClaimNext() {
  if (state.actionBusy) return;
  setActionsBusy(true);
  try {
    const detail = await api('POST', '/cases/next');
    if (!detail) {
      showStatus('No cases are waiting.');
      loadQueue();
      return;
    }
    state.caseSeq++;
    showView('case');
    resetDecisionInputs();
    renderCase(detail);
    showStatus(`Claimed case ${detail.id}`);
    focusElement('case-heading');
  } catch (error) {
    reportError(error);
  } finally {
    setActionsBusy(false);
  }
}

/* ------------------------------------------------------------------ dashboard: data */

function openDashboard() {
  showView('dashboard');
  focusElement('dashboard-heading');
  loadDashboard();
}

async function loadDashboard() {
  const hours = Number($('dashboard-hours').value) || 24;
  const seq = ++state.dashboardSeq;
  const view = $('dashboard-view');
  view.setAttribute('aria-busy', 'true');
  try {
    const data = await api('GET', `/dashboard?hours=${encodeURIComponent(String(hours))}`);
    if (seq === state.dashboardSeq) renderDashboard(data || {}, hours);
  } catch (error) {
    if (seq === state.dashboardSeq) reportError(error);
  } finally {
    if (seq === state.dashboardSeq) view.removeAttribute('aria-busy');
  }
}

function normalizeCounts(counts) {
  if (!Array.isArray(counts)) return [];
  return counts
    .filter((row) => row && typeof row === 'object')
    .map((row) => ({
      bucket: row.bucket,
      tenant: row.tenant,
      verdict: String(row.verdict ?? '').toUpperCase(),
      category: row.category,
      language: row.language,
      count: Math.max(0, Number(row.count) || 0),
    }));
}

function dimensionLabel(value) {
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

/** Groups rows by `key`, returning [{label, refused, total, rate}] sorted by rate, highest first. */
function refusalRates(counts, key) {
  const groups = new Map();
  for (const row of counts) {
    const label = dimensionLabel(row[key]);
    const group = groups.get(label) || { label, refused: 0, total: 0 };
    group.total += row.count;
    if (REFUSAL_VERDICTS.has(row.verdict)) group.refused += row.count;
    groups.set(label, group);
  }
  return [...groups.values()]
    .filter((group) => group.total > 0)
    .map((group) => ({ ...group, rate: group.refused / group.total }))
    .sort((a, b) => b.rate - a.rate || b.total - a.total || a.label.localeCompare(b.label));
}

/** Sums counts per time bucket and verdict, oldest bucket first. */
function decisionsOverTime(counts) {
  const buckets = new Map();
  const verdicts = [...VERDICTS];
  for (const row of counts) {
    const date = parseDate(row.bucket);
    if (!date) continue;
    const key = date.toISOString();
    const bucket = buckets.get(key) || { date, byVerdict: {}, total: 0 };
    bucket.byVerdict[row.verdict] = (bucket.byVerdict[row.verdict] || 0) + row.count;
    bucket.total += row.count;
    buckets.set(key, bucket);
    if (row.verdict && !verdicts.includes(row.verdict)) verdicts.push(row.verdict);
  }
  const list = [...buckets.values()].sort((a, b) => a.date - b.date);
  return { buckets: list, verdicts };
}

/* ------------------------------------------------------------------ dashboard: rendering */

function renderDashboard(data, hours) {
  const counts = normalizeCounts(data.counts);
  renderBacklog(data.backlog || {});
  renderRateChart($('chart-refusals-category'), refusalRates(counts, 'category'), 'Category');
  renderRateChart($('chart-refusals-locale'), refusalRates(counts, 'language'), 'Language');
  renderRateChart($('chart-refusals-tenant'), refusalRates(counts, 'tenant'), 'Tenant');
  renderTimeChart($('chart-decisions-time'), decisionsOverTime(counts), hours);
}

function renderBacklog(backlog) {
  const byStatus = backlog.by_status || {};
  const pending = Number(byStatus.PENDING) || 0;
  const resolvedByHumans = Number(backlog.resolved_by_humans) || 0;
  const tiles = [
    ['Pending', formatNumber(byStatus.PENDING ?? 0), pending > 0 ? 'tile-attention' : ''],
    ['In review', formatNumber(byStatus.IN_REVIEW ?? 0), ''],
    ['Oldest pending', pending > 0 ? formatDuration(backlog.oldest_pending_seconds) : '—', ''],
    ['Mean time to resolution', resolvedByHumans > 0 ? formatDuration(backlog.mean_resolution_seconds) : '—', ''],
    ['Resolved by humans', formatNumber(backlog.resolved_by_humans ?? 0), ''],
    ['Approved', formatNumber(byStatus.APPROVED ?? 0), 'tile-minor'],
    ['Denied', formatNumber(byStatus.DENIED ?? 0), 'tile-minor'],
    ['Expired', formatNumber(byStatus.EXPIRED ?? 0), 'tile-minor'],
  ];
  $('backlog').replaceChildren(...tiles.map(([label, value, extraClass]) => h('li', {
    className: `tile ${extraClass}`.trim(),
  }, [
    h('span', { className: 'tile-label', text: label }),
    h('span', { className: 'tile-value', text: value }),
  ])));
}

/** Removes everything but the <figcaption>; returns the caption text. */
function resetFigure(figure) {
  for (const child of [...figure.children]) {
    if (child.tagName !== 'FIGCAPTION') child.remove();
  }
  return figure.querySelector('figcaption')?.textContent.trim() ?? '';
}

function svgRoot(width, height, label) {
  const root = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
    class: 'chart-svg',
    preserveAspectRatio: 'xMinYMin meet',
  });
  root.append(s('title', {}, label));
  return root;
}

function emptyChart(figure, caption) {
  const root = svgRoot(400, 40, `${caption}: no decisions in this period`);
  root.append(s('text', { x: 8, y: 24, class: 'chart-empty' }, 'No decisions in this period'));
  figure.append(root);
}

function truncateLabel(label, max = 18) {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function renderRateChart(figure, rows, dimension) {
  const caption = resetFigure(figure);
  if (!rows.length) {
    emptyChart(figure, caption);
    return;
  }
  figure.append(rateBarsSvg(rows, caption), rateTable(rows, dimension, caption));
}

function rateBarsSvg(rows, caption) {
  const rowHeight = 28;
  const labelWidth = 150;
  const barWidth = 290;
  const valueWidth = 130;
  const width = labelWidth + barWidth + valueWidth;
  const height = rows.length * rowHeight + 4;
  const summary = rows.slice(0, 10).map((r) => `${r.label} ${formatPercent(r.rate)}`).join(', ');
  const root = svgRoot(width, height, `${caption}: ${summary}${rows.length > 10 ? ', …' : ''}`);

  rows.forEach((row, index) => {
    const y = index * rowHeight + 4;
    const middle = y + (rowHeight - 6) / 2;
    const barLength = row.rate > 0 ? Math.max(2, row.rate * barWidth) : 0;
    const group = s('g');
    group.append(
      s('title', {}, `${row.label}: ${row.refused} of ${row.total} refused or escalated`),
      s('text', { x: labelWidth - 8, y: middle, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        truncateLabel(row.label)),
      s('rect', { x: labelWidth, y, width: barWidth, height: rowHeight - 8, class: 'bar-track', rx: 2 }),
      s('rect', { x: labelWidth, y, width: barLength, height: rowHeight - 8, class: 'bar-refusal', rx: 2 }),
      s('text', { x: labelWidth + barWidth + 8, y: middle, class: 'chart-value', 'dominant-baseline': 'middle' },
        `${formatPercent(row.rate)} (${row.refused}/${row.total})`),
    );
    root.append(group);
  });
  return root;
}

function rateTable(rows, dimension, caption) {
  const head = h('tr', {}, [dimension, 'Refused or escalated', 'Total', 'Rate']
    .map((title) => h('th', { text: title, attrs: { scope: 'col' } })));
  const body = rows.map((row) => h('tr', {}, [
    h('th', { text: row.label, attrs: { scope: 'row' } }),
    h('td', { text: formatNumber(row.refused) }),
    h('td', { text: formatNumber(row.total) }),
    h('td', { text: formatPercent(row.rate) }),
  ]));
  return h('table', { className: 'chart-table visually-hidden' }, [
    h('caption', { text: caption }),
    h('thead', {}, [head]),
    h('tbody', {}, body),
  ]);
}

function verdictClass(verdict) {
  return VERDICTS.includes(verdict) ? `verdict-${cssToken(verdict)}` : 'verdict-other';
}

function niceMax(value) {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

function bucketLabel(date, hours) {
  if (hours <= 24) return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (hours <= 168) return date.toLocaleString(undefined, { weekday: 'short', hour: '2-digit' });
  return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

function renderTimeChart(figure, series, hours) {
  const caption = resetFigure(figure);
  if (!series.buckets.length) {
    emptyChart(figure, caption);
    return;
  }
  figure.append(
    stackedBarsSvg(series, hours, caption),
    verdictLegend(series.verdicts),
    timeTable(series, caption),
  );
}

function stackedBarsSvg({ buckets, verdicts }, hours, caption) {
  const width = 720;
  const height = 260;
  const margin = { top: 12, right: 12, bottom: 36, left: 48 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const yMax = niceMax(Math.max(...buckets.map((b) => b.total)));
  const band = plotWidth / buckets.length;
  const barWidth = Math.max(1, band * 0.8);
  const yFor = (value) => margin.top + plotHeight - (value / yMax) * plotHeight;

  const totals = verdicts.map((v) => `${v} ${buckets.reduce((sum, b) => sum + (b.byVerdict[v] || 0), 0)}`);
  const root = svgRoot(width, height, `${caption}: ${buckets.length} time buckets; totals ${totals.join(', ')}`);

  root.append(yAxis(yMax, yFor, margin.left, width - margin.right));
  const labelEvery = Math.ceil(buckets.length / 8);
  buckets.forEach((bucket, index) => {
    const x = margin.left + index * band + (band - barWidth) / 2;
    root.append(stackedBar(bucket, verdicts, x, barWidth, yFor));
    if (index % labelEvery === 0) {
      root.append(s('text', {
        x: x + barWidth / 2, y: height - margin.bottom + 18, class: 'chart-axis', 'text-anchor': 'middle',
      }, bucketLabel(bucket.date, hours)));
    }
  });
  return root;
}

function yAxis(yMax, yFor, left, right) {
  const group = s('g', { class: 'chart-grid' });
  for (const tick of [0, yMax / 2, yMax]) {
    if (!Number.isInteger(tick)) continue;
    const y = yFor(tick);
    group.append(
      s('line', { x1: left, x2: right, y1: y, y2: y, class: 'grid-line' }),
      s('text', { x: left - 6, y, class: 'chart-axis', 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        tick.toLocaleString()),
    );
  }
  return group;
}

function stackedBar(bucket, verdicts, x, barWidth, yFor) {
  const group = s('g');
  const parts = verdicts.filter((v) => bucket.byVerdict[v]).map((v) => `${v} ${bucket.byVerdict[v]}`);
  group.append(s('title', {}, `${formatLocal(bucket.date)}: ${parts.join(', ') || 'no decisions'}`));
  let runningTotal = 0;
  for (const verdict of verdicts) {
    const value = bucket.byVerdict[verdict] || 0;
    if (!value) continue;
    const top = yFor(runningTotal + value);
    const bottom = yFor(runningTotal);
    group.append(s('rect', { x, y: top, width: barWidth, height: Math.max(0, bottom - top), class: verdictClass(verdict) }));
    runningTotal += value;
  }
  return group;
}

function verdictLegend(verdicts) {
  return h('ul', { className: 'legend', attrs: { 'aria-hidden': 'true' } }, verdicts.map((verdict) => h('li', {}, [
    h('span', { className: `swatch ${verdictClass(verdict)}` }),
    verdict,
  ])));
}

function timeTable({ buckets, verdicts }, caption) {
  const head = h('tr', {}, ['Time', ...verdicts, 'Total']
    .map((title) => h('th', { text: title, attrs: { scope: 'col' } })));
  const body = buckets.map((bucket) => h('tr', {}, [
    h('th', { text: formatLocal(bucket.date), attrs: { scope: 'row' } }),
    ...verdicts.map((v) => h('td', { text: formatNumber(bucket.byVerdict[v] || 0) })),
    h('td', { text: formatNumber(bucket.total) }),
  ]));
  return h('table', { className: 'chart-table visually-hidden' }, [
    h('caption', { text: caption }),
    h('thead', {}, [head]),
    h('tbody', {}, body),
  ]);
}

/* ------------------------------------------------------------------ start-up */

function bindEvents() {
  $('login-form').addEventListener('submit', onLoginSubmit);
  $('logout').addEventListener('click', onLogout);
  $('nav-queue').addEventListener('click', () => openQueue());
  $('nav-dashboard').addEventListener('click', openDashboard);
  $('queue-filters').addEventListener('submit', onFilterSubmit);
  $('claim-next').addEventListener('click', onClaimNext);
  $('case-table').tBodies[0].addEventListener('click', onCaseTableClick);
  $('case-back').addEventListener('click', () => openQueue());
  $('case-claim').addEventListener('click', onClaim);
  $('case-release').addEventListener('click', onRelease);
  $('decision-approve').addEventListener('click', () => submitDecision('approve'));
  $('decision-deny').addEventListener('click', () => submitDecision('deny'));
  $('decision-edit').addEventListener('click', () => submitDecision('edit'));
  $('decision-response').addEventListener('input', (event) => event.target.removeAttribute('aria-invalid'));
  $('dashboard-hours').addEventListener('change', loadDashboard);
  document.addEventListener('visibilitychange', onVisibilityChange);
}

async function start() {
  bindEvents();
  try {
    const me = await api('GET', '/me');
    enterApp(me);
  } catch (error) {
    showLoginView();
    if (!(error instanceof ApiError && error.status === 401)) showError(error.message);
    focusElement('login-name');
  }
}

start();
