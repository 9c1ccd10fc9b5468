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
      // Labels sit left of inner nodes and right of leaves. The margins and the room between levels follow the
      // longest label (English names run long); below the width that needs, the chart keeps it and its box
      // scrolls sideways on a phone (the page itself does not).
      const fontFamily = window.getComputedStyle(element).fontFamily || 'sans-serif';
      const measure = document.createElement('canvas').getContext('2d');
      measure.font = `13px ${fontFamily}`;
      const widest = (names) => Math.ceil(Math.max(0, ...names.map((n) => measure.measureText(n).width)));
      const inner = [];
      const leafNames = [];
      (function walk(node) {
        (node.children && node.children.length ? inner : leafNames).push(node.name);
        (node.children || []).forEach(walk);
      }(root));
      const margin = { left: widest([root.name]) + 24, right: widest(leafNames) + 24 };
      const levels = 3;
      const minimumWidth = margin.left + margin.right + levels * (widest(inner) + 28);
      const fit = () => {
        element.style.width = element.parentElement.clientWidth < minimumWidth ? `${minimumWidth}px` : '';
      };
      fit();
      const chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
        aria: { enabled: false }, // the element's own aria-label describes it; ECharts' generated text would replace it (and reads the root's missing value as NaN)
        tooltip: { trigger: 'item', renderMode: 'richText' },
        series: [{
          type: 'tree',
          data: [root],
          top: 10, left: margin.left, bottom: 10, right: margin.right,
          symbolSize: 10,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 13, fontFamily },
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
      window.addEventListener('resize', () => { fit(); chart.resize(); });
      // Ready once the nodes have moved to their places (the tree animates out from its root).
      chart.on('finished', () => { element.dataset.ready = 'true'; });
    })
    .catch((error) => {
      element.textContent = english ? 'The chart could not be drawn; the list below has the same data.' : '图形未能加载，下方列表提供同样的信息。';
      console.error(error);
    });
}());
