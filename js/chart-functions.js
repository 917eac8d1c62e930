// What ECharts needs beyond the JSON option the Rust crates build: the functions JSON cannot
// carry (whisker drawing, value formatting), attached by prepareOption; and the first chart of
// a plain indicator link, drawn from a file built with the data before the app has loaded
// (drawFirstView). A module file, not eval, so the page keeps a strict
// Content-Security-Policy.

// Ids the Rust option builders give (crates/outcomes-charts: bar_chart.rs, trend.rs; a host
// test checks they agree).
const WHISKER_SERIES_ID = 'ci95';
const TREND_WHISKER_PREFIX = 'ci95-trend-';
const PERIOD_AXIS_ID = 'periods';
const FORMATTED_KEY = 'formatted';

// Draws a 95% confidence interval as a horizontal whisker with end caps. Each data item is
// [category index, lower, upper] on a chart with a value x-axis and a category y-axis.
function whiskerRenderer() {
  return function renderWhisker(params, api) {
    const category = api.value(0);
    const low = api.coord([api.value(1), category]);
    const high = api.coord([api.value(2), category]);
    const cap = api.size([0, 1])[1] * 0.25;
    const style = { stroke: api.visual('color'), lineWidth: 2 };
    const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
    return {
      type: 'group',
      // Above the bars, or the part of the whisker inside the bar is hidden.
      z2: 10,
      children: [
        line(low[0], low[1], high[0], high[1]),
        line(low[0], low[1] - cap, low[0], low[1] + cap),
        line(high[0], high[1] - cap, high[0], high[1] + cap),
      ],
    };
  };
}

// Draws a 95% confidence interval as a vertical whisker with end caps, for trend charts:
// each data item is [period index, lower, upper] on a category x-axis and a value y-axis.
function verticalWhiskerRenderer() {
  return function renderVerticalWhisker(params, api) {
    const period = api.value(0);
    const low = api.coord([period, api.value(1)]);
    const high = api.coord([period, api.value(2)]);
    const cap = Math.min(api.size([1, 0])[0] * 0.15, 6);
    const style = { stroke: api.visual('color'), lineWidth: 1.5, opacity: 0.8 };
    const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
    return {
      type: 'group',
      children: [
        line(low[0], low[1], high[0], high[1]),
        line(low[0] - cap, low[1], low[0] + cap, low[1]),
        line(high[0] - cap, high[1], high[0] + cap, high[1]),
      ],
    };
  };
}

const BENGALI_DIGITS = '০১২৩৪৫৬৭৮৯';

// ASCII digits in Bengali digits when the page is in Bengali; anything else unchanged.
function localDigits(text, bengali) {
  return bengali ? String(text).replace(/[0-9]/g, (d) => BENGALI_DIGITS[d]) : String(text);
}

// Axis labels in Bengali digits: ECharts writes tick values and period names itself. A
// label that was "{value}%" keeps its pattern.
function bengaliAxisLabel(pattern) {
  return function formatAxisLabel(value) {
    const text = pattern ? pattern.replace('{value}', value) : value;
    return localDigits(text, true);
  };
}

// The ECharts option for `json` (an option as the Rust crates build it, as JSON text, so the
// app hands ECharts plain objects).
export function prepareOption(json, bengali, noValue, fontFamily) {
  return withFunctions(JSON.parse(json), bengali, noValue, fontFamily);
}

// `option` (parsed, changed in place) with what JSON cannot carry: every text in
// `fontFamily`, tooltip values as the Rust formatter wrote them, whiskers drawn by their
// renderers and, in Bengali, value and period axes labelled in Bengali digits (area names keep
// theirs: "Network 1 PCN").
function withFunctions(option, bengali, noValue, stack) {
  // In single quotes: a saved SVG writes the font into a double-quoted attribute.
  const fontFamily = stack.replaceAll('"', "'");
  option.textStyle = { fontFamily };
  // Text drawn as a graphic (a saved image's title and source lines) ignores textStyle.
  for (const element of Array.isArray(option.graphic) ? option.graphic : []) {
    if (element.style && typeof element.style === 'object') element.style.fontFamily = fontFamily;
  }
  if (option.tooltip && typeof option.tooltip === 'object') {
    // The tooltip does not take the chart's textStyle: without its own font it draws
    // Bengali as empty boxes on a device with no Bengali font.
    const own = option.tooltip.textStyle && typeof option.tooltip.textStyle === 'object' ? option.tooltip.textStyle : {};
    option.tooltip.textStyle = { ...own, fontFamily };
  }
  if (bengali) {
    for (const name of ['xAxis', 'yAxis']) {
      const axes = option[name];
      const list = Array.isArray(axes) ? axes : axes && typeof axes === 'object' ? [axes] : [];
      for (const axis of list.filter((a) => a.type === 'value' || a.id === PERIOD_AXIS_ID)) {
        axis.axisLabel = axis.axisLabel && typeof axis.axisLabel === 'object' ? axis.axisLabel : {};
        const pattern = typeof axis.axisLabel.formatter === 'string' ? axis.axisLabel.formatter : null;
        axis.axisLabel.formatter = bengaliAxisLabel(pattern);
      }
    }
  }
  for (const series of Array.isArray(option.series) ? option.series : []) {
    // Values as the Rust formatter wrote them (crates/outcomes-charts/src/tooltip.rs).
    const formatted = series[FORMATTED_KEY];
    if (Array.isArray(formatted)) {
      const own = series.tooltip && typeof series.tooltip === 'object' ? series.tooltip : {};
      series.tooltip = { ...own, valueFormatter: (value, index) => formatted[index] ?? noValue };
    }
    const id = typeof series.id === 'string' ? series.id : '';
    if (id === WHISKER_SERIES_ID) series.renderItem = whiskerRenderer();
    else if (id.startsWith(TREND_WHISKER_PREFIX)) series.renderItem = verticalWhiskerRenderer();
  }
  return option;
}

// The first chart of a plain indicator link (`?view=indicator&indicator=…`), drawn from
// `data/first-view/<id>.<lang>.json` (crates/outcomes-charts/src/first_view.rs) as soon as
// ECharts has arrived: the site's name, the indicator as the heading, the chart's summary,
// the chart, and a line saying the rest is loading. The app lays itself out underneath, out
// of sight (`html.first-view-shown` in style/main.css), and calls dismissFirstView when its
// own chart is drawn. Sets the "first-chart-drawn" mark as the app would.
export async function drawFirstView(view) {
  if (view?.schema_version !== 1 || firstViewOver()) return;
  const bengali = view.lang === 'bn';
  // A canvas never redraws when a better font arrives: wait for the Bengali one (3 s at most),
  // as the app does (src/fonts.rs).
  if (bengali && document.fonts) {
    const stack = getComputedStyle(document.documentElement).fontFamily;
    const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${stack}`, 'অ১'));
    await Promise.race([Promise.allSettled(loads), new Promise((r) => setTimeout(r, 3000))]);
  }
  if (firstViewOver()) return;
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const holder = element('div');
  holder.id = 'first-view';
  const header = element('header', 'site-header');
  const inner = element('div', 'site-header-inner');
  const names = element('div');
  names.append(element('p', 'site-name', view.site_name), element('p', 'site-tagline', view.tagline));
  inner.append(names);
  header.append(inner);
  const main = element('main');
  const title = element('h1', '', view.title);
  if (view.title_lang) title.lang = view.title_lang;
  const block = element('section', 'chart-block');
  const frame = element('div', 'chart-frame');
  frame.style.height = `${view.height}px`;
  const chart = element('div', 'chart');
  // Its size set here as well as in the stylesheet: on a busy line the chart can be drawn
  // before the stylesheet has applied, and ECharts would size its canvas to nothing.
  chart.style.height = `${view.height}px`;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', view.summary);
  frame.append(chart);
  failedText = view.failed;
  const loading = element('p', 'loading', view.loading);
  loading.setAttribute('role', 'status');
  if (appFailed) sayAppFailed(loading);
  block.append(element('p', 'summary', view.summary), frame, loading);
  main.append(title, block);
  holder.append(header, main);
  document.body.prepend(holder);
  document.documentElement.lang = view.lang;
  document.documentElement.classList.add('first-view-shown');
  const fontFamily = getComputedStyle(document.documentElement).fontFamily;
  const instance = globalThis.echarts.init(chart, null, { renderer: 'canvas' });
  instance.setOption(withFunctions(view.option, bengali, view.no_value, fontFamily), true);
  // ECharts draws a canvas option synchronously: the chart is on screen when the frame paints.
  if (performance.getEntriesByName('first-chart-drawn').length === 0) performance.mark('first-chart-drawn');
}

// Set once the app has its own page to show: a first view that is still waiting for its font
// must then not be drawn over it.
let dismissed = false;
// Set when the app could not be loaded, and what the first view then says, in its language.
let appFailed = false;
let failedText = '';

// The app could not be loaded (scripts/harden-html.mjs calls this): the first view stays, and
// its loading line says what happened instead, now or when it is drawn.
export function firstViewFailed() {
  appFailed = true;
  const status = document.querySelector('#first-view [role="status"]');
  if (status) sayAppFailed(status);
}

function sayAppFailed(status) {
  if (!failedText) return;
  status.textContent = failedText;
  status.classList.remove('loading');
  status.classList.add('alert');
}

function firstViewOver() {
  return dismissed || document.getElementById('first-view') !== null;
}

// Takes the first view away, for the app's own page: when the app has drawn its chart, or has
// something else to say (an error). Does nothing when there is none.
export function dismissFirstView() {
  dismissed = true;
  const holder = document.getElementById('first-view');
  if (holder) {
    const chart = holder.querySelector('.chart');
    if (chart && globalThis.echarts) globalThis.echarts.getInstanceByDom(chart)?.dispose();
    holder.remove();
  }
  document.documentElement.classList.remove('first-view-shown');
}
