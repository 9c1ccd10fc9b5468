// The scenario funnel: an ECharts funnel (SVG renderer) from the counts the page carries.
(function () {
  const element = document.getElementById('funnel-chart');
  if (!element || !window.echarts) {
    return;
  }

  const stages = JSON.parse(element.dataset.funnel);
  const chart = window.echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{
      type: 'funnel',
      sort: 'none',
      minSize: '8%',
      label: { show: true, position: 'inside', formatter: '{b} {c}' },
      data: stages,
    }],
  });
  window.addEventListener('resize', () => chart.resize());
})();
