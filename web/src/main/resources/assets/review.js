// Keyboard shortcuts for the review queue (documented on the page). Every action is also a plain
// form, so the queue works without this script.
(function () {
  "use strict";
  var table = document.getElementById("review-queue");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var help = document.getElementById("review-help");
  var current = 0;

  function focusRow(index) {
    if (rows.length === 0) return;
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach(function (row, i) {
      row.classList.toggle("current", i === current);
      if (i === current) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    });
    rows[current].scrollIntoView({ block: "nearest" });
  }

  function submit(form) {
    if (!form) return;
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  rows.forEach(function (row, i) {
    row.addEventListener("click", function (event) {
      if (!typing(event.target) && event.target.tagName !== "BUTTON" && event.target.tagName !== "A") focusRow(i);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var row = rows[current];
    switch (event.key) {
      case "j": focusRow(current + 1); break;
      case "k": focusRow(current - 1); break;
      case "a": if (row) submit(row.querySelector("form.row-accept")); break;
      case "r":
        if (row) {
          var reason = row.querySelector("form.row-reject input[name=reason]");
          if (reason) reason.focus();
        }
        break;
      case "e":
      case "Enter":
        if (row) window.location.assign(row.getAttribute("data-href"));
        break;
      case "x":
        if (row) {
          var box = row.querySelector("input[type=checkbox]");
          if (box) { box.checked = !box.checked; row.classList.toggle("selected", box.checked); }
        }
        break;
      case "?": if (help) help.open = !help.open; break;
      default: return;
    }
    event.preventDefault();
  });

  focusRow(0);
})();
