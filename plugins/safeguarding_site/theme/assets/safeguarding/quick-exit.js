/* Quick exit: enhances the "Exit this page" links rendered by the safeguarding plugin.
 *
 * Without this script every exit control is still a plain link to the neutral page. With it,
 * leaving hides the page at once, blanks the title and replaces the history entry, and three
 * presses of Shift leave from anywhere on the page. */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var PRESS_WINDOW_MS = 5000;

  function readOptions(root) {
    try {
      return JSON.parse(root.getAttribute("data-sg-options") || "{}");
    } catch (error) {
      return {};
    }
  }

  function QuickExit(root) {
    this.root = root;
    this.options = readOptions(root);
    this.messages = this.options.messages || {};
    this.button = root.querySelector(".sg-exit__button");
    this.status = root.querySelector(".sg-exit__status");
    this.indicator = root.querySelector(".sg-exit__indicator");
    this.presses = 0;
    this.timer = null;
    this.shiftDown = false;
    this.shiftUsedAsModifier = false;
    this.leaving = false;
    this.title = document.title;
  }

  QuickExit.prototype.start = function () {
    var self = this;
    var links = document.querySelectorAll("a[data-sg-exit-link]");
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) {
        self.exit(event, link.getAttribute("href"));
      });
      // Space activates a link for people used to buttons; links only react to Enter.
      link.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Spacebar") {
          self.exit(event, link.getAttribute("href"));
        }
      });
    });
    if (this.options.shiftShortcut !== false) {
      // Capture phase on the document: counts while focus is in a text field, and before
      // any other handler can stop the event.
      document.addEventListener("keydown", function (event) { self.onKeyDown(event); }, true);
      document.addEventListener("keyup", function (event) { self.onKeyUp(event); }, true);
    }
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        self.restore();
      }
    });
  };

  QuickExit.prototype.onKeyDown = function (event) {
    if (event.key === "Shift") {
      this.shiftDown = true;
      this.shiftUsedAsModifier = false;
      return;
    }
    // Any other key, Shift+letter included, ends the count.
    if (this.shiftDown) {
      this.shiftUsedAsModifier = true;
    }
    if (this.presses > 0) {
      this.reset();
    }
  };

  QuickExit.prototype.onKeyUp = function (event) {
    if (event.key !== "Shift") {
      return;
    }
    var counts = this.shiftDown && !this.shiftUsedAsModifier;
    this.shiftDown = false;
    if (!counts) {
      return;
    }
    this.presses += 1;
    window.clearTimeout(this.timer);
    if (this.presses >= PRESSES_TO_EXIT) {
      this.exit(null, this.button.getAttribute("href"));
      return;
    }
    this.show(this.presses === 1 ? this.messages.press_two_more : this.messages.press_one_more);
    var self = this;
    this.timer = window.setTimeout(function () { self.expire(); }, PRESS_WINDOW_MS);
  };

  QuickExit.prototype.show = function (message) {
    this.root.setAttribute("data-sg-presses", String(this.presses));
    this.status.textContent = message || "";
  };

  QuickExit.prototype.expire = function () {
    this.presses = 0;
    this.show(this.messages.expired);
    var self = this;
    // The expiry message stays long enough to be read and announced, then clears.
    this.timer = window.setTimeout(function () { self.show(""); }, PRESS_WINDOW_MS);
  };

  QuickExit.prototype.reset = function () {
    window.clearTimeout(this.timer);
    this.presses = 0;
    this.shiftDown = false;
    this.show("");
  };

  QuickExit.prototype.exit = function (event, destination) {
    if (event) {
      event.preventDefault();
    }
    if (this.leaving) {
      return;
    }
    this.leaving = true;
    window.clearTimeout(this.timer);
    var pointer = event && event.type === "click" && event.detail > 0;
    if (pointer && this.options.newTab) {
      window.open(destination, "_blank", "noopener,noreferrer");
    }
    this.cover();
    document.title = "";
    window.location.replace(destination);
  };

  QuickExit.prototype.cover = function () {
    var body = document.body;
    Array.prototype.forEach.call(body.children, function (child) {
      if (!child.hasAttribute("data-sg-hidden-by-exit")) {
        child.setAttribute("data-sg-hidden-by-exit", child.hidden ? "hidden" : "shown");
        child.hidden = true;
        child.style.setProperty("display", "none", "important");
      }
    });
    var overlay = document.createElement("div");
    overlay.className = "sg-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("style", "position:fixed;inset:0;background:#fff;color:#0b0c0c;" +
      "z-index:2147483647;padding:1rem;font:1.25rem/1.5 sans-serif");
    overlay.textContent = this.messages.loading || "Loading.";
    body.appendChild(overlay);
  };

  /* Back/forward cache: the page comes back exactly as it was left, so undo the cover and
   * any count in progress before the reader sees it. */
  QuickExit.prototype.restore = function () {
    this.leaving = false;
    this.reset();
    Array.prototype.forEach.call(document.querySelectorAll(".sg-exit-overlay"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-sg-hidden-by-exit]"),
      function (el) {
        el.hidden = el.getAttribute("data-sg-hidden-by-exit") === "hidden";
        el.style.removeProperty("display");
        el.removeAttribute("data-sg-hidden-by-exit");
      });
    document.title = this.title;
  };

  function init() {
    var root = document.querySelector('[data-module="sg-quick-exit"]');
    if (!root || root.hasAttribute("data-sg-initialised")) {
      return;
    }
    var instance = new QuickExit(root);
    if (!instance.button || !instance.status || !instance.indicator) {
      return; // Markup not as expected: the plain links still work.
    }
    root.setAttribute("data-sg-initialised", "");
    instance.start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
