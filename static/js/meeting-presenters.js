// The meeting form: an agenda item's presenter is chosen among the attendees typed in above, before
// the meeting is saved. Each presenter list is rebuilt from the attendee rows as they change; an
// attendee not saved yet is offered as "new-<row>", which the server links to that attendee once it
// is saved (meetings/forms.py). Without this script the lists hold the saved attendees.
(function () {
  "use strict";
  var $ = django.jQuery;
  var chosenRows = new WeakMap(); // presenter list → the attendee row it names, kept across renumbering

  function field(row, suffix) {
    return row.querySelector("[name^='attendees-'][name$='-" + suffix + "']");
  }

  function attendees() {
    var rows = document.querySelectorAll("#attendees-group .inline-related:not(.empty-form)");
    return Array.prototype.map.call(rows, function (row) {
      var pk = field(row, "id");
      var name = field(row, "name");
      var position = field(row, "position");
      var official = field(row, "official");
      var deleted = field(row, "DELETE");
      var label = name && name.value.trim();
      if (label && position && position.value.trim()) {
        label += ", " + position.value.trim();
      }
      if (!label && official && official.value) {
        label = official.selectedOptions[0].textContent.trim();
      }
      return {
        row: row,
        value: pk && pk.value ? pk.value : "new-" + name.name.split("-")[1],
        label: label,
        deleted: Boolean(deleted && deleted.checked)
      };
    });
  }

  function presenterLists() {
    return document.querySelectorAll("select[name^='agenda_items-'][name$='-presenter']:not([name*='__prefix__'])");
  }

  function chosenRow(select, people) {
    if (chosenRows.has(select)) {
      return chosenRows.get(select);
    }
    var chosen = people.find(function (person) { return person.value === select.value; });
    return chosen ? chosen.row : null;
  }

  function rebuild() {
    var people = attendees();
    presenterLists().forEach(function (select) {
      var row = chosenRow(select, people);
      var blank = select.options[0];
      select.replaceChildren(blank);
      people.forEach(function (person) {
        if (person.label && (!person.deleted || person.row === row)) {
          select.add(new Option(person.label, person.value, false, person.row === row));
        }
      });
      chosenRows.set(select, row && select.value ? row : null);
    });
  }

  function remember(event) {
    var select = event.target;
    var chosen = attendees().find(function (person) { return person.value === select.value; });
    chosenRows.set(select, chosen ? chosen.row : null);
  }

  $(function () {
    rebuild();
    // jQuery's own events too: the official's autocomplete (select2) announces a choice through jQuery.
    $(document).on("input change", "#attendees-group", rebuild);
    $(document).on("change", "select[name^='agenda_items-'][name$='-presenter']", remember);
    document.addEventListener("formset:added", rebuild);
    document.addEventListener("formset:removed", rebuild);
    // A removed row renumbers the rows after it once the event above has run: the values follow on sending.
    document.getElementById("meeting_form").addEventListener("submit", rebuild);
  });
})();
