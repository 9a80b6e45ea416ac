// briefing search: ranks the sections of the prebuilt index against the
// query in ?q=, with filters by theme, dialogue and year. search-index.js
// (window.BRIEFING_SEARCH) holds what ranking and filtering need (each
// document's year, themes, dialogues and number of entries, each entry's
// length, the first term of each term script); the scripts holding a
// query's terms (search-terms/<n>.js), the names and titles of the results
// shown (search-docs/<n>.js) and their passages (search/<n>.js, one a
// bucket of about four documents) are loaded when needed, with <script>
// tags so everything works from file:// and offline.
// tokenize() mirrors src/text/tokenize/ and fnv1a() the bucket hash of
// src/search/passages.rs; change both sides together.
(function () {
  'use strict';

  var PAGE_SIZE = 20;
  var PASSAGE_CHARS = 240;
  var PREFIX_MIN = 3;
  var PREFIX_MAX_TERMS = 30;
  var PREFIX_WEIGHT = 0.6;
  var K1 = 1.2;
  var B = 0.75;

  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var NUMBER = /\p{N}/u;

  function isCjk(c) {
    var n = c.codePointAt(0);
    return (n >= 0x3040 && n <= 0x30ff) || (n >= 0x31f0 && n <= 0x31ff) ||
      (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0x1100 && n <= 0x11ff) ||
      (n >= 0x3130 && n <= 0x318f) || (n >= 0xac00 && n <= 0xd7af) ||
      (n >= 0x20000 && n <= 0x2fa1f);
  }

  function fold(text) {
    return Array.from(text.normalize('NFKC')).map(function (c) { return c.toLowerCase(); }).join('');
  }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/sses$/.test(w)) w = w.slice(0, -2);
    else if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
    if (/ing$/.test(w) && w.length >= 7) w = w.slice(0, -3);
    else if (/ed$/.test(w) && w.length >= 6) w = w.slice(0, -2);
    if (/e$/.test(w) && w.length > 4) w = w.slice(0, -1);
    return w;
  }

  // Runs of word characters in `chars` (an array of single characters):
  // [{start, end, cjk}] with end exclusive.
  function runs(chars) {
    var out = [];
    var run = null;
    chars.forEach(function (c, i) {
      var cjk = isCjk(c);
      var word = cjk || WORD.test(c);
      if (run && (!word || cjk !== run.cjk)) { out.push(run); run = null; }
      if (word) {
        if (!run) run = { start: i, end: i + 1, cjk: cjk };
        else run.end = i + 1;
      }
    });
    if (run) out.push(run);
    return out;
  }

  // Terms of a run, each with the character span it came from.
  function runTerms(chars, run, stop) {
    var text = chars.slice(run.start, run.end).join('');
    if (run.cjk) {
      if (run.end - run.start === 1) return [{ term: text, start: run.start, end: run.end }];
      var grams = [];
      for (var i = run.start; i + 1 < run.end; i++) {
        grams.push({ term: chars[i] + chars[i + 1], start: i, end: i + 2 });
      }
      return grams;
    }
    var single = run.end - run.start === 1 && !NUMBER.test(text);
    if (single || stop[text]) return [];
    return [{ term: stem(text), start: run.start, end: run.end }];
  }

  function tokenize(text, stop) {
    var chars = Array.from(fold(text));
    var terms = [];
    runs(chars).forEach(function (run) {
      runTerms(chars, run, stop).forEach(function (t) { terms.push(t.term); });
    });
    return terms;
  }

  // 32-bit FNV-1a over the UTF-8 bytes of `text`, as unsigned.
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash;
  }

  // The passage bucket of the document `slug` among `buckets`.
  function textBucket(slug, buckets) {
    return fnv1a(slug) % buckets;
  }

  // ---- the index -------------------------------------------------------

  // Compares by code point, as the index sorts terms (UTF-8 byte order).
  function compare(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return (a.length - i) - (b.length - j);
  }

  function Index(data) {
    this.data = data;
    this.stop = {};
    var self = this;
    data.stop.forEach(function (w) { self.stop[w] = true; });
    this.terms = {};
    this.shardTerms = [];
    this.cache = {};
    this.docInfo = [];
    // Each entry's document and its place among the document's entries.
    this.docOf = [];
    this.ordinal = [];
    data.docs.forEach(function (d, doc) {
      for (var i = 0; i < d[3]; i++) { self.docOf.push(doc); self.ordinal.push(i); }
    });
    var total = 0;
    data.lengths.forEach(function (n) { total += n; });
    this.avgLength = data.lengths.length ? total / data.lengths.length : 1;
  }

  Index.prototype.addDocs = function (number, docs) {
    var first = number * this.data.docsPerScript;
    for (var i = 0; i < docs.length; i++) this.docInfo[first + i] = docs[i];
  };

  // The document script holding the names and titles of entry `section`.
  Index.prototype.docScriptOf = function (section) {
    return Math.floor(this.docOf[section] / this.data.docsPerScript);
  };

  // The passage script (bucket) holding the document `slug`'s passages.
  Index.prototype.textScriptOf = function (slug) {
    return textBucket(slug, this.data.textBuckets || 1);
  };

  // The term script a term would be in: the last whose first term is not after it.
  Index.prototype.shardOf = function (term) {
    var firsts = this.data.shards;
    var lo = 0, hi = firsts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (compare(firsts[mid], term) <= 0) lo = mid + 1; else hi = mid; }
    return lo - 1;
  };

  // The term scripts a query term needs: its own, and those of the words it begins.
  Index.prototype.shardsFor = function (term) {
    var first = this.shardOf(term);
    var out = first >= 0 ? [first] : [];
    if (term.length < PREFIX_MIN || isCjk(term[0])) return out;
    var firsts = this.data.shards;
    for (var i = first + 1; i < firsts.length && firsts[i].lastIndexOf(term, 0) === 0; i++) out.push(i);
    return out;
  };

  Index.prototype.addShard = function (number, pairs) {
    var self = this;
    this.shardTerms[number] = pairs.map(function (p) { self.terms[p[0]] = p[1]; return p[0]; });
  };

  Index.prototype.postings = function (term) {
    if (this.cache[term]) return this.cache[term];
    var raw = this.terms[term] || [];
    var out = [];
    var section = -1;
    for (var i = 0; i < raw.length; i++) {
      if (raw[i] < 0) { out[out.length - 1][1] = -raw[i]; continue; }
      section += raw[i];
      out.push([section, 1]);
    }
    this.cache[term] = out;
    return out;
  };

  // The index terms a query term stands for: itself, and words it begins
  // (from the term scripts shardsFor named, which must be loaded).
  Index.prototype.expand = function (term) {
    var out = [];
    if (this.terms[term]) out.push([term, 1]);
    if (term.length < PREFIX_MIN || isCjk(term[0])) return out;
    var self = this;
    this.shardsFor(term).forEach(function (n) {
      (self.shardTerms[n] || []).forEach(function (t) {
        if (out.length < PREFIX_MAX_TERMS && t !== term && t.lastIndexOf(term, 0) === 0) out.push([t, PREFIX_WEIGHT]);
      });
    });
    return out;
  };

  Index.prototype.allowed = function (section, filters) {
    var doc = this.data.docs[this.docOf[section]];
    if (filters.theme >= 0 && doc[1].indexOf(filters.theme) < 0) return false;
    if (filters.dialogue >= 0 && doc[2].indexOf(filters.dialogue) < 0) return false;
    if (filters.year && String(doc[0]) !== filters.year) return false;
    return true;
  };

  // BM25 over sections; every query term must match unless none does.
  Index.prototype.search = function (query, filters) {
    var self = this;
    var terms = Array.from(new Set(tokenize(query, this.stop)));
    var n = this.data.lengths.length;
    var scores = {}, hits = {}, matched = {};
    terms.forEach(function (term) {
      self.expand(term).forEach(function (pair) {
        matched[pair[0]] = true;
        var list = self.postings(pair[0]);
        var idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
        list.forEach(function (p) {
          var len = self.data.lengths[p[0]];
          var tf = p[1];
          var s = pair[1] * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len / self.avgLength));
          scores[p[0]] = (scores[p[0]] || 0) + s;
          hits[p[0]] = hits[p[0]] || {};
          hits[p[0]][term] = true;
        });
      });
    });
    var candidates = Object.keys(scores).map(Number).filter(function (s) { return self.allowed(s, filters); });
    var every = candidates.filter(function (s) { return Object.keys(hits[s]).length === terms.length; });
    var partial = every.length === 0 && candidates.length > 0;
    var results = (partial ? candidates : every).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return { terms: terms, matched: matched, results: results, partial: partial };
  };

  // ---- loading scripts -------------------------------------------------

  // Loads `src` once with a <script> tag; `done` runs when it has run (or failed).
  var scripts = {};
  function loadScript(src, done) {
    var state = scripts[src];
    if (state && state.loaded) { done(); return; }
    if (state) { state.waiting.push(done); return; }
    state = scripts[src] = { loaded: false, waiting: [done] };
    var finish = function () {
      state.loaded = true;
      state.waiting.forEach(function (f) { f(); });
      state.waiting = [];
    };
    var script = document.createElement('script');
    script.src = src;
    script.onload = finish;
    script.onerror = finish;
    document.head.appendChild(script);
  }

  // Loads the term scripts `numbers`; `done` runs once all have.
  var termIndex = null;
  window.BRIEFING_SEARCH_TERMS = function (number, pairs) {
    if (termIndex) termIndex.addShard(number, pairs);
  };
  window.BRIEFING_SEARCH_DOCS = function (number, docs) {
    if (termIndex) termIndex.addDocs(number, docs);
  };

  // Loads the scripts `folder`/<n>.js for each n of `numbers`; `done` runs once all have.
  function loadNumbered(folder, numbers, done) {
    var unique = Array.from(new Set(numbers));
    var left = unique.length;
    if (!left) { done(); return; }
    unique.forEach(function (n) {
      loadScript(folder + '/' + n + '.js', function () { if (--left === 0) done(); });
    });
  }

  // ---- passages --------------------------------------------------------

  var texts = {};
  window.BRIEFING_SEARCH_TEXT = function (slug, list) {
    texts[slug] = list;
  };

  // Loads the passages of `slug` with the rest of its bucket `bucket` (each
  // bucket once, however many results are in it: loadScript keeps who waits
  // for it); `done` gets them, or none when the script failed to load.
  function loadTexts(slug, bucket, done) {
    loadScript('search/' + bucket + '.js', function () { done(texts[slug] || []); });
  }

  // The spans of `text` to highlight: characters whose terms matched.
  function highlights(chars, index, matched) {
    var marked = new Array(chars.length);
    var folded = chars.map(function (c) { var f = fold(c); return f.length ? f : c; });
    runs(folded).forEach(function (run) {
      runTerms(folded, run, index.stop).forEach(function (t) {
        if (!matched[t.term]) return;
        for (var i = t.start; i < t.end; i++) marked[i] = true;
      });
    });
    return marked;
  }

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // The window of the text with the most highlighted characters, as HTML.
  function passage(text, index, matched) {
    var chars = Array.from(text);
    var marked = highlights(chars, index, matched);
    var best = 0, bestCount = -1, count = 0;
    for (var i = 0; i < chars.length; i++) {
      if (marked[i]) count++;
      if (i >= PASSAGE_CHARS && marked[i - PASSAGE_CHARS]) count--;
      if (count > bestCount) { bestCount = count; best = Math.max(0, i - PASSAGE_CHARS + 1); }
    }
    var start = Math.max(0, best - 20);
    while (start > 0 && !/\s/.test(chars[start - 1])) start--;
    var end = Math.min(chars.length, start + PASSAGE_CHARS);
    while (end < chars.length && !/\s/.test(chars[end]) && end - start < PASSAGE_CHARS + 30) end++;
    var html = start > 0 ? '… ' : '';
    for (var j = start; j < end; j++) {
      var c = escapeHtml(chars[j]);
      if (marked[j] && (j === start || !marked[j - 1])) html += '<mark>';
      html += c;
      if (marked[j] && (j === end - 1 || !marked[j + 1])) html += '</mark>';
    }
    return html + (end < chars.length ? ' …' : '');
  }

  // ---- the page --------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function start() {
    var form = document.getElementById('search-form');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!form || !status || !list) return;
    if (!window.BRIEFING_SEARCH) {
      status.textContent = 'The search index could not be loaded; browse the themes, dialogues and years instead.';
      return;
    }
    var index = termIndex = new Index(window.BRIEFING_SEARCH);
    var data = index.data;
    var input = form.elements.q;
    var selects = { theme: form.elements.theme, dialogue: form.elements.dialogue, year: form.elements.year };
    var shown = 0, generation = 0, current = null;
    var more = el('button', 'search-more', 'Show more results');
    more.type = 'button';
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);

    function slugIndex(list, slug) {
      for (var i = 0; i < list.length; i++) if (list[i][0] === slug) return i;
      return -1;
    }

    function filters() {
      return {
        theme: selects.theme && selects.theme.value ? slugIndex(data.themes, selects.theme.value) : -1,
        dialogue: selects.dialogue && selects.dialogue.value ? slugIndex(data.dialogues, selects.dialogue.value) : -1,
        year: selects.year ? selects.year.value : ''
      };
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get('q') || '';
      Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].value = params.get(k) || ''; });
      var header = document.getElementById('site-search-q');
      if (header) header.value = input.value;
    }

    function writeUrl() {
      var params = new URLSearchParams();
      if (input.value) params.set('q', input.value);
      Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) params.set(k, selects[k].value); });
      var qs = params.toString();
      try {
        window.history.replaceState(null, '', qs ? '?' + qs : window.location.pathname.split('/').pop());
      } catch (e) { /* some file:// setups refuse; the results still show */ }
    }

    // A result; its document's script must be loaded.
    function item(section, matched, gen) {
      var doc = index.docInfo[index.docOf[section]] || ['', '', '', []];
      var s = doc[3][index.ordinal[section]] || ['', ''];
      var li = el('li', 'search-result');
      var meta = el('p', 'search-result__meta');
      meta.appendChild(el('span', null, doc[2] || 'Undated'));
      if (s[0]) meta.appendChild(document.createTextNode(' · ' + doc[1]));
      var heading = el('h2', 'search-result__title');
      var link = el('a', null, s[0] ? s[1] : doc[1]);
      link.href = 'documents/' + encodeURIComponent(doc[0]) + '.html' + (s[0] ? '#' + encodeURIComponent(s[0]) : '');
      heading.appendChild(link);
      var text = el('p', 'search-result__passage');
      li.appendChild(meta);
      li.appendChild(heading);
      li.appendChild(text);
      loadTexts(doc[0], index.textScriptOf(doc[0]), function (all) {
        if (gen !== generation) return;
        var body = all[index.ordinal[section]] || '';
        if (body) text.innerHTML = passage(body, index, matched);
        else text.remove();
      });
      return li;
    }

    function showMore() {
      var next = current.results.slice(shown, shown + PAGE_SIZE);
      var gen = generation, shownResults = current;
      shown += next.length;
      more.hidden = true;
      loadNumbered('search-docs', next.map(function (s) { return index.docScriptOf(s); }), function () {
        if (gen !== generation) return;
        next.forEach(function (section) { list.appendChild(item(section, shownResults.matched, gen)); });
        more.hidden = shown >= shownResults.results.length;
      });
    }

    function run() {
      generation++;
      list.textContent = '';
      shown = 0;
      var query = input.value.trim();
      if (!query) {
        current = null;
        more.hidden = true;
        status.textContent = 'Type a word or phrase to search ' + data.docs.length + ' documents.';
        return;
      }
      var gen = generation;
      var needed = [];
      tokenize(query, index.stop).forEach(function (t) { needed = needed.concat(index.shardsFor(t)); });
      status.textContent = 'Searching…';
      loadNumbered('search-terms', needed, function () {
        if (gen === generation) show(query);
      });
    }

    function show(query) {
      current = index.search(query, filters());
      var n = current.results.length;
      status.textContent = n === 0
        ? 'No results for “' + query + '”.'
        : (current.partial ? 'No section has every word; ' + n + ' with some of them' : n + ' result' + (n === 1 ? '' : 's')) +
          ' for “' + query + '”.';
      showMore();
    }

    var timer = null;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { writeUrl(); run(); }, 150);
    }

    form.addEventListener('submit', function (e) { e.preventDefault(); writeUrl(); run(); });
    input.addEventListener('input', later);
    Object.keys(selects).forEach(function (k) { if (selects[k]) selects[k].addEventListener('change', later); });
    more.addEventListener('click', showMore);
    readUrl();
    run();
  }

  window.BriefingSearch = {
    tokenize: function (text) {
      var stop = {};
      ((window.BRIEFING_SEARCH && window.BRIEFING_SEARCH.stop) || []).forEach(function (w) { stop[w] = true; });
      return tokenize(text, stop);
    },
    stem: stem,
    fnv1a: fnv1a,
    textBucket: textBucket
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
