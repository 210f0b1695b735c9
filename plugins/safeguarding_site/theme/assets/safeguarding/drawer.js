/* Navigation drawer: a real menu button for keyboard and screen reader users.
 *
 * Material for MkDocs opens its drawer with a <label> for a hidden checkbox, which a keyboard
 * cannot reach, and a label may not take the button role. This puts a <button> in the label's
 * place (the same icon, a name, its state) and hides the label; Escape closes the drawer.
 * Without this script, the label stays and the drawer still opens with a pointer. */
(function () {
  "use strict";

  function init() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !label || document.querySelector(".sg-menu-button")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " sg-menu-button";
    button.innerHTML = label.innerHTML; // the theme's icon, hidden from screen readers below
    button.setAttribute("aria-controls", "__drawer");
    button.setAttribute("aria-label", label.getAttribute("aria-label") || "Menu");
    Array.prototype.forEach.call(button.querySelectorAll("svg"), function (svg) {
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
    });
    label.parentNode.insertBefore(button, label);
    label.hidden = true;

    function sync() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }

    function set(open) {
      if (toggle.checked !== open) {
        toggle.click(); // the theme listens for the checkbox's own change
      }
      sync();
    }

    button.addEventListener("click", function (event) {
      set(!toggle.checked);
      // Opened from the keyboard (Enter or Space make a click with no pointer details):
      // take focus into the drawer, where the reader wants to go next.
      if (toggle.checked && event.detail === 0) {
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        if (first) {
          first.focus();
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
    // privacy.js closes the menu when the page is hidden (a change event, which syncs the
    // button); the back/forward cache's copy is checked again when it is shown.
    window.addEventListener("pageshow", sync);
    sync();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
