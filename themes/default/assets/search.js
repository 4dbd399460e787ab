// nianbao search: the index is scripts rather than fetched files, so
// search works when the site is opened from file:// as well as from a web
// server. window.NIANBAO_SEARCH holds the pages of no report and lists one
// script per report, newest first; those load one after another, only
// when the reader searches, and only the chosen year's when results are
// narrowed to one, so the newest report's results show first.
//
// Chinese has no spaces between words, so text is matched by overlapping
// character pairs (bigrams); Latin words and numbers are matched whole.
(function () {
  'use strict';
  var root = document.documentElement;
  var base = root.getAttribute('data-base') || '/';
  var rel = root.getAttribute('data-root') || './';
  var fileMode = location.protocol === 'file:';
  var cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

  function tokens(q) {
    var out = [];
    var parts = q.toLowerCase().split(/[\s,，。、；;：:！!？?（）()《》“”"'‘’]+/);
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i];
      if (!p) continue;
      // Split a part into runs of Chinese and of other characters.
      var run = '', runCJK = false;
      for (var j = 0; j <= p.length; j++) {
        var ch = p.charAt(j);
        var isCJK = ch !== '' && cjk.test(ch);
        if (j === p.length || (run && isCJK !== runCJK)) {
          if (run) {
            if (runCJK && run.length > 1) {
              for (var k = 0; k + 1 < run.length; k++) out.push(run.substr(k, 2));
            } else {
              out.push(run);
            }
          }
          run = '';
        }
        if (ch !== '') { run += ch; runCJK = isCJK; }
      }
    }
    return out;
  }

  function count(hay, needle) {
    var n = 0, i = hay.indexOf(needle);
    while (i >= 0) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }

  var index = window.NIANBAO_SEARCH || { pages: [], years: [] };
  var years = index.years || [];
  var docs = (index.pages || []).slice();
  var state = {}; // year → 'loading', 'done' or 'failed'
  var onChange = function () {};
  var want = ''; // the year the reader searches in, '' for every year

  function settled(y) { return state[y] === 'done' || state[y] === 'failed'; }

  // wanted lists the reports a search in year (or every year, '') needs.
  function wanted(year) {
    var out = [];
    for (var i = 0; i < years.length; i++) {
      if (!year || String(years[i].y) === year) out.push(years[i]);
    }
    return out;
  }

  // load loads the scripts of the reports a search in year needs, newest
  // first and one at a time, calling onChange after each; a change of year
  // changes what loads next.
  function load(year) {
    want = year;
    var list = wanted(year);
    for (var i = 0; i < list.length; i++) {
      var y = list[i];
      if (state[y.y]) {
        if (state[y.y] === 'loading') return; // its onload goes on
        continue;
      }
      state[y.y] = 'loading';
      var el = document.createElement('script');
      el.src = rel + y.u;
      el.onload = function () {
        var part = (window.NIANBAO_SEARCH_YEARS || {})[y.y] || [];
        for (var j = 0; j < part.length; j++) docs.push(part[j]);
        state[y.y] = 'done';
        onChange();
        load(want);
      };
      el.onerror = function () { state[y.y] = 'failed'; onChange(); load(want); };
      document.head.appendChild(el);
      return;
    }
  }

  // progress is how many of the reports a search needs have loaded.
  function progress(year) {
    var list = wanted(year), done = 0;
    for (var i = 0; i < list.length; i++) if (settled(list[i].y)) done++;
    return { done: done, total: list.length };
  }

  function search(q, year) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var lq = q.toLowerCase();
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var p = docs[i];
      if (year && String(p.y || '') !== year) continue;
      var title = p.t.toLowerCase(), text = p.x.toLowerCase(), keys = (p.k || '').toLowerCase();
      var score = 0, all = true;
      for (var t = 0; t < toks.length; t++) {
        var inTitle = count(title, toks[t]), inText = count(text, toks[t]), inKeys = count(keys, toks[t]);
        if (!inTitle && !inText && !inKeys) { all = false; break; }
        score += inTitle * 10 + Math.min(inText, 20) + Math.min(inKeys, 3) * 3;
      }
      if (!all) continue;
      if (title.indexOf(lq) >= 0) score += 50;
      if (text.indexOf(lq) >= 0) score += 20;
      hits.push({ page: p, score: score });
    }
    // Among equals, the newest report first.
    hits.sort(function (a, b) {
      return b.score - a.score || (b.page.y || 0) - (a.page.y || 0) || (a.page.u < b.page.u ? -1 : 1);
    });
    return hits.slice(0, 50);
  }

  function snippet(text, q, toks) {
    var lower = text.toLowerCase();
    var at = lower.indexOf(q.toLowerCase());
    if (at < 0 && toks.length) at = lower.indexOf(toks[0]);
    if (at < 0) at = 0;
    var start = Math.max(0, at - 40);
    return (start > 0 ? '…' : '') + text.substr(start, 120) + (start + 120 < text.length ? '…' : '');
  }

  function href(u) {
    if (fileMode) return rel + u + (u === '' || u.charAt(u.length - 1) === '/' ? 'index.html' : '');
    return base + u;
  }

  // mark writes text into el with every token highlighted; no HTML is
  // built from strings, so page text cannot become markup.
  function mark(el, text, toks) {
    var lower = text.toLowerCase(), i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      for (var t = 0; t < toks.length; t++) {
        var at = lower.indexOf(toks[t], i);
        if (at >= 0 && (best < 0 || at < best || (at === best && toks[t].length > len))) { best = at; len = toks[t].length; }
      }
      if (best < 0) { el.appendChild(document.createTextNode(text.substr(i))); break; }
      if (best > i) el.appendChild(document.createTextNode(text.substring(i, best)));
      var m = document.createElement('mark');
      m.textContent = text.substr(best, len);
      el.appendChild(m);
      i = best + len;
    }
  }

  function show(q, year) {
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!list || !status) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) {
      status.textContent = '';
      list.setAttribute('data-state', 'done');
      list.removeAttribute('aria-busy');
      return;
    }
    load(year);
    var toks = tokens(q);
    var hits = search(q, year);
    var pr = progress(year);
    if (pr.done < pr.total) {
      list.setAttribute('data-state', 'loading');
      list.setAttribute('aria-busy', 'true');
      status.textContent = status.getAttribute('data-loading').replace('{done}', String(pr.done)).replace('{total}', String(pr.total));
    } else {
      list.setAttribute('data-state', 'done');
      list.removeAttribute('aria-busy');
      status.textContent = hits.length
        ? status.getAttribute('data-results').replace('{n}', String(hits.length))
        : status.getAttribute('data-none');
    }
    for (var i = 0; i < hits.length; i++) {
      var p = hits[i].page;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href(p.u);
      var marks = [q.toLowerCase()].concat(toks);
      mark(a, p.t, marks);
      if (p.tl) a.setAttribute('lang', p.tl);
      li.appendChild(a);
      if (p.w) {
        var w = document.createElement('span');
        w.className = 'search-where';
        w.textContent = p.w;
        li.appendChild(w);
      }
      var s = document.createElement('p');
      s.className = 'search-snippet';
      mark(s, snippet(p.x, q, toks), marks);
      if (p.xl) s.setAttribute('lang', p.xl);
      li.appendChild(s);
      list.appendChild(li);
    }
  }

  function start() {
    var input = document.getElementById('search-q');
    if (!input) return;
    var select = document.getElementById('search-year');
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    if (select) select.value = params.get('year') || '';
    if (select && select.selectedIndex < 0) select.value = ''; // a year that has no report
    function year() { return select ? select.value : ''; }
    function update() { show(input.value.trim(), year()); }
    onChange = update;
    update();
    // Start loading as the reader reaches for the box.
    input.addEventListener('focus', function () { load(year()); });
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    function remember() {
      if (!history.replaceState) return;
      var q = '?q=' + encodeURIComponent(input.value.trim());
      if (year()) q += '&year=' + encodeURIComponent(year());
      history.replaceState(null, '', q);
    }
    if (select) select.addEventListener('change', function () { update(); remember(); });
    var form = input.form;
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault();
      update();
      remember();
    });
  }

  window.nianbaoSearch = { tokens: tokens, search: search };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
