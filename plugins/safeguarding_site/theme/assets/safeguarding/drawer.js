/* Navigation drawer: makes the theme's menu button usable from the keyboard.
 *
 * Material for MkDocs opens its drawer with a <label> for a hidden checkbox, which a keyboard
 * cannot reach. This turns the label into a button (focusable, named, with its state) and lets
 * Escape close the drawer. Without this script, the drawer still opens with a pointer. */
(function () {
  "use strict";

  function init() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !button || button.hasAttribute("data-sg-initialised")) {
      return;
    }
    button.setAttribute("data-sg-initialised", "");
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-controls", "__drawer");
    if (!button.getAttribute("aria-label")) {
      button.setAttribute("aria-label", "Menu");
    }

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }

    function set(open) {
      if (toggle.checked !== open) {
        toggle.click(); // the theme listens for the checkbox's own change
      }
      sync();
    }

    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        set(!toggle.checked);
        if (toggle.checked) {
          var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
          if (first) {
            first.focus();
          }
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
    toggle.addEventListener("change", sync);
    sync();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
