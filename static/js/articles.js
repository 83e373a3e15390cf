// Article page: copy the link and print, without any third-party script.
// The button texts come from the template (data-*), so they follow the page's language.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-url");
      var ask = function () { window.prompt(button.getAttribute("data-prompt-text"), url); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = button.getAttribute("data-copied-text");
        }, ask);
      } else {
        ask();
      }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
