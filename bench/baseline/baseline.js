// The benchmark's baseline page: fetches the same indicator file and the manifest (for
// names) and draws the same horizontal bar chart as the explorer's indicator view (the four
// localities in the latest period, 95% whiskers, reference lines for the borough, London and
// England) with the same ECharts bundle, then sets the same performance mark. Plain JS.
'use strict';
(() => {
  const INDICATOR = '91547';
  const BOROUGH = 'E09000030';
  const REFERENCES = [BOROUGH, 'E12000007', 'E92000001'];
  const LINE_TYPES = ['dashed', 'dotted', 'solid'];
  const BAR = '#1d70b8';
  const INK = '#0b0c0c';
  const MUTED = '#484949';

  const json = (path) =>
    fetch(`data/${path}`).then((r) => {
      if (!r.ok) throw new Error(`data/${path}: ${r.status}`);
      return r.json();
    });
  // Both requests start now, while echarts.js is still downloading.
  const manifest = json('manifest.json');
  // The shard with the indicator's figures by locality, the level both pages draw.
  const shard = json(`indicators/${INDICATOR}/locality.json`);
  // echarts.js is the next deferred script: it runs once it has arrived, after this one.
  const echartsLoaded = new Promise((resolve, reject) => {
    if (globalThis.echarts) return resolve();
    const script = document.querySelector('script[src="echarts.js"]');
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', () => reject(new Error('echarts.js did not load')), { once: true });
  });

  const round = (x) => Math.round(x * 10000) / 10000;

  function whisker(params, api) {
    const category = api.value(0);
    const low = api.coord([api.value(1), category]);
    const high = api.coord([api.value(2), category]);
    const cap = api.size([0, 1])[1] * 0.25;
    const style = { stroke: api.visual('color'), lineWidth: 2 };
    const line = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
    return {
      type: 'group',
      z2: 10,
      children: [
        line(low[0], low[1], high[0], high[1]),
        line(low[0], low[1] - cap, low[0], low[1] + cap),
        line(high[0], high[1] - cap, high[0], high[1] + cap),
      ],
    };
  }

  function draw(manifest, shard) {
    const meta = manifest.indicators.find((i) => i.id === INDICATOR);
    const names = new Map(manifest.areas.map((a) => [a.code, a.name]));
    const localities = manifest.areas.filter((a) => a.level === 'locality');
    const points = new Map(shard.values.map((v) => [`${v.area}|${v.period}`, v]));
    const has = (code, period) => points.get(`${code}|${period}`)?.value !== undefined;
    const period = [...shard.periods].reverse().find((p) => localities.some((l) => has(l.code, p)));
    const rows = localities.filter((l) => has(l.code, period)).map((l) => ({ name: l.name, point: points.get(`${l.code}|${period}`) }));
    const references = REFERENCES.filter((c) => has(c, period)).map((c) => ({ name: names.get(c) ?? c, value: points.get(`${c}|${period}`).value }));
    const title = `${meta.title} by locality`;
    document.getElementById('title').textContent = title;

    const element = document.getElementById('chart');
    element.setAttribute('aria-label', `${title}, ${period}`);
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(
      {
        aria: { enabled: true, label: { description: `${title}, ${period}` } },
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 36, bottom: 32, containLabel: true },
        xAxis: { type: 'value', name: meta.unit, axisLabel: { color: MUTED, fontSize: 14 }, min: 0 },
        yAxis: { type: 'category', inverse: true, axisLabel: { color: MUTED, fontSize: 14 }, data: rows.map((r) => r.name) },
        series: [
          {
            type: 'bar',
            id: 'values',
            name: meta.title,
            itemStyle: { color: BAR },
            barWidth: '55%',
            data: rows.map((r) => round(r.point.value)),
            markLine: {
              silent: true,
              symbol: ['none', 'none'],
              lineStyle: { color: INK, width: 2, type: 'dashed' },
              data: references.map((r, i) => ({
                name: r.name,
                xAxis: round(r.value),
                label: { position: 'start', color: INK, fontSize: 13, formatter: `${r.name} ${r.value.toFixed(1)}` },
                lineStyle: { type: LINE_TYPES[i] },
              })),
            },
          },
          {
            type: 'custom',
            id: 'ci95',
            name: '95% confidence interval',
            encode: { x: [1, 2], y: 0 },
            itemStyle: { color: INK },
            renderItem: whisker,
            data: rows.flatMap((r, i) => (r.point.ci95 ? [[i, round(r.point.ci95.lower), round(r.point.ci95.upper)]] : [])),
          },
        ],
      },
      true,
    );
    // setOption draws a canvas chart synchronously, as in the explorer.
    performance.mark('first-chart-drawn');
  }

  Promise.all([manifest, shard, echartsLoaded])
    .then(([m, s]) => draw(m, s))
    .catch((e) => {
      document.getElementById('title').textContent = `Could not draw the chart: ${e.message}`;
    });
})();
