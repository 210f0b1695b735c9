/* Listen to this page: adds speed, sentence steps and read-along to the native player.
 *
 * The page's readable blocks carry data-sg-block="N"; the timings file gives, for each
 * sentence, its block, its character range in the block's text and its start and end in the
 * audio. The current sentence is highlighted (CSS Custom Highlight API where the browser has
 * it, the whole block otherwise). Nothing is announced while playing, and nothing is stored. */
(function () {
  "use strict";

  var SPEEDS = [0.75, 1, 1.25, 1.5];
  var HIGHLIGHT = "sg-reading";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");

  function button(text, className) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = className;
    el.textContent = text;
    return el;
  }

  // A speed as the page's language writes numbers: "0.75" in English, "0,75" in Polish.
  function number(value) {
    try {
      return value.toLocaleString(document.documentElement.lang || undefined);
    } catch (error) {
      return String(value); // a language code the browser does not know
    }
  }

  function Player(root) {
    this.root = root;
    this.audio = root.querySelector("audio");
    this.timingsUrl = root.getAttribute("data-sg-timings");
    this.timings = null;
    this.current = -1;
    this.loading = null;
  }

  // The page language's words for the buttons, from the player's data-sg-* attributes.
  Player.prototype.word = function (name, english) {
    return this.root.getAttribute("data-sg-" + name) || english;
  };

  Player.prototype.start = function () {
    var self = this;
    var controls = document.createElement("div");
    controls.className = "sg-player__controls";
    var back = button(this.word("previous", "Previous sentence"), "sg-player__step");
    var next = button(this.word("next", "Next sentence"), "sg-player__step");
    back.addEventListener("click", function () { self.step(-1); });
    next.addEventListener("click", function () { self.step(1); });
    controls.appendChild(back);
    controls.appendChild(next);
    var speeds = document.createElement("div");
    speeds.className = "sg-player__speeds";
    speeds.setAttribute("role", "group");
    speeds.setAttribute("aria-label", this.word("speeds", "Reading speed"));
    var speedName = this.word("speed", "Speed {speed} times");
    this.speedButtons = SPEEDS.map(function (speed) {
      var shown = number(speed);
      var b = button(shown + "×", "sg-player__speed");
      b.setAttribute("data-sg-rate", String(speed));
      b.setAttribute("aria-pressed", speed === 1 ? "true" : "false");
      b.setAttribute("aria-label", speedName.replace("{speed}", shown));
      b.addEventListener("click", function () { self.setSpeed(speed); });
      speeds.appendChild(b);
      return b;
    });
    controls.appendChild(speeds);
    this.audio.insertAdjacentElement("afterend", controls);

    this.audio.addEventListener("play", function () { self.load(); });
    // Loaded on demand (on-demand.js): playing may have started before this script came.
    if (!this.audio.paused) { this.load(); }
    this.audio.addEventListener("timeupdate", function () { self.follow(); });
    this.audio.addEventListener("ended", function () { self.mark(-1); });
    document.addEventListener("click", function (event) { self.playFrom(event); });
    // Back/forward cache: a page shown again says nothing of what was listened to.
    window.addEventListener("pagehide", function () { self.forget(); });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { self.forget(); }
    });
  };

  /* Stopped at the start, normal speed, nothing highlighted: as the page was served. */
  Player.prototype.forget = function () {
    this.audio.pause();
    if (this.audio.readyState > 0 && this.audio.currentTime !== 0) {
      this.audio.currentTime = 0;
    }
    this.target = 0;
    this.setSpeed(1);
    if (this.timings) { this.mark(-1); }
    this.current = -1;
  };

  Player.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      this.loading = fetch(this.timingsUrl, { credentials: "omit" })
        .then(function (response) { return response.json(); })
        .then(function (data) { self.timings = data.timings || []; })
        .catch(function () { self.loading = null; });
    }
    return this.loading;
  };

  /* Seek only once the file's length is known: with preload="none" an earlier seek is lost. */
  Player.prototype.seek = function (time) {
    var audio = this.audio;
    this.target = time;
    if (audio.readyState >= 1) {
      audio.currentTime = time;
      return Promise.resolve();
    }
    var self = this;
    if (!this.metadata) {
      this.metadata = new Promise(function (resolve) {
        audio.addEventListener("loadedmetadata", resolve, { once: true });
        audio.preload = "metadata";
        audio.load();
      });
    }
    // Several seeks while loading: the last one wins.
    return this.metadata.then(function () { audio.currentTime = self.target; });
  };

  Player.prototype.setSpeed = function (speed) {
    this.audio.playbackRate = speed;
    this.speedButtons.forEach(function (b) {
      var pressed = b.getAttribute("data-sg-rate") === String(speed);
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
  };

  Player.prototype.indexAt = function (time) {
    var found = -1;
    for (var i = 0; i < this.timings.length; i += 1) {
      if (this.timings[i].start <= time + 0.01) { found = i; } else { break; }
    }
    return found;
  };

  Player.prototype.follow = function () {
    // Paused with nothing marked (never started, or reset): a seek does not start marking.
    if (!this.timings || this.audio.paused && this.current < 0) { return; }
    var index = this.indexAt(this.audio.currentTime);
    if (index !== this.current) { this.mark(index); }
  };

  Player.prototype.step = function (delta) {
    var self = this;
    this.load().then(function () {
      if (!self.timings || !self.timings.length) { return; }
      var from = self.current >= 0 ? self.current : self.indexAt(self.audio.currentTime);
      var index = Math.max(0, Math.min(self.timings.length - 1, from + delta));
      self.mark(index);
      return self.seek(self.timings[index].start);
    });
  };

  Player.prototype.block = function (timing) {
    return document.querySelector('[data-sg-block="' + timing.block + '"]');
  };

  Player.prototype.range = function (el, start, end) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var range = document.createRange();
    var seen = 0;
    var node;
    var begun = false;
    while ((node = walker.nextNode())) {
      var length = node.nodeValue.length;
      if (!begun && start <= seen + length) {
        range.setStart(node, start - seen);
        begun = true;
      }
      if (begun && end <= seen + length) {
        range.setEnd(node, end - seen);
        return range;
      }
      seen += length;
    }
    return null;
  };

  Player.prototype.mark = function (index) {
    this.current = index;
    var old = document.querySelector(".sg-reading-block");
    if (old) { old.classList.remove("sg-reading-block"); }
    if (window.CSS && CSS.highlights) { CSS.highlights.delete(HIGHLIGHT); }
    if (index < 0 || !this.timings[index]) { return; }
    var timing = this.timings[index];
    var el = this.block(timing);
    if (!el) { return; }
    var range = window.CSS && CSS.highlights && window.Highlight
      ? this.range(el, timing.start_char, timing.end_char) : null;
    if (range) {
      CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    } else {
      el.classList.add("sg-reading-block");
    }
    var box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      el.scrollIntoView({ block: "center", behavior: reduceMotion && reduceMotion.matches ? "auto" : "smooth" });
    }
  };

  /* After the reader has started listening, a click on a sentence plays from there. */
  Player.prototype.playFrom = function (event) {
    if (!this.timings || this.audio.paused && this.current < 0) { return; }
    var target = event.target;
    if (!target.closest || target.closest("a, button, input, select, textarea, summary, audio, label")) { return; }
    var el = target.closest("[data-sg-block]");
    if (!el) { return; }
    var offset = this.offsetAt(el, event);
    var block = parseInt(el.getAttribute("data-sg-block"), 10);
    for (var i = 0; i < this.timings.length; i += 1) {
      var t = this.timings[i];
      if (t.block === block && (offset === null || (offset >= t.start_char && offset <= t.end_char))) {
        var audio = this.audio;
        this.mark(i);
        this.seek(t.start).then(function () { return audio.play(); });
        return;
      }
    }
  };

  Player.prototype.offsetAt = function (el, event) {
    var caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(event.clientX, event.clientY) : null;
    if (!caret || !el.contains(caret.startContainer)) { return null; }
    var before = document.createRange();
    before.setStart(el, 0);
    before.setEnd(caret.startContainer, caret.startOffset);
    return before.toString().length;
  };

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-module="sg-player"]'), function (root) {
      if (root.hasAttribute("data-sg-initialised") || !window.fetch) { return; }
      var player = new Player(root);
      if (!player.audio || !player.timingsUrl) { return; }
      root.setAttribute("data-sg-initialised", "");
      player.start();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
