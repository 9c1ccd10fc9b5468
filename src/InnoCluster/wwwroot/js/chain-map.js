// The industry chain map: an ECharts tree (SVG renderer, so nodes are real DOM elements) built from
// /api/chain. Colours follow the strength the server computed; a click opens the node's enterprises.
(function () {
  const element = document.getElementById('chain-chart');
  if (!element || !window.echarts) {
    return;
  }

  const english = element.dataset.lang === 'en';
  const colours = { none: '#c0392b', few: '#e67e22', ok: '#2e7d32' };

  function toTree(node) {
    const name = english ? node.nameEn : node.name;
    return {
      name: `${name} (${node.totalCount})`,
      value: node.totalCount,
      code: node.code,
      itemStyle: { color: colours[node.strength] || '#607d8b', borderColor: colours[node.strength] || '#607d8b' },
      label: { color: node.strength === 'ok' ? '#1b1b1b' : colours[node.strength] },
      children: (node.children || []).map(toTree),
    };
  }

  fetch(element.dataset.api, { headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) {
        throw new Error(`chain map request failed: ${response.status}`);
      }
      return response.json();
    })
    .then((map) => {
      const root = {
        name: english ? `AI industry (${map.enterpriseCount})` : `人工智能产业 (${map.enterpriseCount})`,
        code: '',
        children: map.layers.map(toTree),
        itemStyle: { color: '#1f4e79' },
      };
      const leaves = map.layers.reduce((sum, layer) => sum + layer.children.reduce((s, seg) => s + Math.max(1, seg.children.length), 0), 0);
      element.style.height = `${Math.max(520, leaves * 26)}px`;
      const chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: false }, // the element's own aria-label describes it; ECharts' generated text would replace it (and reads the root's missing value as NaN)
        tooltip: { trigger: 'item', renderMode: 'richText' },
        series: [{
          type: 'tree',
          data: [root],
          top: 10, left: 140, bottom: 10, right: 260,
          symbolSize: 10,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13 },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          lineStyle: { color: '#b0bec5' },
          emphasis: { focus: 'descendant' },
        }],
      });
      chart.on('click', (params) => {
        if (params.data && params.data.code) {
          window.location.href = element.dataset.link + encodeURIComponent(params.data.code);
        }
      });
      window.addEventListener('resize', () => chart.resize());
      element.dataset.ready = 'true';
    })
    .catch((error) => {
      element.textContent = english ? 'The chart could not be drawn; the list below has the same data.' : '图形未能加载，下方列表提供同样的信息。';
      console.error(error);
    });
}());
