/* The counting beacon: once the page is actually visible, tell the portal, and show its live figures.

   The element carrying data-stats-beacon names the address to call. The answer carries the visitor
   figures and, on an article page, the article's view count, which replace those the page (perhaps
   from a cache) was drawn with. Without JavaScript, the <noscript> image in the same element counts. */
(function () {
  "use strict";
  var element = document.querySelector("[data-stats-beacon]");
  if (!element || !window.fetch) {
    return;
  }
  var sent = false;
  var format = new Intl.NumberFormat(document.documentElement.lang === "en" ? "en-US" : "vi-VN");

  function write(selector, value) {
    if (value === null || value === undefined) {
      return;
    }
    document.querySelectorAll(selector).forEach(function (node) {
      node.textContent = format.format(value);
    });
  }

  function show(answer) {
    var figures = answer.figures || {};
    Object.keys(figures).forEach(function (name) {
      write('[data-stat="' + name + '"]', figures[name]);
    });
    write("[data-article-views]", answer.views);
  }

  function report() {
    if (sent || document.visibilityState !== "visible") {
      return;
    }
    sent = true;
    document.removeEventListener("visibilitychange", report);
    fetch(element.getAttribute("data-stats-beacon"), {
      method: "POST",
      keepalive: true,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : {};
      })
      .then(show)
      .catch(function () {
        /* offline, or the portal is busy: the page stays as it was drawn */
      });
  }

  document.addEventListener("visibilitychange", report);
  report();
})();
