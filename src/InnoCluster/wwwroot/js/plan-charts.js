// The action plan's charts (dashboard, target page, annual report): ECharts with the SVG renderer and no
// animation, so a printed page (headless Chromium's PDF) holds the finished chart. Each element carries
// its data in data-chart; the tables beside each chart hold the same figures for readers without it.
(function () {
  if (!window.echarts) {
    return;
  }

  const percent = (v) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);

  const builders = {
    progress(data) {
      return {
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${v}%`) },
        legend: { data: [data.progressLabel, data.elapsedLabel] },
        grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
        yAxis: { type: 'category', inverse: true, data: data.labels, axisLabel: { width: 180, overflow: 'truncate' } },
        series: [
          { name: data.progressLabel, type: 'bar', data: data.progress.map((v, i) => ({ value: percent(v), itemStyle: { color: data.colours[i] } })) },
          { name: data.elapsedLabel, type: 'bar', data: data.elapsed.map(percent), itemStyle: { color: '#b0bec5' } },
        ],
      };
    },
    trend(data) {
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 120, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'time', min: data.start || undefined, max: data.end || undefined },
        yAxis: { type: 'value', name: data.unit, scale: true },
        series: [{
          name: data.name,
          type: 'line',
          data: data.points,
          symbolSize: 8,
          markLine: data.target === null ? undefined : { symbol: 'none', label: { formatter: data.targetLabel }, data: [{ yAxis: data.target }] },
        }],
      };
    },
    trends(data) {
      return {
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: (v) => `${percent(v)}%` },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 8, right: 96, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'time', min: data.start || undefined, max: data.end || undefined },
        yAxis: { type: 'value', axisLabel: { formatter: (v) => `${percent(v)}%` } },
        series: data.series.map((s, i) => ({
          name: s.name,
          type: 'line',
          data: s.points,
          symbolSize: 8,
          markLine: i === 0 ? { symbol: 'none', label: { formatter: data.targetLabel }, data: [{ yAxis: 1 }] } : undefined,
        })),
      };
    },
    funnel(data) {
      return {
        animation: false,
        tooltip: { trigger: 'item', formatter: '{b}: {c}' },
        series: [{ type: 'funnel', sort: 'none', minSize: '8%', label: { show: true, position: 'inside', formatter: '{b} {c}' }, data: data.stages }],
      };
    },
    bars(data) {
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', inverse: true, data: data.labels, axisLabel: { width: 200, overflow: 'truncate' } },
        series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e79' }, label: { show: true, position: 'right' } }],
      };
    },
  };

  const charts = [];
  document.querySelectorAll('[data-chart]').forEach((element) => {
    const data = JSON.parse(element.dataset.chart);
    const build = builders[data.type];
    if (!build) {
      return;
    }
    const chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(build(data));
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  document.documentElement.dataset.chartsReady = 'true';
})();
