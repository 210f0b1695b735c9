/* Site search: fetches the parts of the index built at build time that a query needs, and
 * shows results under the form.
 *
 * Nothing typed is put in the address, in storage or in history: the box has no name, the
 * form's own submission is stopped, and results are plain links. Without this script, the
 * form leads to the A to Z page. */
(function () {
  "use strict";

  var FUZZY_MIN_LENGTH = 5;
  var FORMAT = 3; // shards.py's FORMAT: the shape of the files this script reads

  function normalise(text) {
    return text.replace(/\u2019/g, "'").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Every phrase of each synonym group the query mentions: the same rule the index used. */
  function expand(query, groups) {
    var found = [];
    groups.forEach(function (group) {
      var hit = group.some(function (phrase) {
        return new RegExp("(^|[^\\w])" + escapeRegExp(phrase) + "(?![\\w])").test(query);
      });
      if (hit) {
        group.forEach(function (phrase) {
          if (found.indexOf(phrase) === -1) { found.push(phrase); }
        });
      }
    });
    return found;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text) { el.textContent = text; }
    return el;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "omit" }).then(function (response) {
      if (!response.ok) { throw new Error("search: " + response.status); }
      return response.json();
    });
  }

  function later() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function zeros(count) {
    var list = [];
    for (var i = 0; i < count; i++) { list.push(0); }
    return list;
  }

  /* FNV-1a over code points: the same sum the build used to file names into buckets. */
  function bucketOf(key, buckets) {
    var value = 0x811c9dc5;
    Array.from(key).forEach(function (char) {
      value = Math.imul(value ^ char.codePointAt(0), 0x01000193) >>> 0;
    });
    return value % buckets;
  }

  /* The two keys under which every index term one edit away from ``word`` is listed. */
  function bucketKeys(word) {
    var chars = Array.from(word);
    var size = chars.length;
    if (size <= 2) { return ["0"]; }
    var keep = size >= 5 ? 2 : 1;
    return [size + "<" + chars.slice(0, keep).join(""), size + ">" + chars.slice(-keep).join("")];
  }

  /* One insertion, deletion, substitution or swap of neighbours at most: lunr's fuzzy match. */
  function oneEditAway(a, b) {
    if (a === b) { return true; }
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) { i++; }
    if (a.length > b.length) { return a.slice(i + 1) === b.slice(i); }
    if (a.length < b.length) { return a.slice(i) === b.slice(i + 1); }
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) &&
        a.slice(i + 2) === b.slice(i + 2));
  }

  /* The index built by lunr.py, in parts: a query fetches the postings of its own terms and
   * the details of the results it shows, and scores as lunr.js's Index.query does (the dot
   * product of the query vector with each matching field vector, over the query's length). */
  function ShardedIndex(manifestUrl, manifest) {
    this.base = new URL(manifest.folder, manifestUrl);
    this.manifest = manifest;
    this.groups = manifest.synonyms || [];
    // Maps without a prototype: index terms such as "constructor" are plain keys here.
    this.services = Object.create(null);
    var services = this.services;
    manifest.services.forEach(function (doc) { services[doc] = true; });
    this.files = Object.create(null);
    this.pipeline = new window.lunr.Pipeline();
    this.pipeline.add(window.lunr.stemmer); // lunr.py's search pipeline
    // The reader's language is the page's. Its documents come first; in a language other than
    // English, whose pages are indexed as written, words are also looked up unstemmed.
    this.reader = document.documentElement.lang || manifest.language || "en";
    this.english = this.reader.split("-")[0].toLowerCase() === "en";
    var languages = manifest.languages || {};
    this.own = Object.create(null); // documents in the reader's language
    this.other = Object.create(null); // documents in another language than the site's
    var self = this;
    Object.keys(languages).forEach(function (code) {
      languages[code].forEach(function (doc) {
        self.other[doc] = true;
        if (code === self.reader) { self.own[doc] = true; }
      });
    });
  }

  /* Whether a document is in the reader's language. */
  ShardedIndex.prototype.inReaderLanguage = function (doc) {
    return this.reader === (this.manifest.language || "en") ? !this.other[doc] : !!this.own[doc];
  };

  ShardedIndex.prototype.file = function (name) {
    if (!this.files[name]) {
      var self = this;
      this.files[name] = getJSON(new URL(name, this.base));
      this.files[name].catch(function () { delete self.files[name]; });
    }
    return this.files[name];
  };

  /* The number of the postings chunk whose range holds ``term``. */
  ShardedIndex.prototype.chunkOf = function (term) {
    var starts = this.manifest.chunks;
    var low = 0;
    var high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= term) { low = middle; } else { high = middle - 1; }
    }
    return low;
  };

  /* The postings of every term in the chunks ``numbers``, and their neighbours. */
  ShardedIndex.prototype.chunks = function (numbers) {
    var self = this;
    var unique = numbers.filter(function (n, i) { return numbers.indexOf(n) === i; });
    return Promise.all(unique.map(function (n) { return self.file("t" + n + ".json"); }))
      .then(function (parts) {
        var found = { postings: Object.create(null), near: Object.create(null) };
        parts.forEach(function (part) {
          ["postings", "near"].forEach(function (kind) {
            Object.keys(part[kind]).forEach(function (term) {
              found[kind][term] = part[kind][term];
            });
          });
        });
        return found;
      });
  };

  /* Index terms one edit away from a word that is not one itself. */
  ShardedIndex.prototype.near = function (word) {
    var self = this;
    var keys = bucketKeys(word);
    return Promise.all(keys.map(function (key) {
      return self.file("f" + bucketOf(key, self.manifest.buckets) + ".json");
    })).then(function (parts) {
      var near = [];
      parts.forEach(function (part, i) {
        (part[keys[i]] || "").split(" ").forEach(function (term) {
          if (term && near.indexOf(term) === -1 && oneEditAway(word, term)) { near.push(term); }
        });
      });
      return near;
    });
  };

  /* Query clauses as the site always asked lunr: each word stemmed (boost 10), as typed
   * and followed by anything (boost 2), and stemmed with one letter out (boost 1). */
  ShardedIndex.prototype.clauses = function (query) {
    var pipeline = this.pipeline;
    var english = this.english;
    var words = query + " " + expand(query, this.groups).join(" ");
    var clauses = [];
    window.lunr.tokenizer(words).forEach(function (token) {
      var word = token.toString();
      pipeline.runString(word).forEach(function (term) {
        clauses.push({ term: term, boost: 10, match: "exact" });
        if (!english && term !== word) {
          clauses.push({ term: word, boost: 10, match: "exact" });
        }
      });
      if (word.length >= 3) { clauses.push({ term: word, boost: 2, match: "prefix" }); }
      if (word.length >= FUZZY_MIN_LENGTH) {
        pipeline.runString(word).forEach(function (term) {
          clauses.push({ term: term, boost: 1, match: "fuzzy" });
        });
      }
    });
    return clauses;
  };

  /* Every clause's index terms, with the postings of all of them: first the chunks of the
   * words as typed, then what is one edit away from them, then the chunks of those. */
  ShardedIndex.prototype.lookUp = function (clauses) {
    var self = this;
    var numbers = [];
    clauses.forEach(function (clause) {
      var last = self.chunkOf(clause.match === "prefix" ? clause.term + "\uffff" : clause.term);
      for (var n = self.chunkOf(clause.term); n <= last; n++) { numbers.push(n); }
    });
    var fuzzy = clauses.filter(function (clause) { return clause.match === "fuzzy"; });
    return this.chunks(numbers).then(function (found) {
      return Promise.all(fuzzy.map(function (clause) {
        if (clause.term in found.postings) {
          var near = found.near[clause.term];
          clause.terms = [clause.term].concat(near ? near.split(" ") : []);
          return null;
        }
        return self.near(clause.term).then(function (terms) { clause.terms = terms; });
      }));
    }).then(function () {
      fuzzy.forEach(function (clause) {
        clause.terms.forEach(function (term) { numbers.push(self.chunkOf(term)); });
      });
      return self.chunks(numbers);
    }).then(function (found) {
      var postings = found.postings;
      clauses.forEach(function (clause) {
        if (clause.match === "exact") {
          clause.terms = clause.term in postings ? [clause.term] : [];
        } else if (clause.match === "prefix") {
          clause.terms = Object.keys(postings).filter(function (term) {
            return term.lastIndexOf(clause.term, 0) === 0;
          });
        }
      });
      return postings;
    });
  };

  /* Documents and their scores, best first; equal scores keep the site's order. */
  ShardedIndex.prototype.score = function (query) {
    var clauses = this.clauses(query);
    if (!clauses.length) { return Promise.resolve([]); }
    var fields = this.manifest.fields.length;
    return this.lookUp(clauses).then(function (postings) {
      var boosts = Object.create(null);
      clauses.forEach(function (clause) {
        clause.terms.forEach(function (term) {
          boosts[term] = (boosts[term] || 0) + clause.boost;
        });
      });
      var terms = Object.keys(boosts);
      var length = Math.sqrt(terms.reduce(function (sum, term) {
        return sum + boosts[term] * boosts[term];
      }, 0));
      var dots = Object.create(null);
      terms.forEach(function (term) {
        postings[term].forEach(function (row, field) {
          var doc = 0;
          for (var i = 0; i < row.length; i += 2) {
            doc += row[i];
            var dot = dots[doc] || (dots[doc] = zeros(fields));
            dot[field] += boosts[term] * (row[i + 1] / 1000);
          }
        });
      });
      return Object.keys(dots).map(function (doc) {
        var score = 0;
        dots[doc].forEach(function (dot) { if (dot) { score += dot / length; } });
        return { doc: Number(doc), score: score };
      }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    });
  };

  ShardedIndex.prototype.details = function (docs) {
    var self = this;
    var size = this.manifest.group;
    return Promise.all(docs.map(function (doc) {
      return self.file("d" + Math.floor(doc / size) + ".json").then(function (group) {
        return group[doc % size];
      });
    }));
  };

  /* The best services (three at most) and pages, with what each result shows. */
  ShardedIndex.prototype.search = function (query, max) {
    var self = this;
    return this.score(query).then(function (results) {
      var services = [];
      var own = [];
      var others = [];
      results.forEach(function (result) {
        if (self.services[result.doc]) {
          if (services.length < 3) { services.push(result.doc); }
        } else {
          (self.inReaderLanguage(result.doc) ? own : others).push(result.doc);
        }
      });
      var pages = own.concat(others).slice(0, max);
      // Scoring was one task; fetching and showing are others, so none holds up the page.
      return later().then(function () {
        return Promise.all([self.details(services), self.details(pages)]);
      });
    }).then(function (shown) {
      return { services: shown[0], pages: shown[1] };
    });
  };

  function SiteSearch(root) {
    this.root = root;
    this.form = root.querySelector(".sg-search__form");
    this.input = root.querySelector(".sg-search__input");
    this.count = root.querySelector(".sg-search__count");
    this.results = root.querySelector(".sg-search__results");
    this.services = root.querySelector(".sg-search__services");
    this.list = root.querySelector(".sg-search__list");
    this.siteRoot = root.getAttribute("data-sg-root") || "./";
    this.max = parseInt(root.getAttribute("data-sg-max") || "10", 10);
    // The page language's words for what this script writes (English when absent).
    try {
      this.words = JSON.parse(root.getAttribute("data-sg-words") || "{}");
    } catch (error) {
      this.words = {};
    }
    this.loading = null;
    this.asked = 0;
  }

  SiteSearch.prototype.word = function (name, english) {
    return typeof this.words[name] === "string" ? this.words[name] : english;
  };

  SiteSearch.prototype.start = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.search(self.input.value);
    });
    // Start loading as soon as the reader shows interest, so results come quickly.
    this.input.addEventListener("focus", function () { self.load(); }, { once: true });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.input.value) {
        self.input.value = "";
        self.clear();
      }
    });
    // What was typed and found never survives the page being hidden: Back after the quick
    // exit (or any Back) shows the back/forward cache's copy, which must show none of it.
    window.addEventListener("pagehide", function () { self.forget(); });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { self.forget(); }
    });
  };

  SiteSearch.prototype.forget = function () {
    this.input.value = "";
    this.clear();
  };

  SiteSearch.prototype.load = function () {
    var self = this;
    if (this.loading) { return this.loading; }
    var manifestUrl = new URL(this.root.getAttribute("data-sg-index"), document.baseURI);
    var lunrLoaded = new Promise(function (resolve, reject) {
      if (window.lunr) { resolve(); return; }
      var script = document.createElement("script");
      script.src = self.root.getAttribute("data-sg-lunr");
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    // The manifest is small: the parts a query needs are fetched when it runs.
    this.loading = Promise.all([lunrLoaded, getJSON(manifestUrl)]).then(function (loaded) {
      if (loaded[1].format !== FORMAT) { throw new Error("search: another index format"); }
      self.index = new ShardedIndex(manifestUrl, loaded[1]);
    });
    this.loading.catch(function () { self.loading = null; });
    return this.loading;
  };

  SiteSearch.prototype.search = function (raw) {
    var self = this;
    var query = normalise(raw);
    var asked = ++this.asked;
    if (!query) { this.clear(); return; }
    this.count.textContent = this.word("searching", "Searching…");
    this.load().then(function () {
      return self.index.search(query, self.max);
    }).then(function (found) {
      if (asked === self.asked) { self.show(found); }
    }, function () {
      self.loading = null; // a site rebuilt since the manifest came: fetch it again next time
      if (asked === self.asked) {
        self.count.textContent = self.word(
          "search_unavailable", "Search is not available. Use the A to Z instead.");
      }
    });
  };

  SiteSearch.prototype.show = function (found) {
    var self = this;
    this.services.textContent = "";
    this.list.textContent = "";
    var services = document.createDocumentFragment();
    var pages = document.createDocumentFragment();
    found.services.forEach(function (doc) { services.appendChild(self.serviceCard(doc)); });
    found.pages.forEach(function (doc) { pages.appendChild(self.pageResult(doc)); });
    this.services.appendChild(services);
    this.list.appendChild(pages);
    var total = found.services.length + found.pages.length;
    this.count.textContent = total === 0
      ? this.word("no_results", "No results. Try other words, or use the A to Z.")
      : total === 1 ? this.word("one_result", "1 result")
        : this.word("results", "{count} results").replace("{count}", total);
    this.results.hidden = total === 0;
  };

  SiteSearch.prototype.link = function (doc, text) {
    var a = element("a", "sg-search__link", text);
    a.href = this.siteRoot + doc.url;
    return a;
  };

  SiteSearch.prototype.serviceCard = function (doc) {
    var card = element("div", "sg-search__service");
    var name = element("p", "sg-search__service-name");
    name.appendChild(this.link(doc, doc.title));
    card.appendChild(name);
    if (doc.tel) {
      var call = element("a", "sg-search__call", this.word("call", "Call") + " " + doc.phone);
      call.href = doc.tel;
      card.appendChild(call);
    }
    return card;
  };

  SiteSearch.prototype.pageResult = function (doc) {
    var item = element("li", "sg-search__result");
    if (doc.lang) {
      // A translation found from a page in another language: say which, for screen readers
      // and for the direction of its words.
      item.setAttribute("lang", doc.lang);
      item.setAttribute("dir", "auto");
    }
    var title = element("p", "sg-search__result-title");
    title.appendChild(this.link(doc, doc.title));
    item.appendChild(title);
    var where = [doc.page, doc.kind === "easy" ? this.word("easy_read", "Easy read") : ""]
      .filter(Boolean).join(" · ");
    if (where) { item.appendChild(element("p", "sg-search__where", where)); }
    if (doc.excerpt) { item.appendChild(element("p", "sg-search__excerpt", doc.excerpt)); }
    return item;
  };

  SiteSearch.prototype.clear = function () {
    this.asked++; // results still on their way are not shown
    this.count.textContent = "";
    this.results.hidden = true;
    this.services.textContent = "";
    this.list.textContent = "";
  };

  function init() {
    var root = document.querySelector('[data-module="sg-search"]');
    if (!root || root.hasAttribute("data-sg-initialised") || !window.fetch || !window.Promise) {
      return;
    }
    var search = new SiteSearch(root);
    if (!search.form || !search.input || !search.count || !search.results) {
      return;
    }
    root.setAttribute("data-sg-initialised", "");
    search.start();
    // Loaded on demand (on-demand.js): a search already sent runs now; a box that already
    // has focus starts loading the index, as its focus would have.
    if (root.hasAttribute("data-sg-pending")) {
      root.removeAttribute("data-sg-pending");
      search.search(search.input.value);
    } else if (document.activeElement === search.input) {
      search.load();
    }
  }

  // For tests and benchmarks that compare its scores with lunr.js's own.
  window.SafeguardingSearch = { ShardedIndex: ShardedIndex };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
