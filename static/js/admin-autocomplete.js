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

  // Hidden elements holding the field's name and the chosen value, read as "name, value"
  // (aria-labelledby); the box's own text would add the "×" that clears the choice.
  function hiddenText(box, id, text) {
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement("span");
      element.id = id;
      element.hidden = true;
      box.appendChild(element);
    }
    element.textContent = text;
    return id;
  }

  function chosenText(select) {
    return Array.prototype.map.call(select.selectedOptions, function (option) {
      return option.value ? option.textContent.trim() : "";
    }).join(", ");
  }

  function name(select) {
    var box = select.nextElementSibling;
    if (!select.id || !box || !box.classList.contains("select2") || !fieldName(select)) {
      return;
    }
    var nameId = hiddenText(box, select.id + "_name", fieldName(select));
    var valueId = hiddenText(box, select.id + "_value", chosenText(select));
    box.querySelector(".select2-selection").setAttribute("aria-labelledby", nameId + " " + valueId);
    box.querySelectorAll(".select2-selection__rendered[role=textbox], .select2-search__field").forEach(function (element) {
      element.setAttribute("aria-labelledby", nameId);
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
  $(document).on("change", "select.admin-autocomplete", function () {
    name(this);
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
