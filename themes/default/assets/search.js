// nianbao search: the index is a script (window.NIANBAO_SEARCH) rather
// than a fetched file, so search works when the site is opened from
// file:// as well as from a web server.
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

  function search(q) {
    var toks = tokens(q);
    if (!toks.length) return [];
    var pages = (window.NIANBAO_SEARCH && window.NIANBAO_SEARCH.pages) || [];
    var hits = [];
    for (var i = 0; i < pages.length; i++) {
      var p = pages[i];
      var title = p.t.toLowerCase(), text = p.x.toLowerCase();
      var score = 0, all = true;
      for (var t = 0; t < toks.length; t++) {
        var inTitle = count(title, toks[t]), inText = count(text, toks[t]);
        if (!inTitle && !inText) { all = false; break; }
        score += inTitle * 10 + Math.min(inText, 20);
      }
      if (!all) continue;
      if (title.indexOf(q.toLowerCase()) >= 0) score += 50;
      if (text.indexOf(q.toLowerCase()) >= 0) score += 20;
      hits.push({ page: p, score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.page.u < b.page.u ? -1 : 1); });
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

  function show(q) {
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!list || !status) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) { status.textContent = ''; return; }
    var toks = tokens(q);
    var hits = search(q);
    status.textContent = hits.length
      ? status.getAttribute('data-results').replace('{n}', String(hits.length))
      : status.getAttribute('data-none');
    for (var i = 0; i < hits.length; i++) {
      var p = hits[i].page;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = href(p.u);
      var marks = [q.toLowerCase()].concat(toks);
      mark(a, p.t, marks);
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
      li.appendChild(s);
      list.appendChild(li);
    }
  }

  function start() {
    var input = document.getElementById('search-q');
    if (!input) return;
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    show(q);
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(input.value.trim()); }, 120);
    });
    var form = input.form;
    if (form) form.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = input.value.trim();
      show(v);
      if (history.replaceState) history.replaceState(null, '', '?q=' + encodeURIComponent(v));
    });
  }

  window.nianbaoSearch = { tokens: tokens, search: search };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
