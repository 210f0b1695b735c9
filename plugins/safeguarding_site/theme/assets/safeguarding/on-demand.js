/* Loads the search and player scripts when a reader first reaches for them: search when its
 * box (or its button) gets focus, the player when it is opened. A page that is only read
 * downloads neither. Without JavaScript both still work as plain HTML: the form leads to the
 * A to Z, and the native audio player plays.
 *
 * A search sent before its script has arrived waits for it; if the script cannot load, the
 * form is sent as it would be without JavaScript. */
(function () {
  "use strict";

  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.Promise) { return; }
  var loading = Object.create(null);

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = here.replace(/on-demand\.js([?#].*)?$/, name + ".js");
        script.onload = resolve;
        script.onerror = function () {
          delete loading[name]; // a later attempt may work
          script.remove();
          reject(new Error(name + ".js did not load"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function searchRoot(node) {
    return node && node.closest ? node.closest('[data-module="sg-search"]') : null;
  }

  document.addEventListener("focusin", function (event) {
    if (searchRoot(event.target)) { load("search"); }
  });

  document.addEventListener("submit", function (event) {
    var root = searchRoot(event.target);
    if (!root || root.hasAttribute("data-sg-initialised")) { return; }
    event.preventDefault();
    root.setAttribute("data-sg-pending", ""); // search.js runs it when it starts
    var form = event.target;
    load("search").catch(function () {
      root.removeAttribute("data-sg-pending");
      form.submit(); // to the A to Z, as without JavaScript
    });
  }, true);

  // Words typed in the box never survive the page being hidden, even if search.js never came
  // (it clears its results too): Back would show them from the back/forward cache.
  window.addEventListener("pagehide", function () {
    var box = document.querySelector('[data-module="sg-search"] input');
    if (box) { box.value = ""; }
  });

  // "toggle" does not bubble; a listener on the document still hears it while capturing.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.open && details.matches && details.matches('[data-module="sg-player"]')) {
      load("player");
    }
  }, true);
})();
