// nianbao: start the charts and the data-table buttons of a report page.
// Chart options are JSON in <script type="application/json"> elements, so
// the page runs no inline code. Without scripts, every table shows.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  var charts = [];
  var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function startChart(el) {
    var src = document.getElementById(el.getAttribute('data-option'));
    if (!src || !window.echarts || !window.echarts.init) return;
    var option;
    try {
      option = JSON.parse(src.textContent);
    } catch (e) {
      return;
    }
    // No animation for readers who asked for less motion, nor on the print
    // edition, whose charts must be drawn when the page is printed.
    if (still || document.body.classList.contains('page-print')) option.animation = false;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    }
  }

  function startToggle(btn) {
    var target = document.getElementById(btn.getAttribute('aria-controls'));
    if (!target) return;
    var show = btn.textContent;
    var hide = btn.getAttribute('data-hide') || show;
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var open = target.classList.toggle('open');
      btn.setAttribute('aria-expanded', open ? 'true' : 'false');
      btn.textContent = open ? hide : show;
    });
  }

  // Opened from file://, links from the site root lead nowhere: make
  // them relative to this page and name the index.html files.
  function fileLinks() {
    if (location.protocol !== 'file:') return;
    var base = root.getAttribute('data-base') || '/';
    var rel = root.getAttribute('data-root') || './';
    if (rel.charAt(0) === '/') return;
    function local(u) {
      if (!u || u.indexOf(base) !== 0) return null;
      var p = u.slice(base.length);
      var hash = '';
      var h = p.indexOf('#');
      if (h >= 0) { hash = p.slice(h); p = p.slice(0, h); }
      if (p === '' || p.charAt(p.length - 1) === '/') p += 'index.html';
      return rel + p + hash;
    }
    var links = document.querySelectorAll('a[href], form[action]');
    for (var i = 0; i < links.length; i++) {
      var el = links[i];
      var attr = el.tagName === 'FORM' ? 'action' : 'href';
      var u = local(el.getAttribute(attr));
      if (u) el.setAttribute(attr, u);
    }
  }

  function start() {
    fileLinks();
    var els = document.querySelectorAll('.chart[data-option]');
    for (var i = 0; i < els.length; i++) startChart(els[i]);
    var btns = document.querySelectorAll('button.show-data');
    for (var j = 0; j < btns.length; j++) startToggle(btns[j]);
    var imgs = document.querySelectorAll('button.figure-image');
    for (var k = 0; k < imgs.length; k++) startImage(imgs[k]);
    var embeds = document.querySelectorAll('.figure-embed');
    for (var m = 0; m < embeds.length; m++) startEmbed(embeds[m]);
  }

  // Figures that travel: a chart as a PNG or SVG file with its title,
  // years, notes, source line and the site's name drawn in, made in the
  // browser from ECharts' SVG, so it works offline and from file://.
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function xml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // wrap breaks text into lines no wider than width at the given font:
  // between words in Latin text, between any two characters in Chinese.
  function wrap(ctx, text, font, width) {
    ctx.font = font;
    var tokens = text.match(/[A-Za-z0-9.,;:%()'"\-+\/]+\s*|\s+|./g) || [];
    var lines = [], line = '';
    for (var i = 0; i < tokens.length; i++) {
      var next = line + tokens[i];
      if (line && ctx.measureText(next.replace(/\s+$/, '')).width > width) {
        lines.push(line.replace(/\s+$/, ''));
        line = tokens[i].replace(/^\s+/, '');
      } else {
        line = next;
      }
    }
    if (line.replace(/\s+$/, '')) lines.push(line.replace(/\s+$/, ''));
    return lines;
  }

  function text(el) { return el ? el.textContent.replace(/\s+/g, ' ').trim() : ''; }

  // figureSVG returns the figure's image as an SVG document and its size.
  function figureSVG(fig) {
    var el = fig.querySelector('.chart');
    var chart = el && window.echarts && window.echarts.getInstanceByDom(el);
    if (!chart) return null;
    var cw = el.clientWidth, ch = el.clientHeight, pad = 24, w = Math.max(cw + 2 * pad, 480);
    var ctx = document.createElement('canvas').getContext('2d');
    var blocks = [];
    var title = text(fig.querySelector('.figure-title'));
    var span = text(fig.querySelector('.figure-span'));
    blocks.push({lines: wrap(ctx, title + (span ? '  ' + span : ''), 'bold 20px ' + FONT, w - 2 * pad), size: 20, weight: 'bold', color: '#1d2733'});
    var after = [];
    var target = text(fig.querySelector('.figure-target'));
    if (target) after.push({t: target, size: 13, color: '#4a5666'});
    // The source line ends with the values' notes: each on its own line.
    var notes = text(fig.querySelector('.figure-source-notes'));
    var source = text(fig.querySelector('.figure-source'));
    if (notes) source = source.slice(0, source.lastIndexOf(notes)).trim();
    if (source) after.push({t: source, size: 13, color: '#4a5666'});
    if (notes) after.push({t: notes, size: 13, color: '#4a5666'});
    var site = document.querySelector('meta[property="og:site_name"]');
    var credit = site ? site.getAttribute('content') : document.title;
    if (/^https?:$/.test(location.protocol)) credit += ' · ' + location.href.split('#')[0] + '#' + fig.id;
    after.push({t: credit, size: 12, color: '#4a5666'});
    var out = [], y = pad;
    function draw(b) {
      for (var j = 0; j < b.lines.length; j++) {
        y += b.size * 1.45;
        out.push('<text x="' + pad + '" y="' + (y - b.size * 0.35) + '" font-family="' + xml(FONT) + '" font-size="' + b.size +
          '" fill="' + b.color + '"' + (b.weight ? ' font-weight="' + b.weight + '"' : '') + '>' + xml(b.lines[j]) + '</text>');
      }
    }
    draw(blocks[0]);
    y += 8;
    // The chart as ECharts' SVG renderer drew it, placed by setting its
    // root's attributes and written out as XML (ECharts' own
    // renderToSVGString leaves quotes in style attributes unescaped).
    var drawn = el.querySelector('svg');
    if (!drawn) return null;
    var root = drawn.cloneNode(true);
    var place = {x: (w - cw) / 2, y: y, width: cw, height: ch, viewBox: '0 0 ' + cw + ' ' + ch};
    for (var a in place) root.setAttribute(a, String(place[a]));
    out.push(new XMLSerializer().serializeToString(root));
    y += ch + 8;
    for (var k = 0; k < after.length; k++) {
      draw({lines: wrap(ctx, after[k].t, after[k].size + 'px ' + FONT, w - 2 * pad), size: after[k].size, color: after[k].color});
    }
    var h = Math.ceil(y + pad);
    var svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="' + w + '" height="' + h +
      '" viewBox="0 0 ' + w + ' ' + h + '"><rect width="100%" height="100%" fill="#ffffff"/>' + out.join('') + '</svg>';
    return {svg: svg, width: w, height: h};
  }

  // figureImage resolves to the figure's image as a Blob: "svg" or "png"
  // (drawn at twice the size, for print and high-density screens).
  function figureImage(fig, format) {
    return new Promise(function (resolve, reject) {
      var img = figureSVG(fig);
      if (!img) { reject(new Error('the chart has not been drawn')); return; }
      if (format === 'svg') { resolve(new Blob([img.svg], {type: 'image/svg+xml'})); return; }
      var pic = new Image();
      pic.onload = function () {
        var canvas = document.createElement('canvas');
        canvas.width = img.width * 2;
        canvas.height = img.height * 2;
        var ctx = canvas.getContext('2d');
        ctx.scale(2, 2);
        ctx.drawImage(pic, 0, 0, img.width, img.height);
        canvas.toBlob(function (b) { if (b) resolve(b); else reject(new Error('no PNG')); }, 'image/png');
      };
      pic.onerror = function () { reject(new Error('the SVG did not load as an image')); };
      pic.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(img.svg);
    });
  }

  function save(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function startImage(btn) {
    var fig = btn.closest('figure');
    if (!fig || !window.Promise || !window.Blob) return;
    btn.hidden = false;
    btn.addEventListener('click', function () {
      var format = btn.getAttribute('data-format');
      figureImage(fig, format).then(function (b) { save(b, fig.id + '.' + format); });
    });
  }

  // startEmbed puts the page's own address into the iframe snippet when
  // the site was built without a host in baseURL, and works the copy button.
  function startEmbed(box) {
    var code = box.querySelector('textarea');
    var btn = box.querySelector('button.figure-copy');
    var status = box.querySelector('.figure-copy-status');
    if (!code || !btn) return;
    var src = code.getAttribute('data-src') || '';
    if (src.charAt(0) === '/' && /^https?:$/.test(location.protocol)) {
      code.value = code.value.replace('src="' + xml(src) + '"', 'src="' + xml(location.origin + src) + '"');
    }
    btn.hidden = false;
    btn.addEventListener('click', function () {
      function done() { status.textContent = btn.getAttribute('data-done'); }
      code.focus();
      code.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code.value).then(done, function () { if (document.execCommand('copy')) done(); });
      } else if (document.execCommand('copy')) {
        done();
      }
    });
  }

  window.nianbao = { figureImage: figureImage, figureSVG: figureSVG };

  window.addEventListener('beforeprint', function () {
    for (var i = 0; i < charts.length; i++) charts[i].resize();
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
