/* Quick exit: enhances the "Exit this page" links rendered by the safeguarding plugin.
 *
 * Without this script every exit control is still a plain link to the neutral page. With it,
 * leaving hides the page at once, blanks the title, takes the site's later pages out of the
 * tab's Forward list and replaces the history entry; three presses of Shift leave from
 * anywhere on the page.
 *
 * The page loads this file first, asynchronously, from <head>: it depends on no other script
 * and listens on the document, so it works before the page has finished loading and when
 * every other script fails. */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var PRESS_WINDOW_MS = 5000;
  var ROOT = '[data-module="sg-quick-exit"]';
  var LINK = "a[data-sg-exit-link]";
  var READY = "data-sg-exit-ready";

  var html = document.documentElement;
  if (html.hasAttribute(READY)) {
    return; // Loaded twice: the first copy already listens.
  }
  html.setAttribute(READY, "");

  var presses = 0;
  var timer = null;
  var shiftDown = false;
  var shiftUsedAsModifier = false;
  var leaving = false;
  var title = "";
  var address = window.location.href;
  var options = null;

  function root() {
    return document.querySelector(ROOT);
  }

  /* The options rendered by the plugin, read once the bar exists. */
  function settings() {
    if (options) {
      return options;
    }
    var bar = root();
    if (!bar) {
      return {};
    }
    try {
      options = JSON.parse(bar.getAttribute("data-sg-options") || "{}");
    } catch (error) {
      options = {};
    }
    return options;
  }

  function exitLink(target) {
    var element = target && target.nodeType === 1 ? target : target && target.parentElement;
    return element && element.closest ? element.closest(LINK) : null;
  }

  function show(message) {
    var bar = root();
    var status = bar && bar.querySelector(".sg-exit__status");
    if (!status) {
      return;
    }
    bar.setAttribute("data-sg-presses", String(presses));
    status.textContent = message || "";
  }

  function reset() {
    window.clearTimeout(timer);
    presses = 0;
    shiftDown = false;
    shiftUsedAsModifier = false;
    show("");
  }

  function expire() {
    presses = 0;
    show((settings().messages || {}).expired);
    // The expiry message stays long enough to be read and announced, then clears.
    timer = window.setTimeout(function () { show(""); }, PRESS_WINDOW_MS);
  }

  /* Hide everything at once behind a plain screen; the class styles it, and the few
   * properties set here keep it covering the page even if the stylesheet never loaded. */
  function cover() {
    var body = document.body;
    if (!body) {
      return;
    }
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
    overlay.style.setProperty("position", "fixed");
    overlay.style.setProperty("inset", "0");
    overlay.style.setProperty("background", "#fff");
    overlay.textContent = (settings().messages || {}).loading || "Loading.";
    body.appendChild(overlay);
  }

  function uncover() {
    Array.prototype.forEach.call(document.querySelectorAll(".sg-exit-overlay"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-sg-hidden-by-exit]"),
      function (el) {
        el.hidden = el.getAttribute("data-sg-hidden-by-exit") === "hidden";
        el.style.removeProperty("display");
        el.removeAttribute("data-sg-hidden-by-exit");
      });
  }

  /* location.replace keeps the tab's Forward list: pages of this site read after this one
   * (and then left with Back) would stay one Forward press away. Where the browser lists
   * this tab's entries (the Navigation API) and some lie ahead, this entry becomes a neutral
   * one (the page read before, or the home page, under the site's name) and a new entry
   * pushed after it cuts the Forward list; the destination then replaces that new entry. */
  function cutForwardHistory() {
    var navigation = window.navigation;
    if (!navigation || !navigation.currentEntry || typeof navigation.entries !== "function") {
      return;
    }
    var entries = navigation.entries();
    var index = navigation.currentEntry.index;
    if (index < 0 || index >= entries.length - 1) {
      return;
    }
    var earlier = index > 0 ? entries[index - 1].url : null;
    var neutral = earlier || settings().home || "/";
    try {
      document.title = settings().siteName || "";
      window.history.replaceState(null, "", neutral);
      window.history.pushState(null, "", neutral);
    } catch (error) {
      // A browser that refuses: the exit still leaves, as location.replace alone would.
    }
  }

  /* Framed by another site, leaving from the frame would leave the framing page on screen:
   * leave from the top window. A sandbox may forbid that; then the frame leaves at least. */
  function go(destination) {
    if (window.top !== window.self) {
      try {
        window.top.location.replace(destination);
        return;
      } catch (error) {
        // Not allowed to move the top window: fall through.
      }
    }
    window.location.replace(destination);
  }

  function leave(event, destination) {
    if (event) {
      event.preventDefault();
    }
    if (leaving || !destination) {
      return;
    }
    leaving = true;
    window.clearTimeout(timer);
    var pointer = event && event.type === "click" && event.detail > 0;
    if (pointer && settings().newTab) {
      window.open(destination, "_blank", "noopener,noreferrer");
    }
    title = document.title;
    cover();
    if (window.top === window.self) {
      cutForwardHistory();
    }
    document.title = "";
    go(destination);
  }

  function destinationOf(link) {
    return link ? link.getAttribute("href") : null;
  }

  function onKeyDown(event) {
    // Space activates a link for people used to buttons; links only react to Enter.
    if (event.key === " " || event.key === "Spacebar") {
      var link = exitLink(event.target);
      if (link) {
        leave(event, destinationOf(link));
        return;
      }
    }
    if (event.key === "Shift") {
      shiftDown = true;
      shiftUsedAsModifier = false;
      return;
    }
    // Any other key, Shift+letter included, ends the count.
    if (shiftDown) {
      shiftUsedAsModifier = true;
    }
    if (presses > 0) {
      reset();
    }
  }

  function onKeyUp(event) {
    if (event.key !== "Shift" || settings().shiftShortcut === false) {
      return;
    }
    var counts = shiftDown && !shiftUsedAsModifier;
    shiftDown = false;
    if (!counts) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES_TO_EXIT) {
      leave(null, destinationOf(document.querySelector(ROOT + " " + LINK)));
      return;
    }
    var messages = settings().messages || {};
    show(presses === 1 ? messages.press_two_more : messages.press_one_more);
    timer = window.setTimeout(expire, PRESS_WINDOW_MS);
  }

  // Capture phase on the document: ready before the page has loaded, counting while focus is
  // in a text field, and before any other handler can stop the event.
  document.addEventListener("click", function (event) {
    var link = exitLink(event.target);
    if (link) {
      leave(event, destinationOf(link));
    }
  }, true);
  // A middle click would open the page in a new tab and leave this one on screen.
  document.addEventListener("auxclick", function (event) {
    var link = exitLink(event.target);
    if (link && event.button === 1) {
      leave(event, destinationOf(link));
    }
  }, true);
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);

  // Back/forward cache: a count in progress never survives the page being hidden.
  window.addEventListener("pagehide", function () {
    if (!leaving) {
      reset();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    if (leaving && window.location.href !== address) {
      // Restored under the neutral address this page left behind: show what that address
      // really is, never the page that was left.
      window.location.reload();
      return;
    }
    leaving = false;
    reset();
    uncover();
    if (title) {
      document.title = title;
    }
  });
})();
