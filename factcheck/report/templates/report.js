// Filters for the factcheck report: the page reads in full without this script; with it, the form
// appears and hides the findings that do not match. Each finding carries data-verdict, data-rule,
// data-subject and data-sources; the text search looks in a lower-cased copy of its text, made once.
// A few thousand findings filter in one pass (no layout until the end), the search after a pause in typing.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var texts = items.map(function (item) {  // what the finding shows, not the paragraphs behind its toggles
    var text = item.textContent;
    item.querySelectorAll("details.context").forEach(function (d) { text = text.replace(d.textContent, " "); });
    return text.toLowerCase();
  });
  var status = document.getElementById("filter-status");
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var field = function (name) { return form.elements[name]; };
  var timer = null;

  function apply() {
    var verdict = field("verdict").value, rule = field("rule").value, subject = field("subject").value;
    var source = field("source").value, words = field("q").value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var d = items[i].dataset;
      var match = (!verdict || d.verdict === verdict) && (!rule || d.rule === rule) &&
        (!subject || d.subject === subject) && (!source || (" " + d.sources + " ").indexOf(" " + source + " ") >= 0);
      for (var w = 0; match && w < words.length; w++) { match = texts[i].indexOf(words[w]) >= 0; }
      if (items[i].hidden === match) { items[i].hidden = !match; }
      if (match) { shown++; }
    }
    groups.forEach(function (group) { group.hidden = !group.querySelector("[data-finding]:not([hidden])"); });
    status.textContent = shown === items.length ? "Showing all " + items.length + " findings."
      : "Showing " + shown + " of " + items.length + " findings.";
  }

  form.addEventListener("change", apply);
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
