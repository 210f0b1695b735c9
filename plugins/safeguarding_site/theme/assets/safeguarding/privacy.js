/* Leave nothing behind in the browser.
 *
 * Loaded early in <head>, before the theme's own scripts:
 * - with data-sg-memory-storage on this script, the theme's remembered settings (palette,
 *   tabs, dismissed banners) live in page memory, never in localStorage or sessionStorage;
 * - when the page is hidden (another page opened, the tab closed, the quick exit) and again
 *   when the back/forward cache shows it again, what the reader opened or typed goes back to
 *   how the page was served: expandable sections, the menu and other toggles, form fields,
 *   selected text. Components with state of their own (search, player) clear it themselves. */
(function () {
  "use strict";

  var script = document.currentScript;

  if (script && script.hasAttribute("data-sg-memory-storage")) {
    var memory = new Map();
    var get = function (key) {
      return memory.has(key) ? JSON.parse(memory.get(key)) : null;
    };
    var set = function (key, value) {
      memory.set(key, JSON.stringify(value));
    };
    // The theme defines its storage helpers a moment later, by assignment. Accessors whose
    // setter ignores the assignment keep these in place, whatever order scripts run in.
    try {
      Object.defineProperty(window, "__md_get", { get: function () { return get; }, set: function () {} });
      Object.defineProperty(window, "__md_set", { get: function () { return set; }, set: function () {} });
    } catch (error) {
      // Already defined by something that cannot be replaced: leave it.
    }
  }

  var served = null;

  /* How each expandable section was served, noted once the page has been read in. */
  function noteServedState() {
    served = Array.prototype.map.call(document.querySelectorAll("details"), function (el) {
      return [el, el.open];
    });
  }

  function forget() {
    if (served) {
      served.forEach(function (pair) { pair[0].open = pair[1]; });
    }
    Array.prototype.forEach.call(document.querySelectorAll("input, textarea, select"),
      function (field) {
        if (field.name === "__palette") {
          return; // the colour scheme follows the reader's device, not what they read
        }
        if (field.type === "checkbox" || field.type === "radio") {
          if (field.checked !== field.defaultChecked) {
            field.checked = field.defaultChecked;
            // The theme follows its toggles (menu, navigation sections, tabs) by this event.
            field.dispatchEvent(new Event("change", { bubbles: true }));
          }
        } else if (field.tagName === "SELECT") {
          Array.prototype.forEach.call(field.options, function (option) {
            option.selected = option.defaultSelected;
          });
        } else if (field.type !== "hidden" && field.type !== "submit" && field.type !== "button") {
          field.value = field.defaultValue;
        }
      });
    if (window.getSelection) {
      window.getSelection().removeAllRanges();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", noteServedState);
  } else {
    noteServedState();
  }
  window.addEventListener("pagehide", forget);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      forget();
    }
  });
})();
