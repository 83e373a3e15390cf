// The admin's autocomplete boxes (select2) named after their field, for screen readers: select2
// names its box after the chosen value only, so an empty box has no name, and its search inputs
// have none. The field's name is its label's text, or the aria-label the server gave the select
// in a table row (core/admin.py). Loaded after Django's autocomplete.js, which starts select2.
(function () {
  "use strict";
  var $ = django.jQuery;

  function fieldName(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var text = label ? label.textContent : select.getAttribute("aria-label") || "";
    return text.trim().replace(/:$/, "");
  }

  // A hidden element holding the name, so the box reads "name, chosen value" (aria-labelledby).
  function nameElement(select, box) {
    var id = select.id + "_name";
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement("span");
      element.id = id;
      element.hidden = true;
      box.appendChild(element);
    }
    element.textContent = fieldName(select);
    return element;
  }

  function name(select) {
    var box = select.nextElementSibling;
    if (!select.id || !box || !box.classList.contains("select2") || !fieldName(select)) {
      return;
    }
    var nameId = nameElement(select, box).id;
    var selection = box.querySelector(".select2-selection");
    var rendered = box.querySelector(".select2-selection--single .select2-selection__rendered");
    if (rendered) {
      rendered.setAttribute("aria-labelledby", nameId);
      selection.setAttribute("aria-labelledby", nameId + " " + rendered.id);
    } else {
      selection.setAttribute("aria-labelledby", nameId);
    }
    box.querySelectorAll(".select2-search__field").forEach(function (input) {
      input.setAttribute("aria-labelledby", nameId);
    });
  }

  function nameAll(root) {
    root.querySelectorAll("select.admin-autocomplete.select2-hidden-accessible").forEach(name);
  }

  $(function () {
    nameAll(document);
  });
  document.addEventListener("formset:added", function (event) {
    nameAll(event.target);
  });
  // The search input of an open single box lives in the dropdown, added to the page when it opens.
  $(document).on("select2:open", "select.admin-autocomplete", function () {
    var id = this.id + "_name";
    document.querySelectorAll(".select2-container--open .select2-search--dropdown .select2-search__field")
      .forEach(function (input) {
        input.setAttribute("aria-labelledby", id);
      });
  });
})();
