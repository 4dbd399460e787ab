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
  }

  window.addEventListener('beforeprint', function () {
    for (var i = 0; i < charts.length; i++) charts[i].resize();
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
