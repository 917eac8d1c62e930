// The few functions ECharts calls that JSON cannot carry, shipped as a module file (not
// eval) so the page keeps a strict Content-Security-Policy.

// Draws a 95% confidence interval as a horizontal whisker with end caps. Each data item is
// [category index, lower, upper] on a chart with a value x-axis and a category y-axis.
export function whiskerRenderer() {
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
export function verticalWhiskerRenderer() {
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

// Tooltip values to one decimal place, as everywhere else on the page, in the page's
// digits; missing values say so in the page's language.
export function oneDecimal(bengali, noValue) {
  return function formatValue(value) {
    return typeof value === 'number' ? localDigits(value.toFixed(1), bengali) : noValue;
  };
}

// Axis labels in Bengali digits: ECharts writes tick values and period names itself. A
// label that was "{value}%" keeps its pattern.
export function bengaliAxisLabel(pattern) {
  return function formatAxisLabel(value) {
    const text = pattern ? pattern.replace('{value}', value) : value;
    return localDigits(text, true);
  };
}
