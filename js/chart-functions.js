// What ECharts needs beyond the JSON option the Rust crates build: the functions JSON cannot
// carry (whisker drawing, value formatting), attached by prepareOption; and the charts of a
// built page, drawn from the options it carries before the app has loaded (drawBuiltCharts).
// A module file, not eval, so the page keeps a strict Content-Security-Policy.

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

// A canvas never redraws when a better font arrives: wait for the Bengali one (3 s at most),
// as the app does (src/fonts.rs).
async function bengaliFontReady() {
  if (!document.fonts) return;
  const stack = getComputedStyle(document.documentElement).fontFamily;
  const loads = ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px ${stack}`, 'অ১'));
  await Promise.race([Promise.allSettled(loads), new Promise((r) => setTimeout(r, 3000))]);
}

// A map's outlines, from the response the page's loader asked for (window.thtEarlyData). The
// app reads that response again (src/data.rs), so the body read here is a copy.
async function registerOutlines(name, file) {
  const path = `data/${file}`;
  const early = (globalThis.thtEarlyData ??= {});
  early[path] ??= fetch(path);
  const response = await early[path];
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  globalThis.echarts.registerMap(name, await response.clone().json());
}

// Draws the charts of a built page (src/built_site.rs) from the options their elements carry
// (data-option, written by the same Rust builders the app uses), before the wasm has loaded.
export async function drawBuiltCharts() {
  const bengali = document.documentElement.lang === 'bn';
  if (bengali) await bengaliFontReady();
  const fontFamily = getComputedStyle(document.documentElement).fontFamily;
  for (const chart of document.querySelectorAll('#built [data-option]')) {
    if (chart.dataset.mapFile) await registerOutlines(chart.dataset.mapName, chart.dataset.mapFile);
    const instance = globalThis.echarts.init(chart, null, { renderer: 'canvas' });
    instance.setOption(withFunctions(JSON.parse(chart.dataset.option), bengali, chart.dataset.noValue ?? '', fontFamily), true);
  }
  if (performance.getEntriesByName('first-chart-drawn').length === 0) performance.mark('first-chart-drawn');
}
