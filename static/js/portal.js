/* Text-size controls (A-, A, A+): the choice persists in this browser only (localStorage). */
(function () {
  "use strict";
  var KEY = "portal-text-scale";
  var STEPS = [0.875, 1, 1.125, 1.25, 1.5];
  var root = document.documentElement;

  function stored() {
    try {
      var value = parseFloat(window.localStorage.getItem(KEY));
      return STEPS.indexOf(value) >= 0 ? value : 1;
    } catch (e) {
      return 1;
    }
  }

  function apply(scale) {
    root.style.setProperty("--font-scale", String(scale));
    try {
      window.localStorage.setItem(KEY, String(scale));
    } catch (e) {
      /* private mode: the size still applies to this page */
    }
  }

  apply(stored());

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-text-size]");
    if (!button) {
      return;
    }
    var index = STEPS.indexOf(stored());
    var action = button.getAttribute("data-text-size");
    if (action === "larger") {
      index = Math.min(index + 1, STEPS.length - 1);
    } else if (action === "smaller") {
      index = Math.max(index - 1, 0);
    } else {
      index = STEPS.indexOf(1);
    }
    apply(STEPS[index]);
  });
})();

/* The main menu folds behind a "Menu" button on phones; without JavaScript it simply stays open. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".menu-toggle");
    if (!toggle) {
      return;
    }
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    document.getElementById(toggle.getAttribute("aria-controls")).classList.toggle("open", open);
  });
})();
