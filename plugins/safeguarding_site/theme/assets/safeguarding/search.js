/* Site search: loads the index built at build time and shows results under the form.
 *
 * Nothing typed is put in the address, in storage or in history: the box has no name, the
 * form's own submission is stopped, and results are plain links. Without this script, the
 * form leads to the A to Z page. */
(function () {
  "use strict";

  var FUZZY_MIN_LENGTH = 5;

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
    this.loading = null;
  }

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
    this.loading = new Promise(function (resolve, reject) {
      if (window.lunr) { resolve(); return; }
      var script = document.createElement("script");
      script.src = self.root.getAttribute("data-sg-lunr");
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () {
      return fetch(self.root.getAttribute("data-sg-index"), { credentials: "omit" });
    }).then(function (response) {
      return response.json();
    }).then(function (data) {
      self.index = window.lunr.Index.load(data.index);
      self.docs = data.docs;
      self.groups = data.synonyms || [];
    });
    this.loading.catch(function () { self.loading = null; });
    return this.loading;
  };

  SiteSearch.prototype.search = function (raw) {
    var self = this;
    var query = normalise(raw);
    if (!query) { this.clear(); return; }
    this.count.textContent = "Searching…";
    this.load().then(function () {
      self.show(self.find(query));
    }, function () {
      self.count.textContent = "Search is not available. Use the A to Z instead.";
    });
  };

  SiteSearch.prototype.find = function (query) {
    var lunr = window.lunr;
    var words = query + " " + expand(query, this.groups).join(" ");
    var tokens = lunr.tokenizer(words).map(function (token) { return token.toString(); });
    if (!tokens.length) { return []; }
    return this.index.query(function (q) {
      tokens.forEach(function (term) {
        q.term(term, { boost: 10 });
        if (term.length >= 3) {
          q.term(term, { boost: 2, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
        }
        if (term.length >= FUZZY_MIN_LENGTH) {
          // Stemmed first, so "safegaurding" meets "safeguard" one swap away.
          q.term(term, { boost: 1, editDistance: 1 });
        }
      });
    });
  };

  SiteSearch.prototype.show = function (results) {
    var self = this;
    var services = [];
    var pages = [];
    results.forEach(function (result) {
      var doc = self.docs[result.ref];
      if (!doc) { return; }
      (doc.kind === "service" ? services : pages).push(doc);
    });
    services = services.slice(0, 3);
    pages = pages.slice(0, this.max);
    this.services.textContent = "";
    this.list.textContent = "";
    services.forEach(function (doc) { self.services.appendChild(self.serviceCard(doc)); });
    pages.forEach(function (doc) { self.list.appendChild(self.pageResult(doc)); });
    var total = services.length + pages.length;
    this.count.textContent = total === 0
      ? "No results. Try other words, or use the A to Z."
      : total === 1 ? "1 result" : total + " results";
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
      var call = element("a", "sg-search__call", "Call " + doc.phone);
      call.href = doc.tel;
      card.appendChild(call);
    }
    return card;
  };

  SiteSearch.prototype.pageResult = function (doc) {
    var item = element("li", "sg-search__result");
    var title = element("p", "sg-search__result-title");
    title.appendChild(this.link(doc, doc.title));
    item.appendChild(title);
    var where = [doc.page, doc.kind === "easy" ? "Easy read" : ""].filter(Boolean).join(" · ");
    if (where) { item.appendChild(element("p", "sg-search__where", where)); }
    if (doc.excerpt) { item.appendChild(element("p", "sg-search__excerpt", doc.excerpt)); }
    return item;
  };

  SiteSearch.prototype.clear = function () {
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
